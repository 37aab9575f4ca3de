// kubegrant/azure: the generic Azure components and every vendor component for Azure.
import { requireProviders } from "../core/providers";

// Before anything loads a provider: one error naming every missing package, not Node's stack for the first.
requireProviders("kubegrant/azure", ["azure"]);

export { CustomRole, CustomRoleArgs, RoleAssignmentSpec } from "../azure/role";
export { FederatedIdentity, FederatedIdentityArgs, FederatedCredentialSpec } from "../azure/identity";
export { AppRegistration, AppRegistrationArgs } from "../azure/app";
export { AZURE_TOKEN_EXCHANGE_AUDIENCE } from "../azure/audience";
export { CastAiAksAccess, CastAiAksAccessArgs } from "../castai/aks";
export { CastAiAksArgsOf, AksAuthentication, AKS_AUTHENTICATIONS } from "../castai/aks-plan";
// The types of the in-cluster part a component creates with `clusterRbac` (CastAiClusterRbac and what
// its type names): types only, so importing this barrel loads no Kubernetes provider.
export type * from "./kubernetes";
