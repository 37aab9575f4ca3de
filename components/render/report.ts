/** Shared pieces of the markdown review report; each cloud adds a describer for its resource types. */
import { Sourced } from "../core";
import { CITATION, citationUrl } from "../core/sources";
import { RenderedResource } from "./run";

export interface ReportContext {
    readonly all: readonly RenderedResource[];
    readonly explanations: ReadonlyMap<string, Sourced>;
}

/** Markdown lines describing one resource: what it grants, to whom, scoped how, and why. */
export type Describer = (r: RenderedResource, ctx: ReportContext) => string[];

/** Escapes a table cell (a pipe escaped already, as markdown's `inert` leaves it, stays as it is). */
export function cell(text: string): string {
    return text.replace(/(?<!\\)\|/g, "\\|").replace(/\n/g, " ");
}

export function code(values: readonly unknown[] | unknown): string {
    const list = Array.isArray(values) ? values : [values];
    return list.map((v) => `\`${String(v)}\``).join(", ");
}

/** A catalog `source` as a reviewer reads it: each repository citation a link to the file at its commit. */
export function sourceText(source: string): string {
    return source.replace(CITATION, (all, repo: string, path: string, branch: string | undefined, commit: string) =>
        `[${repo} ${path}](${citationUrl(repo, path, commit)}) @ ${branch ? `${branch} ` : ""}${commit}`);
}

/**
 * Table rows `| item, item | why |`: items that share one catalog entry in one row (in order of first
 * appearance), so a reviewer reads each explanation once, not once per permission.
 */
export function groupedRows(items: readonly string[], entryOf: (item: string) => Sourced | undefined): string[] {
    const groups = new Map<Sourced | string, string[]>();
    for (const item of items) {
        const entry = entryOf(item);
        const key = entry ?? `none:${item}`;
        groups.set(key, [...(groups.get(key) ?? []), item]);
    }
    return [...groups].map(([key, group]) => `| ${cell(code(group))} | ${cell(why(typeof key === "string" ? undefined : key))} |`);
}

export function why(entry: Sourced | undefined): string {
    return entry ? `${entry.feature}: ${entry.why} (source: ${sourceText(entry.source)})` : "no catalog entry (not granted by kubegrant's catalog)";
}
