/**
 * The statement grammar AWS IAM and Alibaba Cloud RAM policies share (Effect, Action, Resource,
 * Principal, Condition; a Sid in IAM only), its one serializer, and the `{placeholder}` templates
 * their catalogs are written in. In core because two clouds use it (aws/policy.ts, alicloud/policy.ts)
 * and a cloud imports no other cloud. Pure: no Pulumi imports.
 */

export interface Condition {
    /** Condition operator, e.g. `StringEquals`. */
    readonly test: string;
    /** Condition key, e.g. `ec2:ResourceTag/kubernetes.io/cluster/prod`. */
    readonly variable: string;
    readonly values: readonly string[];
}

function oneOrMany(values: readonly string[]): string | string[] {
    return values.length === 1 ? values[0] : [...values];
}

/** A principal of a trust statement; `T` is the cloud's principal types. */
export interface PrincipalOf<T extends string> {
    readonly type: T;
    readonly identifiers: readonly string[];
}

/** A statement of either grammar (RAM has no Sid: an IAM statement adds it); `P` is the cloud's principal types. */
export interface StatementOf<P extends string> {
    /** @default "Allow" */
    readonly effect?: "Allow" | "Deny";
    readonly actions: readonly string[];
    /** Permission (identity) policies need resources; trust policies have none. */
    readonly resources?: readonly string[];
    readonly principals?: readonly PrincipalOf<P>[];
    readonly conditions?: readonly Condition[];
}

/** What the serializer needs of a statement: an IAM or a RAM one. */
export interface StatementShape extends StatementOf<string> {
    readonly sid?: string;
}

/** One statement → policy JSON (conditions grouped by operator); shared by IAM and RAM. */
export function serializeStatement(s: StatementShape): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    if (s.sid) out.Sid = s.sid;
    out.Effect = s.effect ?? "Allow";
    if (s.principals && s.principals.length > 0) {
        const principal: Record<string, string | string[]> = {};
        for (const p of s.principals) principal[p.type] = oneOrMany(p.identifiers);
        out.Principal = principal;
    }
    out.Action = oneOrMany(s.actions);
    if (s.resources) out.Resource = oneOrMany(s.resources);
    if (s.conditions && s.conditions.length > 0) {
        const condition: Record<string, Record<string, string | string[]>> = {};
        for (const c of s.conditions) {
            condition[c.test] = condition[c.test] ?? {};
            condition[c.test][c.variable] = oneOrMany(c.values);
        }
        out.Condition = condition;
    }
    return out;
}

const PLACEHOLDERS = new Map<string, readonly string[]>();

/** The `{name}` placeholders of a catalog template, parsed once per template (catalogs are module constants). */
function placeholders(template: string): readonly string[] {
    let names = PLACEHOLDERS.get(template);
    if (names === undefined) {
        names = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
        if (PLACEHOLDERS.size < 4096) PLACEHOLDERS.set(template, names);
    }
    return names;
}

/** Fills `{name}` placeholders. A placeholder bound to a list expands the template once per item. */
export function fillTemplate(template: string, vars: Readonly<Record<string, string | readonly string[]>>): string[] {
    const names = placeholders(template);
    for (const n of names) {
        if (!(n in vars)) throw new Error(`template ${template} uses unknown placeholder {${n}}`);
    }
    const lists = [...new Set(names.filter((n) => Array.isArray(vars[n])))];
    if (lists.length > 1) throw new Error(`template ${template} expands more than one list`);
    const fill = (item?: string) => template.replace(/\{(\w+)\}/g, (_, n: string) =>
        Array.isArray(vars[n]) ? item! : vars[n] as string);
    if (lists.length === 0) return [fill()];
    return (vars[lists[0]] as readonly string[]).map((item) => fill(item));
}

/** Resource and condition templates filled with `vars`; a list placeholder expands a resource or value once per item. */
export function fillTemplates(
    resources: readonly string[], conditions: readonly Condition[], vars: Readonly<Record<string, string | readonly string[]>>,
): { resources: string[]; conditions: Condition[] } {
    return {
        resources: resources.flatMap((r) => fillTemplate(r, vars)),
        conditions: conditions.map((c) => ({
            test: c.test,
            variable: single(fillTemplate(c.variable, vars), c.variable),
            values: c.values.flatMap((v) => fillTemplate(v, vars)),
        })),
    };
}

function single(values: string[], template: string): string {
    if (values.length !== 1) throw new Error(`condition key template ${template} must fill to one key`);
    return values[0];
}
