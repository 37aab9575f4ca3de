/**
 * A pure RBAC evaluator that answers requests the way Kubernetes' RBAC authorizer does
 * (kubernetes/plugin/pkg/auth/authorizer/rbac and pkg/apis/rbac/v1 helpers), and the
 * escalation check the API server runs when a Role, ClusterRole or binding is created
 * (pkg/registry/rbac/validation: a caller may only grant rules it holds itself).
 *
 * Semantics implemented:
 * - ClusterRoleBindings grant their ClusterRole everywhere (every namespace and cluster scope).
 * - A RoleBinding in namespace N grants its Role (in N) or ClusterRole only for requests in N.
 * - Subjects: ServiceAccount (name + namespace; in a RoleBinding, no namespace means the binding's),
 *   User `system:serviceaccount:<ns>:<name>`, and the groups `system:serviceaccounts`,
 *   `system:serviceaccounts:<ns>` and `system:authenticated`.
 * - verbs and apiGroups match exactly or by `*`; resources match `res`, `res/sub`, `*`, or `*\/sub` (any
 *   resource's `sub`); `res/*` is no wildcard, for matching or for the escalation check;
 *   resourceNames, when set, require the request's name to be one of them (an unnamed request,
 *   such as a plain create or list, never matches a rule with resourceNames).
 * - nonResourceURLs match exactly, or by a trailing `*` prefix.
 */
import { rbacListCovers, rbacResourceCovers } from "../core/rbac-match";
import { KubeObject, PolicyRuleObject, serviceAccountUsername } from "./rbac";

/** Who asks: a service account. */
export interface ServiceAccountRef {
    readonly namespace: string;
    readonly name: string;
}

/** A resource request, as the authorizer sees it. */
export interface ResourceRequest {
    readonly verb: string;
    /** `""` for the core group. */
    readonly apiGroup: string;
    readonly resource: string;
    readonly subresource?: string;
    /** The object's name; absent for create (POST to the collection), list, watch, deletecollection. */
    readonly name?: string;
    /** Absent (or `""`) for cluster-scoped resources and cluster-wide list/watch. */
    readonly namespace?: string;
}

export interface NonResourceRequest {
    readonly verb: string;
    readonly nonResourceURL: string;
}

export type Request = ResourceRequest | NonResourceRequest;

function isNonResource(r: Request): r is NonResourceRequest {
    return (r as NonResourceRequest).nonResourceURL !== undefined;
}

/** `bindingNamespace`: a RoleBinding's namespace, which a ServiceAccount subject without one means ("" for a ClusterRoleBinding). */
function subjectMatches(s: NonNullable<KubeObject["subjects"]>[number], who: ServiceAccountRef, bindingNamespace: string): boolean {
    switch (s.kind) {
        case "ServiceAccount":
            return s.name === who.name && (s.namespace || bindingNamespace) === who.namespace;
        case "User":
            return s.name === serviceAccountUsername(who.namespace, who.name);
        case "Group":
            return s.name === "system:serviceaccounts" || s.name === `system:serviceaccounts:${who.namespace}`
                || s.name === "system:authenticated";
        default:
            return false;
    }
}

/** The Role (in `namespace`) or ClusterRole a roleRef of `kind` and `name` names, among `objects`. */
export function findRole(objects: readonly KubeObject[], kind: string, name: string, namespace?: string): KubeObject | undefined {
    return objects.find((o) => o.kind === kind && o.metadata.name === name
        && (kind === "ClusterRole" || o.metadata.namespace === namespace));
}

/**
 * The rules that apply to `who` in `namespace` (undefined: cluster scope, where only
 * ClusterRoleBindings count), gathered from `objects` as the authorizer's rule resolver does.
 */
