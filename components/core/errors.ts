/**
 * The one error type kubegrant throws for bad input. It names the input (`key`) and the rule it
 * breaks, so the render CLI can print one line and exit 2, and a Pulumi program fails before any
 * resource is registered.
 *
 * Its message is always exactly `<key>: <rule>`, on one line, with every secret that is being
 * validated (see `withSecrets`) replaced by `[secret]`:
 * - line breaks and other control characters in the key or the rule are escaped (`\n`), so a key
 *   or a value with a newline cannot turn the one-line error into two;
 * - the message cannot be rewritten: Pulumi's serializer prefixes the message of an error raised
 *   while an Output resolves (`error serializing property "x": ...`, once per level of nesting),
 *   by assignment to `message`; that assignment is ignored;
 * - it is a Pulumi RunError (`__pulumiRunError`), so `pulumi up` prints only the message, never a
 *   stack trace.
 */
export class InputError extends Error {
    /** The argument (or `--set` key) that is wrong, e.g. `accountId` or `subnetIds[1]`. */
    readonly key: string;
    /** The rule it breaks, in words, e.g. `must be 12 digits`. */
    readonly rule: string;
    /** What Pulumi's run handler looks for to print the message alone (errors.RunError.isInstance). */
    readonly __pulumiRunError = true;

    constructor(key: string, rule: string) {
        const k = oneLine(redact(key));
        const r = oneLine(redact(rule));
        const message = `${k}: ${r}`;
        super(message);
        this.name = "InputError";
        this.key = k;
        this.rule = r;
        Object.defineProperty(this, "message", {
            get: () => message,
            // Pulumi's `err.message = \`error serializing property ...\`` is ignored.
            set: () => undefined,
            enumerable: false,
            configurable: true,
        });
        // The stack, if anyone prints it, starts with the same one-line message.
        Object.defineProperty(this, "stack", { value: `InputError: ${message}`, writable: true, enumerable: false, configurable: true });
    }

    /** True for an InputError from any loaded copy of kubegrant (never rely on `instanceof`). */
    static isInstance(e: unknown): e is InputError {
        return typeof e === "object" && e !== null && (e as { name?: unknown }).name === "InputError"
            && typeof (e as { key?: unknown }).key === "string";
    }
}

const SHORT_ESCAPES: Readonly<Record<string, string>> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/** Escapes line breaks and other control characters, so text stays on one line. */
export function oneLine(text: string): string {
    // eslint-disable-next-line no-control-regex -- matching control characters is what this function is for
    return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => SHORT_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** The secrets being validated now, innermost scope last (builders are synchronous). */
const secretScopes: (readonly string[])[] = [];

/**
 * Runs `fn` (a synchronous validation or builder) with `secrets` in scope: while it runs, every
 * InputError message and every `show(value)` has each of them replaced by `[secret]`. Used where
 * a secret input (a `--secret` config value, a secret Output) resolves and is validated.
 */
export function withSecrets<T>(secrets: readonly unknown[], fn: () => T): T {
    const strings = secrets.filter((s): s is string => typeof s === "string" && s.length > 0);
    if (strings.length === 0) return fn();
    secretScopes.push(strings);
    try {
        return fn();
    } finally {
        secretScopes.pop();
    }
}

/** `text` with every secret in scope (and its JSON-escaped form) replaced by `[secret]`. */
export function redact(text: string): string {
    return hideSecrets(text, secretScopes.flat());
}

/**
 * How long a piece of a secret may show: names built from a secret carry a piece of it (Cast AI's
 * AKS role is `CastAKSRole-<first 8 characters of the cluster ID>`), and a piece that long is hidden too.
 */
export const SECRET_FRAGMENT = 8;

/** The runs of `text` that hold a secret or a piece of one (SECRET_FRAGMENT characters or more), as [start, end) pairs. */
function secretRuns(text: string, secrets: readonly string[]): [number, number][] {
    const covered = new Uint8Array(text.length);
    for (const secret of secrets) {
        for (const form of new Set([secret, JSON.stringify(secret).slice(1, -1)])) {
            const n = Math.min(SECRET_FRAGMENT, form.length);
            if (n === 0) continue;
            const grams = new Set<string>();
            for (let i = 0; i + n <= form.length; i++) grams.add(form.slice(i, i + n));
            for (let i = 0; i + n <= text.length; i++) {
                if (grams.has(text.slice(i, i + n))) covered.fill(1, i, i + n);
            }
        }
    }
    const runs: [number, number][] = [];
    for (let i = 0; i < text.length; i++) {
        if (!covered[i]) continue;
        let j = i;
        while (j < text.length && covered[j]) j++;
        runs.push([i, j]);
        i = j;
    }
    return runs;
}

/** True when `text` holds one of `secrets`, or a piece of one SECRET_FRAGMENT characters long. */
export function holdsSecret(text: string, secrets: readonly string[]): boolean {
    return secretRuns(text, secrets.filter((s) => s.length > 0)).length > 0;
}

/** `text` with every secret of `secrets`, and every piece of one (see SECRET_FRAGMENT), replaced by `[secret]`. */
export function hideSecrets(text: string, secrets: readonly string[]): string {
    const runs = secretRuns(text, secrets.filter((s) => s.length > 0));
    let out = "";
    let at = 0;
    for (const [i, j] of runs) {
        out += `${text.slice(at, i)}[secret]`;
        at = j;
    }
    return out + text.slice(at);
}
