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

/**
 * The explanations, recording every one a describer looks up that carries a `risk`: the report's
 * "Risks" section lists exactly the risky grants the rendered resources hold.
 */
function tracking(explanations: ReadonlyMap<string, Sourced>, risky: Map<Sourced, string>): ReadonlyMap<string, Sourced> {
    const tracked = new Map(explanations);
    tracked.get = (key: string) => {
        const e = explanations.get(key);
        if (e?.risk && !risky.has(e)) risky.set(e, key);
        return e;
    };
    return tracked;
}

export function toMarkdown(r: Rendering, title: string, allExplanations: ReadonlyMap<string, Sourced>): string {
    const risky = new Map<Sourced, string>();
    const explanations = tracking(allExplanations, risky);
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
    lines.push("", "## Risks", "");
    if (risky.size === 0) {
        lines.push("None: no grant marked as a risk (an opt-in holding a known escalation path) is on in this render.");
    } else {
        lines.push("Opt-ins that are on and hold a known escalation path; each is what the vendor feature needs, and none is a default:", "");
        for (const [e, key] of risky) lines.push(`- \`${key}\` (${e.feature}): ${e.risk}`);
    }
    return `${lines.join("\n")}\n`;
}
