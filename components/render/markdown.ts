/** The `markdown` format: a review report, per resource, of what it grants, to whom, scoped how and why. */
import { Sourced, oneLine } from "../core";
import { SECRET_FRAGMENT } from "../core/errors";
import { CITATION, SEED_DOCUMENTS, citationUrl } from "../core/sources";
import { AWS_DESCRIBERS } from "./describe/aws";
import { GCP_DESCRIBERS } from "./describe/gcp";
import { AZURE_DESCRIBERS } from "./describe/azure";
import { KUBERNETES_DESCRIBERS } from "./describe/kubernetes";
import { ALICLOUD_DESCRIBERS } from "./describe/alicloud";
import { list, conditions, JsonStatement } from "./describe/aws";
import { PresetKey, keptSecret } from "../core/preset";
import { Describer, code, sourceText } from "./report";
import { kubegrantVersion } from "./package";
import { RenderedResource, Rendering } from "./run";

const DESCRIBERS: Readonly<Record<string, Describer>> = {
    ...AWS_DESCRIBERS,
    ...GCP_DESCRIBERS,
    ...AZURE_DESCRIBERS,
    ...KUBERNETES_DESCRIBERS,
    ...ALICLOUD_DESCRIBERS,
};

/** The explanations, recording every entry a describer looks up (the Sources), and those with a `risk`. */
class RiskRecorder extends Map<string, Sourced> {
    readonly risks = new Set<Sourced>();
    readonly used = new Set<Sourced>();
    override get(key: string): Sourced | undefined {
        const entry = super.get(key);
        if (entry) this.used.add(entry);
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

/** What the report's header states: the inputs the render was given (as `--set` takes them). */
export interface ReviewInputs {
    readonly keys: readonly PresetKey[];
    readonly values: Readonly<Record<string, unknown>>;
}

/** One shell word: as it is when plain, else in single quotes. */
function shellWord(text: string): string {
    return /^[\w@%+=:,./[\]-]+$/.test(text) ? text : `'${text.replace(/'/g, "'\\''")}'`;
}

/** A value as `--set` takes it: strings as they are, anything else as JSON. */
function setValue(v: unknown): string {
    return typeof v === "string" ? v : JSON.stringify(v);
}

/** Kind of resource in words, from its type token: `aws:iam/rolePolicy:RolePolicy` → `Role policy`. */
function kindOf(type: string): string {
    const last = type.split(":").pop() ?? type;
    const words = last.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/^I A M/, "IAM").replace(/\bI A M\b/g, "IAM");
    return words.charAt(0).toUpperCase() + words.slice(1).toLowerCase().replace(/\biam\b/g, "IAM");
}

/** Kinds whose type token reads badly in words. */
const KINDS: Readonly<Record<string, string>> = {
    "aws:iam/role:Role": "IAM role",
    "aws:iam/user:User": "IAM user",
    "aws:iam/policy:Policy": "Customer managed policy",
    "aws:iam/rolePolicy:RolePolicy": "Inline policy",
    "aws:iam/accessKey:AccessKey": "Access key",
    "aws:eks/podIdentityAssociation:PodIdentityAssociation": "EKS Pod Identity association",
    "alicloud:ram/role:Role": "RAM role",
    "alicloud:ram/policy:Policy": "RAM policy",
    "gcp:serviceaccount/account:Account": "Service account",
    "gcp:projects/iAMCustomRole:IAMCustomRole": "Custom role",
    "gcp:projects/service:Service": "Enabled API",
};

const AWS_MANAGED = /^arn:[\w-]+:iam::aws:policy\/(.+)$/;
const TRUST_KEYS = ["assumeRolePolicy", "assumeRolePolicyDocument"];

/** What a resource is, for its heading: by kind and cloud name, never by its hashed Pulumi name alone. */
function heading(res: RenderedResource): string {
    const i = res.inputs as Record<string, unknown> & { metadata?: { name?: string; namespace?: string } };
    if (res.type.endsWith("PolicyAttachment:RolePolicyAttachment") || res.type.endsWith("PolicyAttachment:UserPolicyAttachment")) {
        const arn = String(i.policyArn ?? i.policyName ?? "");
        const managed = AWS_MANAGED.exec(arn);
        const to = i.role !== undefined ? `role \`${String(i.role)}\`` : i.user !== undefined ? `user \`${String(i.user)}\`` : `role \`${String(i.roleName)}\``;
        return `${managed ? `AWS-managed policy \`${managed[1]}\`` : `Policy \`${arn.split("/").pop()}\``} attached to ${to}`;
    }
    if (res.type === "gcp:projects/iAMMember:IAMMember") return `IAM grant of \`${String(i.role)}\` on project \`${String(i.project)}\``;
    if (res.type === "gcp:serviceaccount/iAMMember:IAMMember") return `IAM grant of \`${String(i.role)}\` on service account \`${String(i.serviceAccountId).split("/").pop()}\``;
    if (res.type === "azure-native:authorization:RoleAssignment") return `Role assignment at \`${String(i.scope).split("/").slice(-2).join("/")}\``;
    if (res.type === "aws:eks/podIdentityAssociation:PodIdentityAssociation") return `EKS Pod Identity association of \`${String(i.namespace)}/${String(i.serviceAccount)}\``;
    if (i.metadata?.name !== undefined) return `${String(i.kind ?? kindOf(res.type))} \`${i.metadata.namespace ? `${i.metadata.namespace}/` : ""}${i.metadata.name}\``;
    const name = [i.name, i.roleName, i.policyName, i.roleId, i.accountId, i.resourceName, i.displayName, i.federatedIdentityCredentialResourceName, i.service]
        .find((x) => typeof x === "string" && x !== "");
    const kind = KINDS[res.type] ?? kindOf(res.type);
    if (res.type === "aws:iam/rolePolicy:RolePolicy" && name !== undefined) return `${kind} \`${String(name)}\` of role \`${String(i.role)}\``;
    return name !== undefined ? `${kind} \`${String(name)}\`` : `${kind} (${res.name})`;
}

/** Every policy statement a resource grants (its trust policy aside), with the policy's name. */
function grants(res: RenderedResource): JsonStatement[] {
    return Object.entries(res.inputs).filter(([k]) => !TRUST_KEYS.includes(k))
        .flatMap(([, v]) => ((v as { Statement?: unknown } | null)?.Statement instanceof Array ? (v as { Statement: JsonStatement[] }).Statement : []));
}

/** The summary a reviewer reads first: every `Resource: "*"` grant, AWS-managed policy, trust, and the Risks. */
function summary(r: Rendering, explanations: ReadonlyMap<string, Sourced>): string[] {
    const lines: string[] = [];
    const star = r.resources.flatMap((res) => grants(res).filter((st) => (st.Effect ?? "Allow") === "Allow" && list(st.Resource).includes("*"))
        .map((st) => {
            const e = st.Sid ? explanations.get(`sid:${st.Sid}`) : undefined;
            return `- ${heading(res)}${st.Sid ? `, statement \`${st.Sid}\`` : ""}: ${code(list(st.Action))}${st.Condition ? ` when ${conditions(st.Condition)}` : ""}${e ? ` (${e.feature})` : ""}`;
        }));
    lines.push("### Grants on every resource (`Resource: \"*\"`)", "", ...(star.length > 0 ? star : ["None."]), "");
    const managed = r.resources.flatMap((res) => {
        const m = AWS_MANAGED.exec(String(res.inputs.policyArn ?? ""));
        if (!m) return [];
        const e = explanations.get(`aws-managed:${m[1]}`);
        return [`- \`${m[1]}\` on ${res.inputs.role !== undefined ? `role \`${String(res.inputs.role)}\`` : `user \`${String(res.inputs.user)}\``}: ${e ? `${e.feature}: ${e.why}` : "no catalog entry"}`];
    });
    if (r.resources.some((res) => res.type.startsWith("aws:"))) lines.push("### AWS-managed policies attached", "", ...(managed.length > 0 ? managed : ["None."]), "");
    const trusts = r.resources.flatMap((res): string[] => {
        const key = TRUST_KEYS.find((k) => k in res.inputs);
        if (key !== undefined) {
            const doc = res.inputs[key] as { Statement?: JsonStatement[] } | string;
            if (typeof doc === "string") return [`- ${heading(res)}: its trust policy is secret (it holds a secret input): ${code(doc)}`];
            return (doc.Statement ?? []).map((st) => `- ${heading(res)}: ${Object.entries(st.Principal ?? {}).map(([t, ids]) => `${t} ${code(list(ids))}`).join(", ")} may ${code(list(st.Action))}, ${st.Condition ? `only when ${conditions(st.Condition)}` : "with no condition"}`);
        }
        if (res.type === "azure-native:managedidentity:FederatedIdentityCredential") {
            return [`- Managed identity \`${String(res.inputs.resourceName)}\`: tokens issued by \`${String(res.inputs.issuer)}\` with subject \`${String(res.inputs.subject)}\` and audience ${code(list(res.inputs.audiences as string[]))} sign in as it`];
        }
        if (res.type === "gcp:serviceaccount/iAMMember:IAMMember") {
            const c = res.inputs.condition as { expression?: string } | undefined;
            return [`- Service account \`${String(res.inputs.serviceAccountId).split("/").pop()}\`: \`${String(res.inputs.member)}\` holds \`${String(res.inputs.role)}\` on it, ${c?.expression ? `only when \`${c.expression}\`` : "with no condition"}`];
        }
        return [];
    });
    lines.push("### Trusts: who may assume each role or sign in as each identity, and under which condition", "", ...(trusts.length > 0 ? trusts : ["None: no cloud identity in this render (Kubernetes service accounts only)."]), "");
    return lines;
}

/** The Sources section: every seed document and repository file the report cites, once, with what it is and where. */
function sources(cited: readonly string[]): string[] {
    const seeds = new Set<string>();
    const files = new Map<string, string>();
    for (const text of cited) {
        for (const m of text.matchAll(/\bseed ([\w.-]+\.txt)/g)) seeds.add(m[1]);
        for (const m of text.matchAll(CITATION)) {
            files.set(`${m[1]} ${m[2]}`, `- [${m[1]} ${m[2]}](${citationUrl(m[1], m[2], m[4])}) at ${m[3] ? `${m[3]} ` : ""}commit \`${m[4]}\``);
        }
    }
    return [
        ...[...seeds].sort().map((s) => `- seed \`${s}\`: ${SEED_DOCUMENTS[s] ?? "a vendor document"}, copied as text into kubegrant's seed documents`),
        ...[...files.keys()].sort().map((k) => files.get(k)!),
    ];
}

