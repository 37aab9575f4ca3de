/**
 * The pure builder of Cast AI on GCP: validated inputs → every name, permission list and IAM
 * condition CastAiGkeAccess creates. No Pulumi imports; the component only wires what this returns.
 */
import { InputError, optionalList, rejectUnknownKeys, shortHash } from "../core";
import { ArgSpecs, OutputSpecs, argNames, outputArgs, readBoolean, readChoice } from "../core/spec";
import { rejectReservedNamespace, validateNamespace } from "../kubernetes/validate";
import { Switches, buildPermissions } from "../gcp/catalog";
import { IamCondition, callerEmailCondition, serviceAccountsCondition, workloadIdentityMember } from "../gcp/condition";
import {
    optionalSeconds, validateGkeClusterName, validateLocation, validateProjectId,
    validateServiceAccountEmail, validateServiceAccountUniqueId, checkConditionOperands,
} from "../gcp/validate";
import { CASTAI_GKE_PERMISSIONS } from "./gke-catalog";
import { CastAiClusterRbacPlainArgs, CastAiClusterRbacPlan, DEFAULT_NAMESPACE, planBundledClusterRbac } from "./cluster-rbac-plan";

export const CASTAI_GKE_MODES = ["impersonation", "key"] as const;
export type CastAiGkeMode = typeof CASTAI_GKE_MODES[number];

/** The APIs the seed requires in the cluster's project. */
export const CASTAI_GKE_APIS = ["cloudresourcemanager.googleapis.com", "serviceusage.googleapis.com"] as const;
/** The Kubernetes service account of Cast AI's cloud proxy (its Helm chart's default name). */
export const CASTAI_CLOUD_PROXY_KSA = "castai-cloud-proxy";
/** Longest propagation wait accepted (the vendor's scripts wait 180 s). */
export const MAX_PROPAGATION_DELAY = 600;

/**
 * The arguments of CastAiGkeAccess, with `S` the type of its string inputs (`string` for the pure
 * builder, `pulumi.Input<string>` for the component, see CastAiGkeAccessArgs) and `R` the type of
 * `clusterRbac` (CastAiClusterRbac's arguments, plain or with Outputs and a provider).
 */
export interface CastAiGkeArgsOf<S, R = CastAiClusterRbacPlainArgs> {
    /** Project of the GKE cluster: the service account, custom role and bindings live here. */
    readonly projectId: S;
    /** GKE cluster name: names the service account (`castai-gke-<sha1[:8]>`) and the custom role. */
    readonly clusterName: S;
    /** The cluster's region or zone (descriptions only; IAM is project-wide). */
    readonly location: S;
    /**
     * `impersonation`: Cast AI's organization account impersonates the service account; no key
     * exists. `key`: one service-account key, its private key a secret output, for Cast AI's
     * key-based onboarding.
     * @default "impersonation"
     */
    readonly mode?: CastAiGkeMode;
    /**
     * Cast AI's impersonation account, as its gcp-create-sa API returns it
     * (`cast-gke-<hash>@prod-cast-identity.iam.gserviceaccount.com`). Required in impersonation mode.
     */
    readonly castaiServiceAccount?: S;
    /**
     * Unique IDs (21 digits) of the node pools' service accounts: roles/iam.serviceAccountUser is
     * conditioned to exactly these. Required unless allowProjectWideServiceAccountUse is true.
     * @default required
     */
    readonly nodeServiceAccountIds?: readonly string[];
    /**
     * RISK: grant roles/iam.serviceAccountUser on the whole project with no condition, so Cast AI
     * may act as (and start VMs as) every service account of the project, owners' included. Only
     * for node pools whose service accounts are not known in advance; excludes nodeServiceAccountIds.
     * @default false
     */
    readonly allowProjectWideServiceAccountUse?: boolean;
    /** Projects holding sole-tenant node groups: each gets the custom role, bound to the service account. @default [] */
    readonly computeManagerProjectIds?: readonly string[];
    /**
     * Let the in-cluster Kubernetes service account `<cloudProxyNamespace>/castai-cloud-proxy` act
     * as the service account through GKE Workload Identity (roles/iam.workloadIdentityUser).
     * @default false
     */
    readonly cloudProxyWorkloadIdentity?: boolean;
    /**
     * Namespace of Cast AI's cloud proxy (Workload Identity only; with clusterRbac its namespace is used).
     * @default "castai-agent"
     */
    readonly cloudProxyNamespace?: S;
    /** Add Cast AI's target-pool load balancer permissions. @default false */
    readonly loadBalancersTargetBackendPools?: boolean;
    /** Add Cast AI's unmanaged-instance-group load balancer permissions. @default false */
    readonly loadBalancersUnmanagedInstanceGroups?: boolean;
    /**
     * IAM changes take up to a few minutes to propagate; Cast AI's scripts sleep 180 s before
     * registering. With a value above 0, `ready` resolves that many seconds after every binding
     * exists (during `pulumi up` only). 0 leaves the wait to whoever consumes `ready`.
     * @default 0
     */
    readonly propagationDelaySeconds?: number;
    /**
     * Also create Cast AI's in-cluster service accounts and RBAC (CastAiClusterRbac, as the child
     * `<name>-cluster`) with these arguments. With cloudProxyWorkloadIdentity, the cloud proxy's
     * Kubernetes service account is created too, in the same namespace and with the same provider
     * (the Workload Identity member names that namespace). The GKE agent itself needs no GCP
     * identity: it reads only the metadata server.
     * @default none (nothing is created in the cluster)
     */
    readonly clusterRbac?: R;
}

