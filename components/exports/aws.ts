// kubegrant/aws: the generic AWS components and every vendor component for AWS.
import { requireProviders } from "../core/providers";

// Before anything loads a provider: one error naming every missing package, not Node's stack for the first.
requireProviders("kubegrant/aws", ["aws"]);

export { PolicyRole, PolicyRoleArgs, ManagedPolicySpec, InlinePolicySpec } from "../aws/role";
export { PolicyUser, PolicyUserArgs } from "../aws/user";
export { Statement, Condition, Principal, PolicyDocument, toPolicyDocument, policyJson, policySize } from "../aws/policy";
export { AWS_LIMITS } from "../aws/limits";
export { Partition, partitionOf } from "../aws/validate";
export { CastAiEksAccess, CastAiEksAccessArgs } from "../castai/eks";
export {
    planCastAiEks, CastAiEksPlan, CastAiEksPlainArgs, CastAiEksArgsOf, EbsVolumes, CASTAI_AWS_ACCOUNT, CastAiAgentIdentity, CastAiAgentPlan,
} from "../castai/eks-plan";
export { CASTAI_EKS_STATEMENTS, CASTAI_EKS_MANAGED_POLICIES } from "../castai/eks-catalog";
export { CloudPilotEksAccess, CloudPilotEksAccessArgs } from "../cloudpilot/eks";
export { planCloudPilotEks, CloudPilotEksPlan, CloudPilotEksPlainArgs, CloudPilotTrust } from "../cloudpilot/eks-plan";
export { CLOUDPILOT_EKS_STATEMENTS, CLOUDPILOT_EKS_MANAGED_POLICIES } from "../cloudpilot/eks-catalog";
export { PaletteAwsAccess, PaletteAwsAccessArgs } from "../palette/aws";
export { planPaletteAws, PaletteAwsPlan, PaletteAwsPlainArgs, PaletteVariant, PaletteIdentity } from "../palette/aws-plan";
export { PALETTE_AWS_POLICIES } from "../palette/aws-catalog";
