import { actionExplanations } from "../azure/catalog";
import { definePreset } from "../core/preset";
import { CastAiAksAccess, CastAiAksAccessArgs } from "./aks";
import { CASTAI_AKS_ACTIONS, CASTAI_AKS_DROPPED } from "./aks-catalog";
import { CASTAI_AKS_ARGS, CASTAI_AKS_OUTPUTS } from "./aks-plan";
import { ruleExplanations } from "../kubernetes/catalog";
import { CASTAI_RBAC_ENTRIES } from "./cluster-rbac-catalog";

/** `castai-aks`: Cast AI on AKS (CastAiAksAccess). */
export const castAiAksPreset = definePreset<CastAiAksAccessArgs>({
    name: "castai-aks",
    title: "Cast AI on Azure (AKS)",
    args: CASTAI_AKS_ARGS,
    outputs: CASTAI_AKS_OUTPUTS,
    explanations: new Map([...actionExplanations(CASTAI_AKS_ACTIONS, CASTAI_AKS_DROPPED), ...ruleExplanations(CASTAI_RBAC_ENTRIES)]),
    mockOptions: (v) => ({
        azureSubscriptionId: typeof v.subscriptionId === "string" ? v.subscriptionId : undefined,
    }),
    component: CastAiAksAccess,
});
