/**
 * The registry of presets (the render contract's names): which vendor preset each name loads, and
 * the provider packages it needs. The Preset type and the key parsing are `core/preset.ts`.
 */
import { InputError, show } from "../core";
import { CatalogCard } from "../core/catalog";
import { Preset } from "../core/preset";
import { ProviderCloud, requireProviders } from "../core/providers";

/** A module's export, required when first asked for: a preset's code and providers load only when it is used. */
function later<T>(path: string, name: string): () => T {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- on demand: an AWS-only install never loads GCP code
    return () => require(path)[name] as T;
}

/**
 * Every preset of the render contract, loaded only when asked for (an AWS-only install loads no GCP
 * code), with its vendor catalog's card (pure data: the fidelity table and the policy pack read
 * every catalog through it, without loading a provider).
 */
const PRESETS: Readonly<Record<string, { readonly clouds: readonly ProviderCloud[]; readonly load: () => Preset; readonly card: () => CatalogCard }>> = {
    "castai-eks": { clouds: ["aws"], load: later("../castai/eks-preset", "castAiEksPreset"), card: later("../castai/eks-catalog", "CASTAI_EKS_CARD") },
    "castai-gke": { clouds: ["gcp"], load: later("../castai/gke-preset", "castAiGkePreset"), card: later("../castai/gke-catalog", "CASTAI_GKE_CARD") },
    "castai-aks": { clouds: ["azure"], load: later("../castai/aks-preset", "castAiAksPreset"), card: later("../castai/aks-catalog", "CASTAI_AKS_CARD") },
    "cloudpilot-eks": { clouds: ["aws"], load: later("../cloudpilot/eks-preset", "cloudPilotEksPreset"), card: later("../cloudpilot/eks-catalog", "CLOUDPILOT_EKS_CARD") },
    "cloudpilot-alibaba": { clouds: ["alicloud"], load: later("../cloudpilot/alibaba-preset", "cloudPilotAlibabaPreset"), card: later("../cloudpilot/alibaba-catalog", "CLOUDPILOT_ALIBABA_CARD") },
    "palette-aws": { clouds: ["aws"], load: later("../palette/aws-preset", "paletteAwsPreset"), card: later("../palette/aws-catalog", "PALETTE_AWS_CARD") },
    "castai-kubernetes": { clouds: ["kubernetes"], load: later("../castai/cluster-rbac-preset", "castAiKubernetesPreset"), card: later("../castai/cluster-rbac-catalog", "CASTAI_RBAC_CARD") },
    "cloudpilot-kubernetes": { clouds: ["kubernetes"], load: later("../cloudpilot/cluster-rbac-preset", "cloudPilotKubernetesPreset"), card: later("../cloudpilot/cluster-rbac-catalog", "CLOUDPILOT_RBAC_CARD") },
};

export function presetNames(): string[] {
    return Object.keys(PRESETS);
}

/** The card of the vendor catalog behind preset `name` (pure data; loads no provider). */
export function catalogCard(name: string): CatalogCard {
    const entry = PRESETS[name];
    if (!entry) throw new InputError("preset", `unknown preset ${show(name)} (known: ${presetNames().join(", ")})`);
    return entry.card();
}

export function loadPreset(name: string): Preset {
    const entry = PRESETS[name];
    if (!entry) {
        throw new InputError("preset", `unknown preset ${show(name)} (known: ${presetNames().join(", ")})`);
    }
    // Its cloud's provider packages (optional peers) not all installed: name every one, no stack trace.
    requireProviders("preset", entry.clouds, name);
    return entry.load();
}
