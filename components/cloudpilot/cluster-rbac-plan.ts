/**
 * The pure builder of CloudPilot AI in the cluster: validated inputs → every namespace, service
 * account, role and binding CloudPilotClusterRbac creates, as plain data. No Pulumi imports.
 */
import { InputError, optionalBoolean, rejectUnknownKeys } from "../core";
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

export const CLOUDPILOT_CLUSTER_RBAC_ARG_NAMES: readonly string[] = [
    "namespace", "createNamespace", "optimizer", "allowAnyWebhookConfigurationUpdate", "serviceAccountNames", "serviceAccountAnnotations", "provider",
];

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
    const createNamespace = optionalBoolean("createNamespace", args.createNamespace, true);
    const optimizer = optionalBoolean("optimizer", args.optimizer, false);
    const allowAnyWebhookConfigurationUpdate = optionalBoolean("allowAnyWebhookConfigurationUpdate", args.allowAnyWebhookConfigurationUpdate, false);
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
