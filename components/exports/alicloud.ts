// kubegrant/alicloud: the generic Alibaba Cloud components and every vendor component for Alibaba Cloud.
import { requireProviders } from "../core/providers";

// Before anything loads a provider: one error naming every missing package, not Node's stack for the first.
requireProviders("kubegrant/alicloud", ["alicloud"]);

export { RamRole, RamRoleArgs, RamPolicySpec } from "../alicloud/role";
export { RamStatement, RamPrincipal, RamPolicyDocument, RAM_LIMITS, toRamPolicyDocument, ramPolicyJson, ramPolicySize } from "../alicloud/policy";
export { CloudPilotAlibabaAccess, CloudPilotAlibabaAccessArgs } from "../cloudpilot/alibaba";
export { planCloudPilotAlibaba, CloudPilotAlibabaPlan, CloudPilotAlibabaPlainArgs, CloudPilotAlibabaTrust } from "../cloudpilot/alibaba-plan";
export { CLOUDPILOT_ALIBABA_STATEMENTS } from "../cloudpilot/alibaba-catalog";
