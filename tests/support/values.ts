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

/** The IAM OIDC provider of the example cluster (IRSA). */
export const OIDC_ISSUER = `oidc.eks.${EKS.region}.amazonaws.com/id/0123456789ABCDEF0123456789ABCDEF`;
export const OIDC = `arn:aws:iam::${EKS.accountId}:oidc-provider/${OIDC_ISSUER}`;

/** Every registration of CastAiEksAccess "castai" with EKS, as `<type> <name> <- <parent>`, sorted. */
export const EKS_DEFAULT_CHILDREN: readonly string[] = [
    "aws:iam/instanceProfile:InstanceProfile castai-node <- castai-node",
    "aws:iam/policy:Policy castai-access-policy <- castai-access",
    "aws:iam/role:Role castai-access <- castai-access",
    "aws:iam/role:Role castai-node <- castai-node",
    "aws:iam/rolePolicy:RolePolicy castai-access-restricted <- castai-access",
    "aws:iam/rolePolicy:RolePolicy castai-node-inline <- castai-node",
    "aws:iam/rolePolicyAttachment:RolePolicyAttachment castai-access-3bd83497 <- castai-access",
    "aws:iam/rolePolicyAttachment:RolePolicyAttachment castai-access-57fa5591 <- castai-access",
    "aws:iam/rolePolicyAttachment:RolePolicyAttachment castai-access-73c39032 <- castai-access",
    "aws:iam/rolePolicyAttachment:RolePolicyAttachment castai-node-23c1b815 <- castai-node",
    "aws:iam/rolePolicyAttachment:RolePolicyAttachment castai-node-b3956be6 <- castai-node",
    "aws:iam/rolePolicyAttachment:RolePolicyAttachment castai-node-ba5eea0d <- castai-node",
    "aws:iam/rolePolicyAttachment:RolePolicyAttachment castai-node-c3ddac1b <- castai-node",
    "aws:iam/rolePolicyAttachment:RolePolicyAttachment castai-node-e4109a22 <- castai-node",
    "kubegrant:aws:PolicyRole castai-access <- castai",
    "kubegrant:aws:PolicyRole castai-node <- castai",
    "kubegrant:castai:CastAiEksAccess castai <- null",
];
