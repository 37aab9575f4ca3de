/**
 * The one error type kubegrant throws for bad input. It names the input (`key`) and the rule it
 * breaks, so the render CLI can print one line and exit 2, and a Pulumi program fails before any
 * resource is registered.
 */
export class InputError extends Error {
    /** The argument (or `--set` key) that is wrong, e.g. `accountId` or `subnetIds[1]`. */
    readonly key: string;
    /** The rule it breaks, in words, e.g. `must be 12 digits`. */
    readonly rule: string;

    constructor(key: string, rule: string) {
        super(`${key}: ${rule}`);
        this.name = "InputError";
        this.key = key;
        this.rule = rule;
    }

    /** True for an InputError from any loaded copy of kubegrant (never rely on `instanceof`). */
    static isInstance(e: unknown): e is InputError {
        return typeof e === "object" && e !== null && (e as { name?: unknown }).name === "InputError"
            && typeof (e as { key?: unknown }).key === "string";
    }
}
