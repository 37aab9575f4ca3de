/**
 * The pure builder of Cast AI in the cluster: validated inputs → every namespace, service account,
 * role and binding CastAiClusterRbac creates, as plain data. No Pulumi imports.
 */
import { InputError, optionalList, rejectUnknownKeys, show } from "../core";
import { ArgSpecs, OutputSpecs, argNames, readBoolean } from "../core/spec";
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

/** Where Cast AI installs its components unless told otherwise. */
export const DEFAULT_NAMESPACE = "castai-agent";

/** Every argument of CastAiClusterRbac, once (the preset's keys, `--help`, the docs' table, the unknown-key check). */
export const CASTAI_CLUSTER_RBAC_ARGS = {
    namespace: { type: "string", default: DEFAULT_NAMESPACE,
        doc: "Namespace of the components: their service accounts and namespaced Roles, and the only namespace the \"delete own namespace\" rule may delete (DNS-1123 label, not `kube-system`, `default`, `kube-public` or `kube-node-lease`)",
    },
    createNamespace: { type: "boolean", default: true,
        doc: "Create the namespace; `false` uses an existing one",
    },
    extendedPermissions: { type: "boolean", default: false,
        doc: "Operator phase 2: adds `castware-operator-manager-role-ext` and `castware-operator-namespace-role-ext`, the cluster controller's rules and those of the Operator chart's `rbac-ext.yaml`, so the operator can install the controller's chart without `escalate` (its namespace admin is `*`, and it may get and patch the pod pinner's webhook configuration `castai-pod-pinner`: see Risks below)",
    },
    operatorClusterWidePodWrite: { type: "boolean", default: false,
        doc: "RISK, opt-in (needs `extendedPermissions`): adds ClusterRole `castware-operator-manager-role-ext-charts`, the evictor's and pod pinner's chart rules the operator lacks, so it can install those charts' RBAC too: cluster-wide `pods` patch, `nodes` create, `pods/binding` create, lease write, volume patch, Karpenter NodeClaim delete, and update of the pod pinner's webhook configuration `castai-pod-pinner`",
    },
    components: { type: "list", defaultText: "the phase's components: `agent` and `operator`; all five with `extendedPermissions`",
        doc: "Any of `agent`, `cluster-controller`, `evictor`, `pod-pinner`, `operator`. The cluster controller, evictor and pod pinner (node delete, kubelet CSR approval, pod create cluster-wide) are what Cast AI installs in phase 2: granted only with `extendedPermissions` or when listed",
    },
    serviceAccountAnnotations: { type: "object", typeText: "Record<string, Record<string, Input<string>>>",
        doc: "Annotations per service account name, e.g. `{\"castai-agent\": {\"eks.amazonaws.com/role-arn\": \"…\"}}` (IRSA, GKE or Azure Workload Identity); values may be Outputs (checked when they resolve; keys now)",
    },
    provider: { type: "object", typeText: "k8s.Provider", renderKey: false, defaultText: "the default provider (ambient kubeconfig)",
        doc: "Kubernetes provider of the target cluster",
    },
} as const satisfies ArgSpecs;

/** Every output of CastAiClusterRbac. */
export const CASTAI_CLUSTER_RBAC_OUTPUTS = {
    namespace: { doc: "The components' namespace" },
    serviceAccountNames: { doc: "Service account per selected component (`castai-agent`, `castai-cluster-controller`, `castai-evictor`, `castai-pod-pinner`, `castware-operator-controller-manager`)" },
    ready: { doc: "The service account names, once every object exists" },
} as const satisfies OutputSpecs;

export const CASTAI_CLUSTER_RBAC_ARG_NAMES = argNames(CASTAI_CLUSTER_RBAC_ARGS);

export interface CastAiClusterRbacPlan extends ClusterRbacPlan<CastAiComponent> {
    readonly extendedPermissions: boolean;
}

/** Validates `args` and returns everything CastAiClusterRbac creates. Throws InputError naming the argument and the rule. */
export function planCastAiClusterRbac(args: CastAiClusterRbacPlainArgs): CastAiClusterRbacPlan {
    rejectUnknownKeys(args, CASTAI_CLUSTER_RBAC_ARG_NAMES, "CastAiClusterRbac");
    const namespace = validateComponentsNamespace("namespace", args.namespace, DEFAULT_NAMESPACE,
        "the components get namespace administrator rights in their namespace");
    const createNamespace = readBoolean(CASTAI_CLUSTER_RBAC_ARGS, "createNamespace", args.createNamespace);
    const extendedPermissions = readBoolean(CASTAI_CLUSTER_RBAC_ARGS, "extendedPermissions", args.extendedPermissions);
    const operatorClusterWidePodWrite = readBoolean(CASTAI_CLUSTER_RBAC_ARGS, "operatorClusterWidePodWrite", args.operatorClusterWidePodWrite);
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
