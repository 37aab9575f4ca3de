/**
 * The shape shared by every judge of a Kubernetes preset's RBAC: one check per seed (or vendor
 * document) row, as a request by a service account and the answer the row demands. The pure
 * evaluator (components/kubernetes/authorize.ts) and the real API server harness (SubjectAccessReview)
 * both answer the same list, so a disagreement between them is a failing test, not a footnote.
 * Each vendor's list (tests/support/castai-k8s.ts, tests/support/cloudpilot-k8s.ts) is built from
 * its catalog with grantedRules, requestsOf and grantingEntries below; its labels and near misses
 * are its own.
 */
import { Request, ServiceAccountRef, ruleAllows } from "../../components/kubernetes/authorize";
import { CatalogRole, CatalogRuleEntry, roleNamespace, substituteNamespace } from "../../components/kubernetes/catalog";
import { PolicyRule, PolicyRuleObject } from "../../components/kubernetes/rbac";

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

/** Verbs whose requests carry no object name (create posts to the collection). */
export const UNNAMED_VERBS = ["create", "list", "watch", "deletecollection"];

/** What the impersonate verb applies to: [API group, resource]. */
export const IMPERSONATE_TARGETS: readonly (readonly [string, string])[] = [
    ["", "users"], ["", "groups"], ["", "serviceaccounts"], ["authentication.k8s.io", "uids"], ["authentication.k8s.io", "userextras"],
];

/**
 * One request per verb, group, resource (split into subresource) and name the rule lists, in
 * `namespace` (undefined: cluster scope). A `*` is asked as samples: verbs get, update and
 * deletecollection; groups core, apps and example.com; resources `reaches` (what the vendor's `*`
 * is known to reach), then `anythings`. Without resourceNames, verbs that name an object ask for
 * `some-object`.
 */
export function requestsOf(rule: PolicyRule, namespace: string | undefined, reaches: readonly string[] = []): Request[] {
    if (rule.nonResourceURLs) return rule.verbs.flatMap((verb) => rule.nonResourceURLs!.map((nonResourceURL) => ({ verb, nonResourceURL })));
    const out: Request[] = [];
    const verbs = rule.verbs.flatMap((v) => (v === "*" ? ["get", "update", "deletecollection"] : [v]));
    for (const verb of verbs) {
        for (const apiGroup of rule.apiGroups!.flatMap((x) => (x === "*" ? ["", "apps", "example.com"] : [x]))) {
            for (const res of rule.resources!.flatMap((x) => (x === "*" ? [...reaches, "anythings"] : [x]))) {
                const [resource, subresource] = res.split("/");
                const names = rule.resourceNames ?? [UNNAMED_VERBS.includes(verb) ? undefined : "some-object"];
                for (const name of names) {
                    out.push({ verb, apiGroup, resource, ...(subresource ? { subresource } : {}), ...(name ? { name } : {}), ...(namespace ? { namespace } : {}) });
                }
            }
        }
    }
    return out;
}

/** One catalog rule as one role grants it, and the requests it allows. */
export interface GrantedRule<E extends CatalogRuleEntry, R extends CatalogRole> {
    readonly entry: E;
    readonly role: R;
    /** The entry's rule with `{namespace}` filled in. */
    readonly rule: PolicyRule;
    /** Where the role applies: undefined for a ClusterRole, else the Role's namespace. */
    readonly roleNamespace: string | undefined;
    /** The role's component's service account. */
    readonly who: ServiceAccountRef;
    /** What the rule allows: cluster-wide and in `default` for a ClusterRole (a non-resource URL once), in its namespace for a Role. */
    readonly requests: Request[];
}

/**
 * Every rule of `entries` as each of `roles` (the granted ones) carries it, in catalog order then
 * role order, with the components in `namespace` and their service accounts `serviceAccountOf`.
 */
export function grantedRules<E extends CatalogRuleEntry & { readonly reaches?: readonly string[] }, R extends CatalogRole>(
    entries: readonly E[], roles: readonly R[], namespace: string, serviceAccountOf: (component: R["component"]) => string,
): GrantedRule<E, R>[] {
    return entries.flatMap((entry) => roles.filter((r) => entry.roles.includes(r.key)).map((role) => {
        const rule = substituteNamespace(entry.rule, namespace);
        const ns = roleNamespace(role, namespace);
        const requests = role.kind === "ClusterRole" && !rule.nonResourceURLs
            ? [...requestsOf(rule, undefined, entry.reaches), ...requestsOf(rule, "default", entry.reaches)]
            : requestsOf(rule, ns, entry.reaches);
        return { entry, role, rule, roleNamespace: ns, who: { namespace, name: serviceAccountOf(role.component) }, requests };
    }));
}

/**
 * The oracle for near misses: the IDs of the entries that allow `req` through `roles`, each where
 * it applies (a ClusterRole everywhere, a Role in its namespace), `{namespace}` filled in.
 */
export function grantingEntries(roles: readonly CatalogRole[], entries: readonly CatalogRuleEntry[], namespace: string, req: Request): string[] {
    const ns = "nonResourceURL" in req ? undefined : req.namespace;
    return roles.filter((r) => roleNamespace(r, namespace) === undefined || roleNamespace(r, namespace) === ns)
        .flatMap((r) => entries.filter((e) => e.roles.includes(r.key) && ruleAllows(substituteNamespace(e.rule, namespace) as PolicyRuleObject, req)).map((e) => e.id));
}
