// kubegrant/aws: the generic AWS components and every vendor component for AWS.
import { requireProviders } from "../core/providers";

// Before anything loads a provider: one error naming every missing package, not Node's stack for the first.
requireProviders("kubegrant/aws", ["aws"]);

export { PolicyRole, PolicyRoleArgs, ManagedPolicyArgs, ManagedPolicySpec, InlinePolicySpec } from "../aws/role";
export { PolicyUser, PolicyUserArgs } from "../aws/user";
export { Statement, Condition, Principal } from "../aws/policy";
export { PrincipalOf, StatementOf } from "../core/statement";
export { AWS_LIMITS } from "../aws/limits";
export { Partition } from "../aws/validate";
export { CastAiEksAccess, CastAiEksAccessArgs } from "../castai/eks";
export { CastAiEksArgsOf, EbsVolumes, CastAiAgentIdentity } from "../castai/eks-plan";
export { CloudPilotEksAccess, CloudPilotEksAccessArgs } from "../cloudpilot/eks";
export { CloudPilotTrust } from "../cloudpilot/eks-plan";
export { PaletteAwsAccess, PaletteAwsAccessArgs } from "../palette/aws";
export { PaletteVariant, PaletteIdentity } from "../palette/aws-plan";
