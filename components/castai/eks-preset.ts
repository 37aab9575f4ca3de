import { catalogExplanations, regionalMockOptions } from "../aws/catalog";
import { Preset, presetKeys, presetOutputs } from "../core/preset";
import { CastAiEksAccess, CastAiEksAccessArgs } from "./eks";
import { CASTAI_EKS_ARGS, CASTAI_EKS_OUTPUTS, CASTAI_EKS_STRING_ARGS } from "./eks-plan";
import { CASTAI_EKS_MANAGED_POLICIES, CASTAI_EKS_STATEMENTS } from "./eks-catalog";
import { ruleExplanations } from "../kubernetes/catalog";
import { CASTAI_RBAC_ENTRIES } from "./cluster-rbac-catalog";

const explanations = new Map([...catalogExplanations(CASTAI_EKS_STATEMENTS, CASTAI_EKS_MANAGED_POLICIES), ...ruleExplanations(CASTAI_RBAC_ENTRIES)]);

/** `castai-eks`: Cast AI on EKS (CastAiEksAccess). */
export const castAiEksPreset: Preset = {
    name: "castai-eks",
    title: "Cast AI on AWS (EKS)",
    keys: presetKeys(CASTAI_EKS_ARGS),
    spec: { args: CASTAI_EKS_ARGS, outputs: CASTAI_EKS_OUTPUTS },
    outputKeys: CASTAI_EKS_STRING_ARGS,
    explanations,
    mockOptions: (v) => regionalMockOptions(v),
    create(name, values, opts) {
        const c = new CastAiEksAccess(name, values as unknown as CastAiEksAccessArgs, opts);
        return {
            component: c,
            outputs: presetOutputs(c, CASTAI_EKS_OUTPUTS, values),
        };
    },
};
