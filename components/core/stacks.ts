/**
 * Typed reads of another stack's outputs (`pulumi.StackReference`), for multi-stack onboarding: a
 * registration stack exports the vendor's cluster IDs, the cloud and cluster stacks read them.
 *
 *   const reg = stackOutputs("acme/castai-registration/prod", { eksClusterId: "string" });
 *   new CastAiEksAccess("castai", { clusterId: reg.eksClusterId, ... });  // Output<string>, still secret
 *
 * Secrets stay secret (per output: a plain output is not tainted by a secret one). A missing stack
 * fails the deployment with the engine's `unknown stack "<name>"`; a missing output or one of the
 * wrong type fails it with an InputError naming `<stack>#<output>`.
 */
import * as pulumi from "@pulumi/pulumi";
import { InputError } from "./errors";
import { show } from "./validate";

/** What an output must hold. `list` is any JSON list, `object` any JSON object. */
export type StackOutputKind = "string" | "number" | "boolean" | "string[]" | "list" | "object";

/** A kind, or a kind with `?`: the output may be absent (the value is then `undefined`). */
export type StackOutputSpec = StackOutputKind | `${StackOutputKind}?`;

/** The TypeScript type of one kind of stack output (`"string"` → `string`, …). */
export type KindType<K> =
    K extends "string" ? string
        : K extends "number" ? number
            : K extends "boolean" ? boolean
                : K extends "string[]" ? string[]
                    : K extends "list" ? unknown[]
                        : K extends "object" ? Record<string, unknown>
                            : never;

/** The TypeScript type a spec reads as. */
export type StackOutputType<S> = S extends `${infer K}?` ? KindType<K> | undefined : KindType<S>;

/** What `stackOutputs` returns: one typed Output per requested output name. */
export type StackOutputs<T extends Readonly<Record<string, StackOutputSpec>>> = {
    readonly [K in keyof T]: pulumi.Output<StackOutputType<T[K]>>;
};

/** How a message names each kind; its keys (every kind, checked by the type) are the kinds a spec may name. */
const ARTICLE: Readonly<Record<StackOutputKind, string>> = {
    "string": "a string", "number": "a number", "boolean": "true or false", "string[]": "a list of strings",
    "list": "a list", "object": "an object",
};
const KINDS = Object.keys(ARTICLE) as StackOutputKind[];

/** A fully qualified stack name, as `pulumi.StackReference` takes it. */
export const STACK_NAME = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;
const OUTPUT_NAME = /^[A-Za-z_$][\w$.-]*$/;

/** Checks a fully qualified stack name (`<org>/<project>/<stack>`); `key` names it in the error. */
export function validateStackName(key: string, name: unknown): string {
    if (typeof name !== "string" || !STACK_NAME.test(name)) {
        throw new InputError(key, `must be a fully qualified stack name <org>/<project>/<stack>, got ${show(name)}`);
    }
    return name;
}

/** `<org>/<project>/<stack>#<output>`, split; throws InputError(key, …) when it is not that shape. */
export function parseStackOutputRef(key: string, ref: unknown): { stack: string; output: string } {
    const rule = `must be "<org>/<project>/<stack>#<output>", got ${show(ref)}`;
    if (typeof ref !== "string") throw new InputError(key, rule);
    const hash = ref.indexOf("#");
    const stack = hash < 0 ? "" : ref.slice(0, hash);
    const output = hash < 0 ? "" : ref.slice(hash + 1);
    if (!STACK_NAME.test(stack) || !OUTPUT_NAME.test(output)) throw new InputError(key, rule);
    return { stack, output };
}

function typeOf(value: unknown): string {
    if (value === null) return "null";
    if (Array.isArray(value)) return "a list";
    if (typeof value === "object") return "an object";
    return `a ${typeof value}`;
}

function matches(kind: StackOutputKind, value: unknown): boolean {
    switch (kind) {
        case "string": return typeof value === "string";
        case "number": return typeof value === "number" && Number.isFinite(value);
        case "boolean": return typeof value === "boolean";
        case "string[]": return Array.isArray(value) && value.every((v) => typeof v === "string");
        case "list": return Array.isArray(value);
        case "object": return typeof value === "object" && value !== null && !Array.isArray(value);
    }
}

/**
 * Reads outputs of another stack, typed. `stack` is a fully qualified name (a StackReference of
 * that name is created: call this once per stack) or a StackReference you made. Every spec is
 * checked now; the values when the reference resolves. The message names `<stack>#<output>`, never
 * a value (it may be secret).
 */
export function stackOutputs<T extends Readonly<Record<string, StackOutputSpec>>>(
    stack: string | pulumi.StackReference, spec: T, opts?: pulumi.CustomResourceOptions,
): StackOutputs<T> {
    if (typeof stack === "string") validateStackName("stack", stack);
    const entries = Object.entries(spec);
    if (entries.length === 0) throw new InputError("spec", "names no output to read");
    const wanted = entries.map(([name, s]) => {
        const optional = typeof s === "string" && s.endsWith("?");
        const kind = (optional ? s.slice(0, -1) : s) as StackOutputKind;
        if (!OUTPUT_NAME.test(name)) throw new InputError(`spec.${name}`, "is not an output name");
        if (!KINDS.includes(kind)) {
            throw new InputError(`spec.${name}`, `must be one of ${KINDS.map((k) => `"${k}"`).join(", ")} (with "?" if optional), got ${show(s)}`);
        }
        return { name, kind, optional };
    });
    const ref = typeof stack === "string" ? new pulumi.StackReference(stack, { name: stack }, opts) : stack;
    // The names of the stack's outputs are not secret; reading them must not taint plain outputs.
    const names = pulumi.unsecret(ref.outputs).apply((os) => Object.keys(os ?? {}).sort());
    const out: Record<string, pulumi.Output<unknown>> = {};
    for (const { name, kind, optional } of wanted) {
        // getOutput keeps this output's own secretness (the engine's secretOutputNames).
        out[name] = pulumi.all([ref.getOutput(name), names, ref.name]).apply(([value, exported, sn]) => {
            const key = `${sn}#${name}`;
            if (!exported.includes(name) || value === undefined || value === null) {
                if (optional) return undefined;
                throw new InputError(key, `is not an output of the stack (its outputs: ${exported.join(", ") || "none"})`);
            }
            if (!matches(kind, value)) throw new InputError(key, `must be ${ARTICLE[kind]}, got ${typeOf(value)}`);
            return value;
        });
    }
    return out as unknown as StackOutputs<T>;
}
