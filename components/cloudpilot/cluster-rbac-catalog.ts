/**
 * CloudPilot AI in the cluster: every Kubernetes RBAC rule of its phase 1 agent and its phase 2
 * optimizer, as data. The contract is the vendor document cloudpilot-ai/docs
 * src/content/guide/security/permissions_required.mdx on its default branch (main, commit
 * 154f490d8e16; the file last changed in 7b628ada, merging PR #129 "add required permissions for
 * jobs"), sections
 * "ClusterRole/Role Used in Phase 1" and "ClusterRole/Role Used in Phase 2 for AWS": one entry
 * per rule of each documented object, in the document's order, with exactly its API groups,
 * resources, verbs (in its order) and resourceNames; `documentObject` and `documentRule` name the rule it
 * implements. Two documented rules hold a known escalation path (DESIGN "Secure by default") and
 * are granted in part (`partOfDocumentRule`): certificate approval pinned to named signers, and
 * webhook configuration update only with the opt-in allowAnyWebhookConfigurationUpdate. Where a rule reaches far, `why` says how far; where it could be narrowed with
 * resourceNames without breaking what the document describes, `why` says so (kubegrant keeps the
 * documented rule).
 *
 * Departures and choices (the document leaves them open):
 * - Service accounts and bindings are not documented. kubegrant creates one service account per
 *   component (`cloudpilot-agent`, `cloudpilot-aws-optimizer`, both overridable) and binds each
 *   role to its component's account with a binding of the role's own name.
 * - The document's ClusterRole `cloudpilot-aws-optimizer` carries Helm's release annotations
 *   (`meta.helm.sh/release-name`); kubegrant leaves them out, so Helm never takes the object over
 *   and deletes it on an uninstall.
 * - The phase 2 YAML lacks the `---` between `cloudpilot-aws-optimizer-admin` and
 *   `cloudpilot-aws-optimizer-core`; they are read as two ClusterRoles.
 * - An unmerged branch of the document (b4df2e83, branch yuhan-dev) adds `namespaces`, `pods/log`
 *   and `services` to phase 1's core rule and drops `batch` `jobs`; an unmerged branch is never a
 *   source, so kubegrant follows main (jobs read, none of the three).
 * - The document's "Workload Autoscaler" section (a separate CloudPilot product with its own
 *   ClusterRole and Role) is not part of this component.
 */
import { CatalogRole, CatalogRuleEntry } from "../kubernetes/catalog";
import { PolicyRule } from "../kubernetes/rbac";
import { CLOUDPILOT_AGENT_SERVICE_ACCOUNT, CLOUDPILOT_DOC, CLOUDPILOT_SERVICE_ACCOUNT } from "./names";
import { CatalogCard, namedEntries } from "../core/catalog";

export const CLOUDPILOT_COMPONENTS = ["agent", "optimizer"] as const;
export type CloudPilotComponent = typeof CLOUDPILOT_COMPONENTS[number];

/**
 * The default service account of each component. Neither is documented by CloudPilot (see
 * ./names); the optimizer's is the one CloudPilotEksAccess trusts by default.
 */
export const CLOUDPILOT_SERVICE_ACCOUNTS: Readonly<Record<CloudPilotComponent, string>> = {
    agent: CLOUDPILOT_AGENT_SERVICE_ACCOUNT,
    optimizer: CLOUDPILOT_SERVICE_ACCOUNT,
};

/** The phase that installs each component: the agent in phase 1, the optimizer in phase 2. */
export const CLOUDPILOT_PHASE: Readonly<Record<CloudPilotComponent, 1 | 2>> = { agent: 1, optimizer: 2 };

export type CloudPilotRoleKey = "agent-cluster" | "agent-ns" | "optimizer-ns" | "optimizer-aws" | "optimizer-admin" | "optimizer-core";

export type CloudPilotRoleDef = CatalogRole<CloudPilotRoleKey, CloudPilotComponent>;

