import { InputError } from "./errors";

/** Shows a bad value in an error message: quoted, and cut short when long. */
export function show(value: unknown): string {
    const s = typeof value === "string" ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
    return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

/** A required, non-empty string. */
export function requireString(key: string, value: unknown): string {
    if (value === undefined || value === null || value === "") {
        throw new InputError(key, "is required");
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
