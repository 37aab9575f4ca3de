import * as pulumi from "@pulumi/pulumi";
import { ClusterRbacComponent } from "../kubernetes/bundle";
import { CastAiComponent } from "./cluster-rbac-catalog";
import { CASTAI_CLUSTER_RBAC_ARGS, CASTAI_CLUSTER_RBAC_OUTPUTS, CastAiClusterRbacPlainArgs, planCastAiClusterRbac } from "./cluster-rbac-plan";
import { checkArgSpec, checkOutputSpec } from "../core/spec";

export interface CastAiClusterRbacArgs {
    /**
     * Namespace the Cast AI components run in (their service accounts, namespaced roles, and the
     * only namespace their "delete own namespace" rule may delete). Plain, not an Output: object
     * names must be known when the program is planned.
     * @default "castai-agent"
     */
    readonly namespace?: string;
    /** Create the namespace; false uses an existing one. @default true */
    readonly createNamespace?: boolean;
    /**
     * Phase 2 of the castware operator (its chart's `extendedPermissions`): the operator also gets
     * exactly the cluster controller's permissions, so it can install the controller without
     * escalating, and the default `components` become all five (phase 2 installs the cluster
     * controller, evictor and pod pinner). Has no effect on the operator without the `operator` component.
     * @default false
     */
    readonly extendedPermissions?: boolean;
    /**
     * RISK, opt-in: with `extendedPermissions`, the operator also holds the rules of the evictor's
     * and pod pinner's charts it does not hold otherwise (ClusterRole
     * `castware-operator-manager-role-ext-charts`), so it can install those charts' RBAC without
     * escalate: cluster-wide pods patch (any pod's images), nodes create and pods/binding create,
     * cluster-wide lease write, volume patch and Karpenter NodeClaim delete. Listed under "Risks".
     * @default false
     */
    readonly operatorClusterWidePodWrite?: boolean;
    /**
     * Which components to grant: any of `agent`, `cluster-controller`, `evictor`, `pod-pinner`, `operator`.
     * The phase 2 components (cluster controller, evictor, pod pinner) delete nodes, approve kubelet
     * certificates and create pods cluster-wide: they are granted only when listed or in phase 2.
     * @default the phase's components: `agent` and `operator` (phase 1); all five with extendedPermissions
     */
    readonly components?: readonly CastAiComponent[];
    /**
     * Annotations per service account name, e.g. `{ "castai-agent": { "eks.amazonaws.com/role-arn": "arn:…" } }`
     * for IRSA, `iam.gke.io/gcp-service-account` for GKE Workload Identity, or
     * `azure.workload.identity/client-id` for Azure Workload Identity.
     * Values may be Outputs (a role ARN from another component or stack): names and keys are
     * checked before anything is registered, such values when they resolve.
     * @default no annotations
     */
    readonly serviceAccountAnnotations?: Readonly<Record<string, Readonly<Record<string, pulumi.Input<string>>>>>;
    /** Kubernetes provider of the target cluster. @default the default provider (ambient kubeconfig) */
    readonly provider?: pulumi.ProviderResource;
}

/**
 * Cast AI in the cluster: one service account per component (named as the vendor's charts name
 * them), and exactly the Roles, ClusterRoles and bindings the vendor's permissions document lists,
 * with every name-scoped row enforced by `resourceNames`. The operator never holds escalate, bind
 * or impersonate.
 */
export class CastAiClusterRbac extends ClusterRbacComponent<CastAiComponent> {
    constructor(name: string, args: CastAiClusterRbacArgs = {}, opts?: pulumi.ComponentResourceOptions) {
        super("kubegrant:castai:CastAiClusterRbac", name, args, (a) => planCastAiClusterRbac(a as CastAiClusterRbacPlainArgs), opts);
    }
}

// The compiler holds the spec to the Args type and the outputs to the class (no runtime cost).
checkArgSpec<CastAiClusterRbacArgs>()(CASTAI_CLUSTER_RBAC_ARGS);
checkOutputSpec<CastAiClusterRbac>()(CASTAI_CLUSTER_RBAC_OUTPUTS);
