/** Example inputs shared by the GKE tests. */
export const CASTAI_SA = "cast-gke-1a2b3c4d@prod-cast-identity.iam.gserviceaccount.com";
export const NODE_SA_IDS = ["112233445566778899001", "998877665544332211009"] as const;

export const GKE = {
    projectId: "acme-prod",
    clusterName: "prod-eu",
    location: "europe-west1",
    castaiServiceAccount: CASTAI_SA,
    nodeServiceAccountIds: [...NODE_SA_IDS],
};

export const GKE_KEY = {
    projectId: "acme-prod",
    clusterName: "prod-eu",
    location: "europe-west1",
    mode: "key" as const,
    nodeServiceAccountIds: [...NODE_SA_IDS],
};
