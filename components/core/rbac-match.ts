/**
 * How a Kubernetes RBAC rule's lists match a request (the authorizer's VerbMatches, APIGroupMatches
 * and ResourceMatches): exact and case-sensitive, `*` the only wildcard, and `*\/sub` the only
 * subresource wildcard (`res/*` is none). Pure; the RBAC evaluator (kubernetes/authorize.ts) and
 * the escalation patterns (core/escalations.ts) share it, so both read a rule the same way.
 */

/** `list` holds `*` or `value` (verbs, API groups). */
export function rbacListCovers(list: readonly string[] | undefined, value: string): boolean {
    return (list ?? []).some((x) => x === "*" || x === value);
}

/**
 * `*`, the same resource, or `*\/sub` for a subresource; `res/*` is no wildcard (Kubernetes'
 * resourceCoversAll, and ResourceMatches for a request's `res` or `res/sub`).
 */
export function rbacResourceCovers(owner: readonly string[], servant: string): boolean {
    if (owner.includes("*") || owner.includes(servant)) return true;
    const slash = servant.indexOf("/");
    return slash >= 0 && owner.includes(`*/${servant.slice(slash + 1)}`);
}
