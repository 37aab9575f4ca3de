import { Sourced } from "../core";
import { definePreset } from "../core/preset";
import { CastAiGkeAccess, CastAiGkeAccessArgs } from "./gke";
import { CASTAI_GKE_PERMISSIONS, CASTAI_GKE_ROLES } from "./gke-catalog";
import { CASTAI_GKE_APIS, CASTAI_GKE_ARGS, CASTAI_GKE_OUTPUTS } from "./gke-plan";
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
export const castAiGkePreset = definePreset<CastAiGkeAccessArgs>({
    name: "castai-gke",
    title: "Cast AI on GCP (GKE)",
    args: CASTAI_GKE_ARGS,
    outputs: CASTAI_GKE_OUTPUTS,
    explanations,
    component: CastAiGkeAccess,
});
