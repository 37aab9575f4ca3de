/**
 * Spectro Cloud Palette on AWS: the IAM policies Palette documents, as data, each complete and
 * unchanged in meaning (transcribed from spectrocloud/librarium at the commits each `source` names),
 * except PaletteCloudFormationStackPolicy, whose IAM statements are scoped to the CAPA stack's roles
 * and policies ({partition} and {accountId} are filled by the builder). Sids kubegrant adds
 * (PaletteS3AnyBucket, PaletteDeploymentIam, PaletteEksAnyRole) mark the statements that hold an
 * escalation path, so the review report lists them under "Risks" even in combined policies.
 * `group` says when a policy is attached (see aws-plan.ts). Statements are the typed model of
 * ../aws/policy; serialising them gives the vendor's JSON up to key order and one-item lists.
 * Pure data: no Pulumi imports.
 */
import { Sourced } from "../core";
import { Statement } from "../aws/policy";
import { CatalogCard, namedEntries } from "../core/catalog";

export type PalettePolicyGroup =
    | "core" | "eks" | "minimum-dynamic" | "minimum-dynamic-eks" | "minimum-static" | "minimum-static-eks"
    | "cloudformation" | "hostResourceGroups";

export interface PalettePolicyEntry extends Sourced {
    /** The customer managed policy name (Palette's own where it gives one). */
    readonly name: string;
    readonly group: PalettePolicyGroup;
    readonly statements: readonly Statement[];
}

const LIBRARIUM = "spectrocloud/librarium docs/docs-content/";