export function rulesFor(objects: readonly KubeObject[], who: ServiceAccountRef, namespace?: string): PolicyRuleObject[] {
    const out: PolicyRuleObject[] = [];
    for (const b of objects) {
        const bindingNamespace = b.kind === "RoleBinding" ? b.metadata.namespace ?? "" : "";
        const bound = (b.subjects ?? []).some((s) => subjectMatches(s, who, bindingNamespace));
        if (!bound || !b.roleRef) continue;
        if (b.kind === "ClusterRoleBinding") {
            if (b.roleRef.kind !== "ClusterRole") continue;
            out.push(...(findRole(objects, "ClusterRole", b.roleRef.name)?.rules ?? []));
        } else if (b.kind === "RoleBinding" && namespace !== undefined && namespace !== "" && b.metadata.namespace === namespace) {
            const role = b.roleRef.kind === "ClusterRole"
                ? findRole(objects, "ClusterRole", b.roleRef.name)
                : findRole(objects, "Role", b.roleRef.name, namespace);
            // Every rule, non-resource URLs too (the escalation check counts them in this namespace);
            // a RoleBinding still grants no URL: a non-resource request is never in a namespace.
            out.push(...(role?.rules ?? []));
        }
    }
    return out;
}

/** True when one rule allows the request (the authorizer's RuleAllows). */
export function ruleAllows(rule: PolicyRuleObject, req: Request): boolean {
    if (!rbacListCovers(rule.verbs, req.verb)) return false;
    if (isNonResource(req)) return urlCovers(rule.nonResourceURLs ?? [], req.nonResourceURL);
    if (rule.nonResourceURLs !== undefined && rule.resources === undefined) return false;
    if (!rbacListCovers(rule.apiGroups, req.apiGroup)) return false;
    if (!rbacResourceCovers(rule.resources ?? [], req.subresource ? `${req.resource}/${req.subresource}` : req.resource)) return false;
    if (rule.resourceNames && rule.resourceNames.length > 0) {
        return req.name !== undefined && req.name !== "" && rule.resourceNames.includes(req.name);
    }
    return true;
}

/** True when the RBAC objects allow `who` to make `req` (no other authorizer is consulted). */
export function authorize(objects: readonly KubeObject[], who: ServiceAccountRef, req: Request): boolean {
    const ns = isNonResource(req) ? undefined : req.namespace;
    return rulesFor(objects, who, ns === "" ? undefined : ns).some((r) => ruleAllows(r, req));
}

/** One rule broken down to a single verb, group, resource and name (Kubernetes' BreakdownRule). */
function breakdown(rule: PolicyRuleObject): PolicyRuleObject[] {
    const out: PolicyRuleObject[] = [];
    for (const verb of rule.verbs) {
        for (const url of rule.nonResourceURLs ?? []) out.push({ verbs: [verb], nonResourceURLs: [url] });
        for (const group of rule.apiGroups ?? []) {
            for (const resource of rule.resources ?? []) {
                const names = rule.resourceNames && rule.resourceNames.length > 0 ? rule.resourceNames : [undefined];
                for (const name of names) {
                    out.push({ verbs: [verb], apiGroups: [group], resources: [resource], ...(name ? { resourceNames: [name] } : {}) });
                }
            }
        }
    }
    return out;
}

/** `url` is one of `owner`, or under one ending in `*` (matching and coverage use the same rule). */
function urlCovers(owner: readonly string[], url: string): boolean {
    return owner.some((u) => u === "*" || u === url || (u.endsWith("*") && url.startsWith(u.replace(/\*+$/, ""))));
}

/** True when `owner` covers the one broken-down rule `servant` (Kubernetes' ruleCovers). */
function ruleCovers(owner: PolicyRuleObject, servant: PolicyRuleObject): boolean {
    const verb = servant.verbs[0];
    if (!rbacListCovers(owner.verbs, verb)) return false;
    if (servant.nonResourceURLs) return urlCovers(owner.nonResourceURLs ?? [], servant.nonResourceURLs[0]);
    const group = servant.apiGroups![0];
    if (!rbacListCovers(owner.apiGroups, group)) return false;
    if (!rbacResourceCovers(owner.resources ?? [], servant.resources![0])) return false;
    if (!owner.resourceNames || owner.resourceNames.length === 0) return true;
    return servant.resourceNames !== undefined && owner.resourceNames.includes(servant.resourceNames[0]);
}

/**
 * The rules of `servant` that `owner` does not cover, broken down to one verb, group, resource
 * and name each. Empty means a caller holding `owner` may create a role with `servant` without
 * the `escalate` verb (and bind it without `bind`).
 */
export function uncovered(owner: readonly PolicyRuleObject[], servant: readonly PolicyRuleObject[]): PolicyRuleObject[] {
    return servant.flatMap(breakdown).filter((s) => !owner.some((o) => ruleCovers(o, s)));
}
