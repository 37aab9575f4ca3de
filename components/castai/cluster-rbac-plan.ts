/**
 * The pure builder of Cast AI in the cluster: validated inputs → every namespace, service account,
 * role and binding CastAiClusterRbac creates, as plain data. No Pulumi imports.
 */
import { InputError, optionalBoolean, optionalList, rejectUnknownKeys, show } from "../core";
import {
    ClusterRbacPlan, catalogRoleSpecs, serviceAccountSpecs, validateComponentsNamespace, validateServiceAccountAnnotations,
} from "../kubernetes/catalog";
import {
    CASTAI_COMPONENTS, CASTAI_PHASE, CASTAI_RBAC_ENTRIES, CASTAI_ROLES, CASTAI_SERVICE_ACCOUNTS, CastAiComponent,
} from "./cluster-rbac-catalog";

/** The inputs of CastAiClusterRbac as plain values (see CastAiClusterRbacArgs for the docs). */
export interface CastAiClusterRbacPlainArgs {
    readonly namespace?: string;
    readonly createNamespace?: boolean;
    readonly extendedPermissions?: boolean;
    readonly operatorClusterWidePodWrite?: boolean;
    readonly components?: readonly CastAiComponent[];
    readonly serviceAccountAnnotations?: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

export const CASTAI_CLUSTER_RBAC_ARG_NAMES: readonly string[] = [
    "namespace", "createNamespace", "extendedPermissions", "operatorClusterWidePodWrite", "components", "serviceAccountAnnotations", "provider",
];

export const DEFAULT_NAMESPACE = "castai-agent";

export interface CastAiClusterRbacPlan extends ClusterRbacPlan<CastAiComponent> {
    readonly extendedPermissions: boolean;
}

/** Validates `args` and returns everything CastAiClusterRbac creates. Throws InputError naming the argument and the rule. */
export function planCastAiClusterRbac(args: CastAiClusterRbacPlainArgs): CastAiClusterRbacPlan {
    rejectUnknownKeys(args, CASTAI_CLUSTER_RBAC_ARG_NAMES, "CastAiClusterRbac");
    const namespace = validateComponentsNamespace("namespace", args.namespace, DEFAULT_NAMESPACE,
        "the components get namespace administrator rights in their namespace");
    const createNamespace = optionalBoolean("createNamespace", args.createNamespace, true);
    const extendedPermissions = optionalBoolean("extendedPermissions", args.extendedPermissions, false);
    const operatorClusterWidePodWrite = optionalBoolean("operatorClusterWidePodWrite", args.operatorClusterWidePodWrite, false);
    if (operatorClusterWidePodWrite && !extendedPermissions) {
        throw new InputError("operatorClusterWidePodWrite", "is only used when extendedPermissions is true (it extends the operator's phase 2)");
    }
    // Default: what the vendor installs in the phase asked for (phase 1: the agent and the operator;
    // phase 2 adds the cluster controller, evictor and pod pinner, which delete nodes, approve
    // kubelet certificates and create pods cluster-wide).
    const listed = args.components === undefined ? CASTAI_COMPONENTS.filter((c) => CASTAI_PHASE[c] === 1 || extendedPermissions) : optionalList("components", args.components, (key, item) => {
        if (typeof item !== "string" || !(CASTAI_COMPONENTS as readonly string[]).includes(item)) {
            throw new InputError(key, `must be one of ${CASTAI_COMPONENTS.map((c) => `"${c}"`).join(", ")}, got ${show(item)}`);
        }
        return item;
    });
    if (listed.length === 0) throw new InputError("components", "must list at least one component");
    // Catalog order, whatever order the user listed them in.
    const components = CASTAI_COMPONENTS.filter((c) => listed.includes(c));
    const serviceAccountNames = Object.fromEntries(components.map((c) => [c, CASTAI_SERVICE_ACCOUNTS[c]])) as Partial<Record<CastAiComponent, string>>;
    const saNames = Object.values(serviceAccountNames) as string[];
    const annotationsOf = validateServiceAccountAnnotations("serviceAccountAnnotations", args.serviceAccountAnnotations, saNames);
    const roles = catalogRoleSpecs(
        CASTAI_ROLES.filter((r) => components.includes(r.component) && (!r.extended || extendedPermissions)
            && (r.optIn === undefined || operatorClusterWidePodWrite)),
        CASTAI_RBAC_ENTRIES, namespace, (c) => CASTAI_SERVICE_ACCOUNTS[c],
    );
    return {
        namespace,
        createNamespace,
        extendedPermissions,
        components,
        serviceAccountNames,
        bundle: {
            namespaces: createNamespace ? [namespace] : [],
            serviceAccounts: serviceAccountSpecs(saNames, namespace, annotationsOf),
            roles,
            labels: { "app.kubernetes.io/part-of": "castai" },
        },
    };
}

/**
 * The `clusterRbac` argument of a cloud component (CastAiEksAccess, CastAiGkeAccess,
 * CastAiAksAccess): validated exactly as CastAiClusterRbac validates its arguments, with every error
 * named `clusterRbac.<key>`, so a bad in-cluster argument fails before any cloud resource exists.
 * Returns undefined when the argument is absent.
 */
export function planBundledClusterRbac(value: unknown): CastAiClusterRbacPlan | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== "object" || Array.isArray(value)) {
        throw new InputError("clusterRbac", `must be an object of CastAiClusterRbac arguments (namespace, components, provider, …), got ${show(value)}`);
    }
    try {
        return planCastAiClusterRbac(value as CastAiClusterRbacPlainArgs);
    } catch (e) {
        if (InputError.isInstance(e)) throw new InputError(`clusterRbac.${e.key}`, e.rule);
        throw e;
    }
}
