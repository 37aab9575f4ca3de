/**
 * castai-kubernetes for the tests: the rendered objects (through the real render code), and the
 * row checks every judge of its RBAC answers — the seed's rows (../shared/seeds/castai-kubernetes-permissions.txt)
 * as allowed requests, their near misses, and the critical denials. The evaluator test
 * (tests/castai-k8s-rbac.test.ts) and the API server test (tests/apiserver.test.ts) share this list.
 */
import { PolicyRule } from "../../components/kubernetes/rbac";
import { substituteNamespace } from "../../components/kubernetes/catalog";
import { renderedObjectsOf } from "./k8s-objects";
import { Request, ResourceRequest } from "../../components/kubernetes/authorize";
import {
    CASTAI_PHASE, CASTAI_RBAC_ENTRIES, CASTAI_ROLES, CASTAI_SEED_ALIASES, CASTAI_SERVICE_ACCOUNTS, CastAiComponent,
} from "../../components/castai/cluster-rbac-catalog";
import { IMPERSONATE_TARGETS, RowCheck, UNNAMED_VERBS, grantedRules, grantingEntries, requestsOf } from "./rbac-rows";

export const renderedObjects = renderedObjectsOf("castai-kubernetes");

/** The components' namespace the rows assume (the preset's default). */
export const CASTAI_NS = "castai-agent";
export const castAiServiceAccount = (c: CastAiComponent) => ({ namespace: CASTAI_NS, name: CASTAI_SERVICE_ACCOUNTS[c] });

/** The roles of one phase (extendedPermissions, default components: phase 2 adds the cluster controller, evictor and pod pinner), without the opt-in roles unless `optIn` (operatorClusterWidePodWrite). */
export const phaseRoles = (extended: boolean, optIn = false) => CASTAI_ROLES.filter((r) =>
    (!r.extended || extended) && (r.optIn === undefined || optIn) && (CASTAI_PHASE[r.component] === 1 || extended));

const inPhase = (extended: boolean) => (c: CastAiComponent) => CASTAI_PHASE[c] === 1 || extended;
/** The seed aliases whose components a phase grants by default. */
export const phaseAliases = (extended: boolean) => CASTAI_SEED_ALIASES.filter((a) => a.components.some(inPhase(extended)));

/** Variants of a granted request that the row does not grant: another name, namespace, or resource. */
function negativesOf(req: Request, rule: PolicyRule, roleNamespace: string | undefined): Request[] {
    if ("nonResourceURL" in req) return [{ ...req, nonResourceURL: "/metrics" }];
    const out: ResourceRequest[] = [];
    if (rule.resourceNames && !UNNAMED_VERBS.includes(req.verb)) out.push({ ...req, name: "kubegrant-other" });
    if (rule.resourceNames && UNNAMED_VERBS.includes(req.verb)) out.push({ ...req, name: undefined });
    if (roleNamespace !== undefined) out.push({ ...req, namespace: roleNamespace === "kube-system" ? "default" : "kube-system" });
    if (!rule.resources!.includes("*")) out.push({ ...req, resource: "kubegrant-sentinels", subresource: undefined });
    if (!rule.apiGroups!.includes("*")) out.push({ ...req, apiGroup: "kubegrant.example.com" });
    return out;
}

/** Requests the seed's critical scoping forbids: [what, component, phase 2?, request]. Only the "a named rule…" one is allowed. */
export const CASTAI_CRITICAL: readonly [string, CastAiComponent, boolean, Request][] = [
    ["the agent patches no other deployment", "agent", false, { verb: "patch", apiGroup: "apps", resource: "deployments", name: "castai-evictor", namespace: CASTAI_NS }],
    ["the agent reads no configmaps outside its namespace and kube-system", "agent", false, { verb: "get", apiGroup: "", resource: "configmaps", name: "x", namespace: "default" }],
    ["the agent reads no secrets", "agent", false, { verb: "list", apiGroup: "", resource: "secrets", namespace: CASTAI_NS }],
    ["the cluster controller deletes no other namespace", "cluster-controller", true, { verb: "delete", apiGroup: "", resource: "namespaces", name: "kube-system" }],
    ["the operator (phase 2) deletes no other namespace", "operator", true, { verb: "delete", apiGroup: "", resource: "namespaces", name: "default" }],
    ["the cluster controller approves no non-kubelet signer", "cluster-controller", true, { verb: "approve", apiGroup: "certificates.k8s.io", resource: "signers", name: "kubernetes.io/kube-apiserver-client" }],
    ["the cluster controller updates no non-Cast AI ClusterRole", "cluster-controller", true, { verb: "update", apiGroup: "rbac.authorization.k8s.io", resource: "clusterroles", name: "cluster-admin" }],
    ["the cluster controller has no escalate (seed row's escalate left out)", "cluster-controller", true, { verb: "escalate", apiGroup: "rbac.authorization.k8s.io", resource: "clusterroles", name: "castai-agent" }],
    ["the cluster controller has no bind outside its namespace (its chart's Role `*` is namespaced)", "cluster-controller", true, { verb: "bind", apiGroup: "rbac.authorization.k8s.io", resource: "roles", name: "x", namespace: "default" }],
    ["the operator deletes no ClusterRole but the agent's (phase 1)", "operator", false, { verb: "delete", apiGroup: "rbac.authorization.k8s.io", resource: "clusterroles", name: "cluster-admin" }],
    ["the operator deletes no ClusterRole but Cast AI's (phase 2)", "operator", true, { verb: "delete", apiGroup: "rbac.authorization.k8s.io", resource: "clusterroles", name: "cluster-admin" }],
    ["the operator deletes no other kube-system Role", "operator", false, { verb: "delete", apiGroup: "rbac.authorization.k8s.io", resource: "roles", name: "extension-apiserver-authentication-reader", namespace: "kube-system" }],
    ["the operator updates no other CRD (phase 1)", "operator", false, { verb: "update", apiGroup: "apiextensions.k8s.io", resource: "customresourcedefinitions", name: "certificates.cert-manager.io" }],
    ["the operator reads no secrets outside its namespace", "operator", true, { verb: "get", apiGroup: "", resource: "secrets", name: "x", namespace: "kube-system" }],
    ["the operator patches no other webhook configuration (phase 1)", "operator", false, { verb: "patch", apiGroup: "admissionregistration.k8s.io", resource: "validatingwebhookconfigurations", name: "gatekeeper-validating-webhook-configuration" }],
    ["the operator updates no other webhook configuration (phase 2)", "operator", true, { verb: "update", apiGroup: "admissionregistration.k8s.io", resource: "mutatingwebhookconfigurations", name: "istio-sidecar-injector" }],
    ["the pod pinner patches no other webhook", "pod-pinner", true, { verb: "patch", apiGroup: "admissionregistration.k8s.io", resource: "mutatingwebhookconfigurations", name: "istio-sidecar-injector" }],
    ["a named rule never authorizes create: CRD create comes from the unscoped create row", "operator", false, { verb: "create", apiGroup: "apiextensions.k8s.io", resource: "customresourcedefinitions" }],
];

