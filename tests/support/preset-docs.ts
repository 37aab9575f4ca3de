/**
 * The component references' Arguments and Outputs tables (docs/components/<preset>.md, between the
 * `kubegrant:arguments` and `kubegrant:outputs` markers) are generated from each component's spec
 * (components/core/spec.ts); tests/spec.test.ts checks that the files hold them as generated.
 *
 *   npm run --silent docs:components     # rewrite the tables
 */
import { writeFileSync } from "fs";
import { argumentsTable, outputsTable } from "../../components/core/spec";
import { loadPreset, presetNames } from "../../components/render/preset";
import { reference, referenceFile } from "./references";

/** `text` with what stands between the markers of `kind` replaced by `table` (one blank line each side). */
function replaceMarked(text: string, kind: "arguments" | "outputs", table: string, what: string): string {
    const open = `<!-- kubegrant:${kind} -->`;
    const close = `<!-- /kubegrant:${kind} -->`;
    const start = text.indexOf(open);
    const end = text.indexOf(close, start);
    if (start < 0 || end < 0 || text.indexOf(open, start + 1) >= 0) throw new Error(`${what}: needs exactly one ${open} … ${close}`);
    return `${text.slice(0, start + open.length)}\n\n${table}\n\n${text.slice(end)}`;
}

/** Rewrites every preset's tables from its spec. */
export function writeTables(): void {
    for (const name of presetNames()) {
        const { spec } = loadPreset(name);
        let text = reference(name);
        text = replaceMarked(text, "arguments", argumentsTable(spec.args), `${name} Arguments`);
        text = replaceMarked(text, "outputs", outputsTable(spec.outputs), `${name} Outputs`);
        writeFileSync(referenceFile(name), text);
    }
}

if (require.main === module) writeTables();