/** Every role, in the document's order. Names are the document's; each binding has its role's name. */
export const CLOUDPILOT_ROLES: readonly CloudPilotRoleDef[] = [
    { key: "agent-cluster", component: "agent", kind: "ClusterRole", name: "cloudpilot-agent-cluster-role", bindingName: "cloudpilot-agent-cluster-role" },
    { key: "agent-ns", component: "agent", kind: "Role", name: "cloudpilot-agent-role", bindingName: "cloudpilot-agent-role" },
    { key: "optimizer-ns", component: "optimizer", kind: "Role", name: "cloudpilot-aws-optimizer", bindingName: "cloudpilot-aws-optimizer" },
    { key: "optimizer-aws", component: "optimizer", kind: "ClusterRole", name: "cloudpilot-aws-optimizer", bindingName: "cloudpilot-aws-optimizer" },
    { key: "optimizer-admin", component: "optimizer", kind: "ClusterRole", name: "cloudpilot-aws-optimizer-admin", bindingName: "cloudpilot-aws-optimizer-admin" },
    { key: "optimizer-core", component: "optimizer", kind: "ClusterRole", name: "cloudpilot-aws-optimizer-core", bindingName: "cloudpilot-aws-optimizer-core" },
];

export interface CloudPilotRuleEntry extends CatalogRuleEntry<CloudPilotRoleKey> {
    /** The document's section (its phase 1 or phase 2 YAML). */
    readonly section: string;
    /** The document object the rule belongs to, e.g. `ClusterRole cloudpilot-agent-cluster-role`. */
    readonly documentObject: string;
    /** The rule's position in that object's `rules` (1-based), as the document lists them. */
    readonly documentRule: number;
    /** The rule as the document writes it: `<API groups> <resources>: <verbs> (names: …)`. */
    readonly documentRow: string;
    /** For a rule whose resources are `*`: the resources of its API group it reaches (the row tests ask for each). */
    readonly reaches?: readonly string[];
    /**
     * Set when kubegrant grants the documented rule only in part (secure by default): this entry is
     * one part of it, and `documentRow` is still the document's whole rule. `why` says what is left out.
     */
    readonly partOfDocumentRule?: true;
    /** Granted only with this argument of CloudPilotClusterRbac set to true (an opt-in named for its risk). */
    readonly optIn?: CloudPilotOptIn;
}

/** The opt-ins of CloudPilotClusterRbac: each grants documented power kubegrant cannot pin (DESIGN "Secure by default"). */
export const CLOUDPILOT_OPT_INS = ["allowAnyWebhookConfigurationUpdate"] as const;
export type CloudPilotOptIn = typeof CLOUDPILOT_OPT_INS[number];

/** The entries granted with these opt-ins (every entry without `optIn`, and those whose opt-in is set). */
export function cloudPilotEntries(optIns: Readonly<Partial<Record<CloudPilotOptIn, boolean>>>): readonly CloudPilotRuleEntry[] {
    return CLOUDPILOT_RBAC_ENTRIES.filter((e) => e.optIn === undefined || optIns[e.optIn] === true);
}

const DOC = CLOUDPILOT_DOC;
export const CLOUDPILOT_SECTIONS = {
    phase1: "ClusterRole/Role Used in Phase 1",
    phase2: "ClusterRole/Role Used in Phase 2 for AWS",
} as const;

const READ = ["get", "list", "watch"];

const g = (apiGroups: string[], resources: string[], verbs: string[], resourceNames?: string[]): PolicyRule =>
    ({ apiGroups, resources, verbs, ...(resourceNames ? { resourceNames } : {}) });

/** The rule as one line: what the review report and the row tests name it by. */
export function documentRow(rule: PolicyRule): string {
    const groups = (rule.apiGroups ?? []).map((x) => (x === "" ? "core" : x)).join(", ");
    const names = rule.resourceNames ? ` (names: ${rule.resourceNames.join(", ")})` : "";
    return `${groups} ${(rule.resources ?? []).join(", ")}: ${rule.verbs.join(", ")}${names}`;
}

type EntryInput = Omit<CloudPilotRuleEntry, "roles" | "source" | "section" | "documentObject" | "documentRule" | "documentRow" | "partOfDocumentRule">;

/**
 * The entries of one documented object, in the document's order. An item is one documented rule,
 * or `{ documented, parts }`: a documented rule kubegrant grants only in part (each part an entry
 * with the document's row and position).
 */
function entries(section: keyof typeof CLOUDPILOT_SECTIONS, role: CloudPilotRoleKey,
    rules: readonly (EntryInput | { readonly documented: PolicyRule; readonly parts: readonly EntryInput[] })[]): CloudPilotRuleEntry[] {
    const def = CLOUDPILOT_ROLES.find((r) => r.key === role)!;
    const documentObject = `${def.kind} ${def.name}`;
    const common = { roles: [role], section: CLOUDPILOT_SECTIONS[section], documentObject, source: `${DOC}, "${CLOUDPILOT_SECTIONS[section]}": ${documentObject}` };
    return rules.flatMap((r, i) => ("parts" in r
        ? r.parts.map((p) => ({ ...p, ...common, documentRule: i + 1, documentRow: documentRow(r.documented), partOfDocumentRule: true as const }))
        : [{ ...r, ...common, documentRule: i + 1, documentRow: documentRow(r.rule) }]));
}

