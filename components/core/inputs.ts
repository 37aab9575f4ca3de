import * as pulumi from "@pulumi/pulumi";
import { MockMonitor } from "@pulumi/pulumi/runtime/mocks";
import { InputError, holdsSecret, withSecrets } from "./errors";
import { show } from "./validate";

/** True when `value` is known now (not an Output or a Promise). */
export function isKnown(value: unknown): boolean {
    return !pulumi.Output.isInstance(value) && !(value instanceof Promise)
        && !(typeof value === "object" && value !== null && typeof (value as { then?: unknown }).then === "function");
}

/**
 * Runs a pure builder on the component's args, wherever its string inputs come from.
 *
 * - Every input known: the builder runs now, so bad input throws InputError before any child
 *   exists; `layout` is the plan.
 * - Some string inputs are Outputs (e.g. a cluster ID read from another stack): `layout` is the
 *   builder run now on `worstCase` values (so the number and names of children are known and
 *   every plain input is validated now), and the plan is the builder run again once the Outputs
 *   resolve. A value that resolves invalid fails the deployment with the same InputError, one
 *   line, and with the value of every input that resolved secret shown as `[secret]`.
 *
 * `input(f)` is a child's input taken from the plan: the plain value when every input is known,
 * else an apply on the plan's Output (~50 promises per input and per instance, so never when it
 * can be avoided). `output(f)` is a component output: an Output of the plain value, or that
 * apply. No Output of the whole plan is built when every input is known (`pulumi.output` of an
 * object walks and copies all of it, per instance). A plain input registers its child sooner; a
 * render does not depend on that (it lists resources in tree order: render/run.ts).
 */
export function planOnInputs<A extends object, P>(
    args: A, stringKeys: readonly (keyof A & string)[], build: (plain: A) => P,
    worstCase: (unknownKeys: readonly string[]) => Partial<A>,
): { layout: P; output: <U>(f: (p: P) => U) => pulumi.Output<U>; input: <U>(f: (p: P) => U) => pulumi.Input<U> } {
    const unknownKeys = stringKeys.filter((k) => args[k] !== undefined && !isKnown(args[k]));
    if (unknownKeys.length === 0) {
        const plan = build(args);
        return { layout: plan, output: (f) => pulumi.output(f(plan)) as pulumi.Output<never>, input: (f) => f(plan) };
    }
    const layout = build({ ...args, ...worstCase(unknownKeys) });
    const resolved: Record<string, pulumi.Input<unknown>> = {};
    for (const k of stringKeys) resolved[k] = args[k] as pulumi.Input<unknown>;
    // Which inputs are secret: their values are redacted from any error the builder raises.
    const secretness = pulumi.output(Promise.all(unknownKeys.map((k) => pulumi.isSecret(pulumi.output(args[k] as pulumi.Input<unknown>)))));
    const secrets = pulumi.unsecret(pulumi.all([pulumi.all(resolved), secretness]).apply(([values, secret]) =>
        unknownKeys.filter((_, i) => secret[i]).map((k) => (values as Record<string, unknown>)[k])
            .filter((v): v is string => typeof v === "string" && v.length > 0)));
    const plan = pulumi.unsecret(pulumi.all([pulumi.all(resolved), secrets]).apply(([values, hidden]) =>
        withSecrets(hidden, () => build({ ...args, ...values } as A))));
    const secretPlan = secretWhereUsed(plan, secrets);
    return { layout, output: (f) => secretPlan.apply(f), input: (f) => secretPlan.apply(f) };
}

/**
 * The plan, not secret as a whole (a secret external ID must not hide every policy and name of a
 * render), but every value a component takes from it (`plan.apply(f)`) is secret when it holds a
 * secret input: a trust policy with the external ID is secret, the permission policies are not.
 */
function secretWhereUsed<P>(plan: pulumi.Output<P>, secrets: pulumi.Output<string[]>): pulumi.Output<P> {
    const wrapped = Object.create(plan) as pulumi.Output<P>;
    const apply = <U>(f: (p: P) => pulumi.Input<U>): pulumi.Output<U> => pulumi.all([plan, secrets]).apply(([p, hidden]) => {
        const value = pulumi.output(f(p as P));
        return value.apply((v) => {
            // No secret input: nothing to look for (and no serialization per apply).
            return hidden.length > 0 && holdsSecret(JSON.stringify(v) ?? "", hidden) ? pulumi.secret(v) : v;
        });
    }) as unknown as pulumi.Output<U>;
    Object.defineProperty(wrapped, "apply", { value: apply });
    return wrapped;
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

/**
 * True only under a real deployment (`pulumi up`): not in a preview, and not under mocks (the
 * render CLI, `kubegrant/testing`, anyone's `pulumi.runtime.setMocks`). Waits such as IAM
 * propagation delays happen only then: an offline render never sleeps.
 */
export function isRealDeployment(): boolean {
    if (pulumi.runtime.isDryRun()) return false;
    return !(pulumi.runtime.getMonitor() instanceof MockMonitor);
}

/**
 * A Kubernetes provider argument: absent, or a `@pulumi/kubernetes` Provider resource. Anything else
 * (a string, null, a JSON object from `--set`) is an InputError, never a TypeError from the SDK.
 */
export function validateKubernetesProvider(key: string, value: unknown): pulumi.ProviderResource | undefined {
    if (value === undefined) return undefined;
    const provider = value as { pkg?: unknown };
    if (!pulumi.CustomResource.isInstance(value) || provider.pkg !== "kubernetes") {
        throw new InputError(key, `must be a Kubernetes provider (new k8s.Provider(...)), got ${value === null ? "null" : pulumi.Resource.isInstance(value) ? "another resource" : show(value)}`);
    }
    return value as pulumi.ProviderResource;
}
