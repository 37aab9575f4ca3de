/** Markdown describers for the AWS IAM resources kubegrant creates. */
import { Describer, ReportContext, cell, code, why } from "../report";
import { RenderedResource } from "../run";

/** A policy statement as JSON (IAM; RAM uses the same fields without Sid). */
export interface JsonStatement {
    Sid?: string;
    Effect?: string;
    Principal?: Record<string, string | string[]>;
    Action?: string | string[];
    Resource?: string | string[];
    Condition?: Record<string, Record<string, string | string[]>>;
}

export function list(v: string | string[] | undefined): string[] {
    return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

/** Conditions in one line: `Operator \`key\` = \`value\``. */
export function conditions(c: JsonStatement["Condition"]): string {
    if (!c) return "none";
    return Object.entries(c).flatMap(([op, kv]) =>
        Object.entries(kv).map(([k, v]) => `${op} \`${k}\` = ${code(list(v))}`)).join("; ");
}

/** `policyName`: where a statement has no Sid, the explanation of the whole policy (`policy:<name>`) applies. */
function statementsTable(doc: unknown, ctx: ReportContext, policyName?: string): string[] {
    const statements = ((doc as { Statement?: JsonStatement[] } | undefined)?.Statement) ?? [];
    const lines = [
        "| Sid | Actions | Resources | Conditions | Why |",
        "| --- | --- | --- | --- | --- |",
    ];
    for (const s of statements) {
        lines.push(`| ${cell(s.Sid ?? "")} | ${cell(code(list(s.Action)))} | ${cell(code(list(s.Resource)))} | ${cell(conditions(s.Condition))} | ${cell(why(ctx.explanations.get(s.Sid ? `sid:${s.Sid}` : `policy:${String(policyName).replace(/-\d+$/, "")}`)))} |`);
    }
    return lines;
}

function roleOf(r: RenderedResource): string {
    return String(r.inputs.role ?? "");
}

/** The Kubernetes service account a trust statement is limited to (IRSA `sub`, or Pod Identity session tags), if any. */
function serviceAccountOf(s: JsonStatement): string | undefined {
    const equals = s.Condition?.StringEquals ?? {};
    const one = (k: string) => (list(equals[k]).length === 1 ? list(equals[k])[0] : undefined);
    const sub = Object.keys(equals).filter((k) => k.endsWith(":sub")).map(one).find((v) => v?.startsWith("system:serviceaccount:"));
    if (sub) return `\`${sub.split(":")[2]}/${sub.split(":")[3]}\` (IRSA: the cluster's OIDC tokens for it)`;
    const ns = one("aws:RequestTag/kubernetes-namespace");
    const name = one("aws:RequestTag/kubernetes-service-account");
    return ns && name ? `\`${ns}/${name}\` (EKS Pod Identity: the session tags must name it)` : undefined;
}

const role: Describer = (r) => {
    const doc = r.inputs.assumeRolePolicy as { Statement?: JsonStatement[] } | undefined;
    const lines = [`IAM role \`${r.inputs.name}\`${r.inputs.description ? ` (${r.inputs.description})` : ""}. Who may assume it:`, ""];
    for (const s of doc?.Statement ?? []) {
        const who = Object.entries(s.Principal ?? {}).map(([t, ids]) => `${t} ${code(list(ids))}`).join(", ");
        const sa = serviceAccountOf(s);
        lines.push(`- ${who}: ${code(list(s.Action))}, condition: ${conditions(s.Condition)}${sa ? `. Only pods of Kubernetes service account ${sa}` : ""}`);
    }
    return lines;
};

const policy: Describer = (r, ctx) => {
    const attached = (type: string) => ctx.all.filter((a) => a.type === type
        && String(a.inputs.policyArn).endsWith(`:policy/${r.inputs.name}`));
    const roles = attached("aws:iam/rolePolicyAttachment:RolePolicyAttachment").map(roleOf);
    const users = attached("aws:iam/userPolicyAttachment:UserPolicyAttachment").map((a) => String(a.inputs.user));
    const to = [roles.length ? `role ${code(roles)}` : "", users.length ? `user ${code(users)}` : ""].filter(Boolean).join(" and ");
    return [`Customer managed policy \`${r.inputs.name}\`, attached to ${to || "nothing"}. It grants:`, "",
        ...statementsTable(r.inputs.policy, ctx, String(r.inputs.name))];
};

const rolePolicy: Describer = (r, ctx) =>
    [`Inline policy \`${r.inputs.name}\` of role \`${roleOf(r)}\`. It grants:`, "", ...statementsTable(r.inputs.policy, ctx)];

const attachment: Describer = (r, ctx) => {
    const arn = String(r.inputs.policyArn);
    const managed = /^arn:[\w-]+:iam::aws:policy\/(.+)$/.exec(arn);
    if (managed) {
        return [`Attaches the AWS-managed policy \`${managed[1]}\` to role \`${roleOf(r)}\`. Why: ${why(ctx.explanations.get(`aws-managed:${managed[1]}`))}`];
    }
    return [`Attaches \`${arn}\` to role \`${roleOf(r)}\` (its statements are listed with the policy).`];
};

const instanceProfile: Describer = (r) =>
    [`Instance profile \`${r.inputs.name}\`: EC2 instances launched with it act as role \`${r.inputs.role}\`.`];

const user: Describer = (r) => [`IAM user \`${r.inputs.name}\`: the vendor signs in with its access key.`];

const userAttachment: Describer = (r) =>
    [`Attaches \`${r.inputs.policyArn}\` to user \`${r.inputs.user}\` (its statements are listed with the policy).`];

const accessKey: Describer = (r) =>
    [`Access key of user \`${r.inputs.user}\`; its secret is a secret output (\`[secret]\`), never printed.`];

const podIdentityAssociation: Describer = (r) =>
    [`EKS Pod Identity association: pods of service account \`${r.inputs.namespace}/${r.inputs.serviceAccount}\` in cluster \`${r.inputs.clusterName}\` get role \`${r.inputs.roleArn}\`.`];

export const AWS_DESCRIBERS: Readonly<Record<string, Describer>> = {
    "aws:iam/role:Role": role,
    "aws:iam/policy:Policy": policy,
    "aws:iam/rolePolicy:RolePolicy": rolePolicy,
    "aws:iam/rolePolicyAttachment:RolePolicyAttachment": attachment,
    "aws:iam/instanceProfile:InstanceProfile": instanceProfile,
    "aws:iam/user:User": user,
    "aws:iam/userPolicyAttachment:UserPolicyAttachment": userAttachment,
    "aws:iam/accessKey:AccessKey": accessKey,
    "aws:eks/podIdentityAssociation:PodIdentityAssociation": podIdentityAssociation,
};
