/**
 * A typed model of IAM policy statements (actions, resources, conditions as data) and the one
 * serializer that turns them into IAM JSON, with AWS's size rules. Pure: no Pulumi imports.
 */
import { InputError } from "../core";

export interface Condition {
    /** Condition operator, e.g. `StringEquals`. */
    readonly test: string;
    /** Condition key, e.g. `ec2:ResourceTag/kubernetes.io/cluster/prod`. */
    readonly variable: string;
    readonly values: readonly string[];
}

export interface Principal {
    readonly type: "AWS" | "Service" | "Federated";
    readonly identifiers: readonly string[];
}

export interface Statement {
    readonly sid?: string;
    /** @default "Allow" */
    readonly effect?: "Allow" | "Deny";
    readonly actions: readonly string[];
    /** Identity policies need resources; trust policies have none. */
    readonly resources?: readonly string[];
    readonly principals?: readonly Principal[];
    readonly conditions?: readonly Condition[];
}

/** IAM JSON, as AWS stores it. */
export interface PolicyDocument {
    readonly Version: "2012-10-17";
    readonly Statement: readonly Record<string, unknown>[];
}

function oneOrMany(values: readonly string[]): string | string[] {
    return values.length === 1 ? values[0] : [...values];
}

/** What the serializer needs of a statement; AWS IAM and Alibaba RAM statements share this shape. */
export interface StatementShape {
    readonly sid?: string;
    readonly effect?: "Allow" | "Deny";
    readonly actions: readonly string[];
    readonly resources?: readonly string[];
    readonly principals?: readonly { readonly type: string; readonly identifiers: readonly string[] }[];
    readonly conditions?: readonly Condition[];
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

/** The one serializer: statements → IAM JSON. */
export function toPolicyDocument(statements: readonly Statement[]): PolicyDocument {
    return { Version: "2012-10-17", Statement: statements.map(serializeStatement) };
}

/** The document as sent to AWS: minified JSON. */
export function policyJson(statements: readonly Statement[]): string {
    return JSON.stringify(toPolicyDocument(statements));
}

/** Characters AWS counts against a policy's size limit (white space is not counted). */
export function policySize(statements: readonly Statement[]): number {
    return policyJson(statements).replace(/\s/g, "").length;
}

/** Half-open ranges of statement indices: `[start, end)`. */
export type Ranges = readonly (readonly [number, number])[];

/**
 * Packs statements, in order, into as few documents as fit under `limit` characters each.
 * A single statement larger than the limit cannot be split: that is an InputError on `key`.
 */
export function splitRanges(statements: readonly Statement[], limit: number, key: string, what: string): Ranges {
    const ranges: [number, number][] = [];
    let start = 0;
    for (let i = 0; i < statements.length; i++) {
        if (policySize([statements[i]]) > limit) {
            throw new InputError(key, `statement ${statements[i].sid ?? i} of ${what} is ${policySize([statements[i]])} characters on its own; one policy may hold at most ${limit}`);
        }
        if (i > start && policySize(statements.slice(start, i + 1)) > limit) {
            ranges.push([start, i]);
            start = i;
        }
    }
    if (statements.length > 0) ranges.push([start, statements.length]);
    return ranges;
}

/** Applies ranges computed on one statement list (e.g. the worst-case sizes) to another of the same length. */
export function applyRanges(statements: readonly Statement[], ranges: Ranges): Statement[][] {
    return ranges.map(([a, b]) => statements.slice(a, b));
}

/** A policy document of a role: a stable resource key, its IAM name and its statements. */
export interface NamedDocument {
    /** Stable resource key. */
    readonly key: string;
    /** IAM policy name. */
    readonly name: string;
    readonly statements: readonly Statement[];
}

/** Keys and names the parts of a split document: `<key>` and `<name>`, then `<key>-2` and `<name>-2`, … */
export function namedParts(parts: readonly (readonly Statement[])[], key: string, name: string): NamedDocument[] {
    const nth = (base: string, i: number) => (i === 0 ? base : `${base}-${i + 1}`);
    return parts.map((statements, i) => ({ key: nth(key, i), name: nth(name, i), statements }));
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
