/** Markdown describers for the Alibaba Cloud RAM resources kubegrant creates. */
import { Describer, cell, code, why } from "../report";
import { JsonStatement, conditions, list } from "./aws";
import { ramActionsKey } from "../../alicloud/policy";

type RamJsonStatement = Omit<JsonStatement, "Sid">;

function statements(doc: unknown): RamJsonStatement[] {
    return ((doc as { Statement?: RamJsonStatement[] } | undefined)?.Statement) ?? [];
}

const role: Describer = (r) => {
    const lines = [`RAM role \`${r.inputs.roleName}\`${r.inputs.description ? ` (${r.inputs.description})` : ""}. Who may assume it:`, ""];
    for (const s of statements(r.inputs.assumeRolePolicyDocument)) {
        const who = Object.entries(s.Principal ?? {}).map(([t, ids]) => `${t} ${code(list(ids))}`).join(", ");
        lines.push(`- ${who}: ${code(list(s.Action))}, condition: ${conditions(s.Condition)}`);
    }
    return lines;
};

const policy: Describer = (r, ctx) => {
    const roles = ctx.all.filter((a) => a.type === "alicloud:ram/rolePolicyAttachment:RolePolicyAttachment"
        && a.inputs.policyName === r.inputs.policyName).map((a) => String(a.inputs.roleName));
    const lines = [`Custom RAM policy \`${r.inputs.policyName}\`, attached to ${roles.length ? `role ${code(roles)}` : "nothing"}. It grants:`, "",
        "| Actions | Resources | Conditions | Why |",
        "| --- | --- | --- | --- |"];
    for (const s of statements(r.inputs.policyDocument)) {
        lines.push(`| ${cell(code(list(s.Action)))} | ${cell(code(list(s.Resource)))} | ${cell(conditions(s.Condition))} | ${cell(why(ctx.explanations.get(ramActionsKey(list(s.Action)))))} |`);
    }
    return lines;
};

const attachment: Describer = (r) =>
    [`Attaches the ${r.inputs.policyType} policy \`${r.inputs.policyName}\` to RAM role \`${r.inputs.roleName}\` (its statements are listed with the policy).`];

export const ALICLOUD_DESCRIBERS: Readonly<Record<string, Describer>> = {
    "alicloud:ram/role:Role": role,
    "alicloud:ram/policy:Policy": policy,
    "alicloud:ram/rolePolicyAttachment:RolePolicyAttachment": attachment,
};
