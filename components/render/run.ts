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

/**
 * The order a render lists resources in: a parent before its children, siblings by name, then by
 * type (code-unit order). It depends only on what is registered, never on when Pulumi completes
 * each registration: that follows how many promises a resource's inputs take, so it moved with
 * every performance change to a component and can move with an SDK upgrade. The recorder keeps
 * completion order (`Recorder.resources`); only the render sorts.
 */
export function treeOrder(resources: readonly RegisteredResource[]): RegisteredResource[] {
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    const keys = new Map<RegisteredResource, string>();
    // A child's URN is `<prefix>::<parent's qualified type>$<type>::<name>`; its parent's is
    // `<prefix>::<parent's qualified type>::<parent's name>`.
    const parentOf = (r: RegisteredResource): RegisteredResource | undefined => {
        if (r.parent === null) return undefined;
        const [prefix, project, qualified] = r.urn.split("::");
        const dollar = qualified.lastIndexOf("$");
        return dollar < 0 ? undefined : byUrn.get(`${prefix}::${project}::${qualified.slice(0, dollar)}::${r.parent}`);
    };
    const key = (r: RegisteredResource): string => {
        let k = keys.get(r);
        if (k === undefined) {
            const parent = parentOf(r);
            const own = `${r.name}\u0001${r.type}`;
            k = parent ? `${key(parent)}\u0000${own}` : own;
            keys.set(r, k);
        }
        return k;
    };
    return [...resources].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
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
    return { preset: p.name, resources: treeOrder(recorder.resources).map(toRendered), outputs };
}
