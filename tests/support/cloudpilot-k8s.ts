/**
 * cloudpilot-kubernetes under test: the rendered objects, and the row table every judge of its
 * RBAC answers (the pure evaluator in tests/cloudpilot-k8s-rbac.test.ts; a real API server's
 * SubjectAccessReview elsewhere). The table comes from CloudPilot's permissions document as the
 * catalog transcribes it (tests/cloudpilot-k8s-rbac.test.ts pins the transcription): for every
 * documented rule, the requests it allows and their near misses (another name, namespace,
 * resource, API group, service account), each with the answer it must get.
 */
import { Request, ResourceRequest, ServiceAccountRef } from "../../components/kubernetes/authorize";
import { PolicyRule } from "../../components/kubernetes/rbac";
import {
    CLOUDPILOT_APPROVED_SIGNERS, CLOUDPILOT_PHASE, CLOUDPILOT_ROLES, CLOUDPILOT_SERVICE_ACCOUNTS,
    CloudPilotComponent, CloudPilotRuleEntry, cloudPilotEntries, documentRow,
} from "../../components/cloudpilot/cluster-rbac-catalog";
import { CLOUDPILOT_NAMESPACE } from "../../components/cloudpilot/names";
import { renderedObjectsOf } from "./k8s-objects";
import { IMPERSONATE_TARGETS, RowCheck, grantedRules, grantingEntries } from "./rbac-rows";

/** Renders cloudpilot-kubernetes once per set of values and returns the Kubernetes objects (the YAML format's content). */
export const renderedObjects = renderedObjectsOf("cloudpilot-kubernetes");

/**
 * The preset values the row table of each phase is for: phase 1 is the default render, phase 2 sets
 * `optimizer`; `webhookUpdate` (phase 2 only) also sets the opt-in allowAnyWebhookConfigurationUpdate.
 */
export function phaseValues(phase2: boolean, webhookUpdate = false): Record<string, unknown> {
    return phase2 ? { optimizer: true, ...(webhookUpdate ? { allowAnyWebhookConfigurationUpdate: true } : {}) } : {};
}

/** The catalog entries a render with these values grants. */
const entriesOf = (webhookUpdate: boolean) => cloudPilotEntries({ allowAnyWebhookConfigurationUpdate: webhookUpdate });

export const NS = CLOUDPILOT_NAMESPACE;
export const sa = (c: CloudPilotComponent): ServiceAccountRef => ({ namespace: NS, name: CLOUDPILOT_SERVICE_ACCOUNTS[c] });
const OTHER_NAME = "kubegrant-other";
const OTHER_RESOURCE = "kubegrant-sentinels";
const OTHER_GROUP = "kubegrant.example.com";

/** The label of a documented rule: section, object, position and the rule itself. */
export function rowLabel(e: CloudPilotRuleEntry): string {
    const part = e.partOfDocumentRule ? ` [granted part: ${documentRow(e.rule)}]` : "";
    return `"${e.section}" ${e.documentObject} rule ${e.documentRule}: ${e.documentRow}${part}`;
}

/** Label prefix of the checks that pin what the document's rules reach, or leave out, beyond single rows. */
export const REACH_LABEL = "reach";

function granted(phase2: boolean): CloudPilotComponent[] {
    return (Object.keys(CLOUDPILOT_PHASE) as CloudPilotComponent[]).filter((c) => CLOUDPILOT_PHASE[c] === 1 || phase2);
}

/** The oracle: true when some catalog rule of a role bound to `who` in this phase allows `req` where it applies. */
export function catalogAllows(phase2: boolean, who: ServiceAccountRef, req: Request, webhookUpdate = false): boolean {
    const component = granted(phase2).find((c) => who.namespace === NS && who.name === CLOUDPILOT_SERVICE_ACCOUNTS[c]);
    if (component === undefined) return false;
    return grantingEntries(CLOUDPILOT_ROLES.filter((r) => r.component === component), entriesOf(webhookUpdate), NS, req).length > 0;
}

/** Variants of an allowed request the row does not grant: another name, namespace, resource or group. */
function nearMisses(req: ResourceRequest, rule: PolicyRule, roleNs: string | undefined): [string, ResourceRequest][] {
    const out: [string, ResourceRequest][] = [];
    if (rule.resourceNames) out.push(["another name", { ...req, name: OTHER_NAME }]);
    if (roleNs !== undefined) {
        for (const namespace of ["default", "kube-system"]) out.push([`another namespace (${namespace})`, { ...req, namespace }]);
    }
    if (!rule.resources!.includes("*")) {
        out.push(["another resource", { ...req, resource: OTHER_RESOURCE, subresource: undefined }]);
        if (req.subresource) out.push(["the parent resource", { ...req, subresource: undefined }]);
    }
    if (!rule.apiGroups!.includes("*")) out.push(["another API group", { ...req, apiGroup: OTHER_GROUP }]);
    return out;
}

