/**
 * Cast AI in the cluster: every Kubernetes RBAC rule of the agent, cluster controller, evictor,
 * pod pinner and castware operator, as data. The contract is the seed
 * (../shared/seeds/castai-kubernetes-permissions.txt): one entry per seed table row, its `table`
 * and `seedRow` naming the row it implements; `why` records where the vendor's Helm charts
 * (castai/helm-charts, castai/castware-operator) differ. Seed rows that repeat a row already
 * granted (the agent's older read-only table, most of the cluster controller's own table) are
 * listed in CASTAI_SEED_ALIASES with the entries that grant them.
 *
 * Placeholder: `{namespace}` (the namespace the components run in, `castai-agent` by default).
 */
import { vendorSource } from "../core/sources";
import { CatalogRole, CatalogRuleEntry } from "../kubernetes/catalog";
import { PolicyRule } from "../kubernetes/rbac";
import { CatalogCard, namedEntries } from "../core/catalog";

export const CASTAI_COMPONENTS = ["agent", "cluster-controller", "evictor", "pod-pinner", "operator"] as const;
export type CastAiComponent = typeof CASTAI_COMPONENTS[number];

/**
 * The phase that installs each component (seed: "Phase 1 permissions allow the Operator to install
 * and manage the castai-agent component"; the cluster controller, evictor and pod pinner come
 * "when your connected cluster moves to Phase 2"). CastAiClusterRbac grants phase 2 components only
 * when asked (extendedPermissions or an explicit `components` list).
 */
export const CASTAI_PHASE: Readonly<Record<CastAiComponent, 1 | 2>> = {
    "agent": 1, "operator": 1, "cluster-controller": 2, "evictor": 2, "pod-pinner": 2,
};

/** The service account of each component, as the seed's `kubectl get serviceAccounts` lists them. */
export const CASTAI_SERVICE_ACCOUNTS: Readonly<Record<CastAiComponent, string>> = {
    "agent": "castai-agent",
    "cluster-controller": "castai-cluster-controller",
    "evictor": "castai-evictor",
    "pod-pinner": "castai-pod-pinner",
    "operator": "castware-operator-controller-manager",
};

export type CastAiRoleKey =
    | "agent-ns" | "agent-kube-system" | "agent-cluster"
    | "cluster-controller-ns" | "cluster-controller-cluster"
    | "evictor-cluster" | "pod-pinner-cluster"
    | "operator-ns" | "operator-leader-election" | "operator-kube-system" | "operator-cluster"
    | "operator-ns-ext" | "operator-cluster-ext" | "operator-cluster-charts";

export interface CastAiRoleDef extends CatalogRole<CastAiRoleKey, CastAiComponent> {
    /** Only with `extendedPermissions` (phase 2). */
    readonly extended?: boolean;
    /** Only with this opt-in argument too (its name says the risk). */
    readonly optIn?: "operatorClusterWidePodWrite";
}

/** Every role, in creation order. Names are the vendor charts' names, so the charts can adopt them. */
export const CASTAI_ROLES: readonly CastAiRoleDef[] = [
    { key: "agent-cluster", component: "agent", kind: "ClusterRole", name: "castai-agent", bindingName: "castai-agent" },
    { key: "agent-ns", component: "agent", kind: "Role", namespace: "release", name: "castai-agent", bindingName: "castai-agent" },
    { key: "agent-kube-system", component: "agent", kind: "Role", namespace: "kube-system", name: "castai-agent", bindingName: "castai-agent" },
    { key: "cluster-controller-cluster", component: "cluster-controller", kind: "ClusterRole", name: "castai-cluster-controller", bindingName: "castai-cluster-controller" },
    { key: "cluster-controller-ns", component: "cluster-controller", kind: "Role", namespace: "release", name: "castai-cluster-controller", bindingName: "castai-cluster-controller" },
    { key: "evictor-cluster", component: "evictor", kind: "ClusterRole", name: "castai-evictor", bindingName: "castai-evictor" },
    { key: "pod-pinner-cluster", component: "pod-pinner", kind: "ClusterRole", name: "castai-pod-pinner", bindingName: "castai-pod-pinner" },
    { key: "operator-cluster", component: "operator", kind: "ClusterRole", name: "castware-operator-manager-role", bindingName: "castware-operator-manager-rolebinding" },
    { key: "operator-ns", component: "operator", kind: "Role", namespace: "release", name: "castware-operator-namespace-role", bindingName: "castware-operator-namespace-role-binding" },
    { key: "operator-leader-election", component: "operator", kind: "Role", namespace: "release", name: "castware-operator-leader-election-role", bindingName: "castware-operator-leader-election-rolebinding" },
    { key: "operator-kube-system", component: "operator", kind: "Role", namespace: "kube-system", name: "castware-operator-kube-system-access", bindingName: "castware-operator-kube-system-access" },
    { key: "operator-cluster-ext", component: "operator", kind: "ClusterRole", name: "castware-operator-manager-role-ext", bindingName: "castware-operator-manager-rolebinding-ext", extended: true },
    { key: "operator-ns-ext", component: "operator", kind: "Role", namespace: "release", name: "castware-operator-namespace-role-ext", bindingName: "castware-operator-namespace-role-binding-ext", extended: true },
    { key: "operator-cluster-charts", component: "operator", kind: "ClusterRole", name: "castware-operator-manager-role-ext-charts", bindingName: "castware-operator-manager-rolebinding-ext-charts", extended: true, optIn: "operatorClusterWidePodWrite" },
];

export interface CastAiRuleEntry extends CatalogRuleEntry<CastAiRoleKey> {
    /** The seed table the row belongs to (the grouping of the review report). */
    readonly table: string;
    /** The seed row as the seed writes it: `<API group> <resources>: <verbs>`. */
    readonly seedRow: string;
}

/** A seed row granted by other entries (repeated in the seed under another heading). */
export interface CastAiSeedAlias {
    readonly table: string;
    readonly seedRow: string;
    /** The rule the row asks for (resources in Kubernetes' lower-case spelling). */
    readonly rule: PolicyRule;
    /** Where the row applies: cluster-wide, or in the components' namespace. */
    readonly scope: "cluster" | "release";
    readonly components: readonly CastAiComponent[];
    /** The entries that grant it. */
    readonly implementedBy: readonly string[];
}

