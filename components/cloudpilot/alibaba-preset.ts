import { ramExplanations } from "../alicloud/policy";
import { Preset } from "../core/preset";
import { CloudPilotAlibabaAccess, CloudPilotAlibabaAccessArgs } from "./alibaba";
import { CLOUDPILOT_ALIBABA_STATEMENTS } from "./alibaba-catalog";
import { CLOUDPILOT_ALIBABA_STRING_ARGS } from "./alibaba-plan";

/** `cloudpilot-alibaba`: CloudPilot AI on Alibaba Cloud ACK (CloudPilotAlibabaAccess). */
export const cloudPilotAlibabaPreset: Preset = {
    name: "cloudpilot-alibaba",
    title: "CloudPilot AI on Alibaba Cloud (ACK)",
    keys: [
        { name: "clusterName", type: "string", required: true, description: "ACK cluster name" },
        { name: "internalClusterId", type: "string", required: true, description: "ACK cluster ID (c + 32 hex)" },
        { name: "trust", type: "string", description: "rrsa | account" },
        { name: "accountId", type: "string", description: "Alibaba Cloud account of the cluster (rrsa)" },
        { name: "oidcIssuerUrl", type: "string", description: "The cluster's RRSA OIDC issuer URL (rrsa)" },
        { name: "namespace", type: "string", description: "Namespace of CloudPilot's optimizer (rrsa)" },
        { name: "serviceAccount", type: "string", description: "Service account of CloudPilot's optimizer (rrsa)" },
        { name: "trustedAccountId", type: "string", description: "Alibaba Cloud account that assumes the role (account)" },
        { name: "externalId", type: "string", description: "External ID CloudPilot gives you (account, required there)", secret: true },
        { name: "roleName", type: "string", description: "Name of the RAM role" },
        { name: "policyName", type: "string", description: "Name of the RAM policy" },
        { name: "tags", type: "object", description: "Tags for the role and the policy" },
    ],
    outputKeys: CLOUDPILOT_ALIBABA_STRING_ARGS,
    explanations: ramExplanations(CLOUDPILOT_ALIBABA_STATEMENTS),
    mockOptions: (v) => ({ alicloudAccountId: typeof v.accountId === "string" ? v.accountId : undefined }),
    create(name, values, opts) {
        const c = new CloudPilotAlibabaAccess(name, values as unknown as CloudPilotAlibabaAccessArgs, opts);
        return {
            component: c,
            outputs: {
                roleArn: c.roleArn, roleName: c.roleName, policyName: c.policyName, trust: c.trust,
                serviceAccountRef: c.serviceAccountRef, externalId: c.externalId, ready: c.ready,
            },
        };
    },
};
