/**
 * Runs a preset's real component under Pulumi's in-process mocks and collects what `pulumi up`
 * would create. There is no second code path: this is the component, with mocked clouds.
 */
import { Preset, keptSecret } from "../core/preset";
import { loadPreset } from "./preset";
import { RegisteredResource, installMocks, outputValues, redactSecrets } from "../testing/mocks";

export interface RenderedResource {
    readonly type: string;
    readonly name: string;
    readonly parent: string | null;
    readonly inputs: Record<string, unknown>;
}

export interface Rendering {
    readonly preset: string;
    readonly resources: RenderedResource[];
    readonly outputs: Record<string, unknown>;
}

/** Strings holding a JSON policy document (IAM, RAM) are emitted parsed. */
export function parsePolicies(value: unknown): unknown {
    if (typeof value === "string" && value.startsWith("{") && value.includes("\"Statement\"")) {
        try {
            return JSON.parse(value);
        } catch {
            return value;
        }
    }
    if (Array.isArray(value)) return value.map(parsePolicies);
    if (typeof value === "object" && value !== null) {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, parsePolicies(v)]));
    }
    return value;
}

export function toRendered(r: RegisteredResource): RenderedResource {
    return {
        type: r.type,
        name: r.name,
        parent: r.parent,
        inputs: parsePolicies(redactSecrets(r.inputs)) as Record<string, unknown>,
    };
}

/** Renders `preset` with `values` (already parsed and typed). Throws InputError on bad values. */
export async function render(preset: Preset | string, values: Readonly<Record<string, unknown>>, name?: string): Promise<Rendering> {
    const p = typeof preset === "string" ? loadPreset(preset) : preset;
    const recorder = installMocks(p.mockOptions(values));
    // Keys the preset keeps secret (an external ID) are secret Outputs, as the root program makes
    // them: "[secret]" in every format, and redacted from any error message.
    const secretValues = Object.fromEntries(Object.entries(values).map(([k, v]) => {
        const key = p.keys.find((x) => x.name === k);
        return [k, key ? keptSecret(key, v) : v];
    }));
    const instance = p.create(name ?? p.name.split("-")[0], secretValues);
    // Resolved as a program's exports are (undefined left out), secrets shown as "[secret]".
    const outputs = redactSecrets(await outputValues(instance.outputs)) as Record<string, unknown>;
    await recorder.settle();
    return { preset: p.name, resources: recorder.resources.map(toRendered), outputs };
}
