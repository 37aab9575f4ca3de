/** The `markdown` format: a review report, per resource, of what it grants, to whom, scoped how and why. */
import { Sourced, oneLine } from "../core";
import { AWS_DESCRIBERS } from "../aws/report";
import { GCP_DESCRIBERS } from "../gcp/report";
import { AZURE_DESCRIBERS } from "../azure/report";
import { KUBERNETES_DESCRIBERS } from "../kubernetes/report";
import { ALICLOUD_DESCRIBERS } from "../alicloud/report";
import { Describer, code } from "./report";
import { Rendering } from "./run";

const DESCRIBERS: Readonly<Record<string, Describer>> = {
    ...AWS_DESCRIBERS,
    ...GCP_DESCRIBERS,
    ...AZURE_DESCRIBERS,
    ...KUBERNETES_DESCRIBERS,
    ...ALICLOUD_DESCRIBERS,
};

/** The explanations, recording every entry with a `risk` that a describer looks up. */
class RiskRecorder extends Map<string, Sourced> {
    readonly risks = new Set<Sourced>();
    override get(key: string): Sourced | undefined {
        const entry = super.get(key);
        if (entry?.risk) this.risks.add(entry);
        return entry;
    }
}

/**
 * A string from the rendering made inert in the report: every input-derived string lands in a code
 * span, a table cell or a sentence, so it must not end the line (a newline then `## …` would be a
 * heading a reviewer trusts), close a code span or fence (a backtick), or split a table cell (a
 * pipe), or open raw HTML outside a code span (`<!--` would hide the rest of the rendered report).
 * Line breaks and control characters are shown escaped (`\n`), a backtick as `ˋ` (U+02CB), a pipe
 * as `\|`, a `<` as `‹` (U+2039). The json format shows every value exactly.
 */
export function inert(text: string): string {
    return oneLine(text).replace(/`/g, "\u02cb").replace(/\|/g, "\\|").replace(/</g, "\u2039");
}

/** Every string of a value (keys too), made inert. */
function inertAll(value: unknown): unknown {
    if (typeof value === "string") return inert(value);
    if (Array.isArray(value)) return value.map(inertAll);
    if (typeof value === "object" && value !== null) {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [inert(k), inertAll(v)]));
    }
    return value;
}

export function toMarkdown(rendering: Rendering, title: string, allExplanations: ReadonlyMap<string, Sourced>): string {
    // Inputs reach the report through names, parents, inputs and outputs: escaped once, here.
    const r = inertAll(rendering) as Rendering;
    const explanations = new RiskRecorder(allExplanations);
    const risks = explanations.risks;
    const custom = r.resources.filter((x) => !x.type.startsWith("kubegrant:"));
    const lines: string[] = [
        `# kubegrant review: ${title} (\`${r.preset}\`)`,
        "",
        `${custom.length} resources in ${r.resources.length - custom.length} components. Every statement below names the vendor feature that needs it, why, and its source.`,
        "",
        "## Outputs",
        "",
        ...Object.entries(r.outputs).map(([k, v]) => `- \`${k}\`: ${code(typeof v === "string" ? v : JSON.stringify(v))}`),
        "",
        "## Resources",
    ];
    for (const res of r.resources) {
        lines.push("", `### \`${res.name}\` (${res.type})`, "");
        if (res.parent) lines.push(`Part of \`${res.parent}\`.`, "");
        const describe = DESCRIBERS[res.type];
        if (res.type.startsWith("kubegrant:")) {
            lines.push("Component: groups the resources below.");
        } else if (describe) {
            lines.push(...describe(res, { all: r.resources, explanations }));
        } else {
            lines.push("```json", JSON.stringify(res.inputs, null, 2), "```");
        }
    }
    // What a reviewer must weigh first: every grant of this render that holds a known escalation path (opt-ins only).
    lines.push("", "## Risks", "");
    if (risks.size === 0) lines.push("None: no grant of this render holds a known escalation path (every such grant is an opt-in, none is set).");
    for (const e of risks) lines.push(`- **${e.feature}**: ${e.risk} (source: ${e.source})`);
    return `${lines.join("\n")}\n`;
}
