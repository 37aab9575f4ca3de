/**
 * The pure builder of Cast AI on Azure: validated inputs → every name, GUID, scope and action the
 * component creates. No Pulumi imports; the component only wires what this returns.
 */
import { InputError, optionalList, rejectUnknownKeys, requireMatch, shortHash } from "../core";
import { ArgSpecs, OutputSpecs, argNames, outputArgs, readChoice } from "../core/spec";
import { stableGuid } from "../azure/guid";
import {
    AZURE_MAX_LENGTH, resourceGroupId, validateAksClusterName, validateGuid, validateIssuer, validateLocation,
    validateResourceGroupName, validateResourceGroupRef, validateSubject, validateSubscriptionId,
    validateUserAssignedIdentityName, validateAzureTags, validateClientSecretExpiry,
} from "../azure/validate";
import { AZURE_TOKEN_EXCHANGE_AUDIENCE } from "../azure/audience";
import { CASTAI_AKS_ACTIONS, CASTAI_AKS_NOT_ACTIONS } from "./aks-catalog";
import { CastAiClusterRbacPlainArgs, CastAiClusterRbacPlan, planBundledClusterRbac } from "./cluster-rbac-plan";

export const AKS_AUTHENTICATIONS = ["workloadIdentity", "clientSecret"] as const;
export type AksAuthentication = typeof AKS_AUTHENTICATIONS[number];

/** The issuer of Cast AI's tokens: its identity is a Google service account (terraform-castai-aks). */
export const CASTAI_AKS_ISSUER = "https://accounts.google.com";
/** Default lifetime of the client secret (Graph's own default, which the vendor module uses, is 2 years). */
export const DEFAULT_CLIENT_SECRET_EXPIRY = "8760h";

/**
 * The arguments of CastAiAksAccess, with `S` the type of its string inputs (`string` for the pure
 * builder, `pulumi.Input<string>` for the component, see CastAiAksAccessArgs) and `R` the type of
 * `clusterRbac` (CastAiClusterRbac's arguments, plain or with Outputs and a provider).
 */
export interface CastAiAksArgsOf<S, R = CastAiClusterRbacPlainArgs> {
    /** Subscription of the cluster (a GUID): the role definition lives there. */
    readonly subscriptionId: S;
    /** AKS cluster name: names the identity, the app registration and the role's description. */
    readonly clusterName: S;
    /** The cluster ID Cast AI assigned at registration: its first 8 characters name the role (`CastAKSRole-<id[:8]>`). */
    readonly clusterId: S;
    /** The cluster's resource group: the role is defined, assignable and assigned there. */
    readonly resourceGroup: S;
    /** The cluster's node resource group (`MC_…`): the role is assignable and assigned there. */
    readonly nodeResourceGroup: S;
    /**
     * More resource groups Cast AI may manage (e.g. the VNet's group), by name in this
     * subscription or by full ID: the role is assignable and assigned at each.
     * @default []
     */
    readonly additionalResourceGroups?: readonly string[];
    /**
     * How Cast AI signs in: `workloadIdentity` (a user-assigned managed identity that trusts
     * Cast AI's identity through a federated credential; no secret anywhere) or `clientSecret`
     * (an app registration with a client secret, as the onboarding script does).
     * @default "workloadIdentity"
     */
    readonly authentication?: AksAuthentication;
    /**
     * Workload identity only, required there: the ID of Cast AI's identity that the federated
     * credential trusts (the `sub` of Cast AI's tokens; Cast AI's `castai_impersonation_service_account`).
     */
    readonly castaiIdentitySubject?: S;
    /** Workload identity only: the issuer of Cast AI's tokens. @default "https://accounts.google.com" */
    readonly castaiIdentityIssuer?: S;
    /** Workload identity only, required there: the location of the managed identity (the cluster's). */
    readonly location?: S;
    /** Workload identity only: the managed identity's name. @default `<clusterName>-castai-identity` */
    readonly identityName?: S;
    /**
     * Client secret only: the secret's lifetime, in hours (`8760h`) or as an RFC 3339 UTC end date.
     * @default "8760h"
     */
    readonly clientSecretExpiry?: string;
    /** Client secret only: object IDs that own the app registration and its service principal. @default none */
    readonly owners?: readonly string[];
    /**
     * Also create Cast AI's in-cluster service accounts and RBAC (CastAiClusterRbac, as the child
     * `<name>-cluster`) with these arguments. No in-cluster Cast AI component calls Azure APIs (the
     * AKS agent reads only the instance metadata service), so no service account gets an Azure
     * identity; `serviceAccountAnnotations` can still set one.
     * @default none (nothing is created in the cluster)
     */
    readonly clusterRbac?: R;
}