/** Checks beyond single rows: what the broad rules reach, and what the document never grants. */
function reachChecks(phase2: boolean, webhookUpdate: boolean): RowCheck[] {
    const agent = sa("agent");
    const optimizer = sa("optimizer");
    const c = (what: string, who: ServiceAccountRef, request: Request, allowed: boolean): RowCheck =>
        ({ row: `${REACH_LABEL}: ${what}`, who, request, allowed });
    const out: RowCheck[] = [
        c("the agent reads no secrets in its namespace", agent, { verb: "list", apiGroup: "", resource: "secrets", namespace: NS }, false),
        c("the agent reads no secrets anywhere", agent, { verb: "get", apiGroup: "", resource: "secrets", name: "x", namespace: "kube-system" }, false),
        c("the agent reads no configmaps", agent, { verb: "get", apiGroup: "", resource: "configmaps", name: "x", namespace: NS }, false),
        c("the agent writes no workloads", agent, { verb: "patch", apiGroup: "apps", resource: "deployments", name: "x", namespace: "default" }, false),
        c("the agent gets no single autoscalingpolicy (the document lists no get)", agent,
            { verb: "get", apiGroup: "evpa.cloudpilot.ai", resource: "autoscalingpolicies", name: "x", namespace: "default" }, false),
        c("the agent writes no autoscalingpolicyconfigurations", agent,
            { verb: "update", apiGroup: "evpa.cloudpilot.ai", resource: "autoscalingpolicyconfigurations", name: "x", namespace: "default" }, false),
        // Main's phase 1 (not an unmerged branch of the document): no namespaces, services or pod logs.
        c("the agent reads no namespaces (only an unmerged branch of the document grants it)", agent, { verb: "list", apiGroup: "", resource: "namespaces" }, false),
        c("the agent reads no services (only an unmerged branch of the document grants it)", agent, { verb: "list", apiGroup: "", resource: "services", namespace: "default" }, false),
        c("the agent reads no pod logs (only an unmerged branch of the document grants it)", agent,
            { verb: "get", apiGroup: "", resource: "pods", subresource: "log", name: "x", namespace: "default" }, false),
        c("the agent holds nothing of the optimizer: no certificate signing requests", agent,
            { verb: "create", apiGroup: "certificates.k8s.io", resource: "certificatesigningrequests" }, false),
    ];
    for (const [who, label] of [[agent, "the agent"], [optimizer, "the optimizer"]] as const) {
        for (const namespace of [undefined, NS, "kube-system"]) {
            const where = namespace ?? "cluster";
            for (const resource of ["roles", "clusterroles"]) {
                for (const verb of ["escalate", "bind"]) {
                    out.push(c(`${label} has no ${verb} on ${resource} (${where})`, who,
                        { verb, apiGroup: "rbac.authorization.k8s.io", resource, name: "cluster-admin", ...(namespace ? { namespace } : {}) }, false));
                }
            }
            for (const [apiGroup, resource] of IMPERSONATE_TARGETS) {
                out.push(c(`${label} impersonates no ${resource} (${where})`, who,
                    { verb: "impersonate", apiGroup, resource, name: "admin", ...(namespace ? { namespace } : {}) }, false));
            }
        }
    }
    out.push(
        c("the optimizer creates no pods (it only deletes and evicts them)", optimizer, { verb: "create", apiGroup: "", resource: "pods", namespace: "default" }, false),
        c("the optimizer creates no nodes (NodeClaims launch them)", optimizer, { verb: "create", apiGroup: "", resource: "nodes" }, false),
        c("the optimizer reads no secrets outside its namespace", optimizer, { verb: "get", apiGroup: "", resource: "secrets", name: "x", namespace: "kube-system" }, false),
        c("the optimizer updates no CRD but Karpenter's three", optimizer,
            { verb: "update", apiGroup: "apiextensions.k8s.io", resource: "customresourcedefinitions", name: "certificates.cert-manager.io" }, false),
        c("the optimizer deletes no namespace", optimizer, { verb: "delete", apiGroup: "", resource: "namespaces", name: NS }, false),
        c("the optimizer writes no RBAC", optimizer, { verb: "create", apiGroup: "rbac.authorization.k8s.io", resource: "clusterrolebindings" }, false),
        // What the document's broad rules reach, and what kubegrant keeps of them (secure by default).
        c("the optimizer approves no request for the kube-apiserver-client signer (approve pinned to named signers)", optimizer,
            { verb: "approve", apiGroup: "certificates.k8s.io", resource: "signers", name: "kubernetes.io/kube-apiserver-client" }, false),
        c("the optimizer approves no request for the kubelet client signer", optimizer,
            { verb: "approve", apiGroup: "certificates.k8s.io", resource: "signers", name: "kubernetes.io/kube-apiserver-client-kubelet" }, false),
        c("the optimizer approves no request for a signer wildcard name", optimizer,
            { verb: "approve", apiGroup: "certificates.k8s.io", resource: "signers", name: "kubernetes.io/*" }, false),
        ...CLOUDPILOT_APPROVED_SIGNERS.map((name) => c(`the optimizer may approve requests for ${name} (its webhook certificates)`, optimizer,
            { verb: "approve", apiGroup: "certificates.k8s.io", resource: "signers", name }, phase2)),
        c("the optimizer writes no certificate status (a signer's write)", optimizer,
            { verb: "update", apiGroup: "certificates.k8s.io", resource: "certificatesigningrequests", subresource: "status", name: "x" }, false),
        c("the optimizer writes no ClusterTrustBundle", optimizer,
            { verb: "create", apiGroup: "certificates.k8s.io", resource: "clustertrustbundles" }, false),
        c("the optimizer updates another product's validating webhook configuration only with allowAnyWebhookConfigurationUpdate", optimizer,
            { verb: "update", apiGroup: "admissionregistration.k8s.io", resource: "validatingwebhookconfigurations", name: "gatekeeper-validating-webhook-configuration" }, phase2 && webhookUpdate),
        c("the optimizer patches no webhook configuration (the document lists update only)", optimizer,
            { verb: "patch", apiGroup: "admissionregistration.k8s.io", resource: "mutatingwebhookconfigurations", name: "istio-sidecar-injector" }, false),
        c("the optimizer may patch any pod (its image included) in kube-system", optimizer,
            { verb: "patch", apiGroup: "", resource: "pods", name: "coredns-0", namespace: "kube-system" }, phase2),
        c("the optimizer may update any deployment's pod template in kube-system", optimizer,
            { verb: "update", apiGroup: "apps", resource: "deployments", name: "coredns", namespace: "kube-system" }, phase2),
    );
    return out;
}