/** The inputs of CastAiGkeAccess as plain values. */
export type CastAiGkePlainArgs = CastAiGkeArgsOf<string>;

/**
 * Every argument of CastAiGkeAccess, once: the preset's keys, `--help`, the docs' table, the
 * unknown-key check and the string inputs come from here (gke.ts checks it against the Args type).
 */
export const CASTAI_GKE_ARGS = {
    projectId: { type: "string", output: true, required: true,
        doc: "project of the cluster (6–30 lower-case letters, digits, hyphens, starting with a letter)",
    },
    clusterName: { type: "string", output: true, required: true,
        doc: "GKE cluster name; names the service account and the role",
    },
    location: { type: "string", output: true, required: true,
        doc: "region or zone of the cluster (descriptions only: IAM is project-wide)",
    },
    mode: { type: "string", choices: CASTAI_GKE_MODES, default: "impersonation",
        doc: "keyless impersonation by Cast AI's account, or one service-account key",
    },
    castaiServiceAccount: { type: "string", output: true, defaultText: "required in impersonation mode",
        doc: "Cast AI's impersonation account (`cast-gke-<hash>@prod-cast-identity.iam.gserviceaccount.com`, from gcp-create-sa)",
    },
    nodeServiceAccountIds: { type: "list", defaultText: "required",
        doc: "unique IDs (21 digits) of the node pools' service accounts: the only ones Cast AI may act as (not with `allowProjectWideServiceAccountUse`; at most 13: GCP allows 12 logical operators per IAM condition)",
    },
    allowProjectWideServiceAccountUse: { type: "boolean", default: false,
        doc: "RISK: `roles/iam.serviceAccountUser` on the whole project, no condition (Cast AI may act as, and start VMs as, any service account of the project); only for node pools whose service accounts are not known in advance",
    },
    computeManagerProjectIds: { type: "list", default: [],
        doc: "sole-tenant projects: the custom role and a binding in each",
    },
    cloudProxyWorkloadIdentity: { type: "boolean", default: false,
        doc: "Workload Identity for Cast AI's in-cluster cloud proxy",
    },
    cloudProxyNamespace: { type: "string", output: true, default: DEFAULT_NAMESPACE,
        doc: "namespace of the cloud proxy (Workload Identity only); not `default`, `kube-system`, `kube-public` or `kube-node-lease`",
    },
    loadBalancersTargetBackendPools: { type: "boolean", default: false,
        doc: "Cast AI's target-pool load balancer permissions",
    },
    loadBalancersUnmanagedInstanceGroups: { type: "boolean", default: false,
        doc: "Cast AI's unmanaged-instance-group load balancer permissions",
    },
    propagationDelaySeconds: { type: "number", default: 0,
        doc: "seconds `ready` waits after the last binding (0–600), only under a real `pulumi up` (never in a preview, a render or under mocks)",
    },
    clusterRbac: { type: "object", typeText: "CastAiClusterRbacArgs",
        doc: "also create Cast AI's in-cluster service accounts and RBAC; with Workload Identity, the cloud proxy's service account in the same namespace, with the same provider (render: JSON, e.g. `'{}'`)",
    },
    kubernetesProvider: { type: "object", typeText: "ProviderResource", renderKey: false,
        doc: "with Workload Identity: creates the annotated `castai-cloud-proxy` Kubernetes service account (not a render key; with `clusterRbac`, set `clusterRbac.provider` instead)",
    },
} as const satisfies ArgSpecs;