/** The inputs of CastAiAksAccess as plain values; `tags` is passed through to the managed identity. */
export interface CastAiAksPlainArgs extends CastAiAksArgsOf<string> {
    readonly tags?: unknown;
}

/**
 * Every argument of CastAiAksAccess, once: the preset's keys, `--help`, the docs' table, the
 * unknown-key check and the string inputs come from here (aks.ts checks it against the Args type).
 */
export const CASTAI_AKS_ARGS = {
    subscriptionId: { type: "string", output: true, required: true,
        doc: "subscription of the cluster (a GUID)",
    },
    clusterName: { type: "string", output: true, required: true,
        doc: "AKS cluster name (1–63 letters, digits, `-`, `_`); names the identity and the app",
    },
    clusterId: { type: "string", output: true, required: true,
        doc: "Cast AI's cluster ID (8–64 characters); its first 8 name the role",
    },
    resourceGroup: { type: "string", output: true, required: true,
        doc: "cluster resource group (1–90 characters): role defined, assignable and assigned here",
    },
    nodeResourceGroup: { type: "string", output: true, required: true,
        doc: "node resource group: role assignable and assigned here",
    },
    additionalResourceGroups: { type: "list", default: [],
        doc: "more groups Cast AI may manage (e.g. the VNet's), by name or full ID",
    },
    authentication: { type: "string", choices: AKS_AUTHENTICATIONS, default: "workloadIdentity",
        doc: "how Cast AI signs in",
    },
    castaiIdentitySubject: { type: "string", output: true, defaultText: "required for workload identity",
        doc: "the ID of Cast AI's identity the federated credential trusts",
    },
    castaiIdentityIssuer: { type: "string", output: true, default: CASTAI_AKS_ISSUER,
        doc: "issuer of Cast AI's tokens (workload identity)",
    },
    location: { type: "string", output: true, defaultText: "required for workload identity",
        doc: "location of the managed identity",
    },
    identityName: { type: "string", output: true, defaultText: "`<clusterName>-castai-identity`",
        doc: "name of the managed identity (workload identity)",
    },
    clientSecretExpiry: { type: "string", default: DEFAULT_CLIENT_SECRET_EXPIRY,
        doc: "client secret lifetime in hours (at most `17520h`), or an RFC 3339 UTC end date in the future and at most two years away (Entra ID's limit; client secret)",
    },
    owners: { type: "list",
        doc: "object IDs owning the app registration and service principal (client secret)",
    },
    clusterRbac: { type: "object", typeText: "CastAiClusterRbacArgs",
        doc: "also create Cast AI's in-cluster service accounts and RBAC (render: JSON, e.g. `'{}'`)",
    },
    tags: { type: "object", typeText: "Input<Record<string, Input<string>>>",
        doc: "tags of the managed identity (Azure's rules, checked: at most 50; names 1–512 characters without `< > % & \\ ? /`, unique ignoring case; values up to 256)",
    },
} as const satisfies ArgSpecs;

/** Every output of CastAiAksAccess (the preset's stack outputs and the docs' table). */
export const CASTAI_AKS_OUTPUTS = {
    clientId: { doc: "client ID Cast AI signs in with (managed identity or app registration)" },
    tenantId: { doc: "tenant of the identity (the identity's, or the service principal's application tenant)" },
    clientSecret: { doc: "the client secret, secret (client secret mode only; absent otherwise)" },
    principalId: { doc: "object ID that holds the role" },
    roleDefinitionId: { doc: "`/subscriptions/<sub>/providers/Microsoft.Authorization/roleDefinitions/<guid>`" },
    roleName: { doc: "`CastAKSRole-<clusterId[:8]>`" },
    ready: { doc: "the client ID, resolved only once every role assignment and credential exists" },
} as const satisfies OutputSpecs;

export const CASTAI_AKS_ARG_NAMES = argNames(CASTAI_AKS_ARGS);

/** The string inputs that may arrive as Outputs (from another stack); everything else is plain. */
export const CASTAI_AKS_STRING_ARGS = outputArgs(CASTAI_AKS_ARGS);

export interface AksAssignment {
    /** Stable key of the Pulumi resource: `cluster`, `nodes`, or `rg-<hash of the input>`. */
    readonly key: string;
    /** Resource group ID. */
    readonly scope: string;
    /** The assignment's stable GUID. */
    readonly name: string;
    readonly description: string;
}

