/**
 * One declarative spec per component: each argument and each output written down once, with what
 * validation, the preset's keys, `kubegrant render <preset> --help` and the docs' tables need.
 *
 * The component's typed Args interface stays the public API (its TSDoc is what an editor shows);
 * `checkArgSpec<Args>()(SPEC)` makes the compiler hold the two together: the same names, the same
 * required ones, a kind per argument that fits its TypeScript type, and `output: true` exactly where
 * the argument may be an Output. Nothing reads source text to keep them in step.
 */
import { optionalBoolean, optionalChoice } from "./validate";

/** The kinds of value a preset key takes from `--set` or stack config. */
export type KeyType = "string" | "boolean" | "number" | "list" | "object";

/** One argument of a component. */
export interface ArgSpec {
    /** The kind of value: what `--set` parses and what the docs' Type column shows. */
    readonly type: KeyType;
    /** What the vendor uses it for: the docs' table and `--help` show it as written (markdown). */
    readonly doc: string;
    /** Without it the component refuses to start. */
    readonly required?: true;
    /**
     * The value the builder uses when the argument is left out (booleans, numbers, choices,
     * lists), read by the builder from here; the docs show it as JSON.
     */
    readonly default?: boolean | number | string | readonly string[];
    /** How the docs show a default the builder computes (markdown), e.g. `` `castai-eks-<clusterName[:53]>` `` or `none`. */
    readonly defaultText?: string;
    /** The values a string argument takes. */
    readonly choices?: readonly string[];
    /** May be an Output (e.g. read from another stack): a string input, `Input<string>`. */
    readonly output?: true;
    /** Kept secret in stack config, in outputs and in a render. */
    readonly secret?: true;
    /** The docs' Type column when the kind alone does not say it (objects): markdown without backticks. */
    readonly typeText?: string;
    /** False when the argument cannot come from `--set` or stack config (a provider resource). */
    readonly renderKey?: false;
}

/** One output of a component. */
export interface OutputSpec {
    /** What it is (markdown), as the docs' Outputs table shows it. */
    readonly doc: string;
    /** A stack output only when this argument is set (a default stack's outputs stay as they were). */
    readonly onlyWith?: string;
}

export type ArgSpecs = Readonly<Record<string, ArgSpec>>;
export type OutputSpecs = Readonly<Record<string, OutputSpec>>;

// ---- the compiler's check of a spec against the Args interface -------------------------------

type Defined<V> = Exclude<V, undefined>;
/** `true` when V accepts an Output of a string (a `pulumi.Input<string>`), checked structurally. */
type TakesOutput<V> = [Extract<Defined<V>, { apply: unknown }>] extends [never] ? false
    : [string] extends [Extract<Defined<V>, string>] ? true : false;
/** The kind a TypeScript type of an argument has. */
type KindOf<V> = [Defined<V>] extends [boolean] ? "boolean"
    : [Defined<V>] extends [number] ? "number"
    : [Defined<V>] extends [readonly unknown[]] ? "list"
    : [Extract<Defined<V>, string>] extends [never] ? "object"
    : "string";
type IsOptional<A, K extends keyof A> = object extends Pick<A, K> ? true : false;

/** What the spec of argument K of A must say. */
type SpecOf<A, K extends keyof A> = ArgSpec
    & { readonly type: KindOf<A[K]> }
    & (IsOptional<A, K> extends true ? { readonly required?: undefined } : { readonly required: true })
    & (TakesOutput<A[K]> extends true ? { readonly output: true } : { readonly output?: undefined });

/** A spec for every argument of A, and nothing else. */
export type ArgSpecsOf<A> = { readonly [K in keyof Required<A>]: SpecOf<A, K & keyof A> };

/**
 * Checks at compile time that `spec` describes exactly the arguments of `A` (no runtime cost):
 * `checkArgSpec<CastAiEksAccessArgs>()(CASTAI_EKS_ARGS)`.
 */
