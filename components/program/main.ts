/**
 * The root Pulumi program (see ../../Pulumi.yaml): deploys one preset from stack config, exactly as
 * `kubegrant render` shows it.
 *
 *   pulumi config set kubegrant:preset castai-eks
 *   pulumi config set kubegrant:clusterName prod-eu      # every key of the preset, by its arg name
 *   pulumi config set --secret kubegrant:clusterId 3f2a…
 *   # or read a key from another stack's output (kept secret if the output is):
 *   pulumi config set --path 'kubegrant:inputsFrom.clusterId' acme/castai-registration/prod#eksClusterId
 *   pulumi up
 */
import * as pulumi from "@pulumi/pulumi";
import { InputError, show, withSecrets } from "../core";
import { StackOutputKind, parseStackOutputRef, stackOutputs } from "../core/stacks";
import { Preset, keptSecret, parseKeyValue, presetKey, requireKeys } from "../core/preset";
import { loadPreset } from "../render/preset";

/** The config key that maps preset keys to other stacks' outputs. */
export const INPUTS_FROM = "kubegrant:inputsFrom";

/** A preset key read from another stack: `<stack>#<output>`. */
export interface StackInput {
    readonly stack: string;
    readonly output: string;
}

/**
 * Parses `kubegrant:inputsFrom` (a JSON object: preset key → `<org>/<project>/<stack>#<output>`,
 * as `pulumi config set --path 'kubegrant:inputsFrom.<key>' …` stores it). Pure: reads no stack.
 */
export function parseInputsFrom(preset: Preset, raw: string | undefined): Record<string, StackInput> {
    if (raw === undefined) return {};
    let parsed: unknown;
    try {
        parsed = JSON.parse(raw);
    } catch {
        parsed = undefined;
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
        throw new InputError(INPUTS_FROM, `must be an object of <key>: "<org>/<project>/<stack>#<output>" (pulumi config set --path '${INPUTS_FROM}.<key>' ...), got ${show(raw)}`);
    }
    const fromStacks = preset.outputKeys ?? [];
    const out: Record<string, StackInput> = {};
    for (const [name, ref] of Object.entries(parsed)) {
        const key = `${INPUTS_FROM}.${name}`;
        presetKey(preset, name, key);
        if (!fromStacks.includes(name)) {
            throw new InputError(key, `preset ${preset.name} takes ${name} only from config (keys it reads from other stacks: ${fromStacks.join(", ") || "none"})`);
        }
        out[name] = parseStackOutputRef(key, ref);
    }
    return out;
}

/**
 * Reads the preset's keys from config; unknown `kubegrant:` keys are errors, secrets stay secret.
 * Keys named in `kubegrant:inputsFrom` are read from those stacks' outputs (one StackReference per
 * stack, created only once all config is valid); they keep the outputs' secretness.
 */
export function readConfig(preset: Preset, all: Readonly<Record<string, string>>, secretKeys: readonly string[]): Record<string, unknown> {
    const values: Record<string, unknown> = {};
    for (const [fullKey, raw] of Object.entries(all)) {
        if (!fullKey.startsWith("kubegrant:")) continue;
        const name = fullKey.slice("kubegrant:".length);
        if (name === "preset" || fullKey === INPUTS_FROM) continue;
        const key = presetKey(preset, name, fullKey);
        // Components take lists, objects, switches and numbers as plain data, so the engine would
        // store a secret one in plaintext in the state (seen under the real engine): refuse it
        // before parsing, so its value is never shown either.
        if (secretKeys.includes(fullKey) && key.type !== "string") {
            throw new InputError(fullKey, `is a ${key.type} key, which cannot be kept secret (the state would hold it in plaintext): set it without --secret`);
        }
        // Set with --secret, or a key the preset always keeps secret (Palette's external ID).
        const secret = secretKeys.includes(fullKey) || key.secret === true;
        // A secret that does not parse is named, never shown.
        const value = withSecrets(secret ? [raw] : [], () => parseKeyValue(key, raw));
        values[name] = keptSecret(key, value, secret);
    }
    const inputs = parseInputsFrom(preset, all[INPUTS_FROM]);
    for (const name of Object.keys(inputs)) {
        if (name in values) throw new InputError(`kubegrant:${name}`, `is set twice: in config and in ${INPUTS_FROM}`);
    }
    requireKeys(preset, { ...values, ...inputs }, (k) => `pulumi config set kubegrant:${k} ...`);
    return { ...values, ...readStacks(preset, inputs) };
}

/** One `stackOutputs` read per stack, typed by the preset keys' types. */
function readStacks(preset: Preset, inputs: Readonly<Record<string, StackInput>>): Record<string, pulumi.Output<unknown>> {
    const byStack = new Map<string, Record<string, StackOutputKind>>();
    for (const [name, { stack, output }] of Object.entries(inputs)) {
        // Every preset key type is a stack output kind of the same name (KeyType ⊂ StackOutputKind).
        const kind: StackOutputKind = presetKey(preset, name, name).type;
        byStack.set(stack, { ...byStack.get(stack), [output]: kind });
    }
    const read = new Map([...byStack].map(([stack, spec]) => [stack, stackOutputs(stack, spec) as Record<string, pulumi.Output<unknown>>]));
    return Object.fromEntries(Object.entries(inputs).map(([name, { stack, output }]) => {
        const value = read.get(stack)![output];
        return [name, presetKey(preset, name, name).secret ? pulumi.secret(value) : value];
    }));
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
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the SDK exports isConfigSecret but its typings do not declare it
    const { isConfigSecret } = require("@pulumi/pulumi/runtime/config") as { isConfigSecret(k: string): boolean };
    return Object.keys(pulumi.runtime.allConfig()).filter((k) => isConfigSecret(k));
}