export interface CastAiAksPlan {
    readonly authentication: AksAuthentication;
    readonly subscriptionId: string;
    readonly roleName: string;
    readonly roleDescription: string;
    readonly roleDefinitionGuid: string;
    /** `/subscriptions/<sub>/providers/Microsoft.Authorization/roleDefinitions/<guid>`. */
    readonly roleDefinitionId: string;
    readonly actions: readonly string[];
    /** Actions the role's wildcards include and kubegrant subtracts (run command on node VMs). */
    readonly notActions: readonly string[];
    /** Cluster group, node group, additional groups: the definition is created at the first. */
    readonly assignableScopes: readonly string[];
    readonly assignments: readonly AksAssignment[];
    /** Client-secret mode only. */
    readonly app?: {
        readonly displayName: string;
        readonly secretExpiry: string;
        readonly owners?: readonly string[];
    };
    /** The in-cluster part, with clusterRbac. */
    readonly clusterRbac?: CastAiClusterRbacPlan;
    /** Workload-identity mode only. */
    readonly identity?: {
        readonly name: string;
        readonly resourceGroupName: string;
        readonly location: string;
        readonly credential: {
            readonly key: string;
            readonly name: string;
            readonly issuer: string;
            readonly subject: string;
            readonly audiences: readonly string[];
        };
    };
}

const CLUSTER_ID_RULE = "must be the Cast AI cluster ID: 8-64 letters, digits and - (its first 8 characters name the role)";

function onlyIn(mode: AksAuthentication, key: keyof CastAiAksPlainArgs, a: CastAiAksPlainArgs, current: AksAuthentication): void {
    if (current !== mode && a[key] !== undefined) {
        throw new InputError(key, `is only used when authentication is "${mode}"; remove it or set authentication=${mode}`);
    }
}

function requiredIn(mode: AksAuthentication, key: keyof CastAiAksPlainArgs, a: CastAiAksPlainArgs, what: string): void {
    if (a[key] === undefined || a[key] === null || a[key] === "") {
        throw new InputError(key, `is required when authentication is "${mode}" (${what})`);
    }
}

/**
 * Validates `args` and returns everything CastAiAksAccess creates. Throws InputError naming the
 * argument and the rule. Pulumi resource names depend only on the mode and the list of
 * additional groups as given, never on values that may arrive later.
 */
