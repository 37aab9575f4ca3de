import { catalogExplanations, regionalMockOptions } from "../aws/catalog";
import { Preset } from "../render/preset";
import { CloudPilotEksAccess, CloudPilotEksAccessArgs } from "./eks";
import { CLOUDPILOT_EKS_MANAGED_POLICIES, CLOUDPILOT_EKS_STATEMENTS } from "./eks-catalog";
import { CLOUDPILOT_EKS_STRING_ARGS } from "./eks-plan";

const explanations = catalogExplanations(CLOUDPILOT_EKS_STATEMENTS, CLOUDPILOT_EKS_MANAGED_POLICIES);

/** `cloudpilot-eks`: CloudPilot AI on EKS (CloudPilotEksAccess). */
export const cloudPilotEksPreset: Preset = {
    name: "cloudpilot-eks",
    title: "CloudPilot AI on AWS (EKS)",
    keys: [
        { name: "clusterName", type: "string", required: true, doc: "EKS cluster name" },
        { name: "accountId", type: "string", required: true, doc: "AWS account of the cluster" },
        { name: "region", type: "string", required: true, doc: "AWS region of the cluster" },
        { name: "trust", type: "string", doc: "podIdentity | irsa | crossAccount" },
        { name: "serviceAccountNamespace", type: "string", doc: "Namespace of the CloudPilot controller" },
        { name: "serviceAccountName", type: "string", doc: "Service account of the CloudPilot controller" },
        { name: "oidcProviderArn", type: "string", doc: "The cluster's IAM OIDC provider (irsa)" },
        { name: "trustedPrincipalArn", type: "string", doc: "CloudPilot's IAM principal (crossAccount)" },
        { name: "externalId", type: "string", doc: "External ID (crossAccount)" },
        { name: "roleName", type: "string", doc: "Name of the controller role" },
        { name: "nodeRoleName", type: "string", doc: "Name of the node role and instance profile" },
        { name: "cniPolicy", type: "boolean", doc: "AmazonEKS_CNI_Policy on the node role" },
        { name: "ssmPolicy", type: "boolean", doc: "AmazonSSMManagedInstanceCore on the node role" },
        { name: "maxManagedPoliciesPerRole", type: "number", doc: "Managed-policy quota per role" },
        { name: "tags", type: "object", doc: "Tags for every taggable resource" },
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
