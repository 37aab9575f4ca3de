/**
 * The pure builder of Cast AI in the cluster: validated inputs → every namespace, service account,
 * role and binding CastAiClusterRbac creates, as plain data. No Pulumi imports.
 */
import { InputError, optionalBoolean, optionalList, rejectUnknownKeys, show } from "../core";
import { PolicyRule, RbacBundle, RoleSpec, ServiceAccountSpec } from "../kubernetes/rbac";
import { validateAnnotations, validateNamespace } from "../kubernetes/validate";
import {
    CASTAI_COMPONENTS, CASTAI_RBAC_ENTRIES, CASTAI_ROLES, CASTAI_SERVICE_ACCOUNTS, CastAiComponent,
} from "./cluster-rbac-catalog";

/** The inputs of CastAiClusterRbac as plain values (see CastAiClusterRbacArgs for the docs). */
export interface CastAiClusterRbacPlainArgs {
    readonly namespace?: string;
    readonly createNamespace?: boolean;
    readonly extendedPermissions?: boolean;
    readonly components?: readonly string[];
    readonly serviceAccountAnnotations?: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

export const CASTAI_CLUSTER_RBAC_ARG_NAMES: readonly string[] = [
    "namespace", "createNamespace", "extendedPermissions", "components", "serviceAccountAnnotations", "provider",
];

export const DEFAULT_NAMESPACE = "castai-agent";

export interface CastAiClusterRbacPlan {
    readonly namespace: string;
    readonly createNamespace: boolean;
    readonly extendedPermissions: boolean;
    readonly components: readonly CastAiComponent[];
    /** The service account of each selected component. */
    readonly serviceAccountNames: Readonly<Partial<Record<CastAiComponent, string>>>;
    readonly bundle: RbacBundle;
}

function substitute(rule: PolicyRule, namespace: string): PolicyRule {
    return rule.resourceNames ? { ...rule, resourceNames: rule.resourceNames.map((n) => n.replace("{namespace}", namespace)) } : rule;
}

/** Validates `args` and returns everything CastAiClusterRbac creates. Throws InputError naming the argument and the rule. */
export function planCastAiClusterRbac(args: CastAiClusterRbacPlainArgs): CastAiClusterRbacPlan {
    rejectUnknownKeys(args, CASTAI_CLUSTER_RBAC_ARG_NAMES, "CastAiClusterRbac");
    const namespace = args.namespace === undefined ? DEFAULT_NAMESPACE : validateNamespace("namespace", args.namespace);
    if (namespace === "kube-system") {
        throw new InputError("namespace", "must not be kube-system (the components get namespace administrator rights in their namespace)");
    }
    const createNamespace = optionalBoolean("createNamespace", args.createNamespace, true);
    const extendedPermissions = optionalBoolean("extendedPermissions", args.extendedPermissions, false);
    const listed = args.components === undefined ? [...CASTAI_COMPONENTS] : optionalList("components", args.components, (key, item) => {
        if (typeof item !== "string" || !(CASTAI_COMPONENTS as readonly string[]).includes(item)) {
            throw new InputError(key, `must be one of ${CASTAI_COMPONENTS.map((c) => `"${c}"`).join(", ")}, got ${show(item)}`);
        }
        return item;
    });
    if (listed.length === 0) throw new InputError("components", "must list at least one component");
    // Catalog order, whatever order the user listed them in.
    const components = CASTAI_COMPONENTS.filter((c) => listed.includes(c));
    const serviceAccountNames = Object.fromEntries(components.map((c) => [c, CASTAI_SERVICE_ACCOUNTS[c]])) as Partial<Record<CastAiComponent, string>>;

    const annotations = args.serviceAccountAnnotations;
    if (annotations !== undefined && (typeof annotations !== "object" || annotations === null || Array.isArray(annotations))) {
        throw new InputError("serviceAccountAnnotations", `must be an object of service account names to annotations, got ${show(annotations)}`);
    }
    const saNames = Object.values(serviceAccountNames) as string[];
    const annotationsOf: Record<string, Record<string, string>> = {};
    for (const [sa, value] of Object.entries(annotations ?? {})) {
        const key = `serviceAccountAnnotations.${sa}`;
        if (!saNames.includes(sa)) {
            throw new InputError(key, `is not a service account of the selected components (known: ${saNames.join(", ")})`);
        }
        annotationsOf[sa] = validateAnnotations(key, value);
    }

    const serviceAccounts: ServiceAccountSpec[] = components.map((c) => ({
        name: CASTAI_SERVICE_ACCOUNTS[c],
        namespace,
        ...(annotationsOf[CASTAI_SERVICE_ACCOUNTS[c]] ? { annotations: annotationsOf[CASTAI_SERVICE_ACCOUNTS[c]] } : {}),
    }));
    const roles: RoleSpec[] = CASTAI_ROLES
        .filter((r) => components.includes(r.component) && (!r.extended || extendedPermissions))
        .map((r) => ({
            kind: r.kind,
            name: r.name,
            namespace: r.kind === "Role" ? (r.namespace === "kube-system" ? "kube-system" : namespace) : undefined,
            bindingName: r.bindingName,
            rules: CASTAI_RBAC_ENTRIES.filter((e) => e.roles.includes(r.key)).map((e) => ({ id: e.id, rule: substitute(e.rule, namespace) })),
            subjects: [{ kind: "ServiceAccount" as const, name: CASTAI_SERVICE_ACCOUNTS[r.component], namespace }],
        }));
    return {
        namespace,
        createNamespace,
        extendedPermissions,
        components,
        serviceAccountNames,
        bundle: {
            namespaces: createNamespace ? [namespace] : [],
            serviceAccounts,
            roles,
            labels: { "app.kubernetes.io/part-of": "castai" },
        },
    };
}
