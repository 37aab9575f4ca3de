// kubegrant/azure: the generic Azure components and every vendor component for Azure.
import { requireProviders } from "../core/providers";

// Before anything loads a provider: one error naming every missing package, not Node's stack for the first.
requireProviders("kubegrant/azure", ["azure"]);

export { CustomRole, CustomRoleArgs, RoleAssignmentSpec } from "./role";
export { FederatedIdentity, FederatedIdentityArgs, FederatedCredentialSpec } from "./identity";
export { AppRegistration, AppRegistrationArgs } from "./app";
export { AZURE_TOKEN_EXCHANGE_AUDIENCE } from "./audience";
export { ActionEntry, DroppedAction } from "./catalog";
export { stableGuid } from "./guid";
export { resourceGroupId } from "./validate";
export { CastAiAksAccess, CastAiAksAccessArgs } from "../castai/aks";
export { planCastAiAks, CastAiAksPlan, CastAiAksPlainArgs, AksAuthentication, CASTAI_AKS_ISSUER } from "../castai/aks-plan";
export { CASTAI_AKS_ACTIONS, CASTAI_AKS_DROPPED } from "../castai/aks-catalog";
