import { ramExplanations } from "../alicloud/policy";
import { definePreset } from "../core/preset";
import { CloudPilotAlibabaAccess, CloudPilotAlibabaAccessArgs } from "./alibaba";
import { CLOUDPILOT_ALIBABA_STATEMENTS } from "./alibaba-catalog";
import { CLOUDPILOT_ALIBABA_ARGS, CLOUDPILOT_ALIBABA_OUTPUTS } from "./alibaba-plan";

/** `cloudpilot-alibaba`: CloudPilot AI on Alibaba Cloud ACK (CloudPilotAlibabaAccess). */
export const cloudPilotAlibabaPreset = definePreset<CloudPilotAlibabaAccessArgs>({
    name: "cloudpilot-alibaba",
    title: "CloudPilot AI on Alibaba Cloud (ACK)",
    args: CLOUDPILOT_ALIBABA_ARGS,
    outputs: CLOUDPILOT_ALIBABA_OUTPUTS,
    explanations: ramExplanations(CLOUDPILOT_ALIBABA_STATEMENTS),
    mockOptions: (v) => ({ alicloudAccountId: typeof v.accountId === "string" ? v.accountId : undefined }),
    component: CloudPilotAlibabaAccess,
});
