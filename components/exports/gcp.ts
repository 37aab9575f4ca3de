// kubegrant/gcp: the generic GCP components and every vendor component for GCP.
import { requireProviders } from "../core/providers";

// Before anything loads a provider: one error naming every missing package, not Node's stack for the first.
requireProviders("kubegrant/gcp", ["gcp"]);

export {
    ServiceAccountAccess, ServiceAccountAccessArgs, CustomRoleSpec, ProjectBindingSpec, AccountBindingSpec, ServiceSpec,
} from "../gcp/service-account";
export { IamCondition, celString, serviceAccountsCondition, callerEmailCondition, workloadIdentityMember } from "../gcp/condition";
export { PermissionEntry, Switches, buildPermissions } from "../gcp/catalog";
export { CastAiGkeAccess, CastAiGkeAccessArgs } from "../castai/gke";
export { planCastAiGke, CastAiGkePlan, CastAiGkePlainArgs, CastAiGkeArgsOf, CastAiGkeMode, CASTAI_GKE_APIS } from "../castai/gke-plan";
export { CASTAI_GKE_PERMISSIONS, CASTAI_GKE_ROLES } from "../castai/gke-catalog";
