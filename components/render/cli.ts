#!/usr/bin/env node
/**
 * kubegrant render <preset> [--set key=value]... [--format json|yaml|markdown]
 * kubegrant diff <before.json> <after.json> | --from <before.json> <preset> [--set key=value]...
 *     [--format text|markdown|json] [--fail-on risk]
 * kubegrant --version
 *
 * render: 0 rendered; 2 bad input (one line on stderr naming the key and the rule, nothing on
 * stdout); 1 anything else (a bug: please report it).
 * diff: 0 no change (with --fail-on risk: no risky addition); 1 changes (risky additions); 2 bad
 * input, as for render; 3 a bug.
 */
import { InputError, show } from "../core";
import { readFileSync } from "fs";
import { parseArgs as nodeParseArgs } from "util";
import { Preset, parseSettings } from "../core/preset";
import { loadPreset, presetNames } from "./preset";
import { DIFF_FORMATS, DiffFormat, asRendering, diffRenderings, formatDiff } from "./diff";
import type { Rendering } from "./run";
import { kubegrantVersion } from "./package";
import { defaultText } from "../core/spec";

const FORMATS = ["json", "yaml", "markdown"] as const;
type Format = typeof FORMATS[number];

const COMMANDS = ["render", "diff"] as const;
const RENDER_USAGE = "usage: kubegrant render <preset> [--set key=value]... [--format json|yaml|markdown]";
const DIFF_USAGE = [
    "       kubegrant diff <before.json> <after.json> [--format text|markdown|json] [--fail-on risk]",
    "       kubegrant diff --from <before.json> <preset> [--set key=value]... [--format text|markdown|json] [--fail-on risk]",
    "       kubegrant --version",
].join("\n");
const USAGE = `${RENDER_USAGE}\n${DIFF_USAGE}\npresets: ${presetNames().join(", ")}`;

