/**
 * Cast AI on AWS: every permission the Cast AI control plane and the nodes it launches get, as
 * data. Sources are the seed (../shared/seeds/castai-cloud-permissions.txt, "AWS"), Cast AI's
 * Terraform role module (castai/terraform-castai-eks-role-iam main.tf) and the hardened example
 * (castai/terraform-provider-castai examples/eks/eks_cluster_custom_iam/iam.tf).
 *
 * Cast AI's newer features on the provider's default branch (capacity reservations, hibernation
 * and resume, shared-VPC subnets) come from castai/policies/{iam-policy,user-policy}.json there; the
 * hibernation statements (the vendor's inline user policy) go into the managed CastEKSPolicy,
 * which kubegrant splits under IAM's size limits (the inline policy's 10,240 would be exceeded).
 *
 * Documents: `policy` is the customer managed CastEKSPolicy, `restricted` the inline
 * CastEKSRestrictedAccess of the Cast AI role, `node` the inline policy of the node role, `agent`
 * the inline policy of the in-cluster agent's role (only with `agentIdentity`).
 * Placeholders: {partition} {accountId} {vpcAccountId} {region} {clusterName} {clusterId} {vpcId} {roleName}
 * {nodeRoleName} {instanceProfileName}; lists: {subnetIds} {securityGroupIds} {passRoleArns}.
 */
import { vendorSource } from "../core/sources";
import { ManagedPolicyEntry, StatementEntry } from "../aws/catalog";
import { CatalogCard, namedEntries } from "../core/catalog";
import { eksNodePolicy } from "../aws/node-policies";

const SEED = "seed castai-cloud-permissions.txt, AWS custom policy";
const HARDENED = vendorSource("castai/terraform-provider-castai", "examples/eks/eks_cluster_custom_iam/iam.tf");
const MODULE = vendorSource("castai/terraform-castai-eks-role-iam", "main.tf");
/** Cast AI's current policies on the provider's default branch (terraform-provider-castai castai/policies). */
const IAM_POLICY = vendorSource("castai/terraform-provider-castai", "castai/policies/iam-policy.json");
const USER_POLICY = vendorSource("castai/terraform-provider-castai", "castai/policies/user-policy.json");
const LAUNCH_TEMPLATE = "arn:{partition}:ec2:{region}:{accountId}:launch-template/*";

const INSTANCE = "arn:{partition}:ec2:{region}:{accountId}:instance/*";
const ASG = "arn:{partition}:autoscaling:{region}:{accountId}:autoScalingGroup:*:autoScalingGroupName/*";
const CLUSTER_TAG_OWNED_OR_SHARED = ["owned", "shared"];

