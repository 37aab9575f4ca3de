// kubegrant/azure: the generic Azure components and every vendor component for Azure.
import { requireProviders } from "../core/providers";

// Before anything loads a provider: one error naming every missing package, not Node's stack for the first.
requireProviders("kubegrant/azure", ["azure"]);

export { CustomRole, CustomRoleArgs, RoleAssignmentSpec } from "../azure/role";
export { FederatedIdentity, FederatedIdentityArgs, FederatedCredentialSpec } from "../azure/identity";
export { AppRegistration, AppRegistrationArgs } from "../azure/app";
export { AZURE_TOKEN_EXCHANGE_AUDIENCE } from "../azure/audience";
export { ActionEntry, DroppedAction } from "../azure/catalog";
export { stableGuid } from "../azure/guid";
export { resourceGroupId } from "../azure/validate";
export { CastAiAksAccess, CastAiAksAccessArgs } from "../castai/aks";
export { planCastAiAks, CastAiAksPlan, CastAiAksPlainArgs, AksAuthentication, CASTAI_AKS_ISSUER } from "../castai/aks-plan";
export { CASTAI_AKS_ACTIONS, CASTAI_AKS_DROPPED } from "../castai/aks-catalog";
