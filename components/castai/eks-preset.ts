import { catalogExplanations, regionalMockOptions } from "../aws/catalog";
import { definePreset } from "../core/preset";
import { CastAiEksAccess, CastAiEksAccessArgs } from "./eks";
import { CASTAI_EKS_ARGS, CASTAI_EKS_OUTPUTS } from "./eks-plan";
import { CASTAI_EKS_MANAGED_POLICIES, CASTAI_EKS_STATEMENTS } from "./eks-catalog";
import { ruleExplanations } from "../kubernetes/catalog";
import { CASTAI_RBAC_ENTRIES } from "./cluster-rbac-catalog";

const explanations = new Map([...catalogExplanations(CASTAI_EKS_STATEMENTS, CASTAI_EKS_MANAGED_POLICIES), ...ruleExplanations(CASTAI_RBAC_ENTRIES)]);

/** `castai-eks`: Cast AI on EKS (CastAiEksAccess). */
export const castAiEksPreset = definePreset<CastAiEksAccessArgs>({
    name: "castai-eks",
    title: "Cast AI on AWS (EKS)",
    args: CASTAI_EKS_ARGS,
    outputs: CASTAI_EKS_OUTPUTS,
    explanations,
    mockOptions: (v) => regionalMockOptions(v),
    component: CastAiEksAccess,
});