export const CASTAI_EKS_STATEMENTS: readonly StatementEntry[] = [
    {
        sid: "PassRoleEC2", document: "policy", when: { hardened: false, allowPassAnyRole: false },
        feature: "node provisioning",
        why: "Launching a node passes its instance profile's role to EC2 (iam:PassedToService). Pinned to the node role kubegrant creates, plus the roles listed in passRoleArns (node templates with a custom instance profile): the seed's `arn:aws:iam::*:role/*` would let Cast AI launch an instance with any role of the account and act as it.",
        source: `${SEED} (narrowed as in ${HARDENED})`,
        actions: ["iam:PassRole"],
        resources: ["arn:{partition}:iam::{accountId}:role/{nodeRoleName}", "{passRoleArns}"],
        conditions: [{ test: "StringEquals", variable: "iam:PassedToService", values: ["ec2.amazonaws.com"] }],
    },
    {
        sid: "PassAnyRoleEC2", document: "policy", when: { hardened: false, allowPassAnyRole: true },
        feature: "node templates with any instance profile (allowPassAnyRole)",
        why: "The seed's grant as Cast AI publishes it, narrowed to this account: Cast AI may launch nodes with any role of the account (node templates naming instance profiles kubegrant does not know). Only to EC2.",
        source: SEED,
        risk: "iam:PassRole of every role of the account to EC2, with ec2:RunInstances: Cast AI can start an instance with any role that has an instance profile and act with that role's permissions (PassRole + RunInstances privilege escalation). Prefer listing the roles in passRoleArns.",
        actions: ["iam:PassRole"],
        resources: ["arn:{partition}:iam::{accountId}:role/*"],
        conditions: [{ test: "StringEquals", variable: "iam:PassedToService", values: ["ec2.amazonaws.com"] }],
    },
    {
        sid: "PassRoleNodeRoleOnly", document: "policy", when: { hardened: true },
        feature: "node provisioning (hardened)",
        why: "Launching a node passes its instance profile's role to EC2; hardened, only the node role kubegrant creates can be passed, and only to EC2.",
        source: HARDENED,
        actions: ["iam:PassRole"],
        resources: ["arn:{partition}:iam::{accountId}:role/{nodeRoleName}"],
        conditions: [{ test: "StringEquals", variable: "iam:PassedToService", values: ["ec2.amazonaws.com"] }],
    },
    {
        sid: "ServiceLinkedRoles", document: "policy", when: { hardened: false },
        feature: "spot instances",
        why: "Creates the EC2 Spot service-linked role the first time the account launches spot nodes. Broad (Resource \"*\") as the vendor documents it; the hardened mode drops it, so the role must exist beforehand there.",
        source: SEED,
        actions: ["iam:CreateServiceLinkedRole"],
        resources: ["*"],
    },
    {
        sid: "TagResourcesOnLaunch", document: "policy",
        feature: "node and volume tagging",
        why: "Tags the instances, volumes and network interfaces a launch creates (RunInstances tag specifications), only in that launch (ec2:CreateAction): the seed's and hardened example's unconditioned ec2:CreateTags on \"*\" would let Cast AI tag any instance into this cluster's scope and then terminate it. The launch itself must carry the cluster tag (RunInstancesTagRestriction).",
        source: `${SEED}; ${HARDENED} (narrowed: tags at creation only)`,
        actions: ["ec2:CreateTags"],
        resources: [
            "arn:{partition}:ec2:{region}:{accountId}:instance/*",
            "arn:{partition}:ec2:{region}:{accountId}:volume/*",
            "arn:{partition}:ec2:{region}:{accountId}:network-interface/*",
            "arn:{partition}:ec2:{region}:{accountId}:spot-instances-request/*",
        ],
        conditions: [{ test: "StringEquals", variable: "ec2:CreateAction", values: ["RunInstances"] }],
    },
    {
        sid: "TagClusterInstances", document: "restricted",
        feature: "tagging nodes Cast AI did not launch",
        why: "Tags existing nodes of this cluster (\"Needed to tag non CAST nodes\", hardened example): only instances already tagged as belonging to this cluster (owned or shared), and never with the scoping tags themselves (`kubernetes.io/cluster/*`, `cast:cluster-id`), so no instance can be tagged into the scope that termination trusts. Nodes must carry the cluster tag (EKS managed node groups and eksctl set it).",
        source: `${HARDENED} (NonResourcePermissions, narrowed); ${SEED}`,
        actions: ["ec2:CreateTags"],
        resources: [INSTANCE],
        conditions: [
            { test: "StringEquals", variable: "ec2:ResourceTag/kubernetes.io/cluster/{clusterName}", values: CLUSTER_TAG_OWNED_OR_SHARED },
            { test: "ForAllValues:StringNotLike", variable: "aws:TagKeys", values: ["kubernetes.io/cluster/*", "cast:cluster-id"] },
        ],
    },
    {
        sid: "SshKeyPairs", document: "policy", when: { sshKeyPairs: true },
        feature: "SSH key import for node access",
        why: "Imports (and removes) the SSH public key users set for node SSH access. ec2:CreateKeyPair is left out: Cast AI's newest code dropped it (terraform-provider-castai PR #742) after customers objected to the vendor creating private keys.",
        source: `${SEED}; ${IAM_POLICY} (674c5fb5, PR #742, removed ec2:CreateKeyPair)`,
        actions: ["ec2:DeleteKeyPair", "ec2:ImportKeyPair"],
        resources: ["*"],
    },
    {
        sid: "RunInstancesPermissions", document: "policy", when: { hardened: false },
        feature: "node provisioning",
        why: "RunInstances also authorizes the network interface, security groups, volumes and image of the launch. Narrowed from the seed's any-region `*` to the cluster's region (a launch uses resources of its own region only).",
        source: SEED,
        actions: ["ec2:RunInstances"],
        resources: [
            "arn:{partition}:ec2:{region}:{accountId}:network-interface/*",
            "arn:{partition}:ec2:{region}:{accountId}:security-group/*",
            "arn:{partition}:ec2:{region}:{accountId}:volume/*",
            "arn:{partition}:ec2:{region}::image/*",
        ],
    },
    {
        sid: "RunInstancesListedSecurityGroups", document: "policy", when: { hardened: true },
        feature: "node provisioning (hardened)",
        why: "RunInstances also authorizes the network interface, volumes and image of the launch; hardened, only the security groups listed in securityGroupIds.",
        source: HARDENED,
        actions: ["ec2:RunInstances"],
        resources: [
            "arn:{partition}:ec2:{region}:{accountId}:network-interface/*",
            "arn:{partition}:ec2:{region}:{accountId}:security-group/{securityGroupIds}",
            "arn:{partition}:ec2:{region}:{accountId}:volume/*",
            "arn:{partition}:ec2:{region}::image/*",
        ],
    },
    {
        sid: "RunInstancesKeyPairs", document: "policy", when: { sshKeyPairs: true },
        feature: "SSH key import for node access",
        why: "Launching a node with the imported SSH key authorizes the key pair too.",
        source: SEED,
        actions: ["ec2:RunInstances"],
        resources: ["arn:{partition}:ec2:{region}:{accountId}:key-pair/*"],
    },
    {
        sid: "RunInstancesTagRestriction", document: "restricted",
        feature: "node provisioning",
        why: "Instances may only be launched carrying this cluster's ownership tag (and, hardened, Cast AI's cluster-ID tag), so every node the vendor creates is attributable and falls under the instance-action scoping below.",
        source: `${SEED}; ${HARDENED}`,
        actions: ["ec2:RunInstances"],
        resources: [INSTANCE],
        conditions: [
            { test: "StringEquals", variable: "aws:RequestTag/kubernetes.io/cluster/{clusterName}", values: ["owned"] },
            { test: "StringEquals", variable: "aws:RequestTag/cast:cluster-id", values: ["{clusterId}"], when: { hardened: true } },
        ],
    },
    {
        sid: "RunInstancesVpcRestriction", document: "restricted", when: { hardened: false },
        feature: "node provisioning (shared VPC: subnets of the VPC's owner account)",
        why: "Nodes may only be launched into subnets of the cluster's VPC. Subnet and VPC are scoped by ARN in the VPC's owner account (vpcAccountId, the cluster's account by default): with a VPC shared from another account, subnets in the cluster's own account would deny every launch. As Cast AI's shared-VPC change on the provider's default branch (e9280193: VPCArn).",
        source: `${SEED}; ${USER_POLICY}`,
        actions: ["ec2:RunInstances"],
        resources: ["arn:{partition}:ec2:{region}:{vpcAccountId}:subnet/*"],
        conditions: [{ test: "StringEquals", variable: "ec2:Vpc", values: ["arn:{partition}:ec2:{region}:{vpcAccountId}:vpc/{vpcId}"] }],
    },
    {
        sid: "RunInstancesListedSubnets", document: "restricted", when: { hardened: true },
        feature: "node provisioning (hardened)",
        why: "Nodes may only be launched into the subnets listed in subnetIds, and only while they belong to the cluster's VPC; subnets and VPC in the VPC's owner account (vpcAccountId), so a shared VPC's subnets are scoped by their own ARNs.",
        source: `${HARDENED}; ${USER_POLICY}`,
        actions: ["ec2:RunInstances"],
        resources: ["arn:{partition}:ec2:{region}:{vpcAccountId}:subnet/{subnetIds}"],
        conditions: [{ test: "StringEquals", variable: "ec2:Vpc", values: ["arn:{partition}:ec2:{region}:{vpcAccountId}:vpc/{vpcId}"] }],
    },
    {
        sid: "InstanceActionsTagRestriction", document: "restricted",
        feature: "node lifecycle (scale down, rebalancing, hibernation)",
        why: "Terminate, start and stop only instances tagged as belonging to this cluster (owned or shared); hardened, also carrying Cast AI's cluster-ID tag, so nodes Cast AI did not launch are out of reach. Tagging is left to TagResourcesOnLaunch and TagClusterInstances, which can never add these tags to an instance that lacks them.",
        source: `${SEED}; ${HARDENED}`,
        actions: ["ec2:TerminateInstances", "ec2:StartInstances", "ec2:StopInstances"],
        resources: [INSTANCE],
        conditions: [
            { test: "StringEquals", variable: "ec2:ResourceTag/kubernetes.io/cluster/{clusterName}", values: CLUSTER_TAG_OWNED_OR_SHARED },
            { test: "StringEquals", variable: "ec2:ResourceTag/cast:cluster-id", values: ["{clusterId}"], when: { hardened: true } },
        ],
    },
    {
        sid: "AutoscalingActionsTagRestriction", document: "restricted",
        feature: "node group scaling",
        why: "Scales and removes instances only of Auto Scaling groups tagged as belonging to this cluster.",
        source: SEED,
        actions: ["autoscaling:UpdateAutoScalingGroup", "autoscaling:TerminateInstanceInAutoScalingGroup"],
        resources: [ASG],
        conditions: [{ test: "StringEquals", variable: "autoscaling:ResourceTag/kubernetes.io/cluster/{clusterName}", values: CLUSTER_TAG_OWNED_OR_SHARED }],
    },
    {
        sid: "AutoscalingPauseResume", document: "restricted", when: { pauseResume: true },
        feature: "cluster pause and resume",
        why: "Suspends and resumes the processes of this cluster's Auto Scaling groups while the cluster is paused.",
        source: `${SEED}; ${HARDENED} ("Necessary for pause/resume")`,
        actions: ["autoscaling:SuspendProcesses", "autoscaling:ResumeProcesses"],
        resources: [ASG],
        conditions: [{ test: "StringEquals", variable: "autoscaling:ResourceTag/kubernetes.io/cluster/{clusterName}", values: CLUSTER_TAG_OWNED_OR_SHARED }],
    },
    {
        sid: "EKS", document: "restricted",
        feature: "cluster and node group discovery",
        why: "Reads (and tags) only this cluster and its node groups.",
        source: SEED,
        actions: ["eks:Describe*", "eks:List*", "eks:TagResource", "eks:UntagResource"],
        resources: [
            "arn:{partition}:eks:{region}:{accountId}:cluster/{clusterName}",
            "arn:{partition}:eks:{region}:{accountId}:nodegroup/{clusterName}/*/*",
        ],
    },
    {
        sid: "CapacityReservationsRead", document: "policy", when: { capacityReservations: true },
        feature: "capacity reservations",
        why: "Reads the account's EC2 capacity reservations so Cast AI can launch nodes into them (Cast AI's capacity-reservations feature, KUBE-1690). Read only; Describe calls take no resource scoping.",
        source: IAM_POLICY,
        actions: ["ec2:DescribeCapacityReservations"],
        resources: ["*"],
    },
    {
        sid: "RunInstancesCapacityReservations", document: "policy", when: { capacityReservations: true },
        feature: "capacity reservations",
        why: "Launching into a capacity reservation authorizes the reservation too (Cast AI's capacity-reservations feature). This account and region only; the vendor's list has any region.",
        source: IAM_POLICY,
        actions: ["ec2:RunInstances"],
        resources: ["arn:{partition}:ec2:{region}:{accountId}:capacity-reservation/*"],
    },
    {
        sid: "PassRoleEKSNodeRoleOnly", document: "policy", when: { hibernation: true },
        feature: "cluster hibernation and resume",
        why: "Cast AI's hibernate/resume creates EKS node groups, which passes their node role to EKS. Departure: the vendor passes any role of the account (`role/*`, an escalation path: a node group running as any role); kubegrant passes only the node role it creates, and only to EKS.",
        source: IAM_POLICY,
        actions: ["iam:PassRole"],
        resources: ["arn:{partition}:iam::{accountId}:role/{nodeRoleName}"],
        conditions: [{ test: "StringEquals", variable: "iam:PassedToService", values: ["eks.amazonaws.com"] }],
    },
    {
        sid: "HibernationAutoScalingGroups", document: "policy", when: { hibernation: true },
        feature: "cluster hibernation and resume",
        why: "Creates and deletes Auto Scaling groups for node groups while hibernating and resuming (Cast AI's hibernate/resume, 59fc38cb). Only groups tagged as this cluster's.",
        source: USER_POLICY,
        actions: ["autoscaling:CreateAutoScalingGroup", "autoscaling:DeleteAutoScalingGroup"],
        resources: [ASG],
        conditions: [{ test: "StringEquals", variable: "autoscaling:ResourceTag/kubernetes.io/cluster/{clusterName}", values: CLUSTER_TAG_OWNED_OR_SHARED }],
    },
    {
        sid: "HibernationNodegroups", document: "policy", when: { hibernation: true },
        feature: "cluster hibernation and resume",
        why: "Creates and deletes EKS node groups of this cluster only (Cast AI's hibernate/resume).",
        source: USER_POLICY,
        actions: ["eks:CreateNodegroup", "eks:DeleteNodegroup"],
        resources: [
            "arn:{partition}:eks:{region}:{accountId}:cluster/{clusterName}",
            "arn:{partition}:eks:{region}:{accountId}:nodegroup/{clusterName}/*/*",
        ],
    },
    {
        sid: "CreateLaunchTemplateWithTag", document: "policy", when: { hibernation: true },
        feature: "cluster hibernation and resume",
        why: "Creates launch templates for those node groups, only carrying this cluster's ownership tag. Scoped to launch templates of this account and region (the vendor: Resource \"*\").",
        source: USER_POLICY,
        actions: ["ec2:CreateLaunchTemplate"],
        resources: [LAUNCH_TEMPLATE],
        conditions: [{ test: "StringEquals", variable: "aws:RequestTag/kubernetes.io/cluster/{clusterName}", values: ["owned"] }],
    },
    {
        sid: "ManageLaunchTemplates", document: "policy", when: { hibernation: true },
        feature: "cluster hibernation and resume",
        why: "Versions and deletes only launch templates tagged as this cluster's (the vendor's statement ManageLaunchTemplatesAndCreateNodeGroupWithLaunchTemplate). Its DescribeLaunchTemplates and DescribeLaunchTemplateVersions are left out here: Describe calls support no resource tag condition, so under it they are never allowed; AmazonEC2ReadOnlyAccess grants them.",
        source: USER_POLICY,
        actions: ["ec2:DeleteLaunchTemplate", "ec2:CreateLaunchTemplateVersion"],
        resources: [LAUNCH_TEMPLATE],
        conditions: [{ test: "StringEquals", variable: "aws:ResourceTag/kubernetes.io/cluster/{clusterName}", values: ["owned"] }],
    },
    {
        sid: "RunInstancesForEKSNodegroups", document: "policy", when: { hibernation: true },
        feature: "cluster hibernation and resume",
        why: "Launches node group instances from launch templates tagged as this cluster's. The vendor writes `arn:aws:ec2:*:*:launch-template/*`; kubegrant this partition, account and region.",
        source: USER_POLICY,
        actions: ["ec2:RunInstances"],
        resources: [LAUNCH_TEMPLATE],
        conditions: [{ test: "StringEquals", variable: "aws:ResourceTag/kubernetes.io/cluster/{clusterName}", values: ["owned"] }],
    },
    {
        sid: "IAMPermissions", document: "restricted", when: { hardened: true },
        feature: "permission self-check (hardened)",
        why: "Replaces the AWS-managed IAMReadOnlyAccess in hardened mode: Cast AI reads and simulates only its own role and reads only the node instance profile, to validate its access.",
        source: HARDENED,
        actions: ["iam:GetRole", "iam:SimulatePrincipalPolicy", "iam:GetInstanceProfile"],
        resources: [
            "arn:{partition}:iam::{accountId}:role/{roleName}",
            "arn:{partition}:iam::{accountId}:instance-profile/{instanceProfileName}",
        ],
    },
    {
        sid: "ManageEBSVolumes", document: "node", when: { ebsVolumes: "minimal" },
        feature: "persistent volumes on Cast AI nodes",
        why: "Nodes attach and detach the EBS volumes of their pods. The seed's minimal alternative to AmazonEBSCSIDriverPolicy.",
        source: "seed castai-cloud-permissions.txt, EBS Volume Permissions",
        actions: ["ec2:AttachVolume", "ec2:DetachVolume"],
        resources: ["*"],
    },
    {
        sid: "AssignIpv6Addresses", document: "node", when: { ipv6: true },
        feature: "IPv6 clusters",
        why: "Pods on IPv6 clusters get addresses assigned by the node. Resource \"*\" as the seed and module give it: the network interface is created at launch.",
        source: `seed castai-cloud-permissions.txt, IPv6 support; ${MODULE} (CastEC2AssignIPv6Policy)`,
        actions: ["ec2:AssignIpv6Addresses"],
        resources: ["*"],
    },
    {
        sid: "AgentDescribeInstances", document: "agent",
        feature: "agent: spot detection and cluster discovery",
        why: "The Cast AI agent pod calls EC2 itself, with the AWS SDK's default credential chain: it describes the instances behind the cluster's nodes (filtered by instance ID, batches of 20) to tell spot from on-demand nodes, and its own instance to read the cluster name from its `kubernetes.io/cluster/<name>` tag. With the instance metadata hop limit at 1 (a common hardening) a pod gets no node credentials, so the agent needs its own keyless identity (and with it, it never borrows the node's role). ec2:DescribeInstances supports no resource-level permissions or resource tags (iam-data: no resource types), so Resource \"*\" is the narrowest grant; the role holds nothing else.",
        source: `${vendorSource("castai/k8s-agent", "pkg/services/providers/eks/aws/aws.go")} (ec2:DescribeInstances through describeInstancesWithContext; earlier at internal/services/providers/eks/aws/aws.go)`,
        actions: ["ec2:DescribeInstances"],
        resources: ["*"],
    },
];

