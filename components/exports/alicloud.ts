// kubegrant/alicloud: the generic Alibaba Cloud components and every vendor component for Alibaba Cloud.
import { requireProviders } from "../core/providers";

// Before anything loads a provider: one error naming every missing package, not Node's stack for the first.
requireProviders("kubegrant/alicloud", ["alicloud"]);

export { RamRole, RamRoleArgs, RamPolicySpec } from "../alicloud/role";
export { RamStatement, RamPrincipal, RAM_LIMITS } from "../alicloud/policy";
export { Condition, PrincipalOf, StatementOf } from "../core/statement";
export { CloudPilotAlibabaAccess, CloudPilotAlibabaAccessArgs } from "../cloudpilot/alibaba";
export { CloudPilotAlibabaTrust, CLOUDPILOT_ALIBABA_TRUSTS } from "../cloudpilot/alibaba-plan";