/**
 * The signers whose requests the optimizer may approve: the ones CloudPilot's same document names
 * for the certificates of its webhooks (its Workload Autoscaler's rule: kubelet-serving and EKS's
 * app-serving signer; cloudpilot-ai/docs src/content/guide/security/permissions_required.mdx on the
 * default branch main, 154f490d8e16, section "Workload Autoscaler Additional Permissions"). Never kubernetes.io/kube-apiserver-client: a client certificate for any user
 * or group, system:masters included.
 */
export const CLOUDPILOT_APPROVED_SIGNERS = ["kubernetes.io/kubelet-serving", "beta.eks.amazonaws.com/app-serving"];

const PODS_PATCH = "Pod update and patch reach the mutable fields of any pod in any namespace, including its containers' images: a pod of another workload can be made to run another image with that pod's service account";
const KARPENTER_CORE = "aws/karpenter-provider-aws charts/karpenter/templates/clusterrole-core.yaml";
const NARROW_NONE = "list and watch cannot be limited by resourceNames";

export const CLOUDPILOT_RBAC_ENTRIES: readonly CloudPilotRuleEntry[] = [
    // Phase 1: the agent, cluster-wide and read-only (but for its own autoscaling policies).
    ...entries("phase1", "agent-cluster", [
        { id: "agent-csinodes-read", rule: g(["storage.k8s.io"], ["csinodes"], READ), feature: "cluster snapshot",
            why: "Reads each node's CSI drivers and volume limits. Read only." },
        { id: "agent-core-read", rule: g([""], ["nodes", "pods", "persistentvolumeclaims", "persistentvolumes"], READ),
            feature: "cluster snapshot",
            why: "Reads nodes, pods and volumes to compute the optimization plan. Read only: no secrets, configmaps, services, namespaces or pod logs (an unmerged branch of the document adds namespaces, pods/log and services; main does not)." },
        { id: "agent-apps-read", rule: g(["apps"], ["deployments", "daemonsets", "statefulsets", "replicasets"], READ), feature: "cluster snapshot",
            why: "Reads workload controllers. Read only." },
        { id: "agent-pdbs-read", rule: g(["policy"], ["poddisruptionbudgets"], READ), feature: "cluster snapshot",
            why: "Reads disruption budgets, which limit what the plan may move. Read only." },
        { id: "agent-jobs-read", rule: g(["batch"], ["jobs"], READ), feature: "cluster snapshot",
            why: "Reads jobs (added on main by 'add required permissions for jobs', PR #129), so the plan does not move nodes under running batch work. Read only." },
        { id: "agent-metrics-read", rule: g(["metrics.k8s.io"], ["pods", "nodes"], READ), feature: "resource usage",
            why: "Reads the metrics API's current CPU and memory use of pods and nodes. Read only." },
        { id: "agent-crds-read", rule: g(["apiextensions.k8s.io"], ["customresourcedefinitions"], READ), feature: "cluster snapshot",
            why: "Reads which custom resources exist (e.g. whether Karpenter is installed). Read only." },
        { id: "agent-evpa-configurations-read", rule: g(["evpa.cloudpilot.ai"], ["autoscalingpolicyconfigurations", "autoscalingpolicyconfigurations/status"], READ),
            feature: "workload autoscaling policies",
            why: "Reads the configuration of CloudPilot's own workload autoscaling (its evpa.cloudpilot.ai group). Read only." },
        { id: "agent-evpa-policies-write", rule: g(["evpa.cloudpilot.ai"], ["autoscalingpolicies", "autoscalingpolicies/status", "recommendationpolicies"], ["create", "update", "list", "watch", "patch", "delete"]),
            feature: "workload autoscaling policies",
            why: "The phase 1 agent's only write: CloudPilot's own autoscaling and recommendation policies, in its evpa.cloudpilot.ai group only. The document lists no get; list and watch return the objects anyway. Could be narrowed by resourceNames only for update, patch and delete, and the policies' names are the user's: kept as documented." },
    ]),
    ...entries("phase1", "agent-ns", [
        { id: "agent-leases", rule: g(["coordination.k8s.io"], ["leases"], ["get", "list", "create", "update", "patch", "watch"]), feature: "leader election",
            why: "Leader election of the agent, in its own namespace only. get, update and patch could be narrowed by resourceNames to the agent's lease, but CloudPilot does not document its name; create, list and watch cannot be narrowed." },
    ]),

    // Phase 2: the optimizer (a Karpenter fork), in its namespace.
    ...entries("phase2", "optimizer-ns", [
        { id: "optimizer-leases-read", rule: g(["coordination.k8s.io"], ["leases"], ["get", "watch"]), feature: "leader election",
            why: "Reads leases in its own namespace. get could be narrowed by resourceNames to the three leases of the named rule below if those are the only ones it reads; the document grants it unnamed, so kubegrant does too." },
        { id: "optimizer-configmaps-secrets-read", rule: g([""], ["configmaps", "secrets"], READ), feature: "configuration and webhook certificates",
            why: `Reads its configuration and webhook certificates, in its own namespace only. Listing secrets returns their data: this reads every secret in the namespace (hence never kube-system). ${NARROW_NONE}, so names would not narrow it.` },
        { id: "optimizer-own-secrets-update", rule: g([""], ["secrets"], ["update"], ["cloudpilot-aws-optimizer-cert", "cloudpilot-webhook"]), feature: "webhook certificates",
            why: "Rotates its own webhook certificates: only the two secrets named, enforced by resourceNames." },
        { id: "optimizer-own-leases-write", rule: g(["coordination.k8s.io"], ["leases"], ["patch", "update"], ["karpenter-leader-election", "cloudpilot-controller", "cloudpilot-workload-log-collector"]),
            feature: "leader election",
            why: "Renews its own leader leases only: the three leases named, enforced by resourceNames." },
        { id: "optimizer-leases-create", rule: g(["coordination.k8s.io"], ["leases"], ["create"]), feature: "leader election",
            why: "Creates its leases on first start, in its own namespace. create cannot be limited by resourceNames (the name is in the body, not the URL)." },
    ]),

    // Phase 2: ClusterRole cloudpilot-aws-optimizer.
    ...entries("phase2", "optimizer-aws", [
        { id: "optimizer-ec2nodeclasses-read", rule: g(["karpenter.k8s.aws"], ["ec2nodeclasses"], READ), feature: "node provisioning",
            why: "Reads Karpenter's EC2NodeClasses (AMI, subnets, security groups, node role of the nodes it launches). Read only." },
        { id: "optimizer-ec2nodeclasses-write", rule: g(["karpenter.k8s.aws"], ["ec2nodeclasses", "ec2nodeclasses/status"], ["patch", "update"]), feature: "node provisioning",
            why: "Writes EC2NodeClass status and metadata. Updating a node class reaches its AMI and user data: the nodes launched from it run what the class says. Names are the user's node classes, so not narrowed." },
        {
            documented: g(["admissionregistration.k8s.io"], ["mutatingwebhookconfigurations", "validatingwebhookconfigurations"], ["get", "update", "list", "watch"]),
            parts: [
                { id: "optimizer-webhooks-read", rule: g(["admissionregistration.k8s.io"], ["mutatingwebhookconfigurations", "validatingwebhookconfigurations"], ["get", "list", "watch"]),
                    feature: "webhook certificates",
                    why: "Reads webhook configurations (to find its own and their CA bundle). Read only. The document's rule also grants update on every webhook configuration of the cluster; kubegrant grants that part only with allowAnyWebhookConfigurationUpdate (next entry), because it is admission webhook control (DESIGN: a default never grants it) and CloudPilot does not document the names of its own configurations, so resourceNames cannot pin it." },
                { id: "optimizer-webhooks-update", optIn: "allowAnyWebhookConfigurationUpdate",
                    rule: g(["admissionregistration.k8s.io"], ["mutatingwebhookconfigurations", "validatingwebhookconfigurations"], ["update"]),
                    feature: "webhook certificates (allowAnyWebhookConfigurationUpdate)",
                    why: "Writes the CA bundle of its webhooks, as the document grants it: update of every mutating and validating webhook configuration. Only with allowAnyWebhookConfigurationUpdate: could be narrowed by resourceNames to its own configurations, whose names CloudPilot does not document.",
                    risk: "update of every mutating and validating webhook configuration of the cluster: the optimizer could redirect another product's admission webhook to itself (seeing and mutating every object it admits) or disable a policy engine's (Gatekeeper, Kyverno) validation." },
            ],
        },
        {
            documented: g(["certificates.k8s.io"], ["*"], ["get", "create", "update", "patch", "delete", "approve"]),
            parts: [
                { id: "optimizer-csrs", rule: g(["certificates.k8s.io"], ["certificatesigningrequests"], ["get", "create", "update", "patch", "delete"]),
                    feature: "webhook certificates",
                    why: "Creates, reads and deletes the certificate signing requests of its webhook certificates, with the document's verbs. The document grants these on every resource of certificates.k8s.io (`*`); kubegrant grants them on certificatesigningrequests only: not certificatesigningrequests/status (a signer's write) and not clustertrustbundles (create, update, delete of the CA bundles pods trust), which an optimizer has no use for." },
                { id: "optimizer-csr-approval", rule: g(["certificates.k8s.io"], ["certificatesigningrequests/approval"], ["update", "patch"]),
                    feature: "webhook certificates",
                    why: "Approves its own certificate signing requests (the approval subresource). Which requests it may approve is decided by the signers rule below: Kubernetes also requires approve on the request's signer." },
                { id: "optimizer-signers-approve", rule: g(["certificates.k8s.io"], ["signers"], ["approve"], CLOUDPILOT_APPROVED_SIGNERS),
                    feature: "webhook certificates",
                    why: "The document grants approve on `*`, that is on every signer, kubernetes.io/kube-apiserver-client included: the optimizer could approve its own request for a client certificate of any user or group (system:masters). kubegrant pins approve to the signers the same document names for CloudPilot's webhook certificates (its Workload Autoscaler rule, main 154f490d8e16: kubernetes.io/kubelet-serving and beta.eks.amazonaws.com/app-serving), enforced by resourceNames; on EKS the control plane approves the nodes' own kubelet certificates, so the optimizer (a Karpenter fork; upstream Karpenter approves none) needs no kubelet client signer." },
            ],
        },
        { id: "optimizer-podmutations", rule: g(["agent.cloudpilot.ai"], ["podmutations"], ["get", "create", "update", "patch", "delete", "list", "watch"]),
            feature: "pod mutations",
            why: "Manages CloudPilot's own PodMutation custom resources, in its agent.cloudpilot.ai group only." },
    ]),

    // Phase 2: ClusterRole cloudpilot-aws-optimizer-admin.
    ...entries("phase2", "optimizer-admin", [
        { id: "admin-karpenter", rule: g(["karpenter.sh"], ["nodepools", "nodepools/status", "nodeclaims", "nodeclaims/status"], ["get", "list", "watch", "create", "delete", "patch"]),
            feature: "node pools",
            why: "Creates and deletes NodePools and NodeClaims: it decides which nodes exist (and what they cost). In upstream Karpenter a ClusterRole with these rules (`karpenter-admin`, aws/karpenter-provider-aws charts/karpenter/templates/aggregate-clusterrole.yaml) aggregates to the built-in admin role for people and is not bound to the controller; CloudPilot's document lists it among the roles it requires and shows no aggregation label, so kubegrant binds it to the optimizer and adds no label." },
        { id: "admin-ec2nodeclasses", rule: g(["karpenter.k8s.aws"], ["ec2nodeclasses"], ["get", "list", "watch", "create", "delete", "patch"]),
            feature: "node pools",
            why: "Creates and deletes EC2NodeClasses; a node class names the node role, AMI and user data of the nodes launched from it. Bound to the optimizer as the rule above." },
    ]),

    // Phase 2: ClusterRole cloudpilot-aws-optimizer-core (Karpenter's core controller rules).
    ...entries("phase2", "optimizer-core", [
        { id: "core-karpenter-read", rule: g(["karpenter.sh"], ["nodepools", "nodepools/status", "nodeclaims", "nodeclaims/status"], READ), feature: "node provisioning",
            why: "Reads NodePools and NodeClaims. Read only." },
        { id: "core-objects-write", rule: g([""], ["pods", "pods/log", "nodes", "persistentvolumes", "persistentvolumeclaims", "replicationcontrollers", "namespaces"], ["get", "list", "watch", "update", "patch"]),
            feature: "scheduling simulation and disruption",
            why: `Reads the cluster and annotates what it moves. ${PODS_PATCH}. Namespace update reaches namespace labels, including Pod Security admission's. pods/log reaches the logs of every pod. None of these can be narrowed by name: the objects are any workload's. Upstream Karpenter's karpenter-core ClusterRole only reads these (${KARPENTER_CORE}); update and patch are CloudPilot's addition.` },
        { id: "core-storage-read", rule: g(["storage.k8s.io"], ["storageclasses", "csinodes", "volumeattachments"], ["get", "watch", "list"]), feature: "scheduling simulation",
            why: "Reads storage classes, CSI nodes and volume attachments (zonal volumes constrain where pods fit). Read only." },
        { id: "core-apps-write", rule: g(["apps"], ["daemonsets", "deployments", "replicasets", "statefulsets"], ["list", "watch", "get", "update", "patch"]),
            feature: "workload rebalancing",
            risk: "update of every Deployment, DaemonSet, StatefulSet and ReplicaSet in every namespace, kube-system included: a pod template's image and service account can be changed, so the optimizer can run any image as any service account (the same power as that account's token). Granted with optimizer (phase 2), as CloudPilot documents it; not narrowable by name.",
            why: `Updates workload controllers in any namespace (e.g. to roll pods onto new nodes). Updating a pod template reaches its image and service account: it can run any image as any service account of that namespace, kube-system included. Not narrowable by name: the workloads are the user's. Upstream Karpenter's karpenter-core ClusterRole only reads these (${KARPENTER_CORE}); update and patch are CloudPilot's addition.` },
        { id: "core-crds-read", rule: g(["apiextensions.k8s.io"], ["customresourcedefinitions"], ["get", "watch", "list"]), feature: "CRD management",
            why: "Reads custom resource definitions. Read only." },
        { id: "core-pdbs-read", rule: g(["policy"], ["poddisruptionbudgets"], READ), feature: "disruption",
            why: "Reads disruption budgets before it moves pods. Read only." },
        { id: "core-nodeclaims-write", rule: g(["karpenter.sh"], ["nodeclaims", "nodeclaims/status"], ["create", "delete", "update", "patch"]), feature: "node provisioning",
            why: "Launches and removes nodes through NodeClaims (each becomes an EC2 instance)." },
        { id: "core-nodepools-write", rule: g(["karpenter.sh"], ["nodepools", "nodepools/status"], ["update", "patch"]), feature: "node provisioning",
            why: "Writes NodePool status and annotations." },
        { id: "core-events", rule: g([""], ["events"], ["create", "patch"]), feature: "event recording",
            why: "Records events on the objects it acts on, in any namespace." },
        { id: "core-nodes-write", rule: g([""], ["nodes"], ["patch", "delete", "update"]), feature: "disruption",
            why: "Cordons, taints and labels nodes and deletes the ones it removes; any node of the cluster, as a node autoscaler must." },
        { id: "core-eviction", rule: g([""], ["pods/eviction"], ["create"]), feature: "disruption",
            why: "Evicts pods through the eviction API, which honours disruption budgets." },
        { id: "core-pods-delete", rule: g([""], ["pods"], ["delete"]), feature: "disruption",
            why: "Deletes pods stuck on nodes it removes; any pod in any namespace." },
        { id: "core-karpenter-crds-status", rule: g(["apiextensions.k8s.io"], ["customresourcedefinitions/status"], ["patch"], ["ec2nodeclasses.karpenter.k8s.aws", "nodepools.karpenter.sh", "nodeclaims.karpenter.sh"]),
            feature: "CRD management",
            why: "Patches the status of Karpenter's three CRDs only, enforced by resourceNames." },
        { id: "core-karpenter-crds-update", rule: g(["apiextensions.k8s.io"], ["customresourcedefinitions"], ["update"], ["ec2nodeclasses.karpenter.k8s.aws", "nodepools.karpenter.sh", "nodeclaims.karpenter.sh"]),
            feature: "CRD management",
            why: "Updates Karpenter's three CRDs only (conversion webhook CA bundle), enforced by resourceNames." },
    ]),
];

/** This catalog as the fidelity table and the policy pack read it. */
export const CLOUDPILOT_RBAC_CARD: CatalogCard = {
    vendor: "CloudPilot AI", target: "Kubernetes", file: "components/cloudpilot/cluster-rbac-catalog.ts",
    items: namedEntries(CLOUDPILOT_RBAC_ENTRIES, (e) => e.id),
    removals: [],
    actions: [],
};
