/** Policy templates of the hand-written side: JSON kept next to the program, `{{var}}` filled per cluster. */
import { readFileSync } from "fs";
import { join } from "path";

export function loadTemplates(preset: string): Record<string, unknown> {
    return JSON.parse(readFileSync(join(__dirname, "templates", `${preset}.json`), "utf8")) as Record<string, unknown>;
}

/** `text` with every `{{name}}` replaced by `vars[name]`. */
export function fill(text: string, vars: Readonly<Record<string, string>>): string {
    return text.replace(/\{\{(\w+)\}\}/g, (_, n: string) => vars[n]);
}
