/**
 * The component references' Arguments and Outputs tables are generated from each component's
 * spec (components/core/spec.ts); tests/spec.test.ts checks that the docs hold them as generated.
 *
 *   npm run --silent docs:components     # rewrite the tables
 */
import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { argumentsTable, outputsTable } from "../../components/core/spec";
import { loadPreset, presetNames } from "../../components/render/preset";

const README = join(__dirname, "..", "..", "README.md");

/** The README sections, split at `## ` headings. */
function sections(text: string): string[] {
    return text.split(/\n(?=## )/);
}

/** Whether a section is the reference of `preset` (its heading, or a line under it, names the preset). */
function isReferenceOf(section: string, preset: string): boolean {
    return section.split("\n").slice(0, 3).join("\n").includes(`preset \`${preset}\``);
}

/** The reference of one preset's component as users read it. */
export function presetReference(preset: string): string {
    const found = sections(readFileSync(README, "utf8")).filter((s) => isReferenceOf(s, preset));
    if (found.length !== 1) throw new Error(`${preset}: ${found.length} README sections name it`);
    return found[0];
}

/** `section` with the table whose header line starts with `header` replaced by `table`. */
function replaceTable(section: string, header: string, table: string, what: string): string {
    const lines = section.split("\n");
    const start = lines.findIndex((l) => l.startsWith(header));
    if (start < 0) throw new Error(`no ${what} table`);
    let end = start;
    while (end < lines.length && lines[end].startsWith("|")) end++;
    return [...lines.slice(0, start), table, ...lines.slice(end)].join("\n");
}

/** Rewrites every preset's tables from its spec. */
export function writeTables(): void {
    const parts = sections(readFileSync(README, "utf8"));
    for (const name of presetNames()) {
        const { spec } = loadPreset(name);
        if (spec === undefined) continue;
        const i = parts.findIndex((s) => isReferenceOf(s, name));
        parts[i] = replaceTable(parts[i], "| Argument |", argumentsTable(spec.args), `${name} Arguments`);
        parts[i] = replaceTable(parts[i], "| Output |", outputsTable(spec.outputs), `${name} Outputs`);
    }
    writeFileSync(README, parts.join("\n"));
}

if (require.main === module) writeTables();
