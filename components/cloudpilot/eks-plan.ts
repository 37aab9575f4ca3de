/**
 * The pure builder of CloudPilot AI on AWS: validated inputs → every name and IAM document
 * CloudPilotEksAccess creates. No Pulumi imports.
 */
import { InputError, rejectUnknownKeys, show } from "../core";
import { ArgSpecs, OutputSpecs, argNames, outputArgs, readBoolean, readChoice } from "../core/spec";
import { rejectReservedNamespace, validateNamespace, validateObjectName } from "../kubernetes/validate";
import { FeatureValues, buildManagedPolicies, buildStatements } from "../aws/catalog";
import { AWS_LIMITS, checkManagedPolicyCount, checkTrustPolicySize, validateManagedPolicyQuota } from "../aws/limits";
import { NamedDocument, Statement, applyRanges, namedParts, splitRanges } from "../aws/policy";
import {
    eksClusterArn, externalIdTrust, irsaTrust, nodeRoleTrust, podIdentityTrust, validateClusterOidcProvider,
} from "../aws/trust";
import {
    MAX_LENGTH, Partition, partitionOf, validateAccountId, validateEksClusterName, validateExternalId,
    validatePrincipalArn, validateRegion, validateRoleName, validateAwsTags,
} from "../aws/validate";
import { CLOUDPILOT_EKS_MANAGED_POLICIES, CLOUDPILOT_EKS_STATEMENTS } from "./eks-catalog";
import { CLOUDPILOT_NAMESPACE, CLOUDPILOT_SERVICE_ACCOUNT } from "./names";

export const CLOUDPILOT_TRUSTS = ["podIdentity", "irsa", "crossAccount"] as const;
export type CloudPilotTrust = typeof CLOUDPILOT_TRUSTS[number];

/**
 * The namespace and service account Pod Identity and IRSA trust by default: the ones
 * CloudPilotClusterRbac creates for the optimizer (one definition, in ./names).
 */
export { CLOUDPILOT_NAMESPACE, CLOUDPILOT_SERVICE_ACCOUNT };

export interface CloudPilotEksPlainArgs {
    readonly clusterName: string;
    readonly accountId: string;
    readonly region: string;
    readonly trust?: CloudPilotTrust;
    readonly serviceAccountNamespace?: string;
    readonly serviceAccountName?: string;
    readonly oidcProviderArn?: string;
    readonly trustedPrincipalArn?: string;
    readonly externalId?: string;
    readonly roleName?: string;
    readonly nodeRoleName?: string;
    readonly cniPolicy?: boolean;
    readonly ssmPolicy?: boolean;
    readonly maxManagedPoliciesPerRole?: number;
}

/**
 * Every argument of CloudPilotEksAccess, once: the preset's keys, `--help`, the docs' table, the
 * unknown-key check and the string inputs come from here (eks.ts checks it against the Args type).
 */
export const CLOUDPILOT_EKS_ARGS = {
    clusterName: { type: "string", output: true, required: true,
        doc: "EKS cluster name",
    },
    accountId: { type: "string", output: true, required: true,
        doc: "AWS account of the cluster",
    },
    region: { type: "string", output: true, required: true,
        doc: "Region of the cluster (sets the partition)",
    },
    trust: { type: "string", choices: CLOUDPILOT_TRUSTS, default: "podIdentity",
        doc: "`podIdentity`, `irsa` or `crossAccount`",
    },
    serviceAccountNamespace: { type: "string", output: true, default: CLOUDPILOT_NAMESPACE,
        doc: "Namespace of the controller (podIdentity, irsa); not `default`, `kube-system`, `kube-public` or `kube-node-lease`",
    },
    serviceAccountName: { type: "string", output: true, default: CLOUDPILOT_SERVICE_ACCOUNT,
        doc: "Service account of the controller (podIdentity, irsa)",
    },
    oidcProviderArn: { type: "string", output: true, defaultText: "required for irsa",
        doc: "The cluster's IAM OIDC provider",
    },
    trustedPrincipalArn: { type: "string", output: true, defaultText: "required for crossAccount",
        doc: "IAM user or role CloudPilot assumes from",
    },
    externalId: { type: "string", output: true, defaultText: "required for crossAccount",
        doc: "External ID",
    },
    roleName: { type: "string", output: true, defaultText: "`cloudpilot-eks-<clusterName[:49]>`",
        doc: "Controller role name",
    },
    nodeRoleName: { type: "string", output: true, defaultText: "`CloudPilotNodeRole-<clusterName>`",
        doc: "Node role and instance profile name",
    },
    cniPolicy: { type: "boolean", default: true,
        doc: "AmazonEKS_CNI_Policy on the node role",
    },
    ssmPolicy: { type: "boolean", default: true,
        doc: "AmazonSSMManagedInstanceCore on the node role",
    },
    maxManagedPoliciesPerRole: { type: "number", default: AWS_LIMITS.managedPoliciesPerRole,
        doc: "Managed-policy quota per role",
    },
    tags: { type: "object", typeText: "Input<Record<string, Input<string>>>",
        doc: "Tags for every taggable resource (IAM's rules, checked as for CastAiEksAccess)",
    },
} as const satisfies ArgSpecs;

