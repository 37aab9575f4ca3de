import { actionExplanations } from "../azure/catalog";
import { Preset, presetKeys, presetOutputs } from "../core/preset";
import { CastAiAksAccess, CastAiAksAccessArgs } from "./aks";
import { CASTAI_AKS_ACTIONS, CASTAI_AKS_DROPPED } from "./aks-catalog";
import { CASTAI_AKS_ARGS, CASTAI_AKS_OUTPUTS, CASTAI_AKS_STRING_ARGS } from "./aks-plan";
import { ruleExplanations } from "../kubernetes/catalog";
import { CASTAI_RBAC_ENTRIES } from "./cluster-rbac-catalog";

/** `castai-aks`: Cast AI on AKS (CastAiAksAccess). */
export const castAiAksPreset: Preset = {
    name: "castai-aks",
    title: "Cast AI on Azure (AKS)",
    keys: presetKeys(CASTAI_AKS_ARGS),
    spec: { args: CASTAI_AKS_ARGS, outputs: CASTAI_AKS_OUTPUTS },
    outputKeys: CASTAI_AKS_STRING_ARGS,
    explanations: new Map([...actionExplanations(CASTAI_AKS_ACTIONS, CASTAI_AKS_DROPPED), ...ruleExplanations(CASTAI_RBAC_ENTRIES)]),
    mockOptions: (v) => ({
        azureSubscriptionId: typeof v.subscriptionId === "string" ? v.subscriptionId : undefined,
    }),
    create(name, values, opts) {
        const c = new CastAiAksAccess(name, values as unknown as CastAiAksAccessArgs, opts);
        return {
            component: c,
            outputs: presetOutputs(c, CASTAI_AKS_OUTPUTS, values),
        };
    },
};