const SEED = "seed castai-kubernetes-permissions.txt";
export const CASTAI_TABLES = {
    sharedNs: "Phase 1: namespace-wide permissions in castai-agent shared by the agent and Operator",
    operatorNs: "Phase 1: Operator-only permissions in castai-agent namespace",
    operatorKubeSystem: "Phase 1: Operator-only permissions in kube-system namespace",
    kubeSystem: "Phase 1: namespace-wide permissions in kube-system",
    sharedCluster: "Phase 1: cluster-wide permissions shared by the agent and Operator (read-only)",
    operatorCluster: "Phase 1: Operator-only cluster permissions",
    phase2Ns: "Phase 2: namespace-wide permissions in castai-agent",
    phase2Cluster: "Phase 2: cluster-wide permissions",
    agentReadOnly: "The Cast AI agent's permissions (Read-only)",
    clusterController: "Cluster Controller: cluster-wide permissions",
    evictor: "Evictor: cluster-wide permissions",
    podPinner: "Pod Pinner: cluster-wide permissions",
    chartInstall: "Phase 2 opt-in (operatorClusterWidePodWrite): the evictor's and pod pinner's chart rules the Operator must hold to install them (not in the seed)",
} as const;

const CRUD = ["create", "delete", "get", "list", "patch", "update", "watch"];
const READ = ["get", "list", "watch"];
/** The Cast AI components whose RBAC objects the cluster controller maintains (the charts' list, castai-ai-optimizer-proxy included). */
export const CASTAI_RBAC_NAMES = [
    "castai-agent", "castai-cluster-controller", "castai-evictor", "castai-pod-pinner", "castai-spot-handler",
    "castai-kvisor", "castai-kvisor-controller", "castai-egressd", "castai-ai-optimizer-proxy",
];

/**
 * The vendor charts the catalog is re-verified against (issue 14). The cluster controller's,
 * evictor's and pod pinner's charts were moved out of castai/helm-charts; their last versions on
 * its default branch are at the parents of the commits that removed them.
 */
export const CASTAI_CHARTS = {
    clusterController: { repo: "castai/helm-charts", commit: "70e9b96e7b807b2e825581cf5b3882357d00cd53", dir: "charts/castai-cluster-controller" },
    evictor: { repo: "castai/helm-charts", commit: "c2de1e1790729123e0fb803402df4b4f0f54de0b", dir: "charts/castai-evictor" },
    podPinner: { repo: "castai/helm-charts", commit: "dd724ff30dd175ce066e37c7615a70cb67a08821", dir: "charts/castai-pod-pinner" },
} as const;
/** A chart file at its last commit on castai/helm-charts main: `castai/helm-charts <path> @ main <commit[:12]> (last version before the chart left the repository)`. */
export function chartSource(chart: keyof typeof CASTAI_CHARTS, file: string): string {
    const c = CASTAI_CHARTS[chart];
    return `${c.repo} ${c.dir}/${file} @ main ${c.commit.slice(0, 12)} (last version before the chart left the repository)`;
}
const OPERATOR_EXT = vendorSource("castai/castware-operator", "charts/castai-castware-operator/templates/rbac-ext.yaml");
export const KUBELET_SIGNERS = ["kubernetes.io/kube-apiserver-client-kubelet", "kubernetes.io/kubelet-serving"];
export const CASTWARE_CRDS = ["clusters.castware.cast.ai", "components.castware.cast.ai"];
/** The Operator's own webhook configurations (castware-operator chart webhook.yaml @19052ac1cbfd, release name castware-operator). */
export const CASTWARE_WEBHOOKS = ["castware-operator-mutating-webhook-configuration", "castware-operator-validating-webhook-configuration"];
/** The pod pinner's mutating webhook configuration (its chart's webhookName with fullnameOverride castai-pod-pinner), which the cluster controller's chart names too. */
export const POD_PINNER_WEBHOOK = "castai-pod-pinner";
const POD_PINNER_WEBHOOK_RISK = "patch or update of the pod pinner's MutatingWebhookConfiguration castai-pod-pinner: whoever holds it can point that webhook at another service or URL and widen its rules to every pod created in the cluster, so change any new pod (admission webhook control through that one configuration). Pinned by name: no other product's webhook configuration, and no create; phase 2 only (the cluster controller's pod pinner upgrades, and the Operator that installs it).";

const AGENT_AND_OPERATOR_NS: CastAiRoleKey[] = ["agent-ns", "operator-ns"];
const AGENT_AND_OPERATOR_CLUSTER: CastAiRoleKey[] = ["agent-cluster", "operator-cluster"];
const PHASE2_NS: CastAiRoleKey[] = ["cluster-controller-ns", "operator-ns-ext"];
const PHASE2_CLUSTER: CastAiRoleKey[] = ["cluster-controller-cluster", "operator-cluster-ext"];
const CHARTS: CastAiRoleKey[] = ["operator-cluster-charts"];

function e(table: keyof typeof CASTAI_TABLES, id: string, roles: CastAiRoleKey[], seedRow: string, rule: PolicyRule,
    feature: string, why: string): CastAiRuleEntry {
    return { id, table: CASTAI_TABLES[table], seedRow, roles, rule, feature, why, source: `${SEED}, "${CASTAI_TABLES[table]}"` };
}

/** An entry the seed does not have, from the vendor's code: its `seedRow` says so, its `source` names repository, path and commit. */
function x(table: keyof typeof CASTAI_TABLES, id: string, roles: CastAiRoleKey[], row: string, rule: PolicyRule,
    feature: string, why: string, source: string): CastAiRuleEntry {
    return { id, table: CASTAI_TABLES[table], seedRow: `(not in the seed) ${row}`, roles, rule, feature, why, source };
}

/** An entry that holds a known escalation path: its `risk` (listed in the markdown report's Risks section) also ends its `why`. */
const risky = (entry: CastAiRuleEntry, risk: string): CastAiRuleEntry => ({ ...entry, why: `${entry.why} RISK: ${risk}`, risk });

const g = (apiGroup: string, resources: string[], verbs: string[], resourceNames?: string[]): PolicyRule =>
    ({ apiGroups: [apiGroup], resources, verbs, ...(resourceNames ? { resourceNames } : {}) });

