/**
 * A preset: one vendor component with the keys it takes from `--set` or stack config. The render
 * CLI and the root Pulumi program both construct components only through presets, so what render
 * shows is what `pulumi up` creates. The type and the key parsing live here, below the vendors that
 * define presets; the registry of every preset is `render/preset.ts`, above them.
 */
import * as pulumi from "@pulumi/pulumi";
import { Sourced } from "./catalog";
import { InputError } from "./errors";
import { MockOptions } from "./mock-options";
import { ArgSpec, ArgSpecs, OutputSpecs, outputArgs, outputNames } from "./spec";
import { show } from "./validate";

export type { KeyType } from "./spec";

/** A key of a preset: one argument of its component, as its spec declares it. */
export interface PresetKey extends ArgSpec {
    readonly name: string;
}

/** The preset keys of a component's spec: every argument that `--set` and stack config can give. */
export function presetKeys(spec: ArgSpecs): PresetKey[] {
    return Object.entries(spec).filter(([, arg]) => arg.renderKey !== false).map(([name, arg]) => ({ name, ...arg }));
}

/** A preset's stack outputs: the component's outputs its spec lists, for these argument values. */
export function presetOutputs(component: object, spec: OutputSpecs, values: Readonly<Record<string, unknown>>): Record<string, pulumi.Output<unknown>> {
    const all = component as Record<string, pulumi.Output<unknown>>;
    return Object.fromEntries(outputNames(spec, values).map((k) => [k, all[k]]));
}

export interface PresetInstance {
    readonly component: pulumi.ComponentResource;
    /** Stack outputs, named as the component's outputs. */
    readonly outputs: Readonly<Record<string, pulumi.Output<unknown>>>;
}

export interface Preset {
    readonly name: string;
    readonly title: string;
    readonly keys: readonly PresetKey[];
    /** The component's arguments and outputs as its spec declares them (the docs' tables come from here). */
    readonly spec: { readonly args: ArgSpecs; readonly outputs: OutputSpecs };
    /**
     * Keys the component also takes as Outputs (its string inputs), so the root program can read
     * them from another stack (`kubegrant:inputsFrom`); every other key is plain config. @default none
     */
    readonly outputKeys: readonly string[];
    /** Catalog entries by key (`sid:<Sid>`, `aws-managed:<path>`, …) for the review report. */
    readonly explanations: ReadonlyMap<string, Sourced>;
    /** Mock settings that make computed values match the inputs (account, partition, …). */
    mockOptions(values: Readonly<Record<string, unknown>>): MockOptions;
    create(name: string, values: Readonly<Record<string, unknown>>, opts?: pulumi.ComponentResourceOptions): PresetInstance;
}

/** What a vendor preset says of itself; everything else of the Preset comes from its component's spec. */
export interface PresetDef<A> {
    readonly name: string;
    readonly title: string;
    /** The component's spec: its arguments (the preset's keys) and its outputs (the stack outputs). */
    readonly args: ArgSpecs;
    readonly outputs: OutputSpecs;
    readonly explanations: ReadonlyMap<string, Sourced>;
    /** @default no mock settings */
    mockOptions?(values: Readonly<Record<string, unknown>>): MockOptions;
    /** The component class, constructed with the key values as its Args. */
    readonly component: new (name: string, args: A, opts?: pulumi.ComponentResourceOptions) => pulumi.ComponentResource;
}

/**
 * A preset from its component's spec: the keys, the string inputs other stacks may give
 * (`kubegrant:inputsFrom`) and the stack outputs all come from the spec, so a preset file holds
 * only its name, title, catalog explanations and mock settings.
 */
export function definePreset<A>(def: PresetDef<A>): Preset {
    return {
        name: def.name,
        title: def.title,
        keys: presetKeys(def.args),
        spec: { args: def.args, outputs: def.outputs },
        outputKeys: outputArgs(def.args),
        explanations: def.explanations,
        mockOptions: def.mockOptions ?? (() => ({})),
        create(name, values, opts) {
            // The key values as the component's Args: its builder validates every one (type, rule,
            // unknown keys) before anything is registered, as for any caller of the component.
            const component = new def.component(name, values as unknown as A, opts);
            return { component, outputs: presetOutputs(component, def.outputs, values) };
        },
    };
}