/**
 * The operator never holds escalate, bind or impersonate, whatever the name, outside the
 * components' namespace; in phase 2 it holds them there (the seed's namespace admin `*`, which the
 * cluster controller chart's own Role needs; see the phase2-ns-admin entry).
 */
function operatorNeverEscalates(extended: boolean): RowCheck[] {
    const who = castAiServiceAccount("operator");
    const out: RowCheck[] = [];
    for (const namespace of [undefined, CASTAI_NS, "kube-system", "default"]) {
        const at = namespace ? { namespace } : {};
        for (const name of [undefined, "castai-agent", "castai-cluster-controller", "cluster-admin"]) {
            for (const resource of ["roles", "clusterroles"]) {
                for (const verb of ["escalate", "bind"]) {
                    out.push({ row: "the operator never holds escalate or bind (but in its namespace in phase 2)", who, allowed: extended && namespace === CASTAI_NS,
                        request: { verb, apiGroup: "rbac.authorization.k8s.io", resource, ...(name ? { name } : {}), ...at } });
                }
            }
        }
        for (const [apiGroup, resource] of IMPERSONATE_TARGETS) {
            out.push({ row: "the operator never holds impersonate (but in its namespace in phase 2)", who, allowed: extended && namespace === CASTAI_NS,
                request: { verb: "impersonate", apiGroup, resource, name: "castai-cluster-controller", ...at } });
        }
    }
    return out;
}

/** Every check of one phase, synchronously (the evaluator test makes one test per row of it). */
export function castAiRows(extended: boolean, optIn = false): RowCheck[] {
    const out: RowCheck[] = [];
    const roles = phaseRoles(extended, optIn);
    for (const { entry, role, rule, roleNamespace, who, requests } of grantedRules(CASTAI_RBAC_ENTRIES, roles, CASTAI_NS, (c) => CASTAI_SERVICE_ACCOUNTS[c])) {
        const row = `${entry.table} | ${entry.seedRow} → ${role.component} (${role.kind} ${role.name})`;
        const own = roles.filter((r) => r.component === role.component);
        for (const request of requests) {
            out.push({ row, who, request, allowed: true });
            // A near miss is granted anyway only when another row grants it (never by this row itself).
            for (const neg of negativesOf(request, rule, roleNamespace)) {
                const others = grantingEntries(own, CASTAI_RBAC_ENTRIES, CASTAI_NS, neg).filter((id) => id !== entry.id);
                out.push({ row, who, request: neg, allowed: others.length > 0 });
            }
        }
    }
    for (const alias of phaseAliases(extended)) {
        const row = `${alias.table} | ${alias.seedRow} → ${alias.components.join(", ")} (granted by ${alias.implementedBy.join(", ")})`;
        for (const c of alias.components.filter(inPhase(extended))) {
            for (const request of requestsOf(substituteNamespace(alias.rule, CASTAI_NS), alias.scope === "release" ? CASTAI_NS : undefined)) {
                out.push({ row, who: castAiServiceAccount(c), request, allowed: true });
            }
        }
    }
    for (const [what, c, phase2, request] of CASTAI_CRITICAL) {
        if (phase2 === extended) out.push({ row: what, who: castAiServiceAccount(c), request, allowed: what.startsWith("a named rule") });
    }
    out.push(...operatorNeverEscalates(extended));
    return out;
}
