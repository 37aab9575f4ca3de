import * as assert from "assert";
import { ArgSpecs } from "../../components/core/spec";

/**
 * Asserts that every `default` a spec states is what the builder does when the argument is left
 * out: the plan with the argument set to its default equals the plan without it, on the first of
 * `bases` that accepts the argument (some arguments exist only in one mode). Returns the names
 * checked, so a test can pin them.
 */
export function assertSpecDefaults<A extends object>(spec: ArgSpecs, plan: (args: A) => unknown, bases: readonly A[]): string[] {
    const checked: string[] = [];
    for (const [key, arg] of Object.entries(spec)) {
        if (arg.default === undefined) continue;
        const given = (b: A) => ({ ...b, [key]: arg.default }) as A;
        const base = bases.find((b) => { try { plan(given(b)); return true; } catch { return false; } });
        assert.ok(base, `${key}: no base takes its default ${JSON.stringify(arg.default)}`);
        assert.deepStrictEqual(plan(given(base)), plan(base), `${key}: the builder's default is not the spec's ${JSON.stringify(arg.default)}`);
        checked.push(key);
    }
    return checked;
}