/** Every output of CloudPilotEksAccess (the preset's stack outputs and the docs' table). */
export const CLOUDPILOT_EKS_OUTPUTS = {
    roleArn: { doc: "Controller role ARN" },
    roleName: { doc: "Controller role name" },
    nodeRoleArn: { doc: "Node role ARN" },
    nodeRoleName: { doc: "Node role name" },
    instanceProfileArn: { doc: "Node instance profile ARN" },
    trust: { doc: "The trust mode" },
    serviceAccount: { doc: "`namespace/name` trusted (podIdentity, irsa)" },
    podIdentityAssociationId: { doc: "The association's ID (podIdentity)" },
    ready: { doc: "Role ARN, once every grant exists" },
} as const satisfies OutputSpecs;

export const CLOUDPILOT_EKS_ARG_NAMES = argNames(CLOUDPILOT_EKS_ARGS);

/** The string inputs that may arrive as Outputs (from another stack); everything else is plain. */
export const CLOUDPILOT_EKS_STRING_ARGS = outputArgs(CLOUDPILOT_EKS_ARGS);

export interface CloudPilotEksPlan {
    readonly partition: Partition;
    readonly features: FeatureValues;
    readonly trustMode: CloudPilotTrust;
    readonly clusterName: string;
    readonly clusterArn: string;
    readonly roleName: string;
    readonly nodeRoleName: string;
    readonly instanceProfileName: string;
    /** `namespace/name` of the service account the role trusts (Pod Identity and IRSA), else undefined. */
    readonly namespace?: string;
    readonly serviceAccountName?: string;
    readonly externalId?: string;
    readonly trust: readonly Statement[];
    readonly nodeTrust: readonly Statement[];
    readonly nodeManagedPolicies: readonly string[];
    /** The controller policy, split under 6,144 characters when needed. */
    readonly policies: readonly NamedDocument[];
    readonly maxManagedPoliciesPerRole: number;
}

/** Arguments that only some trust modes use, in the order they are checked. */
const ONLY_FOR: readonly (readonly [keyof CloudPilotEksPlainArgs, readonly CloudPilotTrust[]])[] = [
    ["serviceAccountNamespace", ["podIdentity", "irsa"]],
    ["serviceAccountName", ["podIdentity", "irsa"]],
    ["oidcProviderArn", ["irsa"]],
    ["trustedPrincipalArn", ["crossAccount"]],
    ["externalId", ["crossAccount"]],
];

