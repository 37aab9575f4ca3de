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
export { CastAiEksArgsOf, EbsVolumes, EBS_VOLUMES, CastAiAgentIdentity } from "../castai/eks-plan";
// The types of the in-cluster part a component creates with `clusterRbac` (CastAiClusterRbac and what
// its type names): types only, so importing this barrel loads no Kubernetes provider.
export type * from "./kubernetes";
export { CloudPilotEksAccess, CloudPilotEksAccessArgs } from "../cloudpilot/eks";
export { CloudPilotTrust, CLOUDPILOT_TRUSTS } from "../cloudpilot/eks-plan";
export { PaletteAwsAccess, PaletteAwsAccessArgs } from "../palette/aws";
export { PaletteVariant, PaletteIdentity, PALETTE_VARIANTS, PALETTE_IDENTITIES } from "../palette/aws-plan";
