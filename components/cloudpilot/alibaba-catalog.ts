/**
 * CloudPilot AI on Alibaba Cloud (ACK): the RAM policy of the seed (cloudpilot-permissions.txt,
 * "Privileges needed with AlibabaCloud", identical, as parsed JSON, to the "AlibabaCloud RAM
 * Permissions" block of cloudpilot-ai/docs permissions_required.mdx on main, 154f490d8e16) as data. Placeholder: {internalClusterId} (the ACK cluster ID).
 *
 * Same statements, order, actions and conditions as the vendor JSON. The vendor escapes `/` in
 * the condition keys (`acs:ResourceTag\/ack.aliyun.com`); in JSON that is the same key.
 */
import { RamStatementEntry } from "../alicloud/policy";
import { CLOUDPILOT_DOC } from "./names";
import { CatalogCard, namedEntries } from "../core/catalog";

const SEED = `seed cloudpilot-permissions.txt, Privileges needed with AlibabaCloud (= ${CLOUDPILOT_DOC}, "AlibabaCloud RAM Permissions")`;

export const CLOUDPILOT_ALIBABA_STATEMENTS: readonly RamStatementEntry[] = [
    {
        feature: "node provisioning and existing node pool optimisation",
        why: "Reads vSwitches, security groups, available instance types, instances, images, the ACK cluster, its node pools, Kubernetes version metadata and attach scripts, and scaling groups; launches nodes through auto provisioning groups, tags them, and creates ECS service-linked roles on first use. Resource \"*\" as the vendor documents it: these Describe and Create calls are not scoped by the vendor.",
        source: SEED,
        actions: [
            "vpc:DescribeVSwitches", "ecs:CreateAutoProvisioningGroup", "ecs:DescribeSecurityGroups",
            "ecs:DescribeAvailableResource", "ecs:DescribeInstances", "ecs:DescribeImages", "cs:DescribeClusterDetail",
            "cs:DescribeKubernetesVersionMetadata", "cs:DescribeClusterAttachScripts", "cs:DescribeClusterNodePools",
            "ess:DescribeScalingGroups", "ecs:AddTags", "ram:CreateServiceLinkedRole",
        ],
        resources: ["*"],
    },
    {
        feature: "node lifecycle (scale down, consolidation)",
        why: "Deletes only ECS instances tagged `cloudpilot.ai/managed` = `true`, i.e. nodes CloudPilot launched; no other instance.",
        source: SEED,
        actions: ["ecs:DeleteInstance"],
        resources: ["*"],
        conditions: [{ test: "StringEquals", variable: "acs:ResourceTag/cloudpilot.ai/managed", values: ["true"] }],
    },
    {
        feature: "existing node pool optimisation",
        why: "Detaches instances only from scaling groups tagged `ack.aliyun.com` = this cluster's ID, i.e. this cluster's node pools, as CloudPilot nodes replace them.",
        source: SEED,
        actions: ["ess:DetachInstances"],
        resources: ["*"],
        conditions: [{ test: "StringEquals", variable: "acs:ResourceTag/ack.aliyun.com", values: ["{internalClusterId}"] }],
    },
];

/** This catalog as the fidelity table and the policy pack read it. */
export const CLOUDPILOT_ALIBABA_CARD: CatalogCard = {
    vendor: "CloudPilot AI", target: "Alibaba Cloud", file: "components/cloudpilot/alibaba-catalog.ts",
    items: namedEntries(CLOUDPILOT_ALIBABA_STATEMENTS, (e) => `${e.actions[0]} (+${e.actions.length - 1})`),
    removals: [],
    actions: CLOUDPILOT_ALIBABA_STATEMENTS.flatMap((e) => e.actions),
};
