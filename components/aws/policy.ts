/**
 * A typed model of IAM policy statements (actions, resources, conditions as data) and the one
 * serializer that turns them into IAM JSON, with AWS's size rules. Pure: no Pulumi imports.
 */
import { InputError } from "../core";
import { Condition, PrincipalOf, StatementOf, serializeStatement } from "../core/statement";

// The condition type is the IAM model's own; it lives in core because Alibaba RAM statements share it.
export { Condition };

export type Principal = PrincipalOf<"AWS" | "Service" | "Federated">;

export interface Statement extends StatementOf<"AWS" | "Service" | "Federated"> {
    readonly sid?: string;
}

/** IAM JSON, as AWS stores it. */
export interface PolicyDocument {
    readonly Version: "2012-10-17";
    readonly Statement: readonly Record<string, unknown>[];
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