export const CASTAI_RBAC_ENTRIES: readonly CastAiRuleEntry[] = [
    // Phase 1, castai-agent namespace, shared.
    e("sharedNs", "shared-ns-leases", AGENT_AND_OPERATOR_NS, "coordination.k8s.io leases: create, get, list, watch, update",
        g("coordination.k8s.io", ["leases"], ["create", "get", "list", "watch", "update"]), "leader election",
        "Leader election of the agent (and the Operator) in its own namespace only. create cannot be limited by name, so no resourceNames."),
    e("sharedNs", "shared-ns-configmaps", AGENT_AND_OPERATOR_NS, "core configmaps: get, list, watch",
        g("", ["configmaps"], READ), "cost savings estimation",
        "Reads configuration in its own namespace. The current agent chart also writes ConfigMap castai-agent-metadata (metadataStore, create/update/patch); the seed grants read only, so kubegrant does too."),
    e("sharedNs", "shared-ns-agent-deployment", AGENT_AND_OPERATOR_NS, "apps deployments: patch (scoped to castai-agent deployment only)",
        g("apps", ["deployments"], ["patch"], ["castai-agent"]), "proportional vertical autoscaling of the agent",
        "The cluster-proportional vertical autoscaler patches the agent's own requests and limits. Enforced with resourceNames: patch of any other deployment is denied."),

    // Phase 1, Operator only, castai-agent namespace.
    e("operatorNs", "operator-ns-deployments", ["operator-ns"], "apps deployments: create, delete, get, list, patch, update",
        g("apps", ["deployments"], ["create", "delete", "get", "list", "patch", "update"]), "agent lifecycle",
        "Installs, upgrades and removes the agent deployment, in this namespace only. Not limited by name: create cannot be, and Helm upgrades touch whatever the chart renders. The chart also grants daemonsets, which the seed does not list: left out."),
    e("operatorNs", "operator-ns-secrets", ["operator-ns"], "core secrets: create, delete, get, list, patch, update, watch",
        g("", ["secrets"], CRUD), "agent lifecycle",
        "Helm release state and the Operator's webhook certificates are secrets in this namespace. Listing secrets returns their contents: read of every secret in this namespace, none elsewhere."),
    e("operatorNs", "operator-ns-serviceaccounts", ["operator-ns"], "core serviceaccounts: create, delete, get, list, patch, update, watch",
        g("", ["serviceaccounts"], CRUD), "agent lifecycle", "Creates the agent's service account in this namespace."),
    e("operatorNs", "operator-ns-services", ["operator-ns"], "core services: create, delete, get, list, patch, update, watch",
        g("", ["services"], CRUD), "Operator webhook", "The Operator's webhook service, in this namespace."),
    e("operatorNs", "operator-ns-pdbs", ["operator-ns"], "policy poddisruptionbudgets: create, delete, get, list, patch, update, watch",
        g("policy", ["poddisruptionbudgets"], CRUD), "agent lifecycle", "The agent's pod disruption budget, in this namespace."),
    e("operatorNs", "operator-ns-rbac", ["operator-ns"], "rbac.authorization.k8s.io rolebindings, roles: create, delete, get, list, patch, update, watch",
        g("rbac.authorization.k8s.io", ["rolebindings", "roles"], CRUD), "agent lifecycle",
        "Creates the agent's Role and RoleBinding in this namespace. Without escalate or bind, Kubernetes only lets it write roles whose rules it holds itself."),
    e("operatorNs", "operator-ns-pod-logs", ["operator-ns"], "core pods/log: get",
        g("", ["pods/log"], ["get"]), "cluster registration", "Reads the agent's log to extract the cluster ID, in this namespace only."),
    e("operatorNs", "operator-ns-resourcequotas", ["operator-ns"], "core resourcequotas: create, delete, get, list, patch, update, watch",
        g("", ["resourcequotas"], CRUD), "agent lifecycle", "The agent's resource quota, in this namespace."),
    e("operatorNs", "operator-ns-configmaps", ["operator-ns"], "core configmaps: create, update, patch, delete",
        g("", ["configmaps"], ["create", "update", "patch", "delete"]), "agent lifecycle", "The agent's configmap and the webhook CA configmap, in this namespace."),
    e("operatorNs", "operator-ns-jobs", ["operator-ns"], "batch jobs: create, delete",
        g("batch", ["jobs"], ["create", "delete"]), "self-upgrade and uninstall", "Runs the self-upgrade and post-uninstall jobs in this namespace."),
    e("operatorNs", "operator-ns-leases", ["operator-leader-election"], "coordination.k8s.io leases: create, update, patch, delete",
        g("coordination.k8s.io", ["leases"], ["create", "update", "patch", "delete"]), "leader election",
        "The Operator's own leader election. In its own Role, castware-operator-leader-election-role, as the chart has it."),
    e("operatorNs", "operator-ns-events", ["operator-leader-election"], "core events: create, patch",
        g("", ["events"], ["create", "patch"]), "event recording", "Records events in this namespace."),

    // Phase 1, kube-system.
    e("operatorKubeSystem", "operator-kube-system-rbac", ["operator-kube-system"], "rbac.authorization.k8s.io roles, rolebindings: delete (scoped to castai-agent only)",
        g("rbac.authorization.k8s.io", ["roles", "rolebindings"], ["delete"], ["castai-agent"]), "agent uninstall",
        "Deletes the agent's Role and RoleBinding in kube-system when the agent is uninstalled. Enforced with resourceNames: no other role in kube-system."),
    e("kubeSystem", "kube-system-configmaps", ["agent-kube-system", "operator-kube-system"], "core configmaps: get, list, watch",
        g("", ["configmaps"], READ), "cluster configuration discovery",
        "The agent reads configmaps in kube-system. The seed says agent only; the Operator gets the same rule (as its chart does) because it installs the agent's kube-system Role, and without escalate it must hold what it grants."),

    // Phase 1, cluster-wide, shared read.
    e("sharedCluster", "shared-core-read", AGENT_AND_OPERATOR_CLUSTER,
        "core pods, nodes, replicationcontrollers, persistentvolumeclaims, persistentvolumes, services, namespaces, events, limitranges, resourcequotas: get, list, watch",
        g("", ["pods", "nodes", "replicationcontrollers", "persistentvolumeclaims", "persistentvolumes", "services", "namespaces", "events", "limitranges", "resourcequotas"], READ),
        "cluster snapshots", "Reads the cluster state it sends to Cast AI for cost savings estimation. Read only; no secrets or configmaps cluster-wide."),
    e("sharedCluster", "shared-namespaces-get", AGENT_AND_OPERATOR_CLUSTER, "core namespaces: get",
        g("", ["namespaces"], ["get"]), "cluster snapshots", "Reads namespaces (also within the row above; the seed lists it separately)."),
    e("sharedCluster", "shared-apps-read", AGENT_AND_OPERATOR_CLUSTER, "apps deployments, replicasets, daemonsets, statefulsets: get, list, watch",
        g("apps", ["deployments", "replicasets", "daemonsets", "statefulsets"], READ), "cluster snapshots", "Reads workloads."),
    e("sharedCluster", "shared-storage-read", AGENT_AND_OPERATOR_CLUSTER, "storage.k8s.io storageclasses, csinodes: get, list, watch",
        g("storage.k8s.io", ["storageclasses", "csinodes"], READ), "cluster snapshots", "Reads storage classes and CSI nodes."),
    e("sharedCluster", "shared-batch-read", AGENT_AND_OPERATOR_CLUSTER, "batch jobs, cronjobs: get, list, watch",
        g("batch", ["jobs", "cronjobs"], READ), "cluster snapshots", "Reads jobs and cron jobs."),
    e("sharedCluster", "shared-hpa-read", AGENT_AND_OPERATOR_CLUSTER, "autoscaling horizontalpodautoscalers: get, list, watch",
        g("autoscaling", ["horizontalpodautoscalers"], READ), "cluster snapshots", "Reads horizontal pod autoscalers."),
    e("sharedCluster", "shared-metrics-read", AGENT_AND_OPERATOR_CLUSTER, "metrics.k8s.io pods: get, list",
        g("metrics.k8s.io", ["pods"], ["get", "list"]), "cluster snapshots", "Reads pod metrics."),
    e("sharedCluster", "shared-pdb-read", AGENT_AND_OPERATOR_CLUSTER, "policy poddisruptionbudgets: get, list, watch",
        g("policy", ["poddisruptionbudgets"], READ), "cluster snapshots", "Reads pod disruption budgets."),
    e("sharedCluster", "shared-version", AGENT_AND_OPERATOR_CLUSTER, "(non-resource URL) /version: get",
        { nonResourceURLs: ["/version"], verbs: ["get"] }, "cluster snapshots",
        "Reads the Kubernetes version. Kubernetes' default system:public-info-viewer role grants it too; the Operator's chart relies on that, kubegrant grants it as the seed lists it."),
    e("sharedCluster", "shared-networking-read", AGENT_AND_OPERATOR_CLUSTER, "networking.k8s.io networkpolicies, ingresses: get, list, watch",
        g("networking.k8s.io", ["networkpolicies", "ingresses"], READ), "security and compliance reporting", "Reads network policies and ingresses (the agent chart's allowReadIngress, on by default)."),
    e("sharedCluster", "shared-rbac-read", AGENT_AND_OPERATOR_CLUSTER, "rbac.authorization.k8s.io roles, rolebindings, clusterroles, clusterrolebindings: get, list, watch",
        g("rbac.authorization.k8s.io", ["roles", "rolebindings", "clusterroles", "clusterrolebindings"], READ), "security and compliance reporting",
        "Reads RBAC objects (the agent chart's allowReadRBAC, on by default). Read only: no escalate, bind or write."),
    e("sharedCluster", "shared-karpenter-read", AGENT_AND_OPERATOR_CLUSTER, "karpenter.sh provisioners, machines, nodepools, nodeclaims, nodeoverlays: get, list, watch",
        g("karpenter.sh", ["provisioners", "machines", "nodepools", "nodeclaims", "nodeoverlays"], READ), "Karpenter monitoring", "Reads Karpenter objects."),
    e("sharedCluster", "shared-karpenter-aws-read", AGENT_AND_OPERATOR_CLUSTER, "karpenter.k8s.aws awsnodetemplates, ec2nodeclasses: get, list, watch",
        g("karpenter.k8s.aws", ["awsnodetemplates", "ec2nodeclasses"], READ), "Karpenter monitoring", "Reads Karpenter's AWS objects."),
    e("sharedCluster", "shared-datadog-read", AGENT_AND_OPERATOR_CLUSTER, "datadoghq.com extendeddaemonsetreplicasets: get, list, watch",
        g("datadoghq.com", ["extendeddaemonsetreplicasets"], READ), "Datadog monitoring", "Reads Datadog extended daemon set replica sets."),
    e("sharedCluster", "shared-argo-read", AGENT_AND_OPERATOR_CLUSTER, "argoproj.io rollouts: get, list, watch",
        g("argoproj.io", ["rollouts"], READ), "Argo Rollouts monitoring", "Reads Argo rollouts."),
    e("sharedCluster", "shared-recommendations-read", AGENT_AND_OPERATOR_CLUSTER, "autoscaling.cast.ai recommendations: get, list, watch",
        g("autoscaling.cast.ai", ["recommendations"], READ), "autoscaling recommendations", "Reads Cast AI recommendations. The Operator's chart reads every autoscaling.cast.ai resource; the seed lists recommendations only."),
    e("sharedCluster", "shared-podmutations-read", AGENT_AND_OPERATOR_CLUSTER, "pod-mutations.cast.ai podmutations: get, list, watch",
        g("pod-mutations.cast.ai", ["podmutations"], READ), "pod mutation monitoring", "Reads pod mutations. The Operator's chart also creates and updates them; the seed grants read only."),
    e("sharedCluster", "shared-dra-read", AGENT_AND_OPERATOR_CLUSTER, "resource.k8s.io deviceclasses, resourceclaims, resourceclaimtemplates, resourceslices, devicetaintrules: get, list, watch",
        g("resource.k8s.io", ["deviceclasses", "resourceclaims", "resourceclaimtemplates", "resourceslices", "devicetaintrules"], READ), "resource management API monitoring", "Reads dynamic resource allocation objects."),
    e("sharedCluster", "shared-runbooks-read", AGENT_AND_OPERATOR_CLUSTER, "runbooks.cast.ai recommendationsyncs: get, list, watch",
        g("runbooks.cast.ai", ["recommendationsyncs"], READ), "agentic AI workflows", "Reads recommendation syncs."),

    // Phase 1, Operator only, cluster-wide.
    e("operatorCluster", "operator-castware-crs", ["operator-cluster"], "castware.cast.ai clusters, components: create, delete, get, list, patch, update, watch",
        g("castware.cast.ai", ["clusters", "components"], CRUD), "Operator custom resources", "Manages its own custom resources, in its own API group only."),
    e("operatorCluster", "operator-castware-status", ["operator-cluster"], "castware.cast.ai clusters/status, components/status: get, patch, update",
        g("castware.cast.ai", ["clusters/status", "components/status"], ["get", "patch", "update"]), "Operator custom resources", "Updates the status of its own custom resources."),
    e("operatorCluster", "operator-castware-finalizers", ["operator-cluster"], "castware.cast.ai clusters/finalizers, components/finalizers: update",
        g("castware.cast.ai", ["clusters/finalizers", "components/finalizers"], ["update"]), "Operator custom resources", "Adds finalizers to its own custom resources."),
    e("operatorCluster", "operator-crds-named", ["operator-cluster"], "apiextensions.k8s.io customresourcedefinitions: create, delete, get, list, patch, update (scoped to clusters.castware.cast.ai and components.castware.cast.ai only)",
        g("apiextensions.k8s.io", ["customresourcedefinitions"], ["delete", "get", "list", "patch", "update"], CASTWARE_CRDS), "Operator CRD upgrades",
        "Reads, upgrades and removes its own two CRDs only: enforced with resourceNames for get, patch, update and delete. list with a name limit works only for a request naming one CRD (metadata.name field selector). create is in the next entry: Kubernetes cannot limit create by name."),
    e("operatorCluster", "operator-crds-create", ["operator-cluster"], "apiextensions.k8s.io customresourcedefinitions: create (same seed row)",
        g("apiextensions.k8s.io", ["customresourcedefinitions"], ["create"]), "Operator CRD upgrades",
        "Kubernetes cannot limit create by resourceNames (the name is not part of the request it authorizes; a create in a named rule is never allowed), so the seed's create cannot be held to the two castware CRDs. Granted unscoped; everything else on CRDs stays limited to the two names. The chart gives create to a separate crd-upgrade hook account instead."),
    e("operatorCluster", "operator-clusterrbac-delete", ["operator-cluster"], "rbac.authorization.k8s.io clusterrolebindings, clusterroles: delete (scoped to castai-agent only)",
        g("rbac.authorization.k8s.io", ["clusterrolebindings", "clusterroles"], ["delete"], ["castai-agent"]), "agent uninstall",
        "Deletes the agent's ClusterRole and ClusterRoleBinding only: enforced with resourceNames. The newest Operator chart grants this delete unscoped; kubegrant keeps the seed's scope."),
    e("operatorCluster", "operator-rbac-create", ["operator-cluster"], "rbac.authorization.k8s.io clusterrolebindings, clusterroles, rolebindings, roles: create, patch",
        g("rbac.authorization.k8s.io", ["clusterrolebindings", "clusterroles", "rolebindings", "roles"], ["create", "patch"]), "RBAC of managed components",
        "Creates the RBAC of the components it installs. create cannot be limited by name. No escalate or bind: Kubernetes lets it create or patch only roles whose every rule it holds, and bind only roles it holds."),
    e("operatorCluster", "operator-webhooks-read", ["operator-cluster"], "admissionregistration.k8s.io mutatingwebhookconfigurations, validatingwebhookconfigurations: get, list, patch, update, watch",
        g("admissionregistration.k8s.io", ["mutatingwebhookconfigurations", "validatingwebhookconfigurations"], ["list", "watch"]), "Operator webhooks",
        "Lists and watches webhook configurations (list and watch of a collection cannot be limited by name). The seed row's get, patch and update are granted on the Operator's own two configurations only (next entry)."),
    e("operatorCluster", "operator-own-webhooks", ["operator-cluster"], "admissionregistration.k8s.io mutatingwebhookconfigurations, validatingwebhookconfigurations: get, list, patch, update, watch",
        g("admissionregistration.k8s.io", ["mutatingwebhookconfigurations", "validatingwebhookconfigurations"], ["get", "patch", "update"], CASTWARE_WEBHOOKS), "Operator webhooks",
        "Maintains its own webhooks (\"Required to create/update/delete Operator webhooks\"): get, patch and update only of the two configurations its chart creates, enforced with resourceNames. The seed and the chart grant them on every webhook configuration of the cluster, which is admission webhook control (it could redirect or disable another product's webhooks): a default never grants it (DESIGN \"Secure by default\"). Names: castai/castware-operator charts/castai-castware-operator/templates/webhook.yaml @19052ac1cbfd (`<fullname>-mutating-webhook-configuration`, `<fullname>-validating-webhook-configuration`, fullname castware-operator)."),

    // Phase 2, castai-agent namespace.
    risky(e("phase2Ns", "phase2-ns-admin", PHASE2_NS, "* *: * (full administrative permissions in castai-agent namespace)",
        { apiGroups: ["*"], resources: ["*"], verbs: ["*"] }, "component upgrades",
        "Namespace administrator of the components' namespace only, with the seed's `*` verbs. It has to be `*`: the cluster controller chart's own Role grants `*` (" + chartSource("clusterController", "templates/rbac.yaml") + "), and Kubernetes lets a subject without escalate create or update a Role only if it holds every rule of it, where a list of verbs never covers `*`. The alternatives are worse: escalate on roles (cluster-wide, or for a create, which carries no name) or bind. What it adds stays in this namespace: a Role can grant nothing outside it, the service accounts it can impersonate are this namespace's, and a namespace admin can already run a pod as any of them. Never in kube-system or cluster-wide."),
        "`*` includes escalate and bind on Roles and RoleBindings and impersonate on service accounts, in the components' namespace only (phase 2, extendedPermissions): the cluster controller and the Operator can grant themselves, or act as, anything in that namespace."),

    // Phase 2, cluster-wide (cluster controller and Operator alike).
    e("phase2Cluster", "phase2-nodes-pods-read", PHASE2_CLUSTER, "core nodes, pods: get, list, watch",
        g("", ["nodes", "pods"], READ), "autoscaling", "Reads nodes and pods to plan scaling."),
    e("phase2Cluster", "phase2-nodes-write", PHASE2_CLUSTER, "core nodes: patch, update",
        g("", ["nodes"], ["patch", "update"]), "node draining", "Cordons, labels and taints nodes to drain them."),
    e("phase2Cluster", "phase2-nodes-pods-delete", PHASE2_CLUSTER, "core nodes, pods: delete",
        g("", ["nodes", "pods"], ["delete"]), "node draining and deletion", "Deletes stuck pods and removed nodes."),
    e("phase2Cluster", "phase2-node-status", PHASE2_CLUSTER, "core nodes/status: patch",
        g("", ["nodes/status"], ["patch"]), "node status", "Updates node status."),
    e("phase2Cluster", "phase2-eviction", PHASE2_CLUSTER, "core pods/eviction: create",
        g("", ["pods/eviction"], ["create"]), "pod eviction", "Evicts pods through the eviction API (respects pod disruption budgets)."),
    e("phase2Cluster", "phase2-csr-approval", PHASE2_CLUSTER, "certificates.k8s.io certificatesigningrequests/approval: patch, update",
        g("certificates.k8s.io", ["certificatesigningrequests/approval"], ["patch", "update"]), "node bootstrap",
        "Approves the certificate requests of nodes it adds; which signers it may approve for is limited by the next rule."),
    e("phase2Cluster", "phase2-signers", PHASE2_CLUSTER, "certificates.k8s.io signers: approve (scoped to kubernetes.io/kube-apiserver-client-kubelet and kubernetes.io/kubelet-serving)",
        g("certificates.k8s.io", ["signers"], ["approve"], KUBELET_SIGNERS), "node bootstrap",
        "Approves kubelet client and serving certificates only: enforced with resourceNames (approve is checked per signer name), so no other signer's requests, such as kube-apiserver-client for users."),
    e("phase2Cluster", "phase2-csrs", PHASE2_CLUSTER, "certificates.k8s.io certificatesigningrequests: create, delete, get, list, watch",
        g("certificates.k8s.io", ["certificatesigningrequests"], ["create", "delete", "get", "list", "watch"]), "node bootstrap", "Creates and cleans up node certificate requests."),
    e("phase2Cluster", "phase2-llms-namespace", PHASE2_CLUSTER, "core namespaces: delete, get (delete scoped to castai-llms only)",
        g("", ["namespaces"], ["delete", "get"], ["castai-llms"]), "component uninstall",
        "Deletes the castai-llms namespace only: enforced with resourceNames. The cluster controller's last chart and the Operator's phase 2 chart (rbac-ext.yaml) have it."),
    e("phase2Cluster", "phase2-namespaces-get", PHASE2_CLUSTER, "core namespaces: get",
        g("", ["namespaces"], ["get"]), "namespace access", "Reads namespaces."),
    e("phase2Cluster", "phase2-own-namespace-delete", PHASE2_CLUSTER, "core namespaces: delete (scoped to castai-agent only)",
        g("", ["namespaces"], ["delete"], ["{namespace}"]), "Cast AI uninstall",
        "Deletes the components' own namespace only (castai-agent, or the namespace given): enforced with resourceNames."),
    e("phase2Cluster", "phase2-autoscaling-crs", PHASE2_CLUSTER, "autoscaling.cast.ai *: create, delete, get, list, patch, update, watch",
        g("autoscaling.cast.ai", ["*"], CRUD), "autoscaling custom resources", "Every resource of Cast AI's own autoscaling.cast.ai group, no other group."),
    e("phase2Cluster", "phase2-live-crs", PHASE2_CLUSTER, "live.cast.ai *: create, delete, get, list, patch, update, watch",
        g("live.cast.ai", ["*"], CRUD), "live migration", "Every resource of Cast AI's live.cast.ai group. In the cluster controller's last chart (with autoscaling.enabled, its default) and the Operator's phase 2 chart."),
    e("phase2Cluster", "phase2-pod-mutations-crs", PHASE2_CLUSTER, "pod-mutations.cast.ai *: create, delete, get, list, patch, update, watch",
        g("pod-mutations.cast.ai", ["*"], CRUD), "pod mutations", "Every resource of Cast AI's pod-mutations.cast.ai group. In the cluster controller's last chart and the Operator's phase 2 chart."),
    e("phase2Cluster", "phase2-volumeattachments", PHASE2_CLUSTER, "storage.k8s.io volumeattachments: delete, get, list",
        g("storage.k8s.io", ["volumeattachments"], ["delete", "get", "list"]), "volume cleanup",
        "Removes stale volume attachments of deleted nodes. The chart puts it in a separate castai-cluster-controller-ext ClusterRole."),
    x("phase2Cluster", "phase2-volumeattachments-watch", PHASE2_CLUSTER, "storage.k8s.io volumeattachments: watch",
        g("storage.k8s.io", ["volumeattachments"], ["watch"]), "volume cleanup",
        "Watches volume attachments, as the cluster controller's castai-cluster-controller-ext ClusterRole grants (" + chartSource("clusterController", "child-charts/castai-cluster-controller-ext/templates/clusterrole.yaml") + ") and the Operator's rbac-ext.yaml added \"for cc compatibility\" (2abf8341): the Operator must hold it to install that ClusterRole. Read only.",
        `${OPERATOR_EXT}; ${chartSource("clusterController", "child-charts/castai-cluster-controller-ext/templates/clusterrole.yaml")}`),
    x("phase2Cluster", "phase2-cluster-controller-ext-rbac", ["operator-cluster-ext"], "rbac.authorization.k8s.io clusterroles, clusterrolebindings: get, delete (scoped to castai-cluster-controller-ext)",
        g("rbac.authorization.k8s.io", ["clusterroles", "clusterrolebindings"], ["get", "delete"], ["castai-cluster-controller-ext"]), "component uninstall",
        "Reads and removes the cluster controller's -ext ClusterRole and binding only: enforced with resourceNames. The Operator's rbac-ext.yaml adds this name to its list; the cluster controller's own list leaves it out on purpose (its chart: \"we do not want to touch them after installation\").",
        OPERATOR_EXT),
    risky(x("phase2Cluster", "phase2-pod-pinner-webhook", PHASE2_CLUSTER, "admissionregistration.k8s.io mutatingwebhookconfigurations: get, patch (scoped to castai-pod-pinner only)",
            g("admissionregistration.k8s.io", ["mutatingwebhookconfigurations"], ["get", "patch"], [POD_PINNER_WEBHOOK]), "pod pinner upgrades",
            "The cluster controller upgrades the pod pinner, whose chart patches its own mutating webhook configuration: get and patch of castai-pod-pinner only, enforced with resourceNames (no create, which a name cannot limit, so no new configuration; no other product's). The cluster controller's last chart grants it (\"Add RBAC permissions to cluster-controller for castai-pod-pinner upgrades\", castai/helm-charts 3cc03e00) and so does the Operator's rbac-ext.yaml: the Operator must hold it to install the cluster controller's ClusterRole (the real API server refuses that ClusterRole otherwise, tests/apiserver-charts.test.ts). Phase 1's Operator holds get, patch and update of its own two configurations only, so this is phase 2's.",
            `${OPERATOR_EXT}; ${chartSource("clusterController", "templates/rbac.yaml")}`),
        POD_PINNER_WEBHOOK_RISK),

    // Cluster controller rows the phase 2 table does not repeat.
    e("clusterController", "cluster-controller-events", PHASE2_CLUSTER, "core events: list, create, patch",
        g("", ["events"], ["list", "create", "patch"]), "event recording", "Reads and records events."),
    e("clusterController", "cluster-controller-rbac", PHASE2_CLUSTER, "rbac.authorization.k8s.io roles, clusterroles, clusterrolebindings: get, patch, update, delete, escalate (applicable to all Cast AI components)",
        g("rbac.authorization.k8s.io", ["roles", "clusterroles", "clusterrolebindings"], ["get", "patch", "update", "delete"], CASTAI_RBAC_NAMES), "component upgrades",
        "Maintains the RBAC of Cast AI's own components only: enforced with resourceNames (the charts' list of component names, castai-ai-optimizer-proxy included as in the cluster controller's last chart and the Operator's rbac-ext.yaml). The seed's `escalate` is left out: it comes from an old chart (the current one dropped it), and the Operator, which never holds escalate, must hold every rule of the cluster controller to install it. Without escalate, Kubernetes lets it update a role only to rules it holds itself."),

    // Evictor.
    e("evictor", "evictor-events", ["evictor-cluster"], "core events: create, patch",
        g("", ["events"], ["create", "patch"]), "event recording", "Records eviction events. The chart grants events create in a separate castai-evictor-ext ClusterRole."),
    e("evictor", "evictor-nodes", ["evictor-cluster"], "core nodes: get, list, watch, patch, update",
        g("", ["nodes"], ["get", "list", "watch", "patch", "update"]), "bin packing", "Finds nodes to empty and cordons them."),
    {
        ...e("evictor", "evictor-pods", ["evictor-cluster"], "core pods: get, list, watch, patch, update, create, delete",
            g("", ["pods"], ["get", "list", "watch", "patch", "update", "create", "delete"]), "bin packing", "Finds pods to move and deletes stuck pods."),
        risk: "create of pods in every namespace, kube-system included: a pod runs as any service account of its namespace (the same power as that account's token). The evictor is phase 2: granted with extendedPermissions or when listed in components.",
    },
    e("evictor", "evictor-replicasets", ["evictor-cluster"], "apps replicaSets: get",
        g("apps", ["replicasets"], ["get"]), "safe eviction",
        "Checks a pod's replica set before evicting it. The seed writes replicaSets; RBAC compares the lower-case resource name, so replicasets. The chart also reads statefulsets and PDBs, which the seed does not list."),
    e("evictor", "evictor-eviction", ["evictor-cluster"], "core pods/eviction: create",
        g("", ["pods/eviction"], ["create"]), "pod eviction", "Evicts pods through the eviction API."),
    e("evictor", "evictor-leases", ["evictor-cluster"], "coordination.k8s.io leases: *",
        g("coordination.k8s.io", ["leases"], ["*"]), "leader election",
        "Leader election. Cluster-wide, as both the seed (`*`) and the evictor's last chart (" + chartSource("evictor", "templates/clusterrole.yaml") + ": create, get, list, watch, update in its ClusterRole) grant it; kubegrant keeps the seed's verbs. Cluster-wide lease write reaches other controllers' leader leases (any namespace): a reviewer may prefer a Role in the components' namespace, which neither source uses."),

    // Pod pinner.
    e("podPinner", "pod-pinner-nodes", ["pod-pinner-cluster"], "core nodes: create, delete, get",
        g("", ["nodes"], ["create", "delete", "get"]), "pod pinning", "Creates placeholder nodes for pods it pins and removes them."),
    e("podPinner", "pod-pinner-pods", ["pod-pinner-cluster"], "core pods: delete, get, list",
        g("", ["pods"], ["delete", "get", "list"]), "pod pinning", "Finds and deletes pods it pins. The current chart also patches pods; the seed does not list it."),
    e("podPinner", "pod-pinner-binding", ["pod-pinner-cluster"], "core pods/binding: create",
        g("", ["pods/binding"], ["create"]), "pod pinning", "Binds pods to the nodes it chose."),
    e("podPinner", "pod-pinner-webhooks-read", ["pod-pinner-cluster"], "admissionregistration.k8s.io mutatingwebhookconfigurations: list, watch",
        g("admissionregistration.k8s.io", ["mutatingwebhookconfigurations"], ["list", "watch"]), "pod pinner webhook",
        "Lists and watches mutating webhook configurations (list and watch of a collection cannot be limited by name)."),
    e("podPinner", "pod-pinner-own-webhook", ["pod-pinner-cluster"], "admissionregistration.k8s.io mutatingwebhookconfigurations: watch, get, patch, update (scoped to pod-pinner resource only)",
        g("admissionregistration.k8s.io", ["mutatingwebhookconfigurations"], ["watch", "get", "patch", "update"], [POD_PINNER_WEBHOOK]), "pod pinner webhook",
        "Maintains its own webhook configuration only: enforced with resourceNames for get, patch and update. A named watch works only for a single-object watch; the unscoped rule above covers watching the collection."),

    // Phase 2 opt-in (operatorClusterWidePodWrite): what the Operator must hold beyond phase 2 to
    // install the evictor's and pod pinner's charts, whose rules it cannot create without holding them.
    risky(x("chartInstall", "charts-leases", CHARTS, "coordination.k8s.io leases: create, get, list, watch, update",
        g("coordination.k8s.io", ["leases"], ["create", "get", "list", "watch", "update"]), "installing the evictor",
        "The evictor's ClusterRole grants leader-election leases cluster-wide.",
        chartSource("evictor", "templates/clusterrole.yaml")),
        "lease write in every namespace (operatorClusterWidePodWrite): the Operator can take over other controllers' leader election."),
    x("chartInstall", "charts-nodeclaims-delete", CHARTS, "karpenter.sh nodeclaims: delete",
        g("karpenter.sh", ["nodeclaims"], ["delete"]), "installing the evictor",
        "The evictor's -ext ClusterRole deletes Karpenter NodeClaims (cleanup of Karpenter nodes); read is already held (phase 1).",
        chartSource("evictor", "child-charts/castai-evictor-ext/templates/clusterrole.yaml")),
    risky(x("chartInstall", "charts-nodes-create", CHARTS, "core nodes: create",
        g("", ["nodes"], ["create"]), "installing the pod pinner",
        "The pod pinner's ClusterRoles create placeholder nodes.",
        chartSource("podPinner", "templates/cluster-role.yaml")),
        "nodes create (operatorClusterWidePodWrite): a Node object the Operator registers can attract pods that the scheduler or a binding places on it."),
    risky(x("chartInstall", "charts-pods-patch", CHARTS, "core pods: patch",
        g("", ["pods"], ["patch"]), "installing the pod pinner",
        "The pod pinner's ClusterRoles patch pods.",
        chartSource("podPinner", "templates/cluster-role.yaml")),
        "pods patch in every namespace (operatorClusterWidePodWrite): patch reaches a pod's container images, so the Operator can run other code as that pod's service account."),
    risky(x("chartInstall", "charts-pods-binding", CHARTS, "core pods/binding: create",
        g("", ["pods/binding"], ["create"]), "installing the pod pinner",
        "The pod pinner binds pods to the nodes it chose.",
        chartSource("podPinner", "templates/cluster-role.yaml")),
        "pods/binding create (operatorClusterWidePodWrite): with nodes create, the Operator can place any pending pod on a node it registered."),
    x("chartInstall", "charts-volumes-patch", CHARTS, "core persistentvolumeclaims, persistentvolumes: patch",
        g("", ["persistentvolumeclaims", "persistentvolumes"], ["patch"]), "installing the pod pinner",
        "The pod pinner's -ext ClusterRole patches volumes and claims (their annotations when it pins pods); read is already held (phase 1).",
        chartSource("podPinner", "child-charts/castai-pod-pinner-ext/templates/clusterrole.yaml")),
    risky(x("chartInstall", "charts-pod-pinner-webhook-update", CHARTS, "admissionregistration.k8s.io mutatingwebhookconfigurations: update (scoped to castai-pod-pinner only)",
            g("admissionregistration.k8s.io", ["mutatingwebhookconfigurations"], ["update"], [POD_PINNER_WEBHOOK]), "installing the pod pinner",
            "The pod pinner's ClusterRoles maintain its own mutating webhook configuration (get, patch, update of castai-pod-pinner): phase 2 holds get and patch (the cluster controller's rule), this adds update, of castai-pod-pinner only, enforced with resourceNames.",
            `${chartSource("podPinner", "templates/cluster-role.yaml")}; ${chartSource("podPinner", "child-charts/castai-pod-pinner-ext/templates/clusterrole.yaml")}`),
        POD_PINNER_WEBHOOK_RISK),
];

