/** The `markdown` format: a review report, per resource, of what it grants, to whom, scoped how and why. */
import { Sourced } from "../core";
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

export function toMarkdown(r: Rendering, title: string, allExplanations: ReadonlyMap<string, Sourced>): string {
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