/** Every output of CastAiGkeAccess (the preset's stack outputs and the docs' table). */
export const CASTAI_GKE_OUTPUTS = {
    serviceAccountEmail: { doc: "the service account Cast AI uses: give it to Cast AI (gcp-create-sa)" },
    serviceAccountId: { doc: "its account ID, `castai-gke-<hash>`" },
    serviceAccountUniqueId: { doc: "its numeric unique ID" },
    customRoleId: { doc: "`projects/<projectId>/roles/castai.gkeAccess.<hash>`" },
    privateKey: { doc: "key mode only: base64 JSON credentials, secret" },
    mode: { doc: "the mode in effect" },
    propagationDelaySeconds: { doc: "the wait `ready` includes" },
    ready: { doc: "the e-mail, resolved only once every role, binding, API (and key) exists" },
} as const satisfies OutputSpecs;

/** Argument names in documentation order (kubernetesProvider included: the component passes it on). */
export const CASTAI_GKE_ARG_NAMES = argNames(CASTAI_GKE_ARGS);

/** The string inputs that may arrive as Outputs (from another stack); everything else is plain. */
export const CASTAI_GKE_STRING_ARGS = outputArgs(CASTAI_GKE_ARGS);

export interface ComputeManagerRole {
    /** Stable resource key (from the project ID). */
    readonly key: string;
    readonly projectId: string;
    readonly roleId: string;
}

export interface CastAiGkePlan {
    readonly mode: CastAiGkeMode;
    readonly projectId: string;
    readonly clusterName: string;
    readonly location: string;
    readonly switches: Switches;
    /** `castai-gke-<sha1(clusterName)[:8]>`, as the seed names it. */
    readonly accountId: string;
    readonly email: string;
    readonly displayName: string;
    readonly description: string;
    /** `castai.gkeAccess.<sha1(clusterName)[:8]>`: one role per cluster. */
    readonly roleId: string;
    /** `projects/<projectId>/roles/<roleId>`. */
    readonly roleName: string;
    readonly roleTitle: string;
    readonly roleDescription: string;
    /** Sorted permissions of the custom role (and of every compute-manager role). */
    readonly permissions: readonly string[];
    readonly nodeServiceAccountIds: readonly string[];
    /** The project-wide serviceAccountUser opt-in (no condition). */
    readonly allowProjectWideServiceAccountUse: boolean;
    /** Condition of the project-level roles/iam.serviceAccountUser; undefined only with allowProjectWideServiceAccountUse. */
    readonly serviceAccountUserCondition?: IamCondition;
    /** Cast AI's impersonation account (impersonation mode). */
    readonly castaiServiceAccount?: string;
    readonly impersonationCondition?: IamCondition;
    /** Workload Identity member of the cloud proxy's Kubernetes service account, when switched on. */
    readonly cloudProxyMember?: string;
    readonly cloudProxyNamespace: string;
    readonly computeManagerRoles: readonly ComputeManagerRole[];
    readonly apis: readonly string[];
    readonly propagationDelaySeconds: number;
    /** Soft problems (logged as warnings by the component). */
    readonly warnings: readonly string[];
    /** The in-cluster part, with clusterRbac. */
    readonly clusterRbac?: CastAiClusterRbacPlan;
}

