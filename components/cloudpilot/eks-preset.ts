import { catalogExplanations, regionalMockOptions } from "../aws/catalog";
import { Preset } from "../core/preset";
import { CloudPilotEksAccess, CloudPilotEksAccessArgs } from "./eks";
import { CLOUDPILOT_EKS_MANAGED_POLICIES, CLOUDPILOT_EKS_STATEMENTS } from "./eks-catalog";
import { CLOUDPILOT_EKS_STRING_ARGS } from "./eks-plan";

const explanations = catalogExplanations(CLOUDPILOT_EKS_STATEMENTS, CLOUDPILOT_EKS_MANAGED_POLICIES);

/** `cloudpilot-eks`: CloudPilot AI on EKS (CloudPilotEksAccess). */
export const cloudPilotEksPreset: Preset = {
    name: "cloudpilot-eks",
    title: "CloudPilot AI on AWS (EKS)",
    keys: [
        { name: "clusterName", type: "string", required: true, description: "EKS cluster name" },
        { name: "accountId", type: "string", required: true, description: "AWS account of the cluster" },
        { name: "region", type: "string", required: true, description: "AWS region of the cluster" },
        { name: "trust", type: "string", description: "podIdentity | irsa | crossAccount" },
        { name: "serviceAccountNamespace", type: "string", description: "Namespace of the CloudPilot controller" },
        { name: "serviceAccountName", type: "string", description: "Service account of the CloudPilot controller" },
        { name: "oidcProviderArn", type: "string", description: "The cluster's IAM OIDC provider (irsa)" },
        { name: "trustedPrincipalArn", type: "string", description: "CloudPilot's IAM principal (crossAccount)" },
        { name: "externalId", type: "string", description: "External ID (crossAccount)" },
        { name: "roleName", type: "string", description: "Name of the controller role" },
        { name: "nodeRoleName", type: "string", description: "Name of the node role and instance profile" },
        { name: "cniPolicy", type: "boolean", description: "AmazonEKS_CNI_Policy on the node role" },
        { name: "ssmPolicy", type: "boolean", description: "AmazonSSMManagedInstanceCore on the node role" },
        { name: "maxManagedPoliciesPerRole", type: "number", description: "Managed-policy quota per role" },
        { name: "tags", type: "object", description: "Tags for every taggable resource" },
    ],
    outputKeys: CLOUDPILOT_EKS_STRING_ARGS,
    explanations,
    mockOptions: (v) => regionalMockOptions(v),
    create(name, values, opts) {
        const c = new CloudPilotEksAccess(name, values as unknown as CloudPilotEksAccessArgs, opts);
        return {
            component: c,
            outputs: {
                roleArn: c.roleArn,
                roleName: c.roleName,
                nodeRoleArn: c.nodeRoleArn,
                nodeRoleName: c.nodeRoleName,
                instanceProfileArn: c.instanceProfileArn,
                trust: c.trust,
                serviceAccount: c.serviceAccount,
                podIdentityAssociationId: c.podIdentityAssociationId,
                ready: c.ready,
            },
        };
    },
};
