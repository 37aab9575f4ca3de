/** Example inputs for the Cast AI AKS tests. */
export const AKS = {
    subscriptionId: "2b3c4d5e-6f70-4a81-9b2c-3d4e5f607182",
    clusterName: "prod-weu",
    clusterId: "3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b",
    resourceGroup: "rg-prod",
    nodeResourceGroup: "MC_rg-prod_prod-weu_westeurope",
} as const;

/** Workload identity (the default mode). */
export const AKS_WI = { ...AKS, castaiIdentitySubject: "112233445566778899001", location: "westeurope" } as const;

/** Client secret mode. */
export const AKS_CS = { ...AKS, authentication: "clientSecret" } as const;

export const SUB = `/subscriptions/${AKS.subscriptionId}`;
export const RG = `${SUB}/resourceGroups/rg-prod`;
export const NODE_RG = `${SUB}/resourceGroups/MC_rg-prod_prod-weu_westeurope`;
