import { catalogExplanations, regionalMockOptions } from "../aws/catalog";
import { Preset, presetKeys, presetOutputs } from "../core/preset";
import { CloudPilotEksAccess, CloudPilotEksAccessArgs } from "./eks";
import { CLOUDPILOT_EKS_MANAGED_POLICIES, CLOUDPILOT_EKS_STATEMENTS } from "./eks-catalog";
import { CLOUDPILOT_EKS_ARGS, CLOUDPILOT_EKS_OUTPUTS, CLOUDPILOT_EKS_STRING_ARGS } from "./eks-plan";

const explanations = catalogExplanations(CLOUDPILOT_EKS_STATEMENTS, CLOUDPILOT_EKS_MANAGED_POLICIES);

/** `cloudpilot-eks`: CloudPilot AI on EKS (CloudPilotEksAccess). */
export const cloudPilotEksPreset: Preset = {
    name: "cloudpilot-eks",
    title: "CloudPilot AI on AWS (EKS)",
    keys: presetKeys(CLOUDPILOT_EKS_ARGS),
    spec: { args: CLOUDPILOT_EKS_ARGS, outputs: CLOUDPILOT_EKS_OUTPUTS },
    outputKeys: CLOUDPILOT_EKS_STRING_ARGS,
    explanations,
    mockOptions: (v) => regionalMockOptions(v),
    create(name, values, opts) {
        const c = new CloudPilotEksAccess(name, values as unknown as CloudPilotEksAccessArgs, opts);
        return {
            component: c,
            outputs: presetOutputs(c, CLOUDPILOT_EKS_OUTPUTS, values),
        };
    },
};