/**
 * Validates `args` and returns everything CastAiGkeAccess creates. Throws InputError naming the
 * argument and the rule. The number and keys of resources depend only on the mode, the switches
 * and the lists, never on string values.
 */
export function planCastAiGke(a: CastAiGkePlainArgs): CastAiGkePlan {
    rejectUnknownKeys(a, CASTAI_GKE_ARG_NAMES, "CastAiGkeAccess");
    const projectId = validateProjectId("projectId", a.projectId);
    const clusterName = validateGkeClusterName("clusterName", a.clusterName);
    const location = validateLocation("location", a.location);
    const mode = readChoice<CastAiGkeMode>(CASTAI_GKE_ARGS, "mode", a.mode);
    let castaiServiceAccount: string | undefined;
    if (mode === "impersonation") {
        if (a.castaiServiceAccount === undefined || a.castaiServiceAccount === null || a.castaiServiceAccount === "") {
            throw new InputError("castaiServiceAccount",
                'is required in mode "impersonation" (the account Cast AI returns from gcp-create-sa, cast-gke-<hash>@prod-cast-identity.iam.gserviceaccount.com); to use a service-account key instead, set mode to "key"');
        }
        castaiServiceAccount = validateServiceAccountEmail("castaiServiceAccount", a.castaiServiceAccount);
    } else if (a.castaiServiceAccount !== undefined) {
        throw new InputError("castaiServiceAccount", 'is only used in mode "impersonation"; remove it or set mode to "impersonation"');
    }
    const nodeServiceAccountIds = optionalList("nodeServiceAccountIds", a.nodeServiceAccountIds, validateServiceAccountUniqueId);
    checkConditionOperands("nodeServiceAccountIds", nodeServiceAccountIds);
    const allowProjectWideServiceAccountUse = readBoolean(CASTAI_GKE_ARGS, "allowProjectWideServiceAccountUse", a.allowProjectWideServiceAccountUse);
    if (allowProjectWideServiceAccountUse && nodeServiceAccountIds.length > 0) {
        throw new InputError("allowProjectWideServiceAccountUse", "excludes nodeServiceAccountIds (the IDs scope roles/iam.serviceAccountUser to the node pools); remove one of them");
    }
    if (!allowProjectWideServiceAccountUse && nodeServiceAccountIds.length === 0) {
        throw new InputError("nodeServiceAccountIds",
            "is required: the unique IDs (21 digits) of the node pools' service accounts, the only ones Cast AI may act as (gcloud iam service-accounts describe EMAIL --format='value(uniqueId)'); to let Cast AI act as every service account of the project instead, set allowProjectWideServiceAccountUse to true");
    }
    const computeManagerProjectIds = optionalList("computeManagerProjectIds", a.computeManagerProjectIds, validateProjectId);
    const same = computeManagerProjectIds.indexOf(projectId);
    if (same >= 0) {
        throw new InputError(`computeManagerProjectIds[${same}]`, `is the cluster's own project ${JSON.stringify(projectId)}; list only other projects`);
    }
    const cloudProxyWorkloadIdentity = readBoolean(CASTAI_GKE_ARGS, "cloudProxyWorkloadIdentity", a.cloudProxyWorkloadIdentity);
    if (!cloudProxyWorkloadIdentity && a.cloudProxyNamespace !== undefined) {
        throw new InputError("cloudProxyNamespace", "is only used when cloudProxyWorkloadIdentity is true");
    }
    const clusterRbac = planBundledClusterRbac(a.clusterRbac);
    if (clusterRbac !== undefined && a.cloudProxyNamespace !== undefined) {
        throw new InputError("cloudProxyNamespace", "is clusterRbac.namespace when clusterRbac is set; set the namespace there (one value for the Workload Identity member and the cluster)");
    }
    // One namespace for the cloud proxy's Workload Identity member and the in-cluster objects.
    const cloudProxyNamespace = clusterRbac !== undefined ? clusterRbac.namespace
        : a.cloudProxyNamespace === undefined ? CASTAI_GKE_ARGS.cloudProxyNamespace.default : rejectReservedNamespace("cloudProxyNamespace", validateNamespace("cloudProxyNamespace", a.cloudProxyNamespace));
    const switches: Switches = {
        loadBalancersTargetBackendPools: readBoolean(CASTAI_GKE_ARGS, "loadBalancersTargetBackendPools", a.loadBalancersTargetBackendPools),
        loadBalancersUnmanagedInstanceGroups: readBoolean(CASTAI_GKE_ARGS, "loadBalancersUnmanagedInstanceGroups", a.loadBalancersUnmanagedInstanceGroups),
    };
    const propagationDelaySeconds = optionalSeconds("propagationDelaySeconds", a.propagationDelaySeconds ?? CASTAI_GKE_ARGS.propagationDelaySeconds.default, MAX_PROPAGATION_DELAY);

    const hash = shortHash(clusterName);
    const accountId = `castai-gke-${hash}`;
    const roleId = `castai.gkeAccess.${hash}`;
    const warnings: string[] = [];
    if (allowProjectWideServiceAccountUse) {
        warnings.push("allowProjectWideServiceAccountUse is true: Cast AI may act as every service account of the project (roles/iam.serviceAccountUser with no condition). List the node pools' service-account unique IDs in nodeServiceAccountIds instead when you can.");
    }
    return {
        mode, projectId, clusterName, location, switches, accountId,
        email: `${accountId}@${projectId}.iam.gserviceaccount.com`,
        displayName: `Cast AI: ${clusterName}`.slice(0, 100),
        description: `Cast AI manages GKE cluster ${clusterName} (${location}) as this account (kubegrant)`,
        roleId,
        roleName: `projects/${projectId}/roles/${roleId}`,
        roleTitle: "Role to manage GKE cluster via CAST AI",
        roleDescription: `Cast AI manages GKE cluster ${clusterName} (${location}) (kubegrant)`,
        permissions: buildPermissions(CASTAI_GKE_PERMISSIONS, switches),
        nodeServiceAccountIds,
        allowProjectWideServiceAccountUse,
        serviceAccountUserCondition: allowProjectWideServiceAccountUse ? undefined : {
            title: "castai_node_service_accounts_only",
            description: `Cast AI may act only as the ${nodeServiceAccountIds.length} node pool service account(s) of cluster ${clusterName}`,
            expression: serviceAccountsCondition(nodeServiceAccountIds),
        },
        castaiServiceAccount,
        impersonationCondition: castaiServiceAccount === undefined ? undefined : {
            title: "SpecificServiceAccountCondition",
            description: "Allow impersonation only for Cast AI service account",
            expression: callerEmailCondition(castaiServiceAccount),
        },
        cloudProxyMember: cloudProxyWorkloadIdentity ? workloadIdentityMember(projectId, cloudProxyNamespace, CASTAI_CLOUD_PROXY_KSA) : undefined,
        cloudProxyNamespace,
        computeManagerRoles: computeManagerProjectIds.map((p) => ({
            key: p, projectId: p, roleId: `castai.gkeAccess.${shortHash(`${p}/${clusterName}`)}`,
        })),
        apis: [...CASTAI_GKE_APIS],
        propagationDelaySeconds,
        warnings,
        ...(clusterRbac !== undefined ? { clusterRbac } : {}),
    };
}
