/**
 * Cast AI on GCP: every permission of the `castai.gkeAccess` custom role, as data. Sources: the
 * seed (../shared/seeds/castai-cloud-permissions.txt, "GCP"; castai-gke-impersonation.txt) and
 * Cast AI's list on the provider's default branch, castai/terraform-provider-castai
 * castai/policies/gke/iam-policy.json (the seed's 38 permissions plus compute.instances.detachDisk,
 * added by 1e501909), and the provider's optional feature lists on that branch
 * (castai/policies/gke/loadBalancers-{targetBackendPools,unmanagedInstanceGroups}.json, the only
 * two features castai/data_source_gke.go offers). The network-endpoint-group list
 * (loadBalancers-networkEndpointGroup.json) existed only on a pull-request branch: added by
 * 14443326, deleted the next day by 7c4930a8; the squash merge df771def never brought it to the
 * default branch. An unmerged branch is never a source, so kubegrant no longer offers it.
 */
import { vendorSource } from "../core/sources";
import { PermissionEntry } from "../gcp/catalog";
import { CatalogCard, namedEntries } from "../core/catalog";

const SEED = "seed castai-cloud-permissions.txt, GCP castai.gkeAccess";
const NEWEST = vendorSource("castai/terraform-provider-castai", "castai/policies/gke/iam-policy.json");
const IMPERSONATION = "seed castai-gke-impersonation.txt, Step 2";
const LB = (file: string) => vendorSource("castai/terraform-provider-castai", `castai/policies/gke/${file}`);

export const CASTAI_GKE_PERMISSIONS: readonly PermissionEntry[] = [
    {
        feature: "cluster management",
        why: "Reads the GKE cluster (node pools, network, versions), updates it when Cast AI manages node pools, and follows the operations those updates start.",
        source: SEED,
        permissions: ["container.clusters.get", "container.clusters.update", "container.operations.get"],
    },
    {
        feature: "node bootstrap",
        why: "Approves the kubelet certificate signing requests of nodes Cast AI launches, so they join the cluster.",
        source: SEED,
        permissions: ["container.certificateSigningRequests.approve"],
    },
    {
        feature: "node lifecycle",
        why: "Creates, starts, stops, deletes and lists the VM instances that are the cluster's nodes, and sets their labels, tags, metadata (kubelet bootstrap) and node service account.",
        source: SEED,
        permissions: [
            "compute.instances.get", "compute.instances.list", "compute.instances.create", "compute.instances.start",
            "compute.instances.stop", "compute.instances.delete", "compute.instances.setLabels",
            "compute.instances.setServiceAccount", "compute.instances.setMetadata", "compute.instances.setTags",
        ],
    },
    {
        feature: "node lifecycle (volumes)",
        why: "Detaches persistent disks from a node before it is deleted, so volumes are not lost with the node. Added by Cast AI's newest list; the seed lacks it.",
        source: NEWEST,
        permissions: ["compute.instances.detachDisk"],
    },
    {
        feature: "node pool integration",
        why: "GKE node pools are managed instance groups: Cast AI reads them and resizes them (e.g. scaling the default pool down when its own nodes take over).",
        source: SEED,
        permissions: ["compute.instanceGroupManagers.get", "compute.instanceGroupManagers.update", "compute.instanceGroups.get"],
    },
    {
        feature: "node networking",
        why: "Attaches new nodes to the cluster's network and subnet, and uses reserved addresses.",
        source: SEED,
        permissions: ["compute.networks.use", "compute.subnetworks.get", "compute.subnetworks.use", "compute.addresses.use"],
    },
    {
        feature: "node networking (external IPs)",
        why: "Gives nodes an external IP on the cluster's network and subnet. The impersonation guide lists both separately (\"Required for network operations\"); they are part of this role, so no extra grant is needed.",
        source: `${SEED}; ${IMPERSONATION}`,
        permissions: ["compute.networks.useExternalIp", "compute.subnetworks.useExternalIp"],
    },
    {
        feature: "node boot disks",
        why: "Creates and labels the boot disks of new nodes and attaches them.",
        source: SEED,
        permissions: ["compute.disks.use", "compute.disks.create", "compute.disks.setLabels"],
    },
    {
        feature: "node images",
        why: "Reads and boots the node images (GKE's, read-only).",
        source: SEED,
        permissions: ["compute.images.get", "compute.images.useReadOnly"],
    },
    {
        feature: "node templates",
        why: "Reads the node pools' instance templates and creates or deletes its own templates from them.",
        source: SEED,
        permissions: ["compute.instanceTemplates.get", "compute.instanceTemplates.list", "compute.instanceTemplates.create", "compute.instanceTemplates.delete"],
    },
    {
        feature: "placement and operations",
        why: "Lists the zones nodes can be placed in, and waits for the zonal and regional operations its calls start.",
        source: SEED,
        permissions: ["compute.zones.list", "compute.zones.get", "compute.zoneOperations.get", "compute.regionOperations.get"],
    },
    {
        feature: "onboarding checks",
        why: "Checks that the APIs Cast AI needs are enabled, and reads the project's IAM policy to check its own permissions.",
        source: SEED,
        permissions: ["serviceusage.services.list", "resourcemanager.projects.getIamPolicy"],
    },
    {
        feature: "load balancers: target pools",
        why: "Adds and removes nodes in the target pools of network load balancers (`enable_load_balancers_target_backend_pools_permissions`).",
        source: LB("loadBalancers-targetBackendPools.json"),
        when: { loadBalancersTargetBackendPools: true },
        permissions: ["compute.targetPools.get", "compute.targetPools.addInstance", "compute.targetPools.removeInstance", "compute.instances.use"],
    },
    {
        feature: "load balancers: unmanaged instance groups",
        why: "Adds and removes nodes in unmanaged instance groups used as load balancer backends (`enable_load_balancers_unmanaged_instance_groups_permissions`).",
        source: LB("loadBalancers-unmanagedInstanceGroups.json"),
        when: { loadBalancersUnmanagedInstanceGroups: true },
        permissions: ["compute.instanceGroups.update", "compute.instances.use"],
    },
];