const AG: CastAiComponent[] = ["agent"];
const CC: CastAiComponent[] = ["cluster-controller"];
const rel = (
    table: keyof typeof CASTAI_TABLES, seedRow: string, rule: PolicyRule, scope: "cluster" | "release",
    components: CastAiComponent[], implementedBy: string[],
): CastAiSeedAlias => ({ table: CASTAI_TABLES[table], seedRow, rule, scope, components, implementedBy });

/** Seed rows repeated under another heading, and the entries that grant them. */
export const CASTAI_SEED_ALIASES: readonly CastAiSeedAlias[] = [
    rel("agentReadOnly", "core pods, nodes, replicationcontrollers, persistentvolumeclaims, persistentvolumes, services: get, list, watch",
        g("", ["pods", "nodes", "replicationcontrollers", "persistentvolumeclaims", "persistentvolumes", "services"], READ), "cluster", AG, ["shared-core-read"]),
    rel("agentReadOnly", "core namespaces: get", g("", ["namespaces"], ["get"]), "cluster", AG, ["shared-namespaces-get"]),
    rel("agentReadOnly", "apps deployments, replicasets, daemonsets, statefulsets: get, list, watch",
        g("apps", ["deployments", "replicasets", "daemonsets", "statefulsets"], READ), "cluster", AG, ["shared-apps-read"]),
    rel("agentReadOnly", "storage.k8s.io storageClasses, csinodes: get, list, watch",
        g("storage.k8s.io", ["storageclasses", "csinodes"], READ), "cluster", AG, ["shared-storage-read"]),
    rel("agentReadOnly", "batch jobs: get, list, watch", g("batch", ["jobs"], READ), "cluster", AG, ["shared-batch-read"]),
    rel("agentReadOnly", "apps deployments: patch (used only to patch the castai-agent deployment)",
        g("apps", ["deployments"], ["patch"], ["castai-agent"]), "release", AG, ["shared-ns-agent-deployment"]),
    rel("clusterController", "core namespaces: get", g("", ["namespaces"], ["get"]), "cluster", CC, ["phase2-namespaces-get"]),
    rel("clusterController", "core pods, nodes: get, list", g("", ["pods", "nodes"], ["get", "list"]), "cluster", CC, ["phase2-nodes-pods-read"]),
    rel("clusterController", "core nodes: patch, update", g("", ["nodes"], ["patch", "update"]), "cluster", CC, ["phase2-nodes-write"]),
    rel("clusterController", "core pods, nodes: delete", g("", ["pods", "nodes"], ["delete"]), "cluster", CC, ["phase2-nodes-pods-delete"]),
    rel("clusterController", "core pods/eviction: create", g("", ["pods/eviction"], ["create"]), "cluster", CC, ["phase2-eviction"]),
    rel("clusterController", "certificates.k8s.io certificatesigningrequests: get, list, delete, create",
        g("certificates.k8s.io", ["certificatesigningrequests"], ["get", "list", "delete", "create"]), "cluster", CC, ["phase2-csrs"]),
    rel("clusterController", "certificates.k8s.io certificatesigningrequests/approval: patch, update",
        g("certificates.k8s.io", ["certificatesigningrequests/approval"], ["patch", "update"]), "cluster", CC, ["phase2-csr-approval"]),
    rel("clusterController", "certificates.k8s.io signers: approve (applicable only for kubelet)",
        g("certificates.k8s.io", ["signers"], ["approve"], KUBELET_SIGNERS), "cluster", CC, ["phase2-signers"]),
    rel("clusterController", "core namespaces: delete (applicable only to the Cast AI agent)",
        g("", ["namespaces"], ["delete"], ["{namespace}"]), "cluster", CC, ["phase2-own-namespace-delete"]),
    rel("clusterController", "namespace-wide (castai-agent): all permissions necessary for current and future changes",
        { apiGroups: ["*"], resources: ["*"], verbs: ["*"] }, "release", CC, ["phase2-ns-admin"]),
];

/** This catalog as the fidelity table and the policy pack read it. */
export const CASTAI_RBAC_CARD: CatalogCard = {
    vendor: "Cast AI", target: "Kubernetes", file: "components/castai/cluster-rbac-catalog.ts",
    items: namedEntries(CASTAI_RBAC_ENTRIES, (e) => e.id),
    removals: [],
    actions: [],
};
