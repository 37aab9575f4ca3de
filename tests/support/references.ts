/**
 * The user documentation the docs tests read: README.md, a preset's component reference
 * (docs/components/<preset>.md) and a guide (docs/guides/<name>.md).
 */
import * as assert from "assert";
import { readFileSync } from "fs";
import { join } from "path";

export const ROOT = join(__dirname, "..", "..");

export const readme = (): string => readFileSync(join(ROOT, "README.md"), "utf8");
/** The file of a preset's component reference. */
export const referenceFile = (preset: string): string => join(ROOT, "docs", "components", `${preset}.md`);
export const reference = (preset: string): string => readFileSync(referenceFile(preset), "utf8");
export const guide = (name: string): string => readFileSync(join(ROOT, "docs", "guides", `${name}.md`), "utf8");

/**
 * The table between `<!-- kubegrant:<kind> -->` and `<!-- /kubegrant:<kind> -->` (the markers
 * the generated tables replace): its lines, header and separator included.
 */
export function markedTable(text: string, kind: "arguments" | "outputs"): string[] {
    const open = `<!-- kubegrant:${kind} -->`;
    const close = `<!-- /kubegrant:${kind} -->`;
    const start = text.indexOf(open);
    assert.ok(start >= 0 && text.indexOf(open, start + 1) < 0, `one ${open}`);
    const end = text.indexOf(close, start);
    assert.ok(end > start, `${close} after ${open}`);
    const lines = text.slice(start + open.length, end).split("\n").filter((l) => l.trim() !== "");
    assert.ok(lines.length >= 3 && lines.every((l) => l.startsWith("|")), `${kind}: only a table between the markers`);
    return lines;
}