function validate(a: CloudPilotEksPlainArgs) {
    rejectUnknownKeys(a, CLOUDPILOT_EKS_ARG_NAMES, "CloudPilotEksAccess");
    validateAwsTags("tags", (a as { tags?: unknown }).tags);
    const clusterName = validateEksClusterName("clusterName", a.clusterName);
    const accountId = validateAccountId("accountId", a.accountId);
    const region = validateRegion("region", a.region);
    const partition = partitionOf(region);
    const trust = readChoice<CloudPilotTrust>(CLOUDPILOT_EKS_ARGS, "trust", a.trust);
    for (const [key, modes] of ONLY_FOR) {
        if (a[key] !== undefined && !modes.includes(trust)) {
            throw new InputError(key, `is only used when trust is ${modes.map((m) => `"${m}"`).join(" or ")} (trust is "${trust}")`);
        }
    }
    const roleName = a.roleName === undefined ? `cloudpilot-eks-${clusterName.slice(0, 49)}` : validateRoleName("roleName", a.roleName);
    let nodeRoleName: string;
    if (a.nodeRoleName === undefined) {
        nodeRoleName = `CloudPilotNodeRole-${clusterName}`;
        if (nodeRoleName.length > MAX_LENGTH.roleName) {
            throw new InputError("clusterName", `is ${clusterName.length} characters; the default node role CloudPilotNodeRole-<clusterName> allows at most ${MAX_LENGTH.roleName - 19} (set nodeRoleName, and give CloudPilot the same name as its custom node role)`);
        }
    } else {
        nodeRoleName = validateRoleName("nodeRoleName", a.nodeRoleName);
    }
    if (roleName === nodeRoleName) throw new InputError("nodeRoleName", `must differ from roleName (both are ${show(roleName)})`);
    const max = validateManagedPolicyQuota("maxManagedPoliciesPerRole", a.maxManagedPoliciesPerRole);
    const clusterArn = eksClusterArn(partition, region, accountId, clusterName);
    let namespace: string | undefined;
    let serviceAccountName: string | undefined;
    let externalId: string | undefined;
    let trustStatements: Statement[];
    if (trust === "crossAccount") {
        if (a.trustedPrincipalArn === undefined) throw new InputError("trustedPrincipalArn", "is required when trust is \"crossAccount\" (the IAM user or role CloudPilot gives you)");
        const principal = validatePrincipalArn("trustedPrincipalArn", a.trustedPrincipalArn);
        if (principal.partition !== partition) {
            throw new InputError("trustedPrincipalArn", `is in partition ${principal.partition} but region ${region} is in ${partition}; a role cannot trust a principal of another partition`);
        }
        if (a.externalId === undefined) throw new InputError("externalId", "is required when trust is \"crossAccount\" (the external ID CloudPilot gives you)");
        externalId = validateExternalId("externalId", a.externalId);
        trustStatements = externalIdTrust(a.trustedPrincipalArn, externalId);
    } else {
        namespace = a.serviceAccountNamespace === undefined ? CLOUDPILOT_EKS_ARGS.serviceAccountNamespace.default : rejectReservedNamespace("serviceAccountNamespace", validateNamespace("serviceAccountNamespace", a.serviceAccountNamespace));
        serviceAccountName = a.serviceAccountName === undefined ? CLOUDPILOT_EKS_ARGS.serviceAccountName.default : validateObjectName("serviceAccountName", a.serviceAccountName);
        if (trust === "podIdentity") {
            // The session tags EKS sets name the pod's service account: only the optimizer's may assume the role.
            trustStatements = podIdentityTrust(partition, accountId, clusterArn, { namespace, name: serviceAccountName });
        } else {
            if (a.oidcProviderArn === undefined) throw new InputError("oidcProviderArn", "is required when trust is \"irsa\" (the IAM OIDC provider of the cluster)");
            const oidc = validateClusterOidcProvider("oidcProviderArn", a.oidcProviderArn, accountId, partition);
            trustStatements = irsaTrust(a.oidcProviderArn, oidc.issuer, namespace, serviceAccountName);
        }
    }
    const features: FeatureValues = {
        trust,
        cniPolicy: readBoolean(CLOUDPILOT_EKS_ARGS, "cniPolicy", a.cniPolicy),
        ssmPolicy: readBoolean(CLOUDPILOT_EKS_ARGS, "ssmPolicy", a.ssmPolicy),
    };
    return { clusterName, accountId, region, partition, trust, roleName, nodeRoleName, max, clusterArn, namespace, serviceAccountName, externalId, trustStatements, features };
}

type Vars = Record<string, string | readonly string[]>;

/**
 * Validates `args` and returns everything CloudPilotEksAccess creates. Throws InputError naming the
 * argument and the rule. The controller policy is split on worst-case sizes (stable names).
 */
export function planCloudPilotEks(args: CloudPilotEksPlainArgs): CloudPilotEksPlan {
    const v = validate(args);
    const vars: Vars = { partition: v.partition, accountId: v.accountId, region: v.region, clusterName: v.clusterName, nodeRoleName: v.nodeRoleName };
    const worstVars: Vars = {
        partition: "aws-iso-b", accountId: "0".repeat(MAX_LENGTH.accountId), region: "r".repeat(MAX_LENGTH.region),
        clusterName: "c".repeat(MAX_LENGTH.eksClusterName), nodeRoleName: "n".repeat(MAX_LENGTH.roleName),
    };
    const real = buildStatements(CLOUDPILOT_EKS_STATEMENTS, "policy", v.features, vars);
    const worst = buildStatements(CLOUDPILOT_EKS_STATEMENTS, "policy", v.features, worstVars);
    const ranges = splitRanges(worst, AWS_LIMITS.managedPolicyChars, "policy", "the CloudPilot controller policy");
    const policies = namedParts(applyRanges(real, ranges), "policy", `CloudPilotControllerPolicy-${v.clusterName}`);
    checkTrustPolicySize(v.trust === "crossAccount" ? "externalId" : v.trust === "irsa" ? "oidcProviderArn" : "clusterName", v.trustStatements);
    const nodeTrust = nodeRoleTrust(v.partition);
    const nodeManagedPolicies = buildManagedPolicies(CLOUDPILOT_EKS_MANAGED_POLICIES, "node", v.features);
    checkManagedPolicyCount("maxManagedPoliciesPerRole", `role ${v.roleName}`, policies.length, v.max);
    checkManagedPolicyCount("maxManagedPoliciesPerRole", `role ${v.nodeRoleName}`, nodeManagedPolicies.length, v.max);
    return {
        partition: v.partition,
        features: v.features,
        trustMode: v.trust,
        clusterName: v.clusterName,
        clusterArn: v.clusterArn,
        roleName: v.roleName,
        nodeRoleName: v.nodeRoleName,
        instanceProfileName: v.nodeRoleName,
        namespace: v.namespace,
        serviceAccountName: v.serviceAccountName,
        externalId: v.externalId,
        trust: v.trustStatements,
        nodeTrust,
        nodeManagedPolicies,
        policies,
        maxManagedPoliciesPerRole: v.max,
    };
}
