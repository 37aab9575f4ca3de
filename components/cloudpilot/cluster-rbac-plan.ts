/**
 * The pure builder of CloudPilot AI in the cluster: validated inputs → every namespace, service
 * account, role and binding CloudPilotClusterRbac creates, as plain data. No Pulumi imports.
 */
import { InputError, rejectUnknownKeys } from "../core";
import { ArgSpecs, OutputSpecs, argNames, readBoolean } from "../core/spec";
import {
    ClusterRbacPlan, catalogRoleSpecs, serviceAccountSpecs, validateComponentsNamespace, validateServiceAccountAnnotations,
    validateServiceAccountNames,
} from "../kubernetes/catalog";
import {
    CLOUDPILOT_COMPONENTS, CLOUDPILOT_PHASE, CLOUDPILOT_ROLES, CLOUDPILOT_SERVICE_ACCOUNTS,
    CloudPilotComponent, cloudPilotEntries,
} from "./cluster-rbac-catalog";
import { CLOUDPILOT_NAMESPACE } from "./names";

/** The inputs of CloudPilotClusterRbac as plain values (see CloudPilotClusterRbacArgs for the docs). */
export interface CloudPilotClusterRbacPlainArgs {
    readonly namespace?: string;
    readonly createNamespace?: boolean;
    readonly optimizer?: boolean;
    readonly allowAnyWebhookConfigurationUpdate?: boolean;
    readonly serviceAccountNames?: Readonly<Partial<Record<CloudPilotComponent, string>>>;
    readonly serviceAccountAnnotations?: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

/** Every argument of CloudPilotClusterRbac, once (the preset's keys, `--help`, the docs' table, the unknown-key check). */
export const CLOUDPILOT_CLUSTER_RBAC_ARGS = {
    namespace: { type: "string", default: CLOUDPILOT_NAMESPACE,
        doc: "Namespace of the components: their service accounts and Roles (DNS-1123 label, not `kube-system`: the optimizer reads every secret in it; nor `default`, `kube-public` or `kube-node-lease`)",
    },
    createNamespace: { type: "boolean", default: true,
        doc: "Create the namespace; `false` uses an existing one",
    },
    optimizer: { type: "boolean", default: false,
        doc: "CloudPilot's phase 2: also the optimizer's service account, Role and three ClusterRoles. `false` is phase 1, the read-only agent only",
    },
    allowAnyWebhookConfigurationUpdate: { type: "boolean", default: false,
        doc: "RISK (needs `optimizer`): the optimizer may update every mutating and validating webhook configuration of the cluster, as CloudPilot documents it (to write its webhooks' CA bundle). Admission webhook control: it could redirect or disable another product's webhooks. Without it the optimizer only reads them: set it if CloudPilot's webhook certificate rotation needs it (CloudPilot does not document its configurations' names, so kubegrant cannot pin the update to them)",
    },
    serviceAccountNames: { type: "object", typeText: "{ agent?: string; optimizer?: string }", defaultText: "`{ agent: \"cloudpilot-agent\", optimizer: \"cloudpilot-aws-optimizer\" }`",
        doc: "Service account per component (`agent`, `optimizer`; the optimizer's only with `optimizer: true`). **Not documented by CloudPilot**: these defaults are kubegrant's choice (the optimizer's is its roles' name, and what `CloudPilotEksAccess` trusts); check `kubectl -n cloudpilot get sa`",
    },
    serviceAccountAnnotations: { type: "object", typeText: "Record<string, Record<string, Input<string>>>",
        doc: "Annotations per service account name, e.g. `{\"cloudpilot-aws-optimizer\": {\"eks.amazonaws.com/role-arn\": \"…\"}}` for IRSA (Pod Identity needs none); values may be Outputs, e.g. `CloudPilotEksAccess.roleArn` (checked when they resolve; keys now)",
    },
    provider: { type: "object", typeText: "k8s.Provider", renderKey: false, defaultText: "the default provider (ambient kubeconfig)",
        doc: "Kubernetes provider of the target cluster",
    },
} as const satisfies ArgSpecs;

/** Every output of CloudPilotClusterRbac. */
export const CLOUDPILOT_CLUSTER_RBAC_OUTPUTS = {
    namespace: { doc: "The components' namespace" },
    serviceAccountNames: { doc: "Service account per granted component (`cloudpilot-agent`, and `cloudpilot-aws-optimizer` with `optimizer`)" },
    ready: { doc: "The service account names, once every object exists" },
} as const satisfies OutputSpecs;

export const CLOUDPILOT_CLUSTER_RBAC_ARG_NAMES = argNames(CLOUDPILOT_CLUSTER_RBAC_ARGS);

export interface CloudPilotClusterRbacPlan extends ClusterRbacPlan<CloudPilotComponent> {
    /** Phase 2: the optimizer is granted too. */
    readonly optimizer: boolean;
    /** The optimizer may update every webhook configuration (opt-in). */
    readonly allowAnyWebhookConfigurationUpdate: boolean;
}

/** Validates `args` and returns everything CloudPilotClusterRbac creates. Throws InputError naming the argument and the rule. */
export function planCloudPilotClusterRbac(args: CloudPilotClusterRbacPlainArgs): CloudPilotClusterRbacPlan {
    rejectUnknownKeys(args, CLOUDPILOT_CLUSTER_RBAC_ARG_NAMES, "CloudPilotClusterRbac");
    const namespace = validateComponentsNamespace("namespace", args.namespace, CLOUDPILOT_NAMESPACE,
        "the optimizer reads every secret in its namespace, and both components write leases there");
    const createNamespace = readBoolean(CLOUDPILOT_CLUSTER_RBAC_ARGS, "createNamespace", args.createNamespace);
    const optimizer = readBoolean(CLOUDPILOT_CLUSTER_RBAC_ARGS, "optimizer", args.optimizer);
    const allowAnyWebhookConfigurationUpdate = readBoolean(CLOUDPILOT_CLUSTER_RBAC_ARGS, "allowAnyWebhookConfigurationUpdate", args.allowAnyWebhookConfigurationUpdate);
    if (allowAnyWebhookConfigurationUpdate && !optimizer) {
        throw new InputError("allowAnyWebhookConfigurationUpdate", "is only used when optimizer is true (it widens the optimizer's webhook rule)");
    }
    const components = CLOUDPILOT_COMPONENTS.filter((c) => CLOUDPILOT_PHASE[c] === 1 || optimizer);
    const serviceAccountNames = validateServiceAccountNames("serviceAccountNames", args.serviceAccountNames,
        CLOUDPILOT_SERVICE_ACCOUNTS, components, (c) => `is only used when the ${c} is granted (set optimizer to true)`);
    const saNames = components.map((c) => serviceAccountNames[c]);
    const annotationsOf = validateServiceAccountAnnotations("serviceAccountAnnotations", args.serviceAccountAnnotations, saNames);
    return {
        namespace,
        createNamespace,
        optimizer,
        allowAnyWebhookConfigurationUpdate,
        components,
        serviceAccountNames,
        bundle: {
            namespaces: createNamespace ? [namespace] : [],
            serviceAccounts: serviceAccountSpecs(saNames, namespace, annotationsOf),
            roles: catalogRoleSpecs(CLOUDPILOT_ROLES.filter((r) => components.includes(r.component)), cloudPilotEntries({ allowAnyWebhookConfigurationUpdate }),
                namespace, (c) => serviceAccountNames[c]),
            labels: { "app.kubernetes.io/part-of": "cloudpilot" },
        },
    };
}
