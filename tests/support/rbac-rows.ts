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

/** A request in one line, for assertion messages: `verb group/resource[/sub] "name" in ns`. */
export function showRequest(r: Request): string {
    if ("nonResourceURL" in r) return `${r.verb} ${r.nonResourceURL}`;
    const res = `${r.apiGroup || "core"}/${r.resource}${r.subresource ? `/${r.subresource}` : ""}`;
    return `${r.verb} ${res}${r.name ? ` "${r.name}"` : ""}${r.namespace ? ` in ${r.namespace}` : " (cluster)"}`;
}
