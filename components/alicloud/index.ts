// kubegrant/alicloud: the generic Alibaba Cloud components and every vendor component for Alibaba Cloud.
export { RamRole, RamRoleArgs, RamPolicySpec } from "./role";
export { RamStatement, RamPrincipal, RamPolicyDocument, RAM_LIMITS, toRamPolicyDocument, ramPolicyJson, ramPolicySize } from "./policy";
export { CloudPilotAlibabaAccess, CloudPilotAlibabaAccessArgs } from "../cloudpilot/alibaba";
export { planCloudPilotAlibaba, CloudPilotAlibabaPlan, CloudPilotAlibabaPlainArgs, CloudPilotAlibabaTrust } from "../cloudpilot/alibaba-plan";
export { CLOUDPILOT_ALIBABA_STATEMENTS } from "../cloudpilot/alibaba-catalog";
