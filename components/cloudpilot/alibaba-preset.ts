import { ramExplanations } from "../alicloud/policy";
import { Preset, presetKeys, presetOutputs } from "../core/preset";
import { CloudPilotAlibabaAccess, CloudPilotAlibabaAccessArgs } from "./alibaba";
import { CLOUDPILOT_ALIBABA_STATEMENTS } from "./alibaba-catalog";
import { CLOUDPILOT_ALIBABA_ARGS, CLOUDPILOT_ALIBABA_OUTPUTS, CLOUDPILOT_ALIBABA_STRING_ARGS } from "./alibaba-plan";

/** `cloudpilot-alibaba`: CloudPilot AI on Alibaba Cloud ACK (CloudPilotAlibabaAccess). */
export const cloudPilotAlibabaPreset: Preset = {
    name: "cloudpilot-alibaba",
    title: "CloudPilot AI on Alibaba Cloud (ACK)",
    keys: presetKeys(CLOUDPILOT_ALIBABA_ARGS),
    spec: { args: CLOUDPILOT_ALIBABA_ARGS, outputs: CLOUDPILOT_ALIBABA_OUTPUTS },
    outputKeys: CLOUDPILOT_ALIBABA_STRING_ARGS,
    explanations: ramExplanations(CLOUDPILOT_ALIBABA_STATEMENTS),
    mockOptions: (v) => ({ alicloudAccountId: typeof v.accountId === "string" ? v.accountId : undefined }),
    create(name, values, opts) {
        const c = new CloudPilotAlibabaAccess(name, values as unknown as CloudPilotAlibabaAccessArgs, opts);
        return {
            component: c,
            outputs: presetOutputs(c, CLOUDPILOT_ALIBABA_OUTPUTS, values),
        };
    },
};