export function planCastAiAks(a: CastAiAksPlainArgs): CastAiAksPlan {
    rejectUnknownKeys(a, CASTAI_AKS_ARG_NAMES, "CastAiAksAccess");
    validateAzureTags("tags", (a as { tags?: unknown }).tags);
    const subscriptionId = validateSubscriptionId("subscriptionId", a.subscriptionId).toLowerCase();
    const clusterName = validateAksClusterName("clusterName", a.clusterName);
    const clusterId = requireMatch("clusterId", a.clusterId, /^[A-Za-z0-9-]{8,64}$/, CLUSTER_ID_RULE);
    const id8 = clusterId.slice(0, 8);
    const resourceGroup = validateResourceGroupName("resourceGroup", a.resourceGroup);
    const nodeResourceGroup = validateResourceGroupName("nodeResourceGroup", a.nodeResourceGroup);
    if (nodeResourceGroup.toLowerCase() === resourceGroup.toLowerCase()) {
        throw new InputError("nodeResourceGroup", `must differ from resourceGroup (both are ${JSON.stringify(resourceGroup)}); AKS keeps nodes in a group of their own`);
    }
    const seen = new Map<string, string>([
        [resourceGroupId(subscriptionId, resourceGroup).toLowerCase(), "resourceGroup"],
        [resourceGroupId(subscriptionId, nodeResourceGroup).toLowerCase(), "nodeResourceGroup"],
    ]);
    const additionalIds: string[] = [];
    const given = optionalList("additionalResourceGroups", a.additionalResourceGroups, (k, v) => {
        const id = validateResourceGroupRef(k, v, subscriptionId);
        const other = seen.get(id.toLowerCase());
        if (other !== undefined) throw new InputError(k, `names the same resource group as ${other} (${JSON.stringify(id)})`);
        seen.set(id.toLowerCase(), k);
        additionalIds.push(id);
        return v as string;
    });
    const authentication = readChoice<AksAuthentication>(CASTAI_AKS_ARGS, "authentication", a.authentication);
    for (const key of ["castaiIdentitySubject", "castaiIdentityIssuer", "location", "identityName"] as const) {
        onlyIn("workloadIdentity", key, a, authentication);
    }
    for (const key of ["clientSecretExpiry", "owners"] as const) onlyIn("clientSecret", key, a, authentication);
    const clusterRbac = planBundledClusterRbac(a.clusterRbac);

    const groups = [
        { key: "cluster", scope: resourceGroupId(subscriptionId, resourceGroup), label: resourceGroup },
        { key: "nodes", scope: resourceGroupId(subscriptionId, nodeResourceGroup), label: nodeResourceGroup },
        ...given.map((g, i) => ({ key: `rg-${shortHash(g.toLowerCase())}`, scope: additionalIds[i], label: g })),
    ];
    const roleDefinitionGuid = stableGuid("castai-aks", "role-definition", subscriptionId, clusterId);
    const assignments = groups.map((g) => ({
        key: g.key,
        scope: g.scope,
        name: stableGuid("castai-aks", "role-assignment", subscriptionId, clusterId, authentication, g.scope.toLowerCase()),
        description: `Cast AI manages AKS cluster ${clusterName} in resource group ${g.label} (kubegrant)`,
    }));
    const plan = {
        authentication,
        subscriptionId,
        roleName: `CastAKSRole-${id8}`,
        roleDescription: `CAST.AI role used to manage ${clusterName} AKS cluster`,
        roleDefinitionGuid,
        roleDefinitionId: `/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${roleDefinitionGuid}`,
        actions: CASTAI_AKS_ACTIONS.map((e) => e.action),
        notActions: CASTAI_AKS_NOT_ACTIONS.map((e) => e.action),
        assignableScopes: groups.map((g) => g.scope),
        assignments,
        ...(clusterRbac !== undefined ? { clusterRbac } : {}),
    };
    if (authentication === "clientSecret") {
        const secretExpiry = a.clientSecretExpiry === undefined ? CASTAI_AKS_ARGS.clientSecretExpiry.default
            : validateClientSecretExpiry("clientSecretExpiry", a.clientSecretExpiry);
        const owners = a.owners === undefined ? undefined
            : optionalList("owners", a.owners, (k, v) => validateGuid(k, v, "an object ID of a user or service principal"));
        return {
            ...plan,
            app: { displayName: `CAST.AI ${clusterName}-${id8}`, secretExpiry, ...(owners ? { owners } : {}) },
        };
    }
    requiredIn("workloadIdentity", "castaiIdentitySubject", a, "the ID of Cast AI's identity that the federated credential trusts");
    requiredIn("workloadIdentity", "location", a, "where the managed identity is created, e.g. the cluster's location");
    const subject = validateSubject("castaiIdentitySubject", a.castaiIdentitySubject);
    const issuer = a.castaiIdentityIssuer === undefined ? CASTAI_AKS_ARGS.castaiIdentityIssuer.default : validateIssuer("castaiIdentityIssuer", a.castaiIdentityIssuer);
    const location = validateLocation("location", a.location);
    const identityName = a.identityName === undefined ? `${clusterName}-castai-identity`
        : validateUserAssignedIdentityName("identityName", a.identityName);
    return {
        ...plan,
        identity: {
            name: identityName,
            resourceGroupName: resourceGroup,
            location,
            credential: { key: "castai", name: `castai-${clusterName}`, issuer, subject, audiences: [AZURE_TOKEN_EXCHANGE_AUDIENCE] },
        },
    };
}

/** Valid values as long as inputs can be, for the string args still unknown at construction. */
export function worstCaseAksArgs(unknown: readonly string[]): Partial<CastAiAksPlainArgs> {
    const values: Record<string, string> = {
        subscriptionId: "00000000-0000-0000-0000-000000000000",
        clusterName: `c${"0".repeat(AZURE_MAX_LENGTH.aksClusterName - 1)}`,
        clusterId: "i".repeat(64),
        resourceGroup: "r".repeat(AZURE_MAX_LENGTH.resourceGroup),
        nodeResourceGroup: "n".repeat(AZURE_MAX_LENGTH.resourceGroup),
        castaiIdentitySubject: "s".repeat(AZURE_MAX_LENGTH.federatedSubject),
        castaiIdentityIssuer: "https://issuer.example",
        location: "l".repeat(AZURE_MAX_LENGTH.location),
        identityName: "i".repeat(AZURE_MAX_LENGTH.userAssignedIdentityName),
    };
    return Object.fromEntries(unknown.map((k) => [k, values[k]])) as Partial<CastAiAksPlainArgs>;
}
