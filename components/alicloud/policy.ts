/**
 * A typed model of Alibaba Cloud RAM policy statements (Version "1": Effect, Action, Resource,
 * Principal, Condition; RAM has no Sid) and its serializer, which shares the statement serializer
 * and catalog templates of the IAM model (components/core/statement.ts). Pure: no Pulumi imports.
 */
import { Sourced } from "../core";
import { Condition, PrincipalOf, StatementOf, fillTemplates, serializeStatement } from "../core/statement";

export { Condition };

/** A RAM trust principal: an Alibaba Cloud account (`RAM`), a cloud service, or an identity provider. */
export type RamPrincipal = PrincipalOf<"RAM" | "Service" | "Federated">;

/** A RAM statement: the IAM grammar without Sid. */
export type RamStatement = StatementOf<"RAM" | "Service" | "Federated">;

/** RAM policy JSON, as RAM stores it. */
export interface RamPolicyDocument {
    readonly Version: "1";
    readonly Statement: readonly Record<string, unknown>[];
}

/** RAM limits (Alibaba Cloud RAM API CreateRole / CreatePolicy). */
export const RAM_LIMITS = {
    /** A custom policy document: at most 6,144 bytes. */
    policyDocumentBytes: 6144,
    roleName: 64,
    policyName: 128,
} as const;

export function toRamPolicyDocument(statements: readonly RamStatement[]): RamPolicyDocument {
    return { Version: "1", Statement: statements.map(serializeStatement) };
}

/** The document as sent to RAM: minified JSON. */
export function ramPolicyJson(statements: readonly RamStatement[]): string {
    return JSON.stringify(toRamPolicyDocument(statements));
}

/** Bytes of the minified document (RAM counts bytes against its 6,144 limit). */
export function ramPolicySize(statements: readonly RamStatement[]): number {
    return Buffer.byteLength(ramPolicyJson(statements), "utf8");
}

/** A RAM permission statement as catalog data; `{placeholders}` are filled by `buildRamStatements`. */
export interface RamStatementEntry extends Sourced {
    readonly actions: readonly string[];
    readonly resources: readonly string[];
    readonly conditions?: readonly Condition[];
}

export function buildRamStatements(catalog: readonly RamStatementEntry[], vars: Readonly<Record<string, string>>): RamStatement[] {
    return catalog.map((e) => ({ effect: "Allow" as const, actions: e.actions, ...fillTemplates(e.resources, e.conditions ?? [], vars) }));
}

/**
 * RAM statements carry no Sid, so the review report finds a statement's catalog entry by its
 * actions: key `ram-actions:<actions joined by ",">`.
 */
export function ramActionsKey(actions: readonly string[]): string {
    return `ram-actions:${actions.join(",")}`;
}

export function ramExplanations(catalog: readonly RamStatementEntry[]): Map<string, Sourced> {
    return new Map(catalog.map((e) => [ramActionsKey(e.actions), e] as const));
}
