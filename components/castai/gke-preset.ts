import { Sourced } from "../core";
import { Preset } from "../core/preset";
import { CastAiGkeAccess, CastAiGkeAccessArgs } from "./gke";
import { CASTAI_GKE_PERMISSIONS, CASTAI_GKE_ROLES } from "./gke-catalog";
import { CASTAI_GKE_APIS, CASTAI_GKE_STRING_ARGS } from "./gke-plan";
import { ruleExplanations } from "../kubernetes/catalog";
import { CASTAI_RBAC_ENTRIES } from "./cluster-rbac-catalog";

const explanations = new Map<string, Sourced>([
    ...CASTAI_GKE_PERMISSIONS.flatMap((e) => e.permissions.map((p) => [`gcp-permission:${p}`, e] as const)),
    ["gcp-project-role:roles/iam.serviceAccountUser", CASTAI_GKE_ROLES.serviceAccountUser],
    ["gcp-project-role:roles/iam.serviceAccountUser unconditional", CASTAI_GKE_ROLES.serviceAccountUserProjectWide],
    ["gcp-account-role:roles/iam.serviceAccountTokenCreator", CASTAI_GKE_ROLES.tokenCreator],
    ["gcp-account-role:roles/iam.serviceAccountUser", CASTAI_GKE_ROLES.impersonationUser],
    ["gcp-account-role:roles/iam.workloadIdentityUser", CASTAI_GKE_ROLES.workloadIdentityUser],
    ...CASTAI_GKE_APIS.map((s) => [`gcp-api:${s}`, CASTAI_GKE_ROLES.apis] as const),
    ...ruleExplanations(CASTAI_RBAC_ENTRIES),
]);

/** `castai-gke`: Cast AI on GKE (CastAiGkeAccess). */
export const castAiGkePreset: Preset = {
    name: "castai-gke",
    title: "Cast AI on GCP (GKE)",
    keys: [
        { name: "projectId", type: "string", required: true, description: "GCP project of the cluster" },
        { name: "clusterName", type: "string", required: true, description: "GKE cluster name" },
        { name: "location", type: "string", required: true, description: "Region or zone of the cluster" },
        { name: "mode", type: "string", description: "impersonation (keyless, default) | key" },
        { name: "castaiServiceAccount", type: "string", description: "Cast AI's impersonation account (impersonation mode)" },
        { name: "nodeServiceAccountIds", type: "list", description: "Unique IDs of the node pools' service accounts (required unless allowProjectWideServiceAccountUse)" },
        { name: "allowProjectWideServiceAccountUse", type: "boolean", description: "RISK: roles/iam.serviceAccountUser project-wide, no condition (Cast AI may act as any service account)" },
        { name: "computeManagerProjectIds", type: "list", description: "Sole-tenant projects" },
        { name: "cloudProxyWorkloadIdentity", type: "boolean", description: "Workload Identity for castai-cloud-proxy" },
        { name: "cloudProxyNamespace", type: "string", description: "Namespace of the cloud proxy" },
        { name: "loadBalancersTargetBackendPools", type: "boolean", description: "Target-pool load balancer permissions" },
        { name: "loadBalancersUnmanagedInstanceGroups", type: "boolean", description: "Unmanaged-instance-group load balancer permissions" },
        { name: "propagationDelaySeconds", type: "number", description: "Seconds ready waits for IAM propagation" },
        { name: "clusterRbac", type: "object", description: "Also create Cast AI's in-cluster RBAC: CastAiClusterRbac arguments as JSON, e.g. '{}'" },
    ],
    outputKeys: CASTAI_GKE_STRING_ARGS,
    explanations,
    mockOptions: () => ({}),
    create(name, values, opts) {
        const c = new CastAiGkeAccess(name, values as unknown as CastAiGkeAccessArgs, opts);
        return {
            component: c,
            outputs: {
                serviceAccountEmail: c.serviceAccountEmail,
                serviceAccountId: c.serviceAccountId,
                serviceAccountUniqueId: c.serviceAccountUniqueId,
                customRoleId: c.customRoleId,
                privateKey: c.privateKey,
                mode: c.mode,
                propagationDelaySeconds: c.propagationDelaySeconds,
                ready: c.ready,
            },
        };
    },
};
