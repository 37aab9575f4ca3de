/**
 * CloudPilot AI on AWS: the controller policy of the seed (cloudpilot-permissions.txt, "AWS IAM
 * Role Used in Phase 2", identical, as parsed JSON, to that block of cloudpilot-ai/docs
 * permissions_required.mdx on main, 154f490d8e16) as data, and the AWS-managed policies of the node role `CloudPilotNodeRole-<cluster>`.
 *
 * Documents: `policy` is the customer managed policy of the role the CloudPilot controller uses.
 * Placeholders: {partition} {accountId} {region} {clusterName} {nodeRoleName}.
 *
 * Narrowed from the vendor JSON (issue 13, secure by default): ec2:CreateTags only at creation or
 * with Karpenter's post-launch keys, termination pinned to this cluster, PassRole only to EC2.
 *
 * Departures from the vendor JSON (same permissions): the first two statements carry Sids
 * (`CloudPilotAutoScalingRead`, `CloudPilotAutoScalingWrite`) so the review report can find
 * them; `Version` comes first; single-item lists are written as strings.
 */
import { ManagedPolicyEntry, StatementEntry } from "../aws/catalog";
import { eksNodePolicy } from "../aws/node-policies";
import { vendorSource } from "../core/sources";
import { CLOUDPILOT_DOC } from "./names";
import { CatalogCard, namedEntries } from "../core/catalog";

const SEED = `seed cloudpilot-permissions.txt, AWS IAM Role Used in Phase 2 (= ${CLOUDPILOT_DOC}, "AWS IAM Role Used in Phase 2")`;
const KARPENTER = `${vendorSource("aws/karpenter-provider-aws", "website/content/en/docs/getting-started/getting-started-with-karpenter/cloudformation.yaml")} (KarpenterNodeRole); CloudPilot does not publish its node role's policies`;
/** Karpenter's own controller policy, which the seed's statements mirror (their Sids and instance-profile conditions). */
const KARPENTER_CONTROLLER = `${vendorSource("aws/karpenter-provider-aws", "website/content/en/preview/getting-started/getting-started-with-karpenter/cloudformation.yaml")} (KarpenterControllerNodeLifecyclePolicy, KarpenterControllerIAMIntegrationPolicy)`;
/** What a launch creates and tags (Karpenter's AllowScopedResourceCreationTagging). */
const EC2_CREATED = ["fleet", "instance", "volume", "network-interface", "launch-template", "spot-instances-request"];
const INSTANCE_PROFILE_WHY = "The controller (a Karpenter fork) creates one instance profile per EC2NodeClass at run time for the node role; ";

