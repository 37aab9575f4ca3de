/** Shared pieces of the markdown review report; each cloud adds a describer for its resource types. */
import { Sourced } from "../core";
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

export function why(entry: Sourced | undefined): string {
    return entry ? `${entry.feature}: ${entry.why} (source: ${entry.source})` : "no catalog entry (not granted by kubegrant's catalog)";
}
