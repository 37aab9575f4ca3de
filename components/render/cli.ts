#!/usr/bin/env node
/**
 * kubegrant render <preset> [--set key=value]... [--format json|yaml|markdown]
 *
 * Exit codes: 0 rendered; 2 bad input (one line on stderr naming the key and the rule, nothing on
 * stdout); 1 anything else (a bug: please report it).
 */
import { InputError, show } from "../core";
import { existsSync, readFileSync } from "fs";
import { dirname, join } from "path";
import { Preset, loadPreset, parseSettings, presetNames } from "./preset";

const FORMATS = ["json", "yaml", "markdown"] as const;
type Format = typeof FORMATS[number];

const USAGE = `usage: kubegrant render <preset> [--set key=value]... [--format json|yaml|markdown]
presets: ${presetNames().join(", ")}`;

/** The package's README (shipped with it): the one place each key's default is written down. */
function readme(): string {
    for (let dir = __dirname; dirname(dir) !== dir; dir = dirname(dir)) {
        const file = join(dir, "README.md");
        if (existsSync(join(dir, "package.json")) && existsSync(file)) return readFileSync(file, "utf8");
    }
    return "";
}

/** The Default column of the README's argument table in `preset`'s section: key → default. */
function documentedDefaults(preset: string, text: string): Map<string, string> {
    const sections = text.split(/\n(?=## )/);
    const section = sections.find((s) => s.split("\n")[0].includes(`preset \`${preset}\``))
        ?? sections.find((s) => s.includes(`preset \`${preset}\``)) ?? "";
    const cells = (line: string) => line.replace(/^\|/, "").replace(/\|\s*$/, "").split(/(?<!\\)\|/).map((c) => c.trim());
    const defaults = new Map<string, string>();
    let column = -1;
    for (const line of section.split("\n")) {
        if (line.startsWith("| Argument |")) column = cells(line).indexOf("Default");
        else if (!line.startsWith("|")) column = -1;
        const m = /^\| `(\w+)` \|/.exec(line);
        if (m && column > 0 && !defaults.has(m[1])) defaults.set(m[1], (cells(line)[column] ?? "").replace(/`/g, ""));
    }
    return defaults;
}

/** `kubegrant render <preset> --help`: the preset's keys with type, default and meaning, one per line. */
export function presetHelp(preset: Preset, text = readme()): string {
    const documented = documentedDefaults(preset.name, text);
    const width = Math.max(...preset.keys.map((k) => k.name.length));
    const lines = preset.keys.map((k) => {
        const when = k.required ? "required" : `default: ${documented.get(k.name) || "none"}`;
        return `  ${k.name.padEnd(width)}  ${k.type}${k.secret ? " (secret)" : ""}; ${when}. ${k.description}`;
    });
    return [
        `usage: kubegrant render ${preset.name} [--set key=value]... [--format json|yaml|markdown]`,
        `${preset.title}. Keys (lists and objects as JSON; defaults as the README documents them):`,
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

export function parseArgs(argv: readonly string[]): Command | Help {
    if (argv.length === 0) throw new InputError("command", `is required; ${USAGE.replace("\npresets: ", " (presets: ")})`);
    if (argv[0] === "--help" || argv[0] === "-h" || argv[0] === "help") return "help";
    if (argv[0] !== "render") throw new InputError("command", `unknown command ${show(argv[0])} (known: render)`);
    let preset: string | undefined;
    let format: Format | undefined;
    let help = false;
    const sets: string[] = [];
    for (let i = 1; i < argv.length; i++) {
        const arg = argv[i];
        const value = (flag: string) => {
            if (i + 1 >= argv.length) throw new InputError(flag, "needs a value");
            return argv[++i];
        };
        if (arg === "--set") sets.push(value("--set"));
        else if (arg.startsWith("--set=")) sets.push(arg.slice(6));
        else if (arg === "--format" || arg.startsWith("--format=")) {
            const f = arg === "--format" ? value("--format") : arg.slice(9);
            if (!(FORMATS as readonly string[]).includes(f)) {
                throw new InputError("--format", `must be one of ${FORMATS.join(", ")}, got ${show(f)}`);
            }
            if (format !== undefined) throw new InputError("--format", `is given twice (${show(format)} and ${show(f)})`);
            format = f as Format;
        } else if (arg === "--help" || arg === "-h") help = true;
        else if (arg.startsWith("-")) throw new InputError(arg, "is not an option of render (options: --set, --format)");
        else if (preset === undefined) preset = arg;
        else throw new InputError("preset", `given twice (${show(preset)} and ${show(arg)})`);
    }
    if (help) return preset === undefined ? "help" : { help: preset };
    if (preset === undefined) throw new InputError("preset", `is required (known: ${presetNames().join(", ")})`);
    return { preset, sets, format: format ?? "json" };
}

export async function main(argv: readonly string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
    try {
        const cmd = parseArgs(argv);
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
        err(`kubegrant: internal error: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
        return 1;
    }
}

if (require.main === module) {
    // An input that resolves invalid (a secret key is an Output) rejects every Output built from it;
    // main reports the InputError once, as one line. Any other stray rejection is a bug: exit 1.
    process.on("unhandledRejection", (e) => {
        if (InputError.isInstance(e)) return;
        process.stderr.write(`kubegrant: internal error: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
        process.exitCode = 1;
    });
    void main(process.argv.slice(2), (s) => process.stdout.write(s), (s) => process.stderr.write(s))
        .then((code) => { process.exitCode = code; });
}