export const CLOUDPILOT_EKS_STATEMENTS: readonly StatementEntry[] = [
    {
        sid: "CloudPilotAutoScalingRead", document: "policy",
        feature: "existing node group optimisation",
        why: "Reads Auto Scaling groups, launch templates, images, instance types and node groups to model the cluster's existing nodes. Describe calls take no resource-level scoping (Resource \"*\"). The vendor statement has no Sid; kubegrant adds one.",
        source: SEED,
        actions: [
            "autoscaling:DescribeAutoScalingGroups", "autoscaling:DescribeAutoScalingInstances",
            "autoscaling:DescribeLaunchConfigurations", "autoscaling:DescribeScalingActivities", "autoscaling:DescribeTags",
            "ec2:DescribeImages", "ec2:DescribeInstanceTypes", "ec2:DescribeLaunchTemplateVersions",
            "ec2:GetInstanceTypesFromInstanceRequirements", "eks:DescribeNodegroup",
        ],
        resources: ["*"],
    },
    {
        sid: "CloudPilotAutoScalingWrite", document: "policy",
        feature: "existing node group optimisation",
        why: "Scales existing Auto Scaling groups down as CloudPilot nodes replace them, and removes their instances. Broad (Resource \"*\") as the vendor documents it: CloudPilot does not say which tag its groups carry. The vendor statement has no Sid; kubegrant adds one.",
        source: SEED,
        actions: ["autoscaling:SetDesiredCapacity", "autoscaling:TerminateInstanceInAutoScalingGroup", "autoscaling:UpdateAutoScalingGroup"],
        resources: ["*"],
    },
    {
        sid: "CloudPilot", document: "policy",
        feature: "node provisioning",
        why: "Launches nodes with launch templates and fleets, and reads subnets, security groups, zones, spot and on-demand prices and savings plans to choose them. Resource \"*\" as the vendor documents it (the Karpenter controller policy scopes these by tag; CloudPilot does not). The vendor's ec2:CreateTags is moved to CloudPilotCreationTagging and CloudPilotScopedResourceTagging, scoped as Karpenter's; its ssm:GetParameter to CloudPilotPublicParameters.",
        source: SEED,
        actions: [
            "ec2:DescribeImages", "ec2:RunInstances", "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups",
            "ec2:DescribeLaunchTemplates", "ec2:DescribeInstances", "ec2:DescribeInstanceTypes", "ec2:DescribeInstanceTypeOfferings",
            "ec2:DescribeAvailabilityZones", "ec2:DeleteLaunchTemplate", "ec2:CreateLaunchTemplate",
            "ec2:CreateFleet", "ec2:DescribeSpotPriceHistory", "pricing:GetProducts", "savingsplans:DescribeSavingsPlans",
            "ec2:DescribeRegions",
        ],
        resources: ["*"],
    },
    {
        sid: "CloudPilotPublicParameters", document: "policy",
        feature: "node provisioning",
        why: "Reads the AMI IDs AWS publishes as public SSM parameters (/aws/service/..., e.g. the EKS optimized AMIs) to pick node images. Narrowed from the vendor's ssm:GetParameter on \"*\", which reads every parameter of the account, SecureStrings under the AWS-managed key included (any stored credential), to AWS's public parameters of this region, as Karpenter's AllowSSMReadActions scopes it. The account segment is `*` (Karpenter writes it empty, as AWS evaluates public parameters; iam-data's ARN pattern needs one): names starting with `aws` are reserved for AWS, so no account's own parameter matches.",
        source: `${SEED} (ssm:GetParameter, narrowed); ${KARPENTER_CONTROLLER} AllowSSMReadActions`,
        actions: ["ssm:GetParameter"],
        resources: ["arn:{partition}:ssm:{region}:*:parameter/aws/service/*"],
    },
    {
        sid: "CloudPilotCreationTagging", document: "policy",
        feature: "node provisioning",
        why: "Tags the fleets, instances, volumes, network interfaces, launch templates and spot requests a launch creates, only in that launch (ec2:CreateAction), as Karpenter's AllowScopedResourceCreationTagging. The vendor's unconditioned ec2:CreateTags on \"*\" would let it tag any instance `karpenter.sh/nodepool` and then terminate it.",
        source: `${SEED} (ec2:CreateTags, narrowed); ${KARPENTER_CONTROLLER} AllowScopedResourceCreationTagging`,
        actions: ["ec2:CreateTags"],
        resources: EC2_CREATED.map((type) => `arn:{partition}:ec2:{region}:{accountId}:${type}/*`),
        conditions: [{ test: "StringEquals", variable: "ec2:CreateAction", values: ["RunInstances", "CreateFleet", "CreateLaunchTemplate"] }],
    },
    {
        sid: "CloudPilotScopedResourceTagging", document: "policy",
        feature: "node lifecycle (node claim and name tags)",
        why: "Tags its own running nodes (this cluster's, of a node pool) after launch, only with the keys Karpenter's controller writes then (node claim, cluster name, Name): never the scoping tags that termination trusts. As Karpenter's AllowScopedResourceTagging.",
        source: `${SEED} (ec2:CreateTags, narrowed); ${KARPENTER_CONTROLLER} AllowScopedResourceTagging`,
        actions: ["ec2:CreateTags"],
        resources: ["arn:{partition}:ec2:{region}:{accountId}:instance/*"],
        conditions: [
            { test: "StringEquals", variable: "ec2:ResourceTag/kubernetes.io/cluster/{clusterName}", values: ["owned"] },
            { test: "StringLike", variable: "ec2:ResourceTag/karpenter.sh/nodepool", values: ["*"] },
            { test: "StringEqualsIfExists", variable: "aws:RequestTag/eks:eks-cluster-name", values: ["{clusterName}"] },
            { test: "ForAllValues:StringEquals", variable: "aws:TagKeys", values: ["eks:eks-cluster-name", "karpenter.sh/nodeclaim", "Name"] },
        ],
    },
    {
        sid: "ConditionalEC2Termination", document: "policy",
        feature: "node lifecycle (scale down, consolidation)",
        why: "Terminates only instances of this cluster (`kubernetes.io/cluster/<name>` = owned) launched for a node pool (`karpenter.sh/nodepool`, any value), in this region and account. The vendor gates on the node-pool tag alone, which any cluster's Karpenter nodes carry; the cluster tag pins it to this cluster as Karpenter's AllowScopedDeletion does.",
        source: `${SEED}; ${KARPENTER_CONTROLLER} AllowScopedDeletion`,
        actions: ["ec2:TerminateInstances"],
        resources: ["arn:{partition}:ec2:{region}:{accountId}:instance/*"],
        conditions: [
            { test: "StringEquals", variable: "ec2:ResourceTag/kubernetes.io/cluster/{clusterName}", values: ["owned"] },
            { test: "StringLike", variable: "ec2:ResourceTag/karpenter.sh/nodepool", values: ["*"] },
        ],
    },
    {
        sid: "PassNodeIAMRole", document: "policy",
        feature: "node provisioning",
        why: "Launching a node passes the node role to EC2; only the node role kubegrant creates can be passed, and only to EC2 (iam:PassedToService, as Karpenter's AllowPassingInstanceRole; the vendor sets no such condition).",
        source: `${SEED}; ${KARPENTER_CONTROLLER} AllowPassingInstanceRole`,
        actions: ["iam:PassRole"],
        resources: ["arn:{partition}:iam::{accountId}:role/{nodeRoleName}"],
        conditions: [{ test: "StringEquals", variable: "iam:PassedToService", values: ["ec2.amazonaws.com", "ec2.amazonaws.com.cn"] }],
    },
    {
        sid: "EKSClusterEndpointLookup", document: "policy",
        feature: "cluster discovery",
        why: "Reads this cluster's endpoint and CA for the nodes' bootstrap; no other cluster.",
        source: SEED,
        actions: ["eks:DescribeCluster"],
        resources: ["arn:{partition}:eks:{region}:{accountId}:cluster/{clusterName}"],
    },
    {
        sid: "AllowScopedInstanceProfileCreationActions", document: "policy",
        feature: "node instance profiles",
        why: `${INSTANCE_PROFILE_WHY}it may create one only tagged as owned by this cluster, in this region, for an EC2NodeClass.`,
        source: SEED,
        actions: ["iam:CreateInstanceProfile"],
        resources: ["*"],
        conditions: [
            { test: "StringEquals", variable: "aws:RequestTag/kubernetes.io/cluster/{clusterName}", values: ["owned"] },
            { test: "StringEquals", variable: "aws:RequestTag/topology.kubernetes.io/region", values: ["{region}"] },
            { test: "StringLike", variable: "aws:RequestTag/karpenter.k8s.aws/ec2nodeclass", values: ["*"] },
        ],
    },
    {
        sid: "AllowScopedInstanceProfileTagActions", document: "policy",
        feature: "node instance profiles",
        why: `${INSTANCE_PROFILE_WHY}it may tag only its own instance profiles (this cluster, this region), and only with the same tags.`,
        source: SEED,
        actions: ["iam:TagInstanceProfile"],
        resources: ["*"],
        conditions: [
            { test: "StringEquals", variable: "aws:ResourceTag/kubernetes.io/cluster/{clusterName}", values: ["owned"] },
            { test: "StringEquals", variable: "aws:ResourceTag/topology.kubernetes.io/region", values: ["{region}"] },
            { test: "StringEquals", variable: "aws:RequestTag/kubernetes.io/cluster/{clusterName}", values: ["owned"] },
            { test: "StringEquals", variable: "aws:RequestTag/topology.kubernetes.io/region", values: ["{region}"] },
            { test: "StringLike", variable: "aws:ResourceTag/karpenter.k8s.aws/ec2nodeclass", values: ["*"] },
            { test: "StringLike", variable: "aws:RequestTag/karpenter.k8s.aws/ec2nodeclass", values: ["*"] },
        ],
    },
    {
        sid: "AllowScopedInstanceProfileActions", document: "policy",
        feature: "node instance profiles",
        why: `${INSTANCE_PROFILE_WHY}it may add or remove roles and delete only its own instance profiles (this cluster, this region).`,
        source: SEED,
        actions: ["iam:AddRoleToInstanceProfile", "iam:RemoveRoleFromInstanceProfile", "iam:DeleteInstanceProfile"],
        resources: ["*"],
        conditions: [
            { test: "StringEquals", variable: "aws:ResourceTag/kubernetes.io/cluster/{clusterName}", values: ["owned"] },
            { test: "StringEquals", variable: "aws:ResourceTag/topology.kubernetes.io/region", values: ["{region}"] },
            { test: "StringLike", variable: "aws:ResourceTag/karpenter.k8s.aws/ec2nodeclass", values: ["*"] },
        ],
    },
    {
        sid: "AllowInstanceProfileReadActions", document: "policy",
        feature: "node instance profiles",
        why: "Reads instance profiles to find the ones it created. Read-only; Resource \"*\" as the vendor documents it.",
        source: SEED,
        actions: ["iam:GetInstanceProfile"],
        resources: ["*"],
    },
];