/** Markdown of a spec's text as a terminal shows it: no backticks, no table escapes. */
function plain(markdown: string): string {
    return markdown.replace(/`/g, "").replace(/\\\|/g, "|");
}

/** `kubegrant render <preset> --help`: the preset's keys with type, default and meaning, one per line, from the component's spec. */
export function presetHelp(preset: Preset): string {
    const width = Math.max(...preset.keys.map((k) => k.name.length));
    const lines = preset.keys.map((k) => {
        const when = k.required ? "required" : `default: ${plain(defaultText(k))}`;
        // A choice shows its values ("managed|minimal|none") where another key shows its type.
        const type = k.choices ? k.choices.join("|") : k.type;
        return `  ${k.name.padEnd(width)}  ${type}${k.secret ? " (secret)" : ""}; ${when}. ${plain(k.doc)}`;
    });
    return [
        `usage: kubegrant render ${preset.name} [--set key=value]... [--format json|yaml|markdown]`,
        `${preset.title}. Keys (lists and objects as JSON):`,
        ...lines,
    ].join("\n");
}

interface Command {
    readonly preset: string;
    readonly sets: string[];
    readonly format: Format;
}

/** What `--help` asks for: the usage, or one preset's keys. */
type Help = "help" | { readonly help: string };

/** One option of a command: what it takes (a value, or nothing). */
export interface OptionSpec {
    readonly type: "string" | "boolean";
    readonly short?: string;
}

/** An argument as the command sees it, in the order given. */
export type Arg =
    | { readonly kind: "option"; readonly name: string; readonly value: string | undefined }
    | { readonly kind: "positional"; readonly value: string };

/**
 * Reads a command's arguments with Node's util.parseArgs and hands each to `each` in the order
 * given, so the first bad argument is the one named, with its one-line rule. parseArgs runs
 * non-strict (it decides how to split, not what is allowed): an option that takes a value takes
 * the next argument whatever it is (`--set --format` sets "--format", which `--set`'s own rule then
 * refuses); an unknown option, an option terminator `--`, a lone `-`, or a value given to an option
 * that takes none is named as the user wrote it.
 */
export function walkArgs(command: string, argv: readonly string[], options: Readonly<Record<string, OptionSpec>>, each: (arg: Arg) => void): void {
    const { tokens } = nodeParseArgs({ args: [...argv], options: { ...options }, strict: false, allowPositionals: true, tokens: true });
    const known = Object.entries(options).filter(([, o]) => o.type === "string").map(([n]) => `--${n}`).join(", ");
    for (const t of tokens) {
        const spec = t.kind === "option" && Object.hasOwn(options, t.name) ? options[t.name] : undefined;
        if (t.kind === "positional" && !t.value.startsWith("-")) {
            each({ kind: "positional", value: t.value });
        } else if (t.kind !== "option" || !spec || (spec.type === "boolean" && t.inlineValue)) {
            throw new InputError(argv[t.index], `is not an option of ${command} (options: ${known})`);
        } else if (spec.type === "string" && t.value === undefined) {
            throw new InputError(`--${t.name}`, "needs a value");
        } else {
            each({ kind: "option", name: t.name, value: t.value });
        }
    }
}

/** `--format`'s value, checked against `formats`; given twice is an error. */
function formatOf<F extends string>(formats: readonly F[], before: F | undefined, f: string): F {
    if (!(formats as readonly string[]).includes(f)) throw new InputError("--format", `must be one of ${formats.join(", ")}, got ${show(f)}`);
    if (before !== undefined) throw new InputError("--format", `is given twice (${show(before)} and ${show(f)})`);
    return f as F;
}

const RENDER_OPTIONS: Readonly<Record<string, OptionSpec>> = {
    set: { type: "string" },
    format: { type: "string" },
    help: { type: "boolean", short: "h" },
};

const FAIL_ON = ["change", "risk"] as const;

interface DiffCommand {
    readonly diff: true;
    /** Two render files, or one (`--from`) and a preset rendered now with `sets`. */
    readonly files: readonly string[];
    readonly preset?: string;
    readonly sets: readonly string[];
    readonly format: DiffFormat;
    readonly failOn: typeof FAIL_ON[number];
}

const DIFF_OPTIONS: Readonly<Record<string, OptionSpec>> = {
    from: { type: "string" },
    set: { type: "string" },
    format: { type: "string" },
    "fail-on": { type: "string" },
    help: { type: "boolean", short: "h" },
};

function parseDiffArgs(argv: readonly string[]): DiffCommand | "help" {
    let help = false;
    let from: string | undefined;
    let format: DiffFormat | undefined;
    let failOn: typeof FAIL_ON[number] | undefined;
    const sets: string[] = [];
    const positionals: string[] = [];
    walkArgs("diff", argv, DIFF_OPTIONS, (arg) => {
        if (arg.kind === "positional") positionals.push(arg.value);
        else if (arg.name === "set") sets.push(arg.value!);
        else if (arg.name === "format") format = formatOf(DIFF_FORMATS, format, arg.value!);
        else if (arg.name === "fail-on") {
            if (!(FAIL_ON as readonly string[]).includes(arg.value!)) throw new InputError("--fail-on", `must be one of ${FAIL_ON.join(", ")}, got ${show(arg.value)}`);
            if (failOn !== undefined) throw new InputError("--fail-on", `is given twice (${show(failOn)} and ${show(arg.value)})`);
            failOn = arg.value as typeof FAIL_ON[number];
        } else if (arg.name === "help") help = true;
        else {
            if (from !== undefined) throw new InputError("--from", `is given twice (${show(from)} and ${show(arg.value)})`);
            from = arg.value;
        }
    });
    if (help) return "help";
    const common = { sets, format: format ?? "text", failOn: failOn ?? "change", diff: true } as const;
    if (from !== undefined) {
        if (positionals.length !== 1) throw new InputError("preset", `diff --from <before.json> takes one preset to render now, got ${positionals.length} (${positionals.map(show).join(", ") || "none"})`);
        return { ...common, files: [from], preset: positionals[0] };
    }
    if (sets.length > 0) throw new InputError("--set", "is for diff --from <before.json> <preset> (two render files take no --set)");
    if (positionals.length !== 2) throw new InputError("diff", `takes two render files (<before.json> <after.json>) or --from <before.json> <preset>, got ${positionals.length} argument${positionals.length === 1 ? "" : "s"}`);
    return { ...common, files: positionals };
}

/** A render's JSON output read from `file`; an unreadable or malformed file is an InputError naming it. */
function readRendering(file: string): Rendering {
    let text: string;
    try {
        text = readFileSync(file, "utf8");
    } catch (e) {
        throw new InputError(file, `cannot be read (${(e as NodeJS.ErrnoException).code ?? "error"})`);
    }
    let value: unknown;
    try {
        value = JSON.parse(text);
    } catch {
        throw new InputError(file, "is not JSON (write it with kubegrant render <preset> --format json)");
    }
    return asRendering(value, file);
}

/** `kubegrant diff`: 0 no change (or, with --fail-on risk, no risky addition), 1 changes, 2 bad input. */
async function runDiff(cmd: DiffCommand, out: (s: string) => void): Promise<number> {
    const before = readRendering(cmd.files[0]);
    let after: Rendering;
    let preset: Preset;
    if (cmd.preset !== undefined) {
        preset = loadPreset(cmd.preset);
        if (before.preset !== preset.name) {
            throw new InputError("diff", `compares two renders of one preset, got ${show(before.preset)} (${cmd.files[0]}) and ${show(preset.name)}`);
        }
        const values = parseSettings(preset, cmd.sets);
        const { render } = await import("./run");
        // Through JSON, as a file would be: the same comparison whichever way the render came.
        after = JSON.parse(JSON.stringify(await render(preset, values))) as Rendering;
    } else {
        after = readRendering(cmd.files[1]);
        if (before.preset !== after.preset) {
            throw new InputError("diff", `compares two renders of one preset, got ${show(before.preset)} (${cmd.files[0]}) and ${show(after.preset)} (${cmd.files[1]})`);
        }
        preset = loadPreset(after.preset);
    }
    const d = diffRenderings(before, after, preset.explanations);
    out(formatDiff(d, cmd.format, preset.title));
    if (cmd.failOn === "risk") return d.risky > 0 ? 1 : 0;
    return d.resources.length > 0 ? 1 : 0;
}

export function parseArgs(argv: readonly string[]): Command | Help | DiffCommand | "version" {
    if (argv.length === 0) throw new InputError("command", `is required; ${RENDER_USAGE} (presets: ${presetNames().join(", ")})`);
    if (argv[0] === "--help" || argv[0] === "-h" || argv[0] === "help") return "help";
    if (argv[0] === "--version") return "version";
    if (argv[0] === "diff") return parseDiffArgs(argv.slice(1));
    if (argv[0] !== "render") throw new InputError("command", `unknown command ${show(argv[0])} (known: ${COMMANDS.join(", ")})`);
    let preset: string | undefined;
    let format: Format | undefined;
    let help = false;
    const sets: string[] = [];
    walkArgs("render", argv.slice(1), RENDER_OPTIONS, (arg) => {
        if (arg.kind === "positional") {
            if (preset !== undefined) throw new InputError("preset", `given twice (${show(preset)} and ${show(arg.value)})`);
            preset = arg.value;
        } else if (arg.name === "set") sets.push(arg.value!);
        else if (arg.name === "format") format = formatOf(FORMATS, format, arg.value!);
        else help = true;
    });
    if (help) return preset === undefined ? "help" : { help: preset };
    if (preset === undefined) throw new InputError("preset", `is required (known: ${presetNames().join(", ")})`);
    return { preset, sets, format: format ?? "json" };
}

export async function main(argv: readonly string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
    try {
        const cmd = parseArgs(argv);
        if (cmd === "version") {
            const version = kubegrantVersion();
            if (version === "unknown") throw new Error("kubegrant's package.json is not found above the CLI");
            out(`${version}\n`);
            return 0;
        }
        if (typeof cmd === "object" && "diff" in cmd) return await runDiff(cmd, out);
        if (cmd === "help") {
            out(`${USAGE}\n`);
            return 0;
        }
        if ("help" in cmd) {
            out(`${presetHelp(loadPreset(cmd.help))}\n`);
            return 0;
        }
        const preset = loadPreset(cmd.preset);
        const values = parseSettings(preset, cmd.sets);
        // Loaded after parsing, so `--help` and bad arguments never start the Pulumi runtime.
        const { render } = await import("./run");
        const rendering = await render(preset, values);
        if (cmd.format === "json") {
            out(`${JSON.stringify(rendering, null, 2)}\n`);
        } else if (cmd.format === "yaml") {
            const { toYaml } = await import("./yaml");
            out(toYaml(rendering));
        } else {
            const { toMarkdown } = await import("./markdown");
            out(toMarkdown(rendering, preset.title, preset.explanations, { keys: preset.keys, values }));
        }
        return 0;
    } catch (e) {
        if (InputError.isInstance(e)) {
            err(`kubegrant: ${e.message}\n`);
            return 2;
        }
        err(internalError(e));
        return bugExit(argv);
    }
}

/** The exit status of a bug: 3 for diff, whose 1 means "changes" (a bug must not read as one); 1 for render. */
function bugExit(argv: readonly string[]): number {
    return argv[0] === "diff" ? 3 : 1;
}

function internalError(e: unknown): string {
    return `kubegrant: internal error: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`;
}

if (require.main === module) {
    // An input that resolves invalid (a secret key is an Output) rejects every Output built from it;
    // main reports the InputError once, as one line. Any other stray rejection is a bug (bugExit),
    // and main's own status never lowers it: a bug never reads as success or as "changes".
    const argv = process.argv.slice(2);
    process.on("unhandledRejection", (e) => {
        if (InputError.isInstance(e)) return;
        process.stderr.write(internalError(e));
        process.exitCode = bugExit(argv);
    });
    void main(argv, (s) => process.stdout.write(s), (s) => process.stderr.write(s))
        .then((code) => { process.exitCode = Math.max(Number(process.exitCode ?? 0), code); });
}