export function checkArgSpec<A>() {
    return <S extends ArgSpecsOf<A>>(spec: S & Record<Exclude<keyof S, keyof A>, never>): S => spec;
}

/** Checks at compile time that every output of `spec` is a property of component class `C`. */
export function checkOutputSpec<C>() {
    return <S extends OutputSpecs>(spec: S & Record<Exclude<keyof S, keyof C>, never>): S => spec;
}

// ---- what the rest of the code derives from a spec ------------------------------------------

/** Every argument name, for `rejectUnknownKeys`. */
export function argNames(spec: ArgSpecs): readonly string[] {
    return Object.keys(spec);
}

/** The arguments that may be Outputs (string inputs), for `planOnInputs` and `kubegrant:inputsFrom`. */
export function outputArgs<S extends ArgSpecs>(spec: S): readonly OutputArgOf<S>[] {
    return Object.keys(spec).filter((k) => spec[k].output === true) as OutputArgOf<S>[];
}

/** The names of a spec's arguments that may be Outputs. */
export type OutputArgOf<S extends ArgSpecs> = { [K in keyof S & string]: S[K] extends { readonly output: true } ? K : never }[keyof S & string];

/** The docs' Type column of an argument (markdown). */
export function typeText(arg: ArgSpec): string {
    if (arg.typeText !== undefined) return `\`${arg.typeText}\``;
    if (arg.choices !== undefined) return `\`${arg.choices.map((c) => JSON.stringify(c)).join(" \\| ")}\``;
    switch (arg.type) {
        case "string": return arg.output ? "`Input<string>`" : "`string`";
        case "list": return "`string[]`";
        case "object": return "`object`";
        default: return `\`${arg.type}\``;
    }
}

/** The docs' Default column of an argument (markdown). */
export function defaultText(arg: ArgSpec): string {
    if (arg.required) return "required";
    if (arg.defaultText !== undefined) return arg.defaultText;
    if (arg.default !== undefined) return `\`${JSON.stringify(arg.default)}\``;
    return "none";
}

/** A boolean argument, its default taken from the spec. */
export function readBoolean<S extends ArgSpecs>(spec: S, key: keyof S & string, value: unknown): boolean {
    const fallback = spec[key].default;
    if (typeof fallback !== "boolean") throw new Error(`spec of ${key}: no boolean default`);
    return optionalBoolean(key, value, fallback);
}

/** A choice argument, its choices and default taken from the spec. */
export function readChoice<T extends string, S extends ArgSpecs = ArgSpecs>(spec: S, key: keyof S & string, value: unknown): T {
    const { choices, default: fallback } = spec[key];
    if (choices === undefined || typeof fallback !== "string") throw new Error(`spec of ${key}: no choices or default`);
    return optionalChoice(key, value, choices as readonly T[], fallback as T);
}

/** The keys of the outputs a component has for these argument values (`onlyWith` ones only when set). */
export function outputNames(spec: OutputSpecs, values: Readonly<Record<string, unknown>>): string[] {
    return Object.keys(spec).filter((k) => spec[k].onlyWith === undefined || values[spec[k].onlyWith!] !== undefined);
}

/** The docs' Arguments table of a spec (markdown, one row per argument, in spec order). */
export function argumentsTable(spec: ArgSpecs): string {
    return [
        "| Argument | Type | Default | What the vendor uses it for |",
        "| --- | --- | --- | --- |",
        ...Object.entries(spec).map(([name, arg]) => `| \`${name}\` | ${typeText(arg)} | ${defaultText(arg)} | ${arg.doc} |`),
    ].join("\n");
}

/** The docs' Outputs table of a spec (markdown). */
export function outputsTable(spec: OutputSpecs): string {
    return [
        "| Output | What it is |",
        "| --- | --- |",
        ...Object.entries(spec).map(([name, out]) => `| \`${name}\` | ${out.doc} |`),
    ].join("\n");
}
