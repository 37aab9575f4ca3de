/**
 * Markdown describers for the GCP resources kubegrant creates. Explanation keys a preset provides:
 * `gcp-permission:<permission>`, `gcp-project-role:<role>` (and `gcp-project-role:<role> unconditional`, used for
 * a grant without condition when given), `gcp-account-role:<role>`, `gcp-api:<service>`.
 */
import { Describer, ReportContext, code, groupedRows, why } from "../report";
import { RenderedResource } from "../run";
import { IamCondition } from "../../gcp/condition";

function condition(c: unknown): string {
    if (!c) return "none (unconditional)";
    const { title, description, expression } = c as IamCondition;
    return `**${title}** (${description}): \`${expression}\``;
}

function roleWhy(r: RenderedResource, ctx: ReportContext, scope: "project" | "account"): string {
    const role = String(r.inputs.role);
    if (/^projects\/[^/]+\/roles\//.test(role)) return "custom role: its permissions, each with why, are listed with the role.";
    // A preset may explain (and flag as a risk) the unconditional grant of a role apart from its conditioned one.
    const unconditional = r.inputs.condition ? undefined : ctx.explanations.get(`gcp-${scope}-role:${role} unconditional`);
    return why(unconditional ?? ctx.explanations.get(`gcp-${scope}-role:${role}`));
}

const account: Describer = (r) =>
    [`Service account \`${r.inputs.accountId}\` in project \`${r.inputs.project}\`${r.inputs.description ? ` (${r.inputs.description})` : ""}. It holds only what the bindings below grant.`];

const customRole: Describer = (r, ctx) => {
    const perms = (r.inputs.permissions as string[] | undefined) ?? [];
    const lines = [
        `Custom role \`${r.inputs.roleId}\` in project \`${r.inputs.project}\` ("${r.inputs.title}"), ${perms.length} permissions, stage ${r.inputs.stage}:`, "",
        "| Permissions | Why |", "| --- | --- |",
        ...groupedRows(perms, (p) => ctx.explanations.get(`gcp-permission:${p}`)),
    ];
    return lines;
};

const projectMember: Describer = (r, ctx) => [
    `Grants \`${r.inputs.role}\` on project \`${r.inputs.project}\` to \`${r.inputs.member}\` (non-authoritative: other members of the role are untouched).`, "",
    `- Condition: ${condition(r.inputs.condition)}`,
    `- Why: ${roleWhy(r, ctx, "project")}`,
];

const accountMember: Describer = (r, ctx) => [
    `Grants \`${r.inputs.role}\` on service account \`${r.inputs.serviceAccountId}\` (only that account) to \`${r.inputs.member}\` (non-authoritative).`, "",
    `- Condition: ${condition(r.inputs.condition)}`,
    `- Why: ${roleWhy(r, ctx, "account")}`,
];

const service: Describer = (r, ctx) => [
    `Enables API \`${r.inputs.service}\` in project \`${r.inputs.project}\`; destroying the stack leaves it enabled (disableOnDestroy ${code(r.inputs.disableOnDestroy)}). Why: ${why(ctx.explanations.get(`gcp-api:${r.inputs.service}`))}`,
];

const key: Describer = (r) =>
    [`One key of service account \`${r.inputs.serviceAccountId}\`. Its private key is only a secret output (never printed); whoever holds it acts as the account until the key is deleted.`];

export const GCP_DESCRIBERS: Readonly<Record<string, Describer>> = {
    "gcp:serviceaccount/account:Account": account,
    "gcp:projects/iAMCustomRole:IAMCustomRole": customRole,
    "gcp:projects/iAMMember:IAMMember": projectMember,
    "gcp:serviceaccount/iAMMember:IAMMember": accountMember,
    "gcp:projects/service:Service": service,
    "gcp:serviceaccount/key:Key": key,
};
