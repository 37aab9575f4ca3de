import * as pulumi from "@pulumi/pulumi";

/** True when `value` is known now (not an Output or a Promise). */
export function isKnown(value: unknown): boolean {
    return !pulumi.Output.isInstance(value) && !(value instanceof Promise)
        && !(typeof value === "object" && value !== null && typeof (value as { then?: unknown }).then === "function");
}

/**
 * Runs a pure builder on the component's args, wherever its string inputs come from.
 *
 * - Every input known: the builder runs now, so bad input throws InputError before any child
 *   exists; `layout` and `plan` are the same result.
 * - Some string inputs are Outputs (e.g. a cluster ID read from another stack): `layout` is the
 *   builder run now on `worstCase` values (so the number and names of children are known and
 *   every plain input is validated now), and `plan` runs the builder again once the Outputs
 *   resolve. A value that resolves invalid fails the deployment with the same InputError.
 */
export function planOnInputs<A extends object, P>(
    args: A, stringKeys: readonly (keyof A & string)[], build: (plain: A) => P,
    worstCase: (unknownKeys: readonly string[]) => Partial<A>,
): { layout: P; plan: pulumi.Output<P> } {
    const unknownKeys = stringKeys.filter((k) => args[k] !== undefined && !isKnown(args[k]));
    if (unknownKeys.length === 0) {
        const plan = build(args);
        return { layout: plan, plan: pulumi.output(plan) as pulumi.Output<P> };
    }
    const layout = build({ ...args, ...worstCase(unknownKeys) });
    const resolved: Record<string, pulumi.Input<unknown>> = {};
    for (const k of stringKeys) resolved[k] = args[k] as pulumi.Input<unknown>;
    const plan = pulumi.all(resolved).apply((values) => build({ ...args, ...values } as A));
    return { layout, plan: plan as unknown as pulumi.Output<P> };
}

/** A value of a two-level record (e.g. annotations per service account) that is not known yet. */
export interface LaterValue {
    readonly outer: string;
    readonly inner: string;
    readonly value: pulumi.Input<unknown>;
}

/**
 * Splits a two-level record of inputs (annotations per service account) into what a pure builder
 * can check now and what arrives later. In `known`, every value that is an Output or a Promise is
 * replaced by `placeholder`, so the builder validates every key (and every known value) before
 * any resource exists; `later` lists those values, to be validated when they resolve. Anything
 * that is not a plain object is passed through for the builder to reject.
 */
export function splitLaterValues(record: unknown, placeholder: string): { known: unknown; later: LaterValue[] } {
    const plain = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v) && isKnown(v);
    if (!plain(record)) return { known: record, later: [] };
    const later: LaterValue[] = [];
    const known = Object.fromEntries(Object.entries(record).map(([outer, inner]) => {
        if (!plain(inner)) return [outer, inner];
        return [outer, Object.fromEntries(Object.entries(inner).map(([k, v]) => {
            if (isKnown(v)) return [k, v];
            later.push({ outer, inner: k, value: v as pulumi.Input<unknown> });
            return [k, placeholder];
        }))];
    }));
    return { known, later };
}
