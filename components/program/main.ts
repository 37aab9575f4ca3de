/**
 * The root Pulumi program (see ../../Pulumi.yaml): deploys one preset from stack config, exactly as
 * `kubegrant render` shows it.
 *
 *   pulumi config set kubegrant:preset castai-eks
 *   pulumi config set kubegrant:clusterName prod-eu      # every key of the preset, by its arg name
 *   pulumi config set --secret kubegrant:clusterId 3f2a…
 *   pulumi up
 */
import * as pulumi from "@pulumi/pulumi";
import { InputError } from "../core";
import { Preset, loadPreset, parseKeyValue, requireKeys } from "../render/preset";

/** Reads the preset's keys from config; unknown `kubegrant:` keys are errors, secrets stay secret. */
export function readConfig(preset: Preset, all: Readonly<Record<string, string>>, secretKeys: readonly string[]): Record<string, unknown> {
    const values: Record<string, unknown> = {};
    for (const [fullKey, raw] of Object.entries(all)) {
        if (!fullKey.startsWith("kubegrant:")) continue;
        const name = fullKey.slice("kubegrant:".length);
        if (name === "preset") continue;
        const key = preset.keys.find((k) => k.name === name);
        if (!key) {
            throw new InputError(fullKey, `is not a key of preset ${preset.name} (known: ${preset.keys.map((k) => k.name).join(", ")})`);
        }
        const value = parseKeyValue(key, raw);
        values[name] = secretKeys.includes(fullKey) && key.type === "string" ? pulumi.secret(value as string) : value;
    }
    requireKeys(preset, values, (k) => `pulumi config set kubegrant:${k} ...`);
    return values;
}

/** Runs the program; returns the stack outputs. */
export function run(): Record<string, pulumi.Output<unknown>> {
    const config = new pulumi.Config("kubegrant");
    const preset = loadPreset(config.require("preset"));
    const values = readConfig(preset, pulumi.runtime.allConfig(), secretConfigKeys());
    return { ...preset.create(preset.name.split("-")[0], values).outputs };
}

function secretConfigKeys(): string[] {
    // The SDK knows which config keys are secret but declares no type for it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { isConfigSecret } = require("@pulumi/pulumi/runtime/config") as { isConfigSecret(k: string): boolean };
    return Object.keys(pulumi.runtime.allConfig()).filter((k) => isConfigSecret(k));
}