export const PALETTE_AWS_POLICIES: readonly PalettePolicyEntry[] = [
    {
        name: "PaletteControllerPolicy", group: "core",
        feature: "cluster lifecycle (CAPA controllers)",
        why: "Creates and deletes the VPC, subnets, gateways, security groups, load balancers, launch templates and instances of the clusters Palette deploys; PassRole only of roles named *.cluster-api-provider-aws.sigs.k8s.io; service-linked roles only of Auto Scaling, ELB and EC2 Spot; secrets only under aws.cluster.x-k8s.io/.",
        source: `${LIBRARIUM}_partials/permissions/_aws-controller-policy.mdx @6367b9f3 (Apr 20 2023) = seed palette-aws-iam-policies.txt Core IAM Policies`,
        risk: "s3:PutBucketPolicy, s3:PutBucketPublicAccessBlock and s3:PutObjectAcl on every bucket of the account (PaletteS3AnyBucket): Palette can make any bucket public (resource exposure). Core variant only (allowIamPrivilegeEscalation).",
        statements: [
            {actions: ["iam:DeleteOpenIDConnectProvider", "iam:GetOpenIDConnectProvider", "iam:ListOpenIDConnectProviders", "iam:TagOpenIDConnectProvider", "autoscaling:DescribeAutoScalingGroups", "autoscaling:DescribeInstanceRefreshes", "ec2:AllocateAddress", "ec2:AssociateRouteTable", "ec2:AttachInternetGateway", "ec2:AuthorizeSecurityGroupIngress", "ec2:CreateInternetGateway", "ec2:CreateLaunchTemplate", "ec2:CreateLaunchTemplateVersion", "ec2:CreateNatGateway", "ec2:CreateRoute", "ec2:CreateRouteTable", "ec2:CreateSecurityGroup", "ec2:CreateSubnet", "ec2:CreateTags", "ec2:CreateVpc", "ec2:DeleteInternetGateway", "ec2:DeleteLaunchTemplate", "ec2:DeleteLaunchTemplateVersions", "ec2:DeleteNatGateway", "ec2:DeleteRouteTable", "ec2:DeleteSecurityGroup", "ec2:DeleteSubnet", "ec2:DeleteTags", "ec2:DeleteVpc", "ec2:DescribeAccountAttributes", "ec2:DescribeAddresses", "ec2:DescribeAvailabilityZones", "ec2:DescribeImages", "ec2:DescribeInstances", "ec2:DescribeInternetGateways", "ec2:DescribeKeyPairs", "ec2:DescribeLaunchTemplates", "ec2:DescribeLaunchTemplateVersions", "ec2:DescribeNatGateways", "ec2:DescribeNetworkInterfaceAttribute", "ec2:DescribeNetworkInterfaces", "ec2:DescribeRouteTables", "ec2:DescribeSecurityGroups", "ec2:DescribeSubnets", "ec2:DescribeVolumes", "ec2:DescribeVpcAttribute", "ec2:DescribeVpcs", "ec2:DetachInternetGateway", "ec2:DisassociateAddress", "ec2:DisassociateRouteTable", "ec2:ModifyInstanceAttribute", "ec2:ModifyNetworkInterfaceAttribute", "ec2:ModifySubnetAttribute", "ec2:ModifyVpcAttribute", "ec2:ReleaseAddress", "ec2:ReplaceRoute", "ec2:RevokeSecurityGroupIngress", "ec2:RunInstances", "ec2:TerminateInstances", "elasticloadbalancing:AddTags", "elasticloadbalancing:ApplySecurityGroupsToLoadBalancer", "elasticloadbalancing:ConfigureHealthCheck", "elasticloadbalancing:CreateLoadBalancer", "elasticloadbalancing:DeleteLoadBalancer", "elasticloadbalancing:DeleteTargetGroup", "elasticloadbalancing:DeregisterInstancesFromLoadBalancer", "elasticloadbalancing:DescribeLoadBalancerAttributes", "elasticloadbalancing:DescribeLoadBalancers", "elasticloadbalancing:DescribeTags", "elasticloadbalancing:ModifyLoadBalancerAttributes", "elasticloadbalancing:RegisterInstancesWithLoadBalancer", "elasticloadbalancing:RemoveTags", "iam:CreateOpenIDConnectProvider", "tag:GetResources"], resources: ["*"]},
            {actions: ["autoscaling:CreateAutoScalingGroup", "autoscaling:UpdateAutoScalingGroup", "autoscaling:CreateOrUpdateTags", "autoscaling:StartInstanceRefresh", "autoscaling:DeleteAutoScalingGroup", "autoscaling:DeleteTags"], resources: ["arn:*:autoscaling:*:*:autoScalingGroup:*:autoScalingGroupName/*"]},
            {actions: ["iam:CreateServiceLinkedRole"], resources: ["arn:*:iam::*:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling"], conditions: [{test: "StringLike", variable: "iam:AWSServiceName", values: ["autoscaling.amazonaws.com"]}]},
            {actions: ["iam:CreateServiceLinkedRole"], resources: ["arn:*:iam::*:role/aws-service-role/elasticloadbalancing.amazonaws.com/AWSServiceRoleForElasticLoadBalancing"], conditions: [{test: "StringLike", variable: "iam:AWSServiceName", values: ["elasticloadbalancing.amazonaws.com"]}]},
            {actions: ["iam:CreateServiceLinkedRole"], resources: ["arn:*:iam::*:role/aws-service-role/spot.amazonaws.com/AWSServiceRoleForEC2Spot"], conditions: [{test: "StringLike", variable: "iam:AWSServiceName", values: ["spot.amazonaws.com"]}]},
            {actions: ["iam:PassRole"], resources: ["arn:*:iam::*:role/*.cluster-api-provider-aws.sigs.k8s.io"]},
            {actions: ["secretsmanager:CreateSecret", "secretsmanager:DeleteSecret", "secretsmanager:TagResource"], resources: ["arn:*:secretsmanager:*:*:secret:aws.cluster.x-k8s.io/*"]},
            {sid: "PaletteS3AnyBucket", actions: ["s3:DeleteObject", "s3:PutBucketOwnershipControls", "s3:PutBucketPolicy", "s3:PutBucketPublicAccessBlock", "s3:PutObjectAcl", "s3:PutObject"], resources: ["arn:*:s3:::*"]},
        ],
    },
    {
        name: "PaletteControlPlanePolicy", group: "core",
        feature: "control plane nodes",
        why: "What the control plane nodes of a Palette cluster do through this identity (cloud controller manager: instances, volumes, load balancers, routes). The seed names this policy but does not print it.",
        source: `${LIBRARIUM}_partials/permissions/_aws-control-plane-policy.mdx @5896cb07 (Apr 20 2023); not in the seed`,
        statements: [
            {actions: ["autoscaling:DescribeAutoScalingGroups", "autoscaling:DescribeLaunchConfigurations", "autoscaling:DescribeTags", "ec2:DescribeInstances", "ec2:DescribeImages", "ec2:DescribeRegions", "ec2:DescribeRouteTables", "ec2:DescribeSecurityGroups", "ec2:DescribeSubnets", "ec2:DescribeVolumes", "ec2:CreateSecurityGroup", "ec2:CreateTags", "ec2:CreateVolume", "ec2:ModifyInstanceAttribute", "ec2:ModifyVolume", "ec2:AttachVolume", "ec2:AuthorizeSecurityGroupIngress", "ec2:CreateRoute", "ec2:DeleteRoute", "ec2:DeleteSecurityGroup", "ec2:DeleteVolume", "ec2:DetachVolume", "ec2:RevokeSecurityGroupIngress", "ec2:DescribeVpcs", "elasticloadbalancing:AddTags", "elasticloadbalancing:AttachLoadBalancerToSubnets", "elasticloadbalancing:ApplySecurityGroupsToLoadBalancer", "elasticloadbalancing:CreateLoadBalancer", "elasticloadbalancing:CreateLoadBalancerPolicy", "elasticloadbalancing:CreateLoadBalancerListeners", "elasticloadbalancing:ConfigureHealthCheck", "elasticloadbalancing:DeleteLoadBalancer", "elasticloadbalancing:DeleteLoadBalancerListeners", "elasticloadbalancing:DescribeLoadBalancers", "elasticloadbalancing:DescribeLoadBalancerAttributes", "elasticloadbalancing:DetachLoadBalancerFromSubnets", "elasticloadbalancing:DeregisterInstancesFromLoadBalancer", "elasticloadbalancing:ModifyLoadBalancerAttributes", "elasticloadbalancing:RegisterInstancesWithLoadBalancer", "elasticloadbalancing:SetLoadBalancerPoliciesForBackendServer", "elasticloadbalancing:CreateListener", "elasticloadbalancing:CreateTargetGroup", "elasticloadbalancing:DeleteListener", "elasticloadbalancing:DeleteTargetGroup", "elasticloadbalancing:DescribeListeners", "elasticloadbalancing:DescribeLoadBalancerPolicies", "elasticloadbalancing:DescribeTargetGroups", "elasticloadbalancing:DescribeTargetHealth", "elasticloadbalancing:ModifyListener", "elasticloadbalancing:ModifyTargetGroup", "elasticloadbalancing:RegisterTargets", "elasticloadbalancing:SetLoadBalancerPoliciesOfListener", "iam:CreateServiceLinkedRole", "kms:DescribeKey"], resources: ["*"]},
        ],
    },
    {
        name: "PaletteNodesPolicy", group: "core",
        feature: "worker nodes",
        why: "Node bootstrap: reads instances and regions, ECR pulls, SSM agent channels, and the bootstrap secrets under aws.cluster.x-k8s.io/. The seed names this policy but does not print it.",
        source: `${LIBRARIUM}_partials/permissions/_aws-nodes-policy.mdx @56198f37 (May 25 2025); not in the seed`,
        statements: [
            {actions: ["ec2:DescribeInstances", "ec2:DescribeRegions", "ecr:GetAuthorizationToken", "ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:GetRepositoryPolicy", "ecr:DescribeRepositories", "ecr:ListImages", "ecr:BatchGetImage", "ec2:AssignIpv6Addresses", "ec2:CreateTags", "ec2:DescribeTags", "ec2:DescribeNetworkInterfaces", "ec2:DescribeInstanceTypes"], resources: ["*"]},
            {actions: ["secretsmanager:DeleteSecret", "secretsmanager:GetSecretValue"], resources: ["arn:*:secretsmanager:*:*:secret:aws.cluster.x-k8s.io/*"]},
            {actions: ["ssm:UpdateInstanceInformation", "ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel", "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel", "s3:GetEncryptionConfiguration"], resources: ["*"]},
        ],
    },
    {
        name: "PaletteDeploymentPolicy", group: "core",
        feature: "cluster deployment",
        why: "CloudFormation stack of CAPA and the IAM/EC2/ELB reads and writes used while deploying. The seed names this policy but does not print it.",
        source: `${LIBRARIUM}_partials/permissions/_aws-deployment-policy.mdx @f3c3c16e (May 25 2025); not in the seed`,
        risk: "iam:CreatePolicyVersion on every customer managed policy (rewrite its own policies to Action \"*\"), iam:CreateGroup/AttachGroupPolicy/AddUserToGroup/CreateUser on \"*\", and sts:AssumeRole on \"*\" (PaletteDeploymentIam): Palette can make itself administrator of the account. Core variant only (allowIamPrivilegeEscalation).",
        statements: [
            {sid: "PaletteDeploymentIam", actions: ["cloudformation:CreateStack", "cloudformation:DescribeStacks", "cloudformation:UpdateStack", "ec2:CreateSnapshot", "ec2:DeleteSnapshot", "ec2:DescribeSnapshots", "ec2:DescribeTags", "ec2:DescribeVolumesModifications", "ec2:DescribeKeyPairs", "ec2:DeleteNetworkInterface", "iam:AttachGroupPolicy", "iam:CreatePolicy", "iam:CreatePolicyVersion", "iam:DeletePolicy", "iam:DeletePolicyVersion", "iam:DetachGroupPolicy", "iam:GetGroup", "iam:GetInstanceProfile", "iam:GetPolicy", "iam:GetUser", "iam:ListPolicies", "iam:ListPolicyVersions", "pricing:GetProducts", "sts:AssumeRole", "sts:GetServiceBearerToken", "iam:AddRoleToInstanceProfile", "iam:AddUserToGroup", "iam:CreateGroup", "iam:CreateInstanceProfile", "iam:CreateUser", "iam:DeleteGroup", "iam:DeleteInstanceProfile", "iam:RemoveRoleFromInstanceProfile", "iam:RemoveUserFromGroup", "ec2:AttachVolume", "ec2:CreateTags", "ec2:CreateVolume", "ec2:DeleteTags", "ec2:DeleteVolume", "ec2:DescribeAvailabilityZones", "ec2:DescribeInstances", "ec2:DescribeVolumes", "ec2:DetachVolume", "ec2:ModifyVolume"], resources: ["*"]},
        ],
    },
    {
        name: "PaletteControllersEKSPolicy", group: "eks",
        feature: "EKS clusters",
        why: "Creates and manages EKS clusters, node groups, add-ons, Fargate profiles and their OIDC providers and IAM roles. Newest librarium version (adds iam:GetOpenIDConnectProvider, iam:ListRolePolicies, iam:UntagRole and iam:ListRoles to the seed's version).",
        source: `${LIBRARIUM}_partials/permissions/_aws-eks-controller-policy.mdx @072ee97e (Oct 9 2026); seed has the Mar 12 2024 version`,
        risk: "iam:CreateRole and iam:AttachRolePolicy on every role of the account (PaletteEksAnyRole): Palette can create a role it can assume and attach AdministratorAccess to it; and iam:PassRole of every role to EKS (a cluster or node group created with any role of the account). Core variant with eks only (allowIamPrivilegeEscalation).",
        statements: [
            {actions: ["ssm:GetParameter"], resources: ["arn:*:ssm:*:*:parameter/aws/service/eks/optimized-ami/*"]},
            {actions: ["iam:CreateServiceLinkedRole"], resources: ["arn:*:iam::*:role/aws-service-role/eks.amazonaws.com/AWSServiceRoleForAmazonEKS"], conditions: [{test: "StringLike", variable: "iam:AWSServiceName", values: ["eks.amazonaws.com"]}]},
            {actions: ["iam:CreateServiceLinkedRole"], resources: ["arn:*:iam::*:role/aws-service-role/eks-nodegroup.amazonaws.com/AWSServiceRoleForAmazonEKSNodegroup"], conditions: [{test: "StringLike", variable: "iam:AWSServiceName", values: ["eks-nodegroup.amazonaws.com"]}]},
            {actions: ["iam:CreateServiceLinkedRole"], resources: ["arn:*:iam::*:role/aws-service-role/eks-fargate-pods.amazonaws.com/AWSServiceRoleForAmazonEKSForFargate"], conditions: [{test: "StringLike", variable: "iam:AWSServiceName", values: ["eks-fargate.amazonaws.com"]}]},
            {actions: ["iam:AddClientIDToOpenIDConnectProvider", "iam:CreateOpenIDConnectProvider", "iam:DeleteOpenIDConnectProvider", "iam:ListOpenIDConnectProviders", "iam:UpdateOpenIDConnectProviderThumbprint", "iam:GetOpenIDConnectProvider"], resources: ["*"]},
            {sid: "PaletteEksAnyRole", actions: ["iam:GetRole", "iam:ListAttachedRolePolicies", "iam:ListRolePolicies", "iam:DetachRolePolicy", "iam:DeleteRole", "iam:CreateRole", "iam:TagRole", "iam:UntagRole", "iam:AttachRolePolicy"], resources: ["arn:*:iam::*:role/*"]},
            {actions: ["iam:ListRoles"], resources: ["*"]},
            {actions: ["iam:GetPolicy"], resources: ["arn:aws:iam::aws:policy/AmazonEKSClusterPolicy"]},
            {actions: ["eks:DescribeCluster", "eks:ListClusters", "eks:CreateCluster", "eks:TagResource", "eks:UpdateClusterVersion", "eks:DeleteCluster", "eks:UpdateClusterConfig", "eks:UntagResource", "eks:UpdateNodegroupVersion", "eks:DescribeNodegroup", "eks:DeleteNodegroup", "eks:UpdateNodegroupConfig", "eks:CreateNodegroup", "eks:AssociateEncryptionConfig", "eks:ListIdentityProviderConfigs", "eks:AssociateIdentityProviderConfig", "eks:DescribeIdentityProviderConfig", "eks:DisassociateIdentityProviderConfig"], resources: ["arn:*:eks:*:*:cluster/*", "arn:*:eks:*:*:nodegroup/*/*/*"]},
            {actions: ["ec2:AssociateVpcCidrBlock", "ec2:DisassociateVpcCidrBlock", "eks:ListAddons", "eks:CreateAddon", "eks:DescribeAddonVersions", "eks:DescribeAddon", "eks:DeleteAddon", "eks:UpdateAddon", "eks:TagResource", "eks:DescribeFargateProfile", "eks:CreateFargateProfile", "eks:DeleteFargateProfile"], resources: ["*"]},
            {actions: ["iam:PassRole"], resources: ["*"], conditions: [{test: "StringEquals", variable: "iam:PassedToService", values: ["eks.amazonaws.com"]}]},
            {actions: ["kms:CreateGrant", "kms:DescribeKey"], resources: ["*"], conditions: [{test: "ForAnyValue:StringLike", variable: "kms:ResourceAliases", values: ["alias/cluster-api-provider-aws-*"]}]},
        ],
    },
    {
        name: "PaletteMinimumIaaSDynamicPolicy", group: "minimum-dynamic",
        feature: "IaaS clusters, minimum permissions, dynamic placement",
        why: "The minimum permissions for IaaS clusters where Palette creates the VPC and subnets. Palette gives this policy no name; kubegrant names it.",
        source: `${LIBRARIUM}_partials/permissions/_aws-iaas-dynamic-permissions.mdx @33ef4293 (Feb 21 2026); the seed prints an older, broader single minimum policy (115 actions) that this one and PaletteCloudFormationStackPolicy narrow`,
        statements: [
            {sid: "EC2Permissions", actions: ["ec2:AuthorizeSecurityGroupIngress", "ec2:DeleteSubnet", "ec2:DescribeAddresses", "ec2:DescribeInstances", "ec2:CreateNatGateway", "ec2:DescribeRegions", "ec2:CreateVpc", "ec2:DescribeDhcpOptions", "ec2:AttachInternetGateway", "ec2:DescribeVpcAttribute", "ec2:DeleteRouteTable", "ec2:ModifySubnetAttribute", "ec2:AssociateRouteTable", "ec2:DescribeInternetGateways", "ec2:DescribeNetworkInterfaces", "ec2:DescribeAvailabilityZones", "ec2:CreateRoute", "ec2:CreateInternetGateway", "ec2:CreateSecurityGroup", "ec2:ModifyVpcAttribute", "ec2:DescribeKeyPairs", "ec2:DescribeRouteTables", "ec2:ReleaseAddress", "ec2:TerminateInstances", "ec2:CreateTags", "ec2:CreateRouteTable", "ec2:RunInstances", "ec2:DetachInternetGateway", "ec2:DescribeNatGateways", "ec2:DisassociateRouteTable", "ec2:AllocateAddress", "ec2:DescribeSecurityGroups", "ec2:RevokeSecurityGroupIngress", "ec2:DescribeImages", "ec2:DescribeVpcs", "ec2:DeleteSecurityGroup", "ec2:DescribeInstanceTypes", "ec2:DeleteNatGateway", "ec2:DescribeVpcEndpoints", "ec2:DeleteVpc", "ec2:CreateSubnet", "ec2:DescribeSubnets"], resources: ["*"]},
            {sid: "ELBPermissions", actions: ["elasticloadbalancing:DeleteLoadBalancer", "elasticloadbalancing:DescribeLoadBalancerAttributes", "elasticloadbalancing:DescribeLoadBalancers", "elasticloadbalancing:CreateLoadBalancer", "elasticloadbalancing:DescribeTags", "elasticloadbalancing:ConfigureHealthCheck", "elasticloadbalancing:AddTags", "elasticloadbalancing:RegisterInstancesWithLoadBalancer", "elasticloadbalancing:ModifyLoadBalancerAttributes"], resources: ["*"]},
            {sid: "IAMPassRole", actions: ["iam:PassRole"], resources: ["arn:*:iam::*:role/*.cluster-api-provider-aws.sigs.k8s.io"]},
            {sid: "SecretsManagerPermissions", actions: ["secretsmanager:CreateSecret", "secretsmanager:DeleteSecret", "secretsmanager:TagResource"], resources: ["arn:*:secretsmanager:*:*:secret:aws.cluster.x-k8s.io/*"]},
        ],
    },
    {
        name: "PaletteMinimumEKSDynamicPolicy", group: "minimum-dynamic-eks",
        feature: "EKS clusters, minimum permissions, dynamic placement",
        why: "The minimum permissions for EKS clusters where Palette creates the VPC (replaces PaletteControllersEKSPolicy). Palette gives this policy no name; kubegrant names it.",
        source: `${LIBRARIUM}_partials/permissions/_aws-eks-dynamic-permissions.mdx @30498db7 (Feb 21 2026); not in the seed`,
        statements: [
            {sid: "ASGDescribe", actions: ["autoscaling:DescribeAutoScalingGroups"], resources: ["*"]},
            {sid: "EC2Permissions", actions: ["ec2:AuthorizeSecurityGroupIngress", "ec2:DeleteSubnet", "ec2:DescribeAddresses", "ec2:DescribeInstances", "ec2:CreateNatGateway", "ec2:DescribeRegions", "ec2:CreateVpc", "ec2:AttachInternetGateway", "ec2:DescribeVpcAttribute", "ec2:DeleteRouteTable", "ec2:ModifySubnetAttribute", "ec2:AssociateRouteTable", "ec2:DescribeInternetGateways", "ec2:DescribeNetworkInterfaces", "ec2:DescribeAvailabilityZones", "ec2:CreateRoute", "ec2:CreateInternetGateway", "ec2:CreateSecurityGroup", "ec2:ModifyVpcAttribute", "ec2:DeleteInternetGateway", "ec2:DescribeKeyPairs", "ec2:DescribeRouteTables", "ec2:ReleaseAddress", "ec2:CreateTags", "ec2:DeleteNetworkInterface", "ec2:CreateRouteTable", "ec2:DetachInternetGateway", "ec2:DescribeNatGateways", "ec2:DisassociateRouteTable", "ec2:AllocateAddress", "ec2:DescribeSecurityGroups", "ec2:DescribeVpcs", "ec2:DeleteSecurityGroup", "ec2:DeleteNatGateway", "ec2:DescribeVpcEndpoints", "ec2:DeleteVpc", "ec2:CreateSubnet", "ec2:DescribeSubnets"], resources: ["*"]},
            {sid: "EKSPermissions", actions: ["eks:DeleteCluster", "eks:DescribeNodegroup", "eks:DeleteNodegroup", "eks:TagResource", "eks:ListAddons", "eks:DescribeCluster", "eks:CreateNodegroup", "eks:CreateCluster"], resources: ["*"]},
            {sid: "IAMListOpenIDConnectProviders", actions: ["iam:ListOpenIDConnectProviders"], resources: ["*"]},
            {sid: "IAMOpenIDConnectProviderPermissions", actions: ["iam:DeleteOpenIDConnectProvider", "iam:GetOpenIDConnectProvider", "iam:TagOpenIDConnectProvider", "iam:CreateOpenIDConnectProvider"], resources: ["arn:aws:iam::*:oidc-provider/*"]},
            {sid: "IAMRolePermissions", actions: ["iam:GetRole", "iam:PassRole", "iam:ListAttachedRolePolicies"], resources: ["arn:*:iam::*:role/*.cluster-api-provider-aws.sigs.k8s.io"]},
        ],
    },
    {
        name: "PaletteMinimumIaaSStaticPolicy", group: "minimum-static",
        feature: "IaaS clusters, minimum permissions, static placement",
        why: "The minimum permissions for IaaS clusters in an existing VPC. Palette gives this policy no name; kubegrant names it.",
        source: `${LIBRARIUM}_partials/permissions/_aws-iaas-static-permissions.mdx @20a1443f (Feb 21 2026); not in the seed`,
        statements: [
            {sid: "EC2Permissions", actions: ["ec2:AuthorizeSecurityGroupIngress", "ec2:DescribeAddresses", "ec2:DescribeInstances", "ec2:TerminateInstances", "ec2:DeleteTags", "ec2:DescribeTags", "ec2:CreateTags", "ec2:DescribeDhcpOptions", "ec2:RunInstances", "ec2:DescribeNatGateways", "ec2:DescribeSecurityGroups", "ec2:RevokeSecurityGroupIngress", "ec2:DescribeImages", "ec2:DescribeNetworkInterfaces", "ec2:DescribeAvailabilityZones", "ec2:DescribeVpcs", "ec2:CreateSecurityGroup", "ec2:DeleteSecurityGroup", "ec2:DescribeSubnets", "ec2:DescribeRouteTables"], resources: ["*"]},
            {sid: "ELBPermissions", actions: ["elasticloadbalancing:DeleteLoadBalancer", "elasticloadbalancing:DescribeLoadBalancerAttributes", "elasticloadbalancing:DescribeLoadBalancers", "elasticloadbalancing:CreateLoadBalancer", "elasticloadbalancing:DescribeTags", "elasticloadbalancing:ConfigureHealthCheck", "elasticloadbalancing:AddTags", "elasticloadbalancing:RegisterInstancesWithLoadBalancer", "elasticloadbalancing:ModifyLoadBalancerAttributes"], resources: ["*"]},
            {sid: "IAMPassRole", actions: ["iam:PassRole"], resources: ["arn:*:iam::*:role/*.cluster-api-provider-aws.sigs.k8s.io"]},
            {sid: "SecretsManagerPermissions", actions: ["secretsmanager:CreateSecret", "secretsmanager:DeleteSecret", "secretsmanager:TagResource"], resources: ["arn:*:secretsmanager:*:*:secret:aws.cluster.x-k8s.io/*"]},
        ],
    },
    {
        name: "PaletteMinimumEKSStaticPolicy", group: "minimum-static-eks",
        feature: "EKS clusters, minimum permissions, static placement",
        why: "The minimum permissions for EKS clusters in an existing VPC (replaces PaletteControllersEKSPolicy). Palette gives this policy no name; kubegrant names it.",
        source: `${LIBRARIUM}_partials/permissions/_aws-eks-static-permissions.mdx @4849f97c (Feb 21 2026); not in the seed`,
        statements: [
            {sid: "ASGDescribe", actions: ["autoscaling:DescribeAutoScalingGroups"], resources: ["*"]},
            {sid: "EC2Permissions", actions: ["ec2:AuthorizeSecurityGroupIngress", "ec2:DescribeAddresses", "ec2:DescribeInstances", "ec2:DeleteTags", "ec2:DescribeTags", "ec2:CreateTags", "ec2:DescribeRegions", "ec2:DescribeNatGateways", "ec2:DescribeSecurityGroups", "ec2:DescribeNetworkInterfaces", "ec2:DescribeAvailabilityZones", "ec2:DescribeVpcs", "ec2:CreateSecurityGroup", "ec2:DeleteSecurityGroup", "ec2:DescribeSubnets", "ec2:DescribeKeyPairs", "ec2:DescribeRouteTables"], resources: ["*"]},
            {sid: "EKSPermissions", actions: ["eks:DeleteCluster", "eks:DescribeNodegroup", "eks:DeleteNodegroup", "eks:TagResource", "eks:ListAddons", "eks:DescribeCluster", "eks:CreateNodegroup", "eks:CreateCluster"], resources: ["*"]},
            {sid: "IAMListOpenIDConnectProviders", actions: ["iam:ListOpenIDConnectProviders"], resources: ["*"]},
            {sid: "IAMOpenIDConnectProviderPermissions", actions: ["iam:DeleteOpenIDConnectProvider", "iam:GetOpenIDConnectProvider", "iam:TagOpenIDConnectProvider", "iam:CreateOpenIDConnectProvider"], resources: ["arn:aws:iam::*:oidc-provider/*"]},
            {sid: "IAMRolePermissions", actions: ["iam:GetRole", "iam:PassRole", "iam:ListAttachedRolePolicies"], resources: ["arn:*:iam::*:role/*.cluster-api-provider-aws.sigs.k8s.io"]},
        ],
    },
    {
        name: "PaletteCloudFormationStackPolicy", group: "cloudformation",
        feature: "CAPA CloudFormation stack (minimum permissions, option 1)",
        why: "Lets Palette create and update the cluster-api-provider-aws CloudFormation stack and its roles (option 1; off by default: with the minimum policies you create the stack yourself, option 2). Narrowed from Palette's iam:CreateRole and iam:AttachRolePolicy on \"*\" (create a role, attach AdministratorAccess): only roles named *.cluster-api-provider-aws.sigs.k8s.io in this account, and only the policies the stack attaches (its own *.cluster-api-provider-aws.sigs.k8s.io policies, AmazonEKSClusterPolicy, AmazonEKSWorkerNodePolicy, AmazonEKS_CNI_Policy). Palette gives this policy no name; kubegrant names it.",
        source: `${LIBRARIUM}_partials/permissions/_aws-cloudformation-stack-permissions.mdx @33ef4293 (Feb 21 2026), scoped by the roles and policies of ${LIBRARIUM}_partials/permissions/_aws-palette-cloud-formation-input-template.mdx @1449cedd94de; not in the seed`,
        statements: [
            {sid: "CloudFormationStackPermissions", actions: ["cloudformation:CreateStack", "cloudformation:DescribeStacks", "cloudformation:UpdateStack"], resources: ["*"]},
            {sid: "IAMCAPARolePermissions", actions: ["iam:CreateRole"], resources: ["arn:{partition}:iam::{accountId}:role/*.cluster-api-provider-aws.sigs.k8s.io"]},
            {sid: "IAMCAPARolePolicies", actions: ["iam:AttachRolePolicy"], resources: ["arn:{partition}:iam::{accountId}:role/*.cluster-api-provider-aws.sigs.k8s.io"], conditions: [{test: "ArnLike", variable: "iam:PolicyARN", values: ["arn:{partition}:iam::{accountId}:policy/*.cluster-api-provider-aws.sigs.k8s.io", "arn:{partition}:iam::aws:policy/AmazonEKSClusterPolicy", "arn:{partition}:iam::aws:policy/AmazonEKSWorkerNodePolicy", "arn:{partition}:iam::aws:policy/AmazonEKS_CNI_Policy"]}]},
        ],
    },
    {
        name: "PaletteHostResourceGroupsPolicy", group: "hostResourceGroups",
        feature: "IaaS on EC2 Dedicated Hosts",
        why: "Reads host resource groups, license configurations and dedicated hosts.",
        source: `${LIBRARIUM}_partials/permissions/_aws-host-resource-groups-policy.mdx @aaff011e (Jan 17 2026); not in the seed`,
        statements: [
            {sid: "PaletteHostResourceGroupsPermissions", actions: ["resource-groups:ListGroups", "resource-groups:GetGroupConfiguration", "resource-groups:ListGroupResources", "license-manager:GetLicenseConfiguration", "ec2:DescribeHosts"], resources: ["*"]},
        ],
    },
];

/** This catalog as the fidelity table and the policy pack read it. */
export const PALETTE_AWS_CARD: CatalogCard = {
    vendor: "Spectro Cloud Palette", target: "AWS", file: "components/palette/aws-catalog.ts",
    items: namedEntries(PALETTE_AWS_POLICIES, (e) => e.name),
    removals: [],
    actions: PALETTE_AWS_POLICIES.flatMap((e) => e.statements.flatMap((s) => s.actions)),
};
