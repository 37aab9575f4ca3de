import { catalogExplanations, regionalMockOptions } from "../aws/catalog";
import { definePreset } from "../core/preset";
import { CloudPilotEksAccess, CloudPilotEksAccessArgs } from "./eks";
import { CLOUDPILOT_EKS_MANAGED_POLICIES, CLOUDPILOT_EKS_STATEMENTS } from "./eks-catalog";
import { CLOUDPILOT_EKS_ARGS, CLOUDPILOT_EKS_OUTPUTS } from "./eks-plan";

const explanations = catalogExplanations(CLOUDPILOT_EKS_STATEMENTS, CLOUDPILOT_EKS_MANAGED_POLICIES);

/** `cloudpilot-eks`: CloudPilot AI on EKS (CloudPilotEksAccess). */
export const cloudPilotEksPreset = definePreset<CloudPilotEksAccessArgs>({
    name: "cloudpilot-eks",
    title: "CloudPilot AI on AWS (EKS)",
    args: CLOUDPILOT_EKS_ARGS,
    outputs: CLOUDPILOT_EKS_OUTPUTS,
    explanations,
    mockOptions: (v) => regionalMockOptions(v),
    component: CloudPilotEksAccess,
});
