import { catalogExplanations, regionalMockOptions } from "../aws/catalog";
import { Preset } from "../core/preset";
import { CastAiEksAccess, CastAiEksAccessArgs } from "./eks";
import { CASTAI_EKS_STRING_ARGS } from "./eks-plan";
import { CASTAI_EKS_MANAGED_POLICIES, CASTAI_EKS_STATEMENTS } from "./eks-catalog";
import { ruleExplanations } from "../kubernetes/catalog";
import { CASTAI_RBAC_ENTRIES } from "./cluster-rbac-catalog";

const explanations = new Map([...catalogExplanations(CASTAI_EKS_STATEMENTS, CASTAI_EKS_MANAGED_POLICIES), ...ruleExplanations(CASTAI_RBAC_ENTRIES)]);

/** `castai-eks`: Cast AI on EKS (CastAiEksAccess). */
export const castAiEksPreset: Preset = {
    name: "castai-eks",
    title: "Cast AI on AWS (EKS)",
    keys: [
        { name: "clusterName", type: "string", required: true, description: "EKS cluster name" },
        { name: "clusterId", type: "string", required: true, description: "Cast AI cluster ID (the external ID)" },
        { name: "accountId", type: "string", required: true, description: "AWS account of the cluster" },
        { name: "region", type: "string", required: true, description: "AWS region of the cluster" },
        { name: "vpcId", type: "string", required: true, description: "VPC of the cluster" },
        { name: "vpcAccountId", type: "string", description: "Account owning the VPC (shared VPC; default accountId)" },
        { name: "castaiUserArn", type: "string", description: "Cast AI user that assumes the role" },
        { name: "roleName", type: "string", description: "Name of the role Cast AI assumes" },
        { name: "nodeRoleName", type: "string", description: "Name of the node role and instance profile" },
        { name: "hardened", type: "boolean", description: "Hardened mode (pinned PassRole, cluster-ID tag, listed subnets and security groups)" },
        { name: "subnetIds", type: "list", description: "Subnets for nodes (hardened)" },
        { name: "securityGroupIds", type: "list", description: "Security groups for nodes (hardened)" },
        { name: "sshKeyPairs", type: "boolean", description: "Import/delete SSH key pairs" },
        { name: "pauseResume", type: "boolean", description: "Suspend/resume Auto Scaling processes" },
        { name: "capacityReservations", type: "boolean", description: "Cast AI capacity reservations (default true)" },
        { name: "hibernation", type: "boolean", description: "Cast AI hibernate/resume: node groups, launch templates (default true)" },
        { name: "cniPolicy", type: "boolean", description: "AmazonEKS_CNI_Policy on the node role" },
        { name: "ssmPolicy", type: "boolean", description: "AmazonSSMManagedInstanceCore on the node role" },
        { name: "ebsVolumes", type: "string", description: "managed | minimal | none" },
        { name: "ipv6", type: "boolean", description: "ec2:AssignIpv6Addresses on the node role" },
        { name: "maxManagedPoliciesPerRole", type: "number", description: "Managed-policy quota per role" },
        { name: "passRoleArns", type: "list", description: "Roles besides the node role Cast AI may pass to EC2 (custom instance profiles)" },
        { name: "allowPassAnyRole", type: "boolean", description: "RISK: pass any role of the account to EC2 (PassRole escalation)" },
        { name: "agentIdentity", type: "string", description: "podIdentity | irsa: a keyless role for the in-cluster agent (default none)" },
        { name: "oidcProviderArn", type: "string", description: "IAM OIDC provider of the cluster (agentIdentity irsa)" },
        { name: "agentRoleName", type: "string", description: "Name of the agent's role" },
        { name: "agentNamespace", type: "string", description: "Namespace of the agent's service account (without clusterRbac)" },
        { name: "clusterRbac", type: "object", description: "Also create Cast AI's in-cluster RBAC: CastAiClusterRbac arguments as JSON, e.g. '{}'" },
        { name: "tags", type: "object", description: "Tags for every taggable resource" },
    ],
    outputKeys: CASTAI_EKS_STRING_ARGS,
    explanations,
    mockOptions: (v) => regionalMockOptions(v),
    create(name, values, opts) {
        const c = new CastAiEksAccess(name, values as unknown as CastAiEksAccessArgs, opts);
        return {
            component: c,
            outputs: {
                roleArn: c.roleArn,
                roleName: c.roleName,
                externalId: c.externalId,
                castaiUserArn: c.castaiUserArn,
                instanceProfileArn: c.instanceProfileArn,
                nodeRoleArn: c.nodeRoleArn,
                ready: c.ready,
                // Only with the agent identity: a default stack's outputs stay as they were.
                ...(values.agentIdentity === undefined ? {} : {
                    agentRoleArn: c.agentRoleArn,
                    agentServiceAccount: c.agentServiceAccount,
                }),
            },
        };
    },
};