export const CASTAI_EKS_MANAGED_POLICIES: readonly ManagedPolicyEntry[] = [
    {
        path: "AmazonEC2ReadOnlyAccess", target: "castai",
        feature: "cluster discovery and cost analysis",
        why: "Reads instances, subnets, security groups, images and prices to plan nodes. AWS-managed read-only policy the vendor requires.",
        source: MODULE,
    },
    {
        path: "IAMReadOnlyAccess", target: "castai", when: { hardened: false },
        feature: "permission self-check",
        why: "Reads roles and instance profiles to validate its access. Hardened mode replaces it with the IAMPermissions statement scoped to its own role and the node instance profile.",
        source: MODULE,
    },
    eksNodePolicy("AmazonEKSWorkerNodePolicy", { nodes: "Cast AI nodes", source: MODULE }),
    eksNodePolicy("AmazonEC2ContainerRegistryReadOnly", { source: MODULE }),
    eksNodePolicy("AmazonEKS_CNI_Policy", { source: `${MODULE} (attach_worker_cni_policy)` }),
    {
        path: "service-role/AmazonEBSCSIDriverPolicy", target: "node", when: { ebsVolumes: "managed" },
        feature: "persistent volumes on Cast AI nodes",
        why: "The EBS CSI driver on the node creates, attaches and detaches volumes. ebsVolumes=\"minimal\" grants only the seed's attach/detach statement instead.",
        source: `seed castai-cloud-permissions.txt, EBS Volume Permissions; ${HARDENED}`,
    },
    eksNodePolicy("AmazonSSMManagedInstanceCore", { nodes: "Cast AI nodes", source: `${MODULE} (attach_ssm_managed_instance_core, default true)` }),
];

/** This catalog as the fidelity table and the policy pack read it. */
export const CASTAI_EKS_CARD: CatalogCard = {
    vendor: "Cast AI", target: "AWS", file: "components/castai/eks-catalog.ts",
    items: [...namedEntries(CASTAI_EKS_STATEMENTS, (e) => `${e.sid} (${e.document})`), ...namedEntries(CASTAI_EKS_MANAGED_POLICIES, (e) => `${e.path} (${e.target})`)],
    removals: [],
    actions: CASTAI_EKS_STATEMENTS.flatMap((e) => e.actions),
};
