/** Example inputs shared by the tests (the demo's values). */
export const EKS = {
    clusterName: "prod-eu",
    clusterId: "3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b",
    accountId: "123456789012",
    region: "eu-central-1",
    vpcId: "vpc-0a1b2c3d4e5f67890",
} as const;

export const HARDENED = {
    ...EKS,
    hardened: true,
    subnetIds: ["subnet-0aaaaaaaaaaaaaaaa", "subnet-0bbbbbbbbbbbbbbbb"],
    securityGroupIds: ["sg-0ccccccccccccccccc".slice(0, 20)],
} as const;
