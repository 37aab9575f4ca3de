import * as pulumi from "@pulumi/pulumi";
import { ClusterRbacComponent } from "../kubernetes/bundle";
import { CloudPilotComponent } from "./cluster-rbac-catalog";
import { CLOUDPILOT_CLUSTER_RBAC_ARGS, CLOUDPILOT_CLUSTER_RBAC_OUTPUTS, CloudPilotClusterRbacPlainArgs, planCloudPilotClusterRbac } from "./cluster-rbac-plan";
import { checkArgSpec, checkOutputSpec } from "../core/spec";

export interface CloudPilotClusterRbacArgs {
    /**
     * Namespace CloudPilot's components run in: their service accounts and Roles (leases, and the
     * optimizer's secrets and configmaps). Plain, not an Output: object names must be known when
     * the program is planned.
     * @default "cloudpilot"
     */
    readonly namespace?: string;
    /** Create the namespace; false uses an existing one. @default true */
    readonly createNamespace?: boolean;
    /**
     * CloudPilot's phase 2: also grant the optimizer (its service account, Role
     * `cloudpilot-aws-optimizer` and ClusterRoles `cloudpilot-aws-optimizer`,
     * `cloudpilot-aws-optimizer-admin`, `cloudpilot-aws-optimizer-core`). False grants phase 1 only:
     * the read-only agent.
     * @default false
     */
    readonly optimizer?: boolean;
    /**
     * RISK: let the optimizer update every mutating and validating webhook configuration of the
     * cluster, as CloudPilot's document grants it (to write its webhooks' CA bundle). Admission
     * webhook control: it could redirect or disable another product's webhooks. Without it the
     * optimizer reads webhook configurations only. Needs optimizer.
     * @default false
     */
    readonly allowAnyWebhookConfigurationUpdate?: boolean;
    /**
     * Service account name per component (`agent`, `optimizer`). CloudPilot documents neither:
     * the defaults are kubegrant's choice. Keep the optimizer's equal to CloudPilotEksAccess's
     * `serviceAccountName`, which its Pod Identity or IRSA trust names.
     * @default { agent: "cloudpilot-agent", optimizer: "cloudpilot-aws-optimizer" }
     */
    readonly serviceAccountNames?: Readonly<Partial<Record<CloudPilotComponent, string>>>;
    /**
     * Annotations per service account name, e.g. `{ "cloudpilot-aws-optimizer": { "eks.amazonaws.com/role-arn": "arn:…" } }`
     * for IRSA (Pod Identity needs none).
     * Values may be Outputs (a role ARN from another component or stack): names and keys are
     * checked before anything is registered, such values when they resolve.
     * @default no annotations
     */
    readonly serviceAccountAnnotations?: Readonly<Record<string, Readonly<Record<string, pulumi.Input<string>>>>>;
    /** Kubernetes provider of the target cluster. @default the default provider (ambient kubeconfig) */
    readonly provider?: pulumi.ProviderResource;
}

/**
 * CloudPilot AI in the cluster: a service account for its agent (phase 1) and, with `optimizer`,
 * for its optimizer (phase 2), and exactly the Roles and ClusterRoles of CloudPilot's permissions
 * document, each bound to its component's service account.
 */
export class CloudPilotClusterRbac extends ClusterRbacComponent<CloudPilotComponent> {
    constructor(name: string, args: CloudPilotClusterRbacArgs = {}, opts?: pulumi.ComponentResourceOptions) {
        super("kubegrant:cloudpilot:CloudPilotClusterRbac", name, args, (a) => planCloudPilotClusterRbac(a as CloudPilotClusterRbacPlainArgs), opts);
    }
}

// The compiler holds the spec to the Args type and the outputs to the class (no runtime cost).
checkArgSpec<CloudPilotClusterRbacArgs>()(CLOUDPILOT_CLUSTER_RBAC_ARGS);
checkOutputSpec<CloudPilotClusterRbac>()(CLOUDPILOT_CLUSTER_RBAC_OUTPUTS);
