/**
 * The shape of a vendor's in-cluster RBAC catalog (roles and rules as data), and the steps every
 * vendor plan takes from it to an RbacBundle: the components' namespace, annotations per service
 * account, and each role with its rules (`{namespace}` filled in) and its binding. Pure: no Pulumi
 * imports. Used by Cast AI's and CloudPilot AI's plans alike.
 */
import { InputError, Sourced, show } from "../core";
import { PolicyRule, RbacBundle, RoleSpec, RuleEntry, ServiceAccountSpec } from "./rbac";
import { rejectReservedNamespace, validateAnnotations, validateNamespace, validateObjectName } from "./validate";

/** A Role or ClusterRole of a vendor catalog, and which component's service account it is bound to. */
export interface CatalogRole<K extends string = string, C extends string = string> {
    readonly key: K;
    readonly component: C;
    readonly kind: "ClusterRole" | "Role";
    /** `metadata.name`, as the vendor names it. */
    readonly name: string;
    /** Where a Role lives: the components' namespace (`release`, the default), or kube-system. */
    readonly namespace?: "release" | "kube-system";
    /** `metadata.name` of its RoleBinding or ClusterRoleBinding. */
    readonly bindingName: string;
}

/** A rule of a vendor catalog and the roles that carry it. */
export interface CatalogRuleEntry<K extends string = string> extends RuleEntry {
    readonly roles: readonly K[];
}

/** What a vendor's in-cluster RBAC plan yields: the namespace, the service account per granted component, the bundle. */
export interface ClusterRbacPlan<C extends string> {
    readonly namespace: string;
    readonly createNamespace: boolean;
    readonly components: readonly C[];
    readonly serviceAccountNames: Readonly<Partial<Record<C, string>>>;
    readonly bundle: RbacBundle;
}

/** The placeholder a catalog writes for the components' namespace in `resourceNames`. */
export const NAMESPACE_PLACEHOLDER = "{namespace}";

/** `rule` with `{namespace}` in its resourceNames replaced by `namespace`. */
export function substituteNamespace(rule: PolicyRule, namespace: string): PolicyRule {
    return rule.resourceNames
        ? { ...rule, resourceNames: rule.resourceNames.map((n) => n.replace(NAMESPACE_PLACEHOLDER, namespace)) }
        : rule;
}

/** Where a catalog role's rules apply: undefined for a ClusterRole, else the namespace of the Role. */
export function roleNamespace(role: CatalogRole, namespace: string): string | undefined {
    if (role.kind === "ClusterRole") return undefined;
    return role.namespace === "kube-system" ? "kube-system" : namespace;
}

/**
 * The RoleSpecs of `roles`, in their order: each with the entries that list it (catalog order,
 * `{namespace}` filled in), bound to the service account `serviceAccountOf(component)` in `namespace`.
 */
export function catalogRoleSpecs<K extends string, C extends string>(
    roles: readonly CatalogRole<K, C>[], entries: readonly CatalogRuleEntry<K>[], namespace: string,
    serviceAccountOf: (component: C) => string,
): RoleSpec[] {
    return roles.map((r) => ({
        kind: r.kind,
        name: r.name,
        namespace: roleNamespace(r, namespace),
        bindingName: r.bindingName,
        rules: entries.filter((e) => e.roles.includes(r.key)).map((e) => ({ id: e.id, rule: substituteNamespace(e.rule, namespace) })),
        subjects: [{ kind: "ServiceAccount" as const, name: serviceAccountOf(r.component), namespace }],
    }));
}

/**
 * The namespace the components run in: `fallback` when absent, else a DNS-1123 label, and never
 * kube-system (`why` says what the components would get there).
 */
export function validateComponentsNamespace(key: string, value: unknown, fallback: string, why: string): string {
    const namespace = value === undefined ? fallback : validateNamespace(key, value);
    if (namespace === "kube-system") throw new InputError(key, `must not be kube-system (${why})`);
    return rejectReservedNamespace(key, namespace);
}

/**
 * Annotations per service account name (workload identity: IRSA, GKE, Azure), each name one of
 * `serviceAccounts` and each annotation a valid key with a string value.
 */
export function validateServiceAccountAnnotations(
    key: string, value: unknown, serviceAccounts: readonly string[],
): Record<string, Record<string, string>> {
    if (value !== undefined && (typeof value !== "object" || value === null || Array.isArray(value))) {
        throw new InputError(key, `must be an object of service account names to annotations, got ${show(value)}`);
    }
    const out: Record<string, Record<string, string>> = {};
    for (const [sa, annotations] of Object.entries(value ?? {})) {
        const saKey = `${key}.${sa}`;
        if (!serviceAccounts.includes(sa)) {
            throw new InputError(saKey, `is not a service account of the selected components (known: ${serviceAccounts.join(", ")})`);
        }
        out[sa] = validateAnnotations(saKey, annotations);
    }
    return out;
}

/**
 * The service account of each selected component: `defaults`, overridden per component by
 * `value` (an object of component to name). Names are DNS-1123 subdomains, one per component;
 * naming a component that is not selected is an error (`why` says how to select it).
 */
export function validateServiceAccountNames<C extends string>(
    key: string, value: unknown, defaults: Readonly<Record<C, string>>, selected: readonly C[], why: (component: C) => string,
): Record<C, string> {
    if (value !== undefined && (typeof value !== "object" || value === null || Array.isArray(value))) {
        throw new InputError(key, `must be an object of component names to service account names, got ${show(value)}`);
    }
    const known = Object.keys(defaults) as C[];
    const out = Object.fromEntries(selected.map((c) => [c, defaults[c]])) as Record<C, string>;
    for (const [component, name] of Object.entries(value ?? {})) {
        const itemKey = `${key}.${component}`;
        if (!(known as string[]).includes(component)) {
            throw new InputError(itemKey, `is not a component (known: ${known.join(", ")})`);
        }
        if (!selected.includes(component as C)) throw new InputError(itemKey, why(component as C));
        out[component as C] = validateObjectName(itemKey, name);
    }
    for (const [i, c] of selected.entries()) {
        const other = selected.slice(0, i).find((o) => out[o] === out[c]);
        if (other !== undefined) {
            throw new InputError(`${key}.${c}`, `must differ from the service account of ${other} (both are ${show(out[c])})`);
        }
    }
    return out;
}

/** One ServiceAccountSpec per name, in `namespace`, with its annotations when it has any. */
export function serviceAccountSpecs(
    names: readonly string[], namespace: string, annotationsOf: Readonly<Record<string, Record<string, string>>>,
): ServiceAccountSpec[] {
    return names.map((name) => ({ name, namespace, ...(annotationsOf[name] ? { annotations: annotationsOf[name] } : {}) }));
}

/**
 * Review-report explanations of a catalog's rules, by `k8s-rule:<id>` (the IDs each Role carries in
 * its `kubegrant.io/rules` annotation): the in-cluster presets', and the cloud presets' that create
 * the in-cluster part too.
 */
export function ruleExplanations(entries: readonly RuleEntry[]): Map<string, Sourced> {
    return new Map<string, Sourced>(entries.map((e) => [`k8s-rule:${e.id}`, e] as const));
}
