// kubegrant/gcp: the generic GCP components and every vendor component for GCP.
import { requireProviders } from "../core/providers";

// Before anything loads a provider: one error naming every missing package, not Node's stack for the first.
requireProviders("kubegrant/gcp", ["gcp"]);

export {
    ServiceAccountAccess, ServiceAccountAccessArgs, CustomRoleSpec, ProjectBindingSpec, AccountBindingSpec, ServiceSpec,
} from "../gcp/service-account";
export { IamCondition, celString, serviceAccountsCondition, callerEmailCondition, workloadIdentityMember } from "../gcp/condition";
export { CastAiGkeAccess, CastAiGkeAccessArgs } from "../castai/gke";
export { CastAiGkeArgsOf, CastAiGkeMode, CASTAI_GKE_MODES } from "../castai/gke-plan";
// The types of the in-cluster part a component creates with `clusterRbac` (CastAiClusterRbac and what
// its type names): types only, so importing this barrel loads no Kubernetes provider.
export type * from "./kubernetes";