export function toMarkdown(rendering: Rendering, title: string, allExplanations: ReadonlyMap<string, Sourced>, inputs?: ReviewInputs): string {
    // Inputs reach the report through names, parents, inputs and outputs: escaped once, here.
    const r = inertAll(rendering) as Rendering;
    const explanations = new RiskRecorder(allExplanations);
    const risks = explanations.risks;
    const version = kubegrantVersion();
    const components = r.resources.filter((x) => x.type.startsWith("kubegrant:"));
    const custom = r.resources.filter((x) => !x.type.startsWith("kubegrant:"));
    // The resources first (their describers look up the catalog entries the summary, Risks and Sources list).
    const body: string[] = [];
    for (const res of custom) {
        body.push("", `### ${heading(res)}`, "", `Pulumi resource \`${res.name}\` (${res.type})${res.parent ? `, part of \`${res.parent}\`` : ""}.`, "");
        const describe = DESCRIBERS[res.type];
        if (describe) body.push(...describe(res, { all: r.resources, explanations }));
        else body.push("```json", JSON.stringify(res.inputs, null, 2), "```");
    }
    const secrets = inputs ? inputs.keys.filter((k) => k.name in inputs.values && keptSecret(k, inputs.values[k.name]) !== inputs.values[k.name]) : [];
    const shown = (k: PresetKey) => secrets.includes(k) ? "[secret]" : setValue(inputs!.values[k.name]);
    const set = inputs ? inputs.keys.filter((k) => inputs.values[k.name] !== undefined) : [];
    const command = ["kubegrant", "render", r.preset, "--format", "markdown", ...set.flatMap((k) => ["--set", shellWord(`${k.name}=${shown(k)}`)])].join(" ");
    const lines: string[] = [
        `# kubegrant review: ${title} (\`${r.preset}\`)`,
        "",
        `Rendered by kubegrant ${version}, preset \`${r.preset}\`: ${custom.length} resources in ${components.length} components (${code([...new Set(components.map((c) => c.type.split(":").pop()))])}).`
        + (inputs ? " To reproduce it (secret inputs are shown as `[secret]`: give them as you did):" : ""),
    ];
    if (inputs) {
        lines.push("", `\`${inert(command)}\``, "", "| Input | Value |", "| --- | --- |",
            ...set.map((k) => `| \`${k.name}\` | \`${inert(shown(k))}\` |`),
            "", `Every other key has its default (docs/components/${r.preset}.md, Arguments; \`kubegrant render ${r.preset} --help\`).`);
    }
    lines.push("", "## Summary", "", ...summary(r, explanations));
    // What a reviewer must weigh first: every grant of this render that holds a known escalation path (opt-ins only).
    lines.push("## Risks", "");
    if (risks.size === 0) lines.push("None: no grant of this render holds a known escalation path (every such grant is an opt-in, none is set).");
    for (const e of risks) lines.push(`- **${e.feature}**: ${e.risk} (source: ${sourceText(e.source)})`);
    lines.push("", "## Outputs", "",
        ...Object.entries(r.outputs).map(([k, v]) => `- \`${k}\`: ${code(typeof v === "string" ? v : JSON.stringify(v))}`),
        "", "## Resources", ...body);
    const cited = sources([...explanations.used].map((e) => e.source));
    if (cited.length > 0) lines.push("", "## Sources", "", "Every source the explanations above cite, with the commit they were read at:", "", ...cited);
    const text = `${lines.join("\n")}\n`;
    // No secret input anywhere in the report, whatever carried it (the render redacts the resources' inputs already).
    return secrets.map((k) => setValue(inputs!.values[k.name])).filter((v) => v.length >= SECRET_FRAGMENT)
        .reduce((t, v) => t.split(v).join("[secret]"), text);
}
