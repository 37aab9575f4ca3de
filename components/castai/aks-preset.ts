import { actionExplanations } from "../azure/catalog";
import { Preset } from "../render/preset";
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
        { name: "subscriptionId", type: "string", required: true, doc: "Subscription of the cluster (GUID)" },
        { name: "clusterName", type: "string", required: true, doc: "AKS cluster name" },
        { name: "clusterId", type: "string", required: true, doc: "Cast AI cluster ID (names the role)" },
        { name: "resourceGroup", type: "string", required: true, doc: "Resource group of the cluster" },
        { name: "nodeResourceGroup", type: "string", required: true, doc: "Node resource group of the cluster" },
        { name: "additionalResourceGroups", type: "list", doc: "More resource groups (names or IDs) Cast AI may manage" },
        { name: "authentication", type: "string", doc: "workloadIdentity | clientSecret" },
        { name: "castaiIdentitySubject", type: "string", doc: "Cast AI identity the federated credential trusts (workload identity)" },
        { name: "castaiIdentityIssuer", type: "string", doc: "Issuer of Cast AI's tokens (workload identity)" },
        { name: "location", type: "string", doc: "Location of the managed identity (workload identity)" },
        { name: "identityName", type: "string", doc: "Name of the managed identity (workload identity)" },
        { name: "clientSecretExpiry", type: "string", doc: "Lifetime of the client secret, e.g. 8760h (client secret)" },
        { name: "owners", type: "list", doc: "Owners of the app registration (client secret)" },
        { name: "clusterRbac", type: "object", doc: "Also create Cast AI's in-cluster RBAC: CastAiClusterRbac arguments as JSON, e.g. '{}'" },
        { name: "tags", type: "object", doc: "Tags of the managed identity" },
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