/** Predefined roles kubegrant binds for Cast AI, with why and source (for the review report). */
export const CASTAI_GKE_ROLES = {
    serviceAccountUser: {
        feature: "node service account",
        why: "Launching a node that runs as a service account requires acting as it (iam.serviceAccounts.actAs). An IAM condition limits this to exactly the nodeServiceAccountIds (the seed's recommended secure mode), which are required.",
        source: `seed castai-cloud-permissions.txt, GCP IAM Conditions; ${vendorSource("castai/terraform-castai-gke-iam", "service_account.tf")}`,
    },
    serviceAccountUserProjectWide: {
        feature: "node service account (allowProjectWideServiceAccountUse)",
        why: "Launching a node that runs as a service account requires acting as it (iam.serviceAccounts.actAs). Opted in with allowProjectWideServiceAccountUse: no condition, for node pools whose service accounts are not known in advance (Cast AI's module default when no IDs are given).",
        source: "seed castai-cloud-permissions.txt, GCP IAM Conditions; castai/terraform-castai-gke-iam main.tf",
        risk: "roles/iam.serviceAccountUser on the whole project with no condition: with compute.instances.create and setServiceAccount, Cast AI can start a VM as any service account of the project (an owner's or editor's included) and use its token (iam.serviceAccounts.actAs project-wide). Scope it with nodeServiceAccountIds.",
    },
    tokenCreator: {
        feature: "keyless impersonation",
        why: "Cast AI's organization account mints short-lived tokens for this service account instead of holding a key. Unconditional: the seed script and Cast AI's module both attach `AlwaysTrueCondition` (expression `true`), which grants exactly the same.",
        source: `seed castai-gke-impersonation.txt, Step 2; ${vendorSource("castai/terraform-gke-iam-impersonate", "main.tf")}`,
    },
    impersonationUser: {
        feature: "keyless impersonation",
        why: "Cast AI's organization account acts as this service account; the condition admits only requests authenticated as that exact account.",
        source: `seed castai-gke-impersonation.txt, implementation example; ${vendorSource("castai/terraform-gke-iam-impersonate", "main.tf")}`,
    },
    workloadIdentityUser: {
        feature: "cloud proxy (Workload Identity)",
        why: "The in-cluster castai-cloud-proxy Kubernetes service account acts as this service account through GKE Workload Identity, so the proxy needs no key. Only that namespace/name pair can. Departure: Cast AI's module grants the Workload Identity principal the same roles directly on the project; kubegrant lets it act as this one service account instead (its Kubernetes service account is annotated), so the proxy holds exactly this account's roles, kept in one place.",
        source: `${vendorSource("castai/terraform-castai-gke-iam", "workload_identity.tf")} (setup_cloud_proxy_workload_identity)`,
    },
    apis: {
        feature: "required APIs",
        why: "Cast AI calls the Resource Manager and Service Usage APIs. Enabled, and never disabled on destroy: other workloads of the project may rely on them.",
        source: "seed castai-cloud-permissions.txt, GCP Required APIs",
    },
} as const;

/** This catalog as the fidelity table and the policy pack read it. */
export const CASTAI_GKE_CARD: CatalogCard = {
    vendor: "Cast AI", target: "GCP", file: "components/castai/gke-catalog.ts",
    items: [
        ...namedEntries(CASTAI_GKE_PERMISSIONS, (e) => e.permissions.length === 1 ? e.permissions[0] : `${e.permissions[0]} (+${e.permissions.length - 1})`),
        ...namedEntries(Object.entries(CASTAI_GKE_ROLES).map(([k, e]) => ({ ...e, key: k })), (e) => `${e.key} (binding)`),
    ],
    removals: [],
    actions: CASTAI_GKE_PERMISSIONS.flatMap((e) => e.permissions),
};
