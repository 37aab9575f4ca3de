/**
 * The registry of presets (the render contract's names): which vendor preset each name loads, and
 * the provider packages it needs. The Preset type and the key parsing are `core/preset.ts`.
 */
import { InputError, show } from "../core";
import { Preset } from "../core/preset";
import { ProviderCloud, requireProviders } from "../core/providers";

/** Every preset of the render contract, loaded only when asked for (an AWS-only install loads no GCP code). */
const PRESETS: Readonly<Record<string, { readonly clouds: readonly ProviderCloud[]; readonly load: () => Preset }>> = {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    "castai-eks": { clouds: ["aws"], load: () => require("../castai/eks-preset").castAiEksPreset },
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    "castai-gke": { clouds: ["gcp"], load: () => require("../castai/gke-preset").castAiGkePreset },
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    "castai-aks": { clouds: ["azure"], load: () => require("../castai/aks-preset").castAiAksPreset },
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    "cloudpilot-eks": { clouds: ["aws"], load: () => require("../cloudpilot/eks-preset").cloudPilotEksPreset },
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    "cloudpilot-alibaba": { clouds: ["alicloud"], load: () => require("../cloudpilot/alibaba-preset").cloudPilotAlibabaPreset },
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    "palette-aws": { clouds: ["aws"], load: () => require("../palette/aws-preset").paletteAwsPreset },
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    "castai-kubernetes": { clouds: ["kubernetes"], load: () => require("../castai/cluster-rbac-preset").castAiKubernetesPreset },
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    "cloudpilot-kubernetes": { clouds: ["kubernetes"], load: () => require("../cloudpilot/cluster-rbac-preset").cloudPilotKubernetesPreset },
};

export function presetNames(): string[] {
    return Object.keys(PRESETS);
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