export const CLOUDPILOT_EKS_MANAGED_POLICIES: readonly ManagedPolicyEntry[] = [
    eksNodePolicy("AmazonEKSWorkerNodePolicy", { nodes: "CloudPilot nodes", source: KARPENTER }),
    eksNodePolicy("AmazonEC2ContainerRegistryPullOnly", {
        source: KARPENTER,
        note: "Pull only, as upstream Karpenter's node role on its default branch now has it (it replaced AmazonEC2ContainerRegistryReadOnly, which also lists and describes every repository).",
    }),
    eksNodePolicy("AmazonEKS_CNI_Policy", { source: KARPENTER }),
    eksNodePolicy("AmazonSSMManagedInstanceCore", { source: KARPENTER }),
];

/** This catalog as the fidelity table and the policy pack read it. */
export const CLOUDPILOT_EKS_CARD: CatalogCard = {
    vendor: "CloudPilot AI", target: "AWS", file: "components/cloudpilot/eks-catalog.ts",
    items: [...namedEntries(CLOUDPILOT_EKS_STATEMENTS, (e) => `${e.sid} (${e.document})`), ...namedEntries(CLOUDPILOT_EKS_MANAGED_POLICIES, (e) => `${e.path} (${e.target})`)],
    removals: [],
    actions: CLOUDPILOT_EKS_STATEMENTS.flatMap((e) => e.actions),
};