/**
 * Every check of the row table for one phase (`phaseValues(phase2)` renders it): for each
 * documented rule of a granted component, every request it allows (as its component's service
 * account, cluster-wide and in `default` for a ClusterRole, in the namespace for a Role), each
 * near miss of those requests with the answer the catalog gives it, the same request by the
 * namespace's `default` service account and by the other CloudPilot component; then the reach
 * checks. Each check's `row` starts with rowLabel(entry), or with REACH_LABEL.
 */
export function cloudPilotRowChecks(phase2: boolean, webhookUpdate = false): RowCheck[] {
    const out: RowCheck[] = [];
    const seen = new Set<string>();
    const add = (check: RowCheck) => {
        const key = JSON.stringify([check.who, check.request]);
        if (!seen.has(`${check.row}|${key}`)) {
            seen.add(`${check.row}|${key}`);
            out.push(check);
        }
    };
    const roles = CLOUDPILOT_ROLES.filter((r) => granted(phase2).includes(r.component));
    for (const { entry, role, rule, roleNamespace, who, requests } of grantedRules(entriesOf(webhookUpdate), roles, NS, (c) => CLOUDPILOT_SERVICE_ACCOUNTS[c])) {
        const label = rowLabel(entry);
        for (const request of requests) {
            add({ row: label, who, request, allowed: true });
            // The document lists no non-resource URL: every request is a resource request.
            for (const [why, miss] of nearMisses(request as ResourceRequest, rule, roleNamespace)) {
                add({ row: `${label} | near miss: ${why}`, who, request: miss, allowed: catalogAllows(phase2, who, miss, webhookUpdate) });
            }
        }
        const first = requests[0];
        const other: CloudPilotComponent = role.component === "agent" ? "optimizer" : "agent";
        add({ row: `${label} | near miss: another service account (default)`, who: { namespace: NS, name: "default" }, request: first, allowed: false });
        add({ row: `${label} | near miss: the ${other}'s service account`, who: sa(other), request: first, allowed: catalogAllows(phase2, sa(other), first, webhookUpdate) });
    }
    for (const check of reachChecks(phase2, webhookUpdate)) add(check);
    return out;
}
