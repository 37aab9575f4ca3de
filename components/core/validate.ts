import { InputError, redact } from "./errors";

/** True for a Pulumi Output (of any loaded copy of @pulumi/pulumi) or a Promise. */
function isLater(value: unknown): boolean {
    return typeof value === "object" && value !== null
        && ((value as { __pulumiOutput?: unknown }).__pulumiOutput === true || typeof (value as { then?: unknown }).then === "function");
}

/**
 * Shows a bad value in an error message: quoted (JSON, so one line), every secret in scope
 * replaced by `[secret]` before it is cut short when long. An Output or a Promise is never
 * stringified (that would print Pulumi's `Calling [toJSON] on an [Output<T>]` warning).
 */
export function show(value: unknown): string {
    if (isLater(value)) return "an Output (this argument takes a plain value, not an Output)";
    let s: string;
    try {
        s = JSON.stringify(value, (_k, v: unknown) => (isLater(v) ? "<Output>" : typeof v === "bigint" ? String(v) : v)) ?? String(value);
    } catch {
        s = Object.prototype.toString.call(value);
    }
    s = redact(s);
    return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

/** A required, non-empty string. */
export function requireString(key: string, value: unknown): string {
    if (value === undefined || value === null) {
        throw new InputError(key, "is required");
    }
    if (value === "") {
        throw new InputError(key, "must not be empty");
    }
    if (typeof value !== "string") {
        throw new InputError(key, `must be a string, got ${show(value)}`);
    }
    return value;
}

/** A string that must match `pattern`; `rule` says the rule in words. */
export function requireMatch(key: string, value: unknown, pattern: RegExp, rule: string): string {
    const s = requireString(key, value);
    if (!pattern.test(s)) {
        throw new InputError(key, `${rule}, got ${show(s)}`);
    }
    return s;
}

/** An optional boolean with a default. */
export function optionalBoolean(key: string, value: unknown, fallback: boolean): boolean {
    if (value === undefined || value === null) {
        return fallback;
    }
    if (typeof value !== "boolean") {
        throw new InputError(key, `must be true or false, got ${show(value)}`);
    }
    return value;
}

/** An optional value out of a fixed set, with a default. */
export function optionalChoice<T extends string>(key: string, value: unknown, choices: readonly T[], fallback: T): T {
    if (value === undefined || value === null) {
        return fallback;
    }
    if (typeof value !== "string" || !(choices as readonly string[]).includes(value)) {
        throw new InputError(key, `must be one of ${choices.map((c) => `"${c}"`).join(", ")}, got ${show(value)}`);
    }
    return value as T;
}

/** An optional list of strings, each checked by `each(key[i], item)`. Duplicates are an error. */
export function optionalList(
    key: string, value: unknown, each: (itemKey: string, item: unknown) => string,
): string[] {
    if (value === undefined || value === null) {
        return [];
    }
    if (!Array.isArray(value)) {
        throw new InputError(key, `must be a list of strings, got ${show(value)}`);
    }
    const out = value.map((item, i) => each(`${key}[${i}]`, item));
    const dup = out.find((item, i) => out.indexOf(item) !== i);
    if (dup !== undefined) {
        throw new InputError(key, `lists ${show(dup)} twice`);
    }
    return out;
}

/** Rejects keys of `args` that are not in `known` (a typo must never be silently ignored). */
export function rejectUnknownKeys(args: object, known: readonly string[], what: string): void {
    for (const key of Object.keys(args)) {
        if (!known.includes(key) && (args as Record<string, unknown>)[key] !== undefined) {
            throw new InputError(key, `is not an argument of ${what} (known: ${known.join(", ")})`);
        }
    }
}

/** A cloud's documented rules for resource tags (see validateTags). */
export interface TagRules {
    /** The service, for messages, e.g. `AWS IAM`. */
    readonly service: string;
    readonly maxTags: number;
    /** Longest key and value, in Unicode characters. */
    readonly maxKeyLength: number;
    readonly maxValueLength: number;
    /** What every key and value must match, and the rule in words. @default anything */
    readonly characters?: { readonly pattern: RegExp; readonly rule: string };
    /** Characters a key must not contain. @default none */
    readonly forbiddenInKey?: string;
    /** Prefixes (compared case-insensitively) a key, or a value, must not start with. */
    readonly reservedKeyPrefixes: readonly string[];
    readonly reservedValuePrefixes?: readonly string[];
    /** Substrings neither a key nor a value may contain. @default none */
    readonly forbiddenSubstrings?: readonly string[];
    /** Keys that differ only in case are the same key. */
    readonly caseInsensitiveKeys: boolean;
}

/**
 * Tags as a cloud takes them: a plain object of string values within `rules`. Absent is none; an
 * Output is passed through (the provider checks it when it resolves). `__proto__` and the other
 * keys an object literal cannot hold as data are rejected, so tags never reach a prototype.
 */
export function validateTags(key: string, value: unknown, rules: TagRules): unknown {
    if (value === undefined || isLater(value)) return value;
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
        throw new InputError(key, `must be an object of tag keys to string values, got ${show(value)}`);
    }
    const entries = Object.entries(value as Record<string, unknown>);
    if (Object.prototype.hasOwnProperty.call(value, "__proto__") || Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) {
        throw new InputError(`${key}.__proto__`, "is not a tag key kubegrant accepts (it would set the object's prototype)");
    }
    if (entries.length > rules.maxTags) {
        throw new InputError(key, `has ${entries.length} tags; ${rules.service} allows at most ${rules.maxTags} per resource`);
    }
    const seen = new Map<string, string>();
    const length = (s: string) => [...s].length;
    for (const [k, v] of entries) {
        const tagKey = `${key}.${k}`;
        // (An own `__proto__` key is refused above, before the loop.)
        if (k === "constructor" || k === "prototype") {
            throw new InputError(tagKey, "is not a tag key kubegrant accepts (it names an object's prototype)");
        }
        if (length(k) < 1 || length(k) > rules.maxKeyLength) {
            throw new InputError(tagKey, `is a tag key of ${length(k)} characters; ${rules.service} allows 1-${rules.maxKeyLength}`);
        }
        if (isLater(v)) continue;
        if (typeof v !== "string") throw new InputError(tagKey, `must be a string, got ${show(v)}`);
        if (length(v) > rules.maxValueLength) {
            throw new InputError(tagKey, `is a tag value of ${length(v)} characters; ${rules.service} allows at most ${rules.maxValueLength}`);
        }
        const reservedKey = rules.reservedKeyPrefixes.find((p) => k.toLowerCase().startsWith(p));
        if (reservedKey !== undefined) throw new InputError(tagKey, `must not start with ${reservedKey} (reserved by ${rules.service})`);
        const reservedValue = (rules.reservedValuePrefixes ?? []).find((p) => v.toLowerCase().startsWith(p));
        if (reservedValue !== undefined) throw new InputError(tagKey, `has a value starting with ${reservedValue} (reserved by ${rules.service})`);
        const forbidden = [...(rules.forbiddenInKey ?? "")].find((c) => k.includes(c));
        if (forbidden !== undefined) throw new InputError(tagKey, `is a tag key with ${show(forbidden)}; ${rules.service} forbids ${[...rules.forbiddenInKey!].join(" ")} in tag keys`);
        const substring = (rules.forbiddenSubstrings ?? []).find((s) => k.toLowerCase().includes(s) || v.toLowerCase().includes(s));
        if (substring !== undefined) throw new InputError(tagKey, `must not contain ${substring} in its key or value (${rules.service})`);
        if (rules.characters && !(rules.characters.pattern.test(k) && rules.characters.pattern.test(v))) {
            throw new InputError(tagKey, `${rules.characters.rule}, got ${show(rules.characters.pattern.test(k) ? v : k)}`);
        }
        const folded = rules.caseInsensitiveKeys ? k.toLowerCase() : k;
        const other = seen.get(folded);
        if (other !== undefined) throw new InputError(tagKey, `is the same tag key as ${show(other)} for ${rules.service} (keys are case-insensitive)`);
        seen.set(folded, k);
    }
    return value;
}

let clock: () => number = () => Date.now();

/** Milliseconds since the epoch, from the clock validators use (see `setClock`). */
export function now(): number {
    return clock();
}

/** Replaces the clock date checks use (tests pin it); with no argument, restores the real one. */
export function setClock(fixed?: () => number): void {
    clock = fixed ?? (() => Date.now());
}

/**
 * An RFC 3339 UTC timestamp `YYYY-MM-DDTHH:MM:SSZ` that names a real instant (no month 13, no
 * 25:00, no February 30); returns its time in milliseconds.
 */
export function parseUtcTimestamp(key: string, value: string): number {
    const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/.exec(value);
    const t = m ? Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]) : NaN;
    if (!m || Number.isNaN(t) || new Date(t).toISOString() !== `${value.slice(0, 19)}.000Z`) {
        throw new InputError(key, `must be an RFC 3339 UTC time such as 2027-01-31T00:00:00Z (a real date and time), got ${show(value)}`);
    }
    return t;
}
