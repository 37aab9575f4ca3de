/**
 * The shape of an AWS permission catalog: statements and AWS-managed policies as data, each with
 * the vendor feature that needs it, why, and its source; placeholders (`{clusterName}`) are filled
 * by a builder. Pure: no Pulumi imports.
 */
import { Sourced } from "../core";
import { fillTemplates } from "../core/statement";
import { Condition, Statement } from "./policy";
import { partitionOf } from "./validate";

/** Feature switches and modes a catalog entry may depend on. */
export type FeatureValues = Readonly<Record<string, boolean | string>>;

/** An entry is included only when every key of `when` equals the feature's value. */
export interface Gated {
    readonly when?: FeatureValues;
}

export interface ConditionTemplate extends Condition, Gated {}

export interface StatementEntry extends Sourced, Gated {
    /** Statement ID; unique within a catalog, so a report can find the entry again. */
    readonly sid: string;
    /** Which policy document of the vendor's the statement belongs to. */
    readonly document: string;
    readonly actions: readonly string[];
    /** ARN templates; `{placeholders}` are filled by the builder, list placeholders expand. */
    readonly resources: readonly string[];
    readonly conditions?: readonly ConditionTemplate[];
}

export interface ManagedPolicyEntry extends Sourced, Gated {
    /** Path below `arn:<partition>:iam::aws:policy/`. */
    readonly path: string;
    /** Which role it is attached to. */
    readonly target: string;
}

export function isIncluded(entry: Gated, features: FeatureValues): boolean {
    return Object.entries(entry.when ?? {}).every(([k, v]) => features[k] === v);
}

/** The catalog's statements for `document`, gated by `features` and filled with `vars`. */
export function buildStatements(
    catalog: readonly StatementEntry[], document: string, features: FeatureValues,
    vars: Readonly<Record<string, string | readonly string[]>>,
): Statement[] {
    return catalog.filter((e) => e.document === document && isIncluded(e, features)).map((e) => ({
        sid: e.sid,
        effect: "Allow" as const,
        actions: e.actions,
        ...fillTemplates(e.resources, (e.conditions ?? []).filter((c) => isIncluded(c, features)), vars),
    }));
}

/** AWS-managed policy paths for `target`, gated by `features`. */
export function buildManagedPolicies(catalog: readonly ManagedPolicyEntry[], target: string, features: FeatureValues): string[] {
    return catalog.filter((e) => e.target === target && isIncluded(e, features)).map((e) => e.path);
}

/** Review-report explanations of an AWS catalog: `sid:<Sid>` and `aws-managed:<path>`. */
export function catalogExplanations(statements: readonly StatementEntry[], managed: readonly ManagedPolicyEntry[]): Map<string, Sourced> {
    return new Map<string, Sourced>([
        ...statements.map((e) => [`sid:${e.sid}`, e] as const),
        ...managed.map((e) => [`aws-managed:${e.path}`, e] as const),
    ]);
}

/** Mock settings for presets keyed by `accountId` and `region`: computed ARNs carry both. */
export function regionalMockOptions(v: Readonly<Record<string, unknown>>): { awsAccountId?: string; awsPartition?: string } {
    return {
        awsAccountId: typeof v.accountId === "string" ? v.accountId : undefined,
        awsPartition: typeof v.region === "string" ? partitionOf(v.region) : undefined,
    };
}