/** The preset's key `name`; an unknown name is an InputError on `errorKey` (how the user wrote it) listing the keys. */
export function presetKey(preset: Preset, name: string, errorKey: string): PresetKey {
    const key = preset.keys.find((k) => k.name === name);
    if (!key) {
        throw new InputError(errorKey, `is not a key of preset ${preset.name} (known: ${preset.keys.map((k) => k.name).join(", ")})`);
    }
    return key;
}

/**
 * A key's value as the component gets it: a secret Output when the key is a string the preset
 * keeps secret (Palette's external ID) or the user set secret (`--secret`), else the value itself.
 * The root program and the render both use it, so a render shows "[secret]" where `pulumi up` would.
 */
export function keptSecret(key: PresetKey, value: unknown, setSecret = false): unknown {
    return (setSecret || key.secret === true) && typeof value === "string" ? pulumi.secret(value) : value;
}

/** Turns one `--set key=value` string into the key's type. */
export function parseKeyValue(key: PresetKey, raw: string): unknown {
    switch (key.type) {
        case "string":
            if (raw === "") {
                throw new InputError(key.name, key.required ? "is required and must not be empty" : "must not be empty (leave the key out to use its default)");
            }
            return raw;
        case "boolean":
            if (raw === "true") return true;
            if (raw === "false") return false;
            throw new InputError(key.name, `must be true or false, got ${show(raw)}`);
        case "number": {
            // Decimal only, as written: no hex (0x10), octal, binary, exponent, spaces or Infinity.
            if (!/^-?(0|[1-9][0-9]{0,14})(\.[0-9]{1,15})?$/.test(raw)) throw new InputError(key.name, `must be a decimal number such as 12, got ${show(raw)}`);
            return Number(raw);
        }
        case "list":
        case "object": {
            let parsed: unknown;
            try {
                parsed = JSON.parse(raw);
            } catch {
                throw new InputError(key.name, key.type === "list"
                    ? `must be a JSON list such as '["a","b"]', got ${show(raw)}`
                    : `must be a JSON object such as '{"team":"platform"}', got ${show(raw)}`);
            }
            const ok = key.type === "list" ? Array.isArray(parsed)
                : typeof parsed === "object" && parsed !== null && !Array.isArray(parsed);
            if (!ok) {
                throw new InputError(key.name, key.type === "list"
                    ? `must be a JSON list such as '["a","b"]', got ${show(raw)}`
                    : `must be a JSON object such as '{"team":"platform"}', got ${show(raw)}`);
            }
            return parsed;
        }
    }
}

/** Parses `key=value` pairs for `preset`: unknown keys and repeated keys are errors, required keys must be set. */
export function parseSettings(preset: Preset, pairs: readonly string[]): Record<string, unknown> {
    const values: Record<string, unknown> = {};
    for (const pair of pairs) {
        const eq = pair.indexOf("=");
        if (eq <= 0) {
            throw new InputError("--set", `takes key=value, got ${show(pair)}`);
        }
        const name = pair.slice(0, eq);
        const key = presetKey(preset, name, name);
        if (name in values) {
            throw new InputError(name, "is set twice");
        }
        values[name] = parseKeyValue(key, pair.slice(eq + 1));
    }
    requireKeys(preset, values, (k) => `--set ${k}=...`);
    return values;
}

export function requireKeys(preset: Preset, values: Readonly<Record<string, unknown>>, how: (key: string) => string): void {
    for (const key of preset.keys) {
        if (key.required && values[key.name] === undefined) {
            throw new InputError(key.name, `is required by preset ${preset.name} (${how(key.name)})`);
        }
    }
}
