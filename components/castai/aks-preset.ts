import { actionExplanations } from "../azure/catalog";
import { Preset } from "../core/preset";
import { CastAiAksAccess, CastAiAksAccessArgs } from "./aks";
import { CASTAI_AKS_ACTIONS, CASTAI_AKS_DROPPED } from "./aks-catalog";
import { CASTAI_AKS_STRING_ARGS } from "./aks-plan";
import { ruleExplanations } from "../kubernetes/catalog";
import { CASTAI_RBAC_ENTRIES } from "./cluster-rbac-catalog";

/** `castai-aks`: Cast AI on AKS (CastAiAksAccess). */
export const castAiAksPreset: Preset = {
    name: "castai-aks",
    title: "Cast AI on Azure (AKS)",
    keys: [
        { name: "subscriptionId", type: "string", required: true, description: "Subscription of the cluster (GUID)" },
        { name: "clusterName", type: "string", required: true, description: "AKS cluster name" },
        { name: "clusterId", type: "string", required: true, description: "Cast AI cluster ID (names the role)" },
        { name: "resourceGroup", type: "string", required: true, description: "Resource group of the cluster" },
        { name: "nodeResourceGroup", type: "string", required: true, description: "Node resource group of the cluster" },
        { name: "additionalResourceGroups", type: "list", description: "More resource groups (names or IDs) Cast AI may manage" },
        { name: "authentication", type: "string", description: "workloadIdentity | clientSecret" },
        { name: "castaiIdentitySubject", type: "string", description: "Cast AI identity the federated credential trusts (workload identity)" },
        { name: "castaiIdentityIssuer", type: "string", description: "Issuer of Cast AI's tokens (workload identity)" },
        { name: "location", type: "string", description: "Location of the managed identity (workload identity)" },
        { name: "identityName", type: "string", description: "Name of the managed identity (workload identity)" },
        { name: "clientSecretExpiry", type: "string", description: "Lifetime of the client secret, e.g. 8760h (client secret)" },
        { name: "owners", type: "list", description: "Owners of the app registration (client secret)" },
        { name: "clusterRbac", type: "object", description: "Also create Cast AI's in-cluster RBAC: CastAiClusterRbac arguments as JSON, e.g. '{}'" },
        { name: "tags", type: "object", description: "Tags of the managed identity" },
    ],
    outputKeys: CASTAI_AKS_STRING_ARGS,
    explanations: new Map([...actionExplanations(CASTAI_AKS_ACTIONS, CASTAI_AKS_DROPPED), ...ruleExplanations(CASTAI_RBAC_ENTRIES)]),
    mockOptions: (v) => ({
        azureSubscriptionId: typeof v.subscriptionId === "string" ? v.subscriptionId : undefined,
    }),
    create(name, values, opts) {
        const c = new CastAiAksAccess(name, values as unknown as CastAiAksAccessArgs, opts);
        return {
            component: c,
            outputs: {
                clientId: c.clientId,
                tenantId: c.tenantId,
                clientSecret: c.clientSecret,
                principalId: c.principalId,
                roleDefinitionId: c.roleDefinitionId,
                roleName: c.roleName,
                ready: c.ready,
            },
        };
    },
};
