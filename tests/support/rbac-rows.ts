/**
 * The shape shared by every judge of a Kubernetes preset's RBAC: one check per seed (or vendor
 * document) row, as a request by a service account and the answer the row demands. The pure
 * evaluator (components/kubernetes/authorize.ts) and the real API server harness (SubjectAccessReview)
 * both answer the same list, so a disagreement between them is a failing test, not a footnote.
 */
import { Request, ServiceAccountRef } from "../../components/kubernetes/authorize";

export interface RowCheck {
    /** The table and row of the source document the check comes from, or why it is a near miss. */
    readonly row: string;
    readonly who: ServiceAccountRef;
    readonly request: Request;
    /** What the row demands: true for the row itself, false for its near misses. */
    readonly allowed: boolean;
}

/** A request as a reviewer reads it: `patch apps/deployments "castai-agent" in castai-agent`. */
export function showRequest(r: Request): string {
    if ("nonResourceURL" in r) return `${r.verb} ${r.nonResourceURL}`;
    const res = `${r.apiGroup || "core"}/${r.resource}${r.subresource ? `/${r.subresource}` : ""}`;
    return `${r.verb} ${res}${r.name ? ` "${r.name}"` : ""}${r.namespace ? ` in ${r.namespace}` : " (cluster)"}`;
}

/** One line per check, for failure messages: who, what, and the answer the row demands. */
export function showCheck(c: RowCheck): string {
    return `${c.who.namespace}/${c.who.name}: ${showRequest(c.request)} should be ${c.allowed ? "allowed" : "denied"} [${c.row}]`;
}

/** The checks grouped by row, in first-seen order (one test per row). */
export function byRow(checks: readonly RowCheck[]): Map<string, RowCheck[]> {
    const out = new Map<string, RowCheck[]>();
    for (const c of checks) out.set(c.row, [...(out.get(c.row) ?? []), c]);
    return out;
}
