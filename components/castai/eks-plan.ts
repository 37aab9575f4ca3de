/**
 * The pure builder of Cast AI on AWS: validated inputs → every name and IAM document the
 * component creates. No Pulumi imports; the component only wires what this returns.
 */
import { InputError, optionalChoice, optionalList, rejectUnknownKeys, show } from "../core";
import { ArgSpecs, OutputSpecs, argNames, outputArgs, readBoolean, readChoice } from "../core/spec";
import { FeatureValues, buildManagedPolicies, buildStatements } from "../aws/catalog";
import { AWS_LIMITS, checkManagedPolicyCount, checkTrustPolicySize, validateManagedPolicyQuota } from "../aws/limits";
import { NamedDocument, Ranges, Statement, applyRanges, namedParts, policySize, splitRanges } from "../aws/policy";
import { eksClusterArn, externalIdTrust, irsaTrust, nodeRoleTrust, podIdentityTrust, validateClusterOidcProvider } from "../aws/trust";
import { rejectReservedNamespace, validateNamespace } from "../kubernetes/validate";
import {
    MAX_LENGTH, Partition, partitionOf, validateAccountId, validateEksClusterName,
    validateExternalId, validatePrincipalArn, validateRegion, validateRoleName, validateSecurityGroupId,
    validateSubnetId, validateVpcId, validateAwsTags,
} from "../aws/validate";
import { CASTAI_EKS_MANAGED_POLICIES, CASTAI_EKS_STATEMENTS } from "./eks-catalog";
import { CASTAI_SERVICE_ACCOUNTS } from "./cluster-rbac-catalog";
import { CastAiClusterRbacPlainArgs, CastAiClusterRbacPlan, DEFAULT_NAMESPACE, planBundledClusterRbac } from "./cluster-rbac-plan";

/** Cast AI's AWS account, which holds one IAM user per cluster (`cast-crossrole-<cluster ID>`). */
export const CASTAI_AWS_ACCOUNT = "809060229965";
/** How many subnets or security groups the hardened mode lists (keeps the inline policy under IAM's limit). */
export const MAX_HARDENED_IDS = 50;
/** How many extra roles passRoleArns may list. */
export const MAX_PASS_ROLE_ARNS = 20;

export const EBS_VOLUMES = ["managed", "minimal", "none"] as const;
export type EbsVolumes = typeof EBS_VOLUMES[number];

/** How the in-cluster Cast AI agent gets its AWS identity: EKS Pod Identity or IRSA. */
export type CastAiAgentIdentity = "podIdentity" | "irsa";
export const CASTAI_AGENT_IDENTITIES: readonly CastAiAgentIdentity[] = ["podIdentity", "irsa"];
/** The annotation IRSA reads on a service account. */
export const IRSA_ANNOTATION = "eks.amazonaws.com/role-arn";

/**
 * The arguments of CastAiEksAccess, with `S` the type of its string inputs (`string` for the pure
 * builder, `pulumi.Input<string>` for the component) and `R` the type of `clusterRbac` (the
 * arguments of CastAiClusterRbac, plain or with Outputs and a provider).
 */
export interface CastAiEksArgsOf<S, R = CastAiClusterRbacPlainArgs> {
    /** EKS cluster name: scopes the instance, Auto Scaling and EKS statements (`kubernetes.io/cluster/<name>` tags). */
    readonly clusterName: S;
    /**
     * The cluster ID Cast AI assigned at registration. It is the external ID of the trust policy
     * (always required) and part of Cast AI's default user ARN.
     */
    readonly clusterId: S;
    /** The 12-digit AWS account of the cluster. */
    readonly accountId: S;
    /** The cluster's region; its partition (`aws`, `aws-us-gov`, `aws-cn`) goes into every ARN. */
    readonly region: S;
    /** The cluster's VPC: nodes are launched only into its subnets. */
    readonly vpcId: S;
    /**
     * The account that owns the VPC: another account when the VPC is shared with the cluster's
     * account (AWS RAM). Subnets and VPC are scoped by ARN in this account.
     * @default accountId
     */
    readonly vpcAccountId?: S;
    /**
     * The Cast AI IAM user that assumes the role.
     * @default `arn:aws:iam::809060229965:user/cast-crossrole-<clusterId>` (required outside the `aws` partition)
     */
    readonly castaiUserArn?: S;
    /** @default `castai-eks-<clusterName[:53]>` */
    readonly roleName?: S;
    /** Node role and instance profile name. @default `castai-eks-instance-<clusterName[:44]>` */
    readonly nodeRoleName?: S;
    /**
     * Hardened mode (Cast AI's custom-IAM example; PassRole is pinned to the node role in both
     * modes, passRoleArns and allowPassAnyRole are not taken here): launches also
     * tagged `cast:cluster-id`, instance actions only on instances carrying it, explicit subnets
     * and security groups, IAMReadOnlyAccess replaced by reads of its own role, no
     * service-linked-role creation.
     * @default false
     */
    readonly hardened?: boolean;
    /** Subnets Cast AI may launch nodes into (hardened mode only, required there). @default [] */
    readonly subnetIds?: readonly string[];
    /** Security groups Cast AI may launch nodes with (hardened mode only, required there). @default [] */
    readonly securityGroupIds?: readonly string[];
    /** Import and delete SSH key pairs for node access (ec2:CreateKeyPair is never granted). @default true */
    readonly sshKeyPairs?: boolean;
    /** Suspend and resume this cluster's Auto Scaling groups (cluster pause/resume). @default true */
    readonly pauseResume?: boolean;
    /**
     * Cast AI's capacity reservations: read the account's EC2 capacity reservations and launch
     * nodes into them. On in Cast AI's onboarding. @default true
     */
    readonly capacityReservations?: boolean;
    /**
     * Cast AI's cluster hibernation and resume: create and delete this cluster's EKS node groups,
     * their Auto Scaling groups and launch templates, passing only the node role to EKS. On in
     * Cast AI's onboarding. @default true
     */
    readonly hibernation?: boolean;
    /** Attach AmazonEKS_CNI_Policy to the node role (off when the VPC CNI has its own role). @default true */
    readonly cniPolicy?: boolean;
    /** Attach AmazonSSMManagedInstanceCore to the node role. @default true */
    readonly ssmPolicy?: boolean;
    /**
     * EBS permissions of the node role: `managed` attaches AmazonEBSCSIDriverPolicy, `minimal` only
     * the seed's attach/detach statement, `none` nothing.
     * @default "managed"
     */
    readonly ebsVolumes?: EbsVolumes;
    /** Let nodes assign IPv6 addresses (IPv6 clusters). @default true */
    readonly ipv6?: boolean;
    /** Managed policies allowed per role in this account (AWS default 10, raisable to 20). @default 10 */
    readonly maxManagedPoliciesPerRole?: number;
    /**
     * Roles, besides the node role, Cast AI may pass to EC2: the roles of the custom instance
     * profiles your Cast AI node templates name (ARNs in this account). Not with `hardened`.
     * @default [] (only the node role)
     */
    readonly passRoleArns?: readonly string[];
    /**
     * RISK: let Cast AI pass any role of the account to EC2, as Cast AI's published policy does.
     * With ec2:RunInstances, that is launching an instance with any role that has an instance
     * profile (PassRole privilege escalation). Listed under "Risks" in the review report. Prefer
     * `passRoleArns`. Not with `hardened`.
     * @default false
     */
    readonly allowPassAnyRole?: boolean;
    /**
     * A keyless AWS identity for the Cast AI agent pod, which calls ec2:DescribeInstances itself
     * (spot detection, cluster discovery): a role `castai-agent-<clusterName[:51]>` with only that
     * action, trusted only by the agent's service account `<namespace>/castai-agent`, through EKS
     * Pod Identity (`podIdentity`, with its association; needs the Pod Identity agent add-on) or
     * IRSA (`irsa`, needs oidcProviderArn; with clusterRbac the service account is annotated).
     * @default no agent identity
     */
    readonly agentIdentity?: CastAiAgentIdentity;
    /** The cluster's IAM OIDC provider ARN (agentIdentity "irsa" only, required there). */
    readonly oidcProviderArn?: S;
    /** Name of the agent's role (agentIdentity only). @default `castai-agent-<clusterName[:51]>` */
    readonly agentRoleName?: S;
    /**
     * Namespace of the agent's service account, for the trust (agentIdentity without clusterRbac
     * only; with clusterRbac its namespace is used).
     * @default "castai-agent"
     */
    readonly agentNamespace?: S;
    /**
     * Also create Cast AI's in-cluster service accounts and RBAC (CastAiClusterRbac, as the child
     * `<name>-cluster`) with these arguments, in the namespace the agent's trust names. With
     * agentIdentity "irsa", the agent's service account is annotated with the agent role's ARN.
     * @default none (nothing is created in the cluster)
     */
    readonly clusterRbac?: R;
}

/** The inputs of CastAiEksAccess as plain values, as the builder takes them. */
export type CastAiEksPlainArgs = CastAiEksArgsOf<string>;

/**
 * Every argument of CastAiEksAccess, once: the preset's keys, `--help`, the docs' table, the
 * unknown-key check and the string inputs come from here (eks.ts checks it against the Args type).
 */
export const CASTAI_EKS_ARGS = {
    clusterName: { type: "string", output: true, required: true,
        doc: "EKS cluster name (1–100 letters, digits, `-`, `_`); scopes every tag, Auto Scaling and EKS statement",
    },
    clusterId: { type: "string", output: true, required: true,
        doc: "Cast AI's cluster ID: the trust's external ID, and part of the default user ARN",
    },
    accountId: { type: "string", output: true, required: true,
        doc: "12-digit account of the cluster",
    },
    region: { type: "string", output: true, required: true,
        doc: "region of the cluster; gives the partition",
    },
    vpcId: { type: "string", output: true, required: true,
        doc: "nodes launch only into this VPC",
    },
    vpcAccountId: { type: "string", output: true, defaultText: "`accountId`",
        doc: "the account owning the VPC (a VPC shared from another account through AWS RAM): subnets and VPC are scoped by ARN in it, as Cast AI's shared-VPC support does; without it a shared VPC's subnets deny every launch",
    },
    castaiUserArn: { type: "string", output: true, defaultText: "`arn:aws:iam::809060229965:user/cast-crossrole-<clusterId>`",
        doc: "the Cast AI user that assumes the role (required outside the `aws` partition)",
    },
    roleName: { type: "string", output: true, defaultText: "`castai-eks-<clusterName[:53]>`",
        doc: "name of the role Cast AI assumes",
    },
    nodeRoleName: { type: "string", output: true, defaultText: "`castai-eks-instance-<clusterName[:44]>`",
        doc: "node role and instance profile name",
    },
    hardened: { type: "boolean", default: false,
        doc: "Cast AI's custom-IAM hardening (PassRole is pinned to the node role in both modes): launches also tagged `cast:cluster-id`, instance actions only on instances carrying it, listed subnets and security groups, `IAMReadOnlyAccess` replaced by reads of its own role, no service-linked-role creation",
    },
    subnetIds: { type: "list", default: [],
        doc: "subnets for nodes (hardened only, required there; at most 50)",
    },
    securityGroupIds: { type: "list", default: [],
        doc: "security groups for nodes (hardened only, required there; at most 50)",
    },
    sshKeyPairs: { type: "boolean", default: true,
        doc: "import and delete SSH key pairs (`ec2:CreateKeyPair` is never granted)",
    },
    pauseResume: { type: "boolean", default: true,
        doc: "suspend and resume this cluster's Auto Scaling groups",
    },
    capacityReservations: { type: "boolean", default: true,
        doc: "Cast AI's capacity reservations: `ec2:DescribeCapacityReservations` and launches into this account's reservations (on in Cast AI's onboarding)",
    },
    hibernation: { type: "boolean", default: true,
        doc: "Cast AI's hibernate/resume: create and delete this cluster's EKS node groups, their Auto Scaling groups and tagged launch templates; `iam:PassRole` to EKS of the node role only (Cast AI's default passes any role of the account, an escalation path)",
    },
    cniPolicy: { type: "boolean", default: true,
        doc: "`AmazonEKS_CNI_Policy` on the node role",
    },
    ssmPolicy: { type: "boolean", default: true,
        doc: "`AmazonSSMManagedInstanceCore` on the node role",
    },
    ebsVolumes: { type: "string", choices: EBS_VOLUMES, default: "managed",
        doc: "`AmazonEBSCSIDriverPolicy`, or only attach/detach, or nothing",
    },
    ipv6: { type: "boolean", default: true,
        doc: "`ec2:AssignIpv6Addresses` on the node role",
    },
    maxManagedPoliciesPerRole: { type: "number", default: AWS_LIMITS.managedPoliciesPerRole,
        doc: "the account's managed-policy quota per role (1–20)",
    },
    passRoleArns: { type: "list", default: [],
        doc: "roles (ARNs in this account, at most 20) besides the node role that Cast AI may pass to EC2: the roles of your node templates' custom instance profiles; not with `hardened`",
    },
    allowPassAnyRole: { type: "boolean", default: false,
        doc: "RISK: pass any role of the account to EC2, as Cast AI's published policy does (PassRole + RunInstances escalation; listed under \"Risks\"); not with `hardened` or `passRoleArns`",
    },
    agentIdentity: { type: "string", choices: CASTAI_AGENT_IDENTITIES,
        doc: "a keyless role for the in-cluster agent (`ec2:DescribeInstances` only), trusted only by `<namespace>/castai-agent`",
    },
    oidcProviderArn: { type: "string", output: true, defaultText: "required for `irsa`",
        doc: "the cluster's IAM OIDC provider (same account and partition)",
    },
    agentRoleName: { type: "string", output: true, defaultText: "`castai-agent-<clusterName[:51]>`",
        doc: "name of the agent's role",
    },
    agentNamespace: { type: "string", output: true, default: DEFAULT_NAMESPACE,
        doc: "namespace of the agent's service account, for the trust (without `clusterRbac`; with it, `clusterRbac.namespace`); not `default`, `kube-system`, `kube-public` or `kube-node-lease`",
    },
    clusterRbac: { type: "object", typeText: "CastAiClusterRbacArgs",
        doc: "also create Cast AI's in-cluster service accounts and RBAC (render: JSON without `provider`, e.g. `'{}'`)",
    },
    tags: { type: "object", typeText: "Input<Record<string, Input<string>>>",
        doc: "tags on every taggable resource (IAM's rules, checked: at most 50; keys 1–128 and values 0–256 characters of letters, digits, spaces and `_ . : / = + - @`; no `aws:` prefix; keys unique ignoring case)",
    },
} as const satisfies ArgSpecs;

/** Every output of CastAiEksAccess (the preset's stack outputs and the docs' table). */
export const CASTAI_EKS_OUTPUTS = {
    roleArn: { doc: "ARN of the role Cast AI assumes: give it to Cast AI" },
    roleName: { doc: "its name" },
    externalId: { doc: "the external ID the trust requires (the cluster ID; secret if the input was)" },
    castaiUserArn: { doc: "the Cast AI user the role trusts" },
    instanceProfileArn: { doc: "the instance profile Cast AI launches nodes with" },
    nodeRoleArn: { doc: "the node role" },
    ready: { doc: "the role ARN, resolved only once every policy of both roles is attached (and the agent's role, association and in-cluster objects exist); built when first read, so a fleet program that never reads it does not pay for it" },
    agentRoleArn: { doc: "with `agentIdentity` only: the agent's role (annotate its service account with it for IRSA)", onlyWith: "agentIdentity" },
    agentServiceAccount: { doc: "with `agentIdentity` only: `<namespace>/castai-agent`, the service account the trust names", onlyWith: "agentIdentity" },
} as const satisfies OutputSpecs;

export const CASTAI_EKS_ARG_NAMES = argNames(CASTAI_EKS_ARGS);

/** The string inputs that may arrive as Outputs (from another stack); everything else is plain. */
export const CASTAI_EKS_STRING_ARGS = outputArgs(CASTAI_EKS_ARGS);

/** The agent's role: who may use it (one service account) and what it may do. */
export interface CastAiAgentPlan {
    readonly mode: CastAiAgentIdentity;
    readonly roleName: string;
    readonly clusterName: string;
    /** The service account the trust names, `system:serviceaccount:<namespace>:<serviceAccountName>`. */
    readonly namespace: string;
    readonly serviceAccountName: string;
    readonly trust: readonly Statement[];
    /** CastAIAgentPolicy (inline). */
    readonly inline: readonly NamedDocument[];
}

export interface CastAiEksPlan {
    readonly partition: Partition;
    readonly features: FeatureValues;
    readonly externalId: string;
    readonly castaiUserArn: string;
    readonly roleName: string;
    readonly nodeRoleName: string;
    readonly instanceProfileName: string;
    readonly trust: readonly Statement[];
    readonly nodeTrust: readonly Statement[];
    /** AWS-managed policy paths of the Cast AI role and of the node role. */
    readonly castaiManagedPolicies: readonly string[];
    readonly nodeManagedPolicies: readonly string[];
    /** CastEKSPolicy, split under 6,144 characters when needed. */
    readonly policies: readonly NamedDocument[];
    /** CastEKSRestrictedAccess (inline on the Cast AI role). */
    readonly inline: readonly NamedDocument[];
    /** Inline policies of the node role (EBS attach/detach, IPv6). */
    readonly nodeInline: readonly NamedDocument[];
    readonly maxManagedPoliciesPerRole: number;
    /** The agent's role, with agentIdentity. */
    readonly agent?: CastAiAgentPlan;
    /** The in-cluster part, with clusterRbac. */
    readonly clusterRbac?: CastAiClusterRbacPlan;
}

/** Validates the agent identity and the in-cluster part; the trust and the cluster side share one namespace. */
function validateAgent(a: CastAiEksPlainArgs, c: { clusterName: string; accountId: string; region: string; partition: Partition; roleName: string; nodeRoleName: string }) {
    const clusterRbac = planBundledClusterRbac(a.clusterRbac);
    const mode = a.agentIdentity === undefined || a.agentIdentity === null ? undefined
        : optionalChoice("agentIdentity", a.agentIdentity, CASTAI_EKS_ARGS.agentIdentity.choices, "podIdentity");
    const now = mode === undefined ? "agentIdentity is not set" : `agentIdentity is "${mode}"`;
    if (a.oidcProviderArn !== undefined && mode !== "irsa") throw new InputError("oidcProviderArn", `is only used when agentIdentity is "irsa" (${now})`);
    for (const key of ["agentRoleName", "agentNamespace"] as const) {
        if (a[key] !== undefined && mode === undefined) throw new InputError(key, "is only used when agentIdentity is set");
    }
    if (a.agentNamespace !== undefined && clusterRbac !== undefined) {
        throw new InputError("agentNamespace", "is clusterRbac.namespace when clusterRbac is set; set the namespace there (one value for the trust and the cluster)");
    }
    if (mode === undefined) return { clusterRbac, agent: undefined };
    const serviceAccountName = CASTAI_SERVICE_ACCOUNTS.agent;
    if (clusterRbac !== undefined) {
        if (!clusterRbac.components.includes("agent")) {
            throw new InputError("clusterRbac.components", `must include "agent" when agentIdentity is set (the identity belongs to the agent's service account ${serviceAccountName})`);
        }
        const own = clusterRbac.bundle.serviceAccounts.find((sa) => sa.name === serviceAccountName)?.annotations?.[IRSA_ANNOTATION];
        if (own !== undefined) {
            throw new InputError(`clusterRbac.serviceAccountAnnotations.${serviceAccountName}.${IRSA_ANNOTATION}`, mode === "irsa"
                ? "is set by agentIdentity \"irsa\" (to the agent role's ARN); remove it"
                : "would make the agent use IRSA instead of agentIdentity \"podIdentity\" (the AWS SDK tries web identity first); remove it");
        }
    }
    const namespace = clusterRbac !== undefined ? clusterRbac.namespace
        : a.agentNamespace === undefined ? DEFAULT_NAMESPACE : rejectReservedNamespace("agentNamespace", validateNamespace("agentNamespace", a.agentNamespace));
    const roleName = a.agentRoleName === undefined ? `castai-agent-${c.clusterName.slice(0, 51)}` : validateRoleName("agentRoleName", a.agentRoleName);
    if (roleName === c.roleName || roleName === c.nodeRoleName) {
        throw new InputError("agentRoleName", `must differ from roleName and nodeRoleName (${show(roleName)} is taken)`);
    }
    let trust: Statement[];
    if (mode === "irsa") {
        if (a.oidcProviderArn === undefined) throw new InputError("oidcProviderArn", "is required when agentIdentity is \"irsa\" (the IAM OIDC provider of the cluster)");
        const oidc = validateClusterOidcProvider("oidcProviderArn", a.oidcProviderArn, c.accountId, c.partition);
        trust = irsaTrust(a.oidcProviderArn, oidc.issuer, namespace, serviceAccountName);
    } else {
        trust = podIdentityTrust(c.partition, c.accountId, eksClusterArn(c.partition, c.region, c.accountId, c.clusterName),
            { namespace, name: serviceAccountName });
    }
    checkTrustPolicySize(mode === "irsa" ? "oidcProviderArn" : "clusterName", trust, "the agent role's trust policy");
    return { clusterRbac, agent: { mode, roleName, clusterName: c.clusterName, namespace, serviceAccountName, trust } };
}

function validate(a: CastAiEksPlainArgs) {
    rejectUnknownKeys(a, CASTAI_EKS_ARG_NAMES, "CastAiEksAccess");
    validateAwsTags("tags", (a as { tags?: unknown }).tags);
    const clusterName = validateEksClusterName("clusterName", a.clusterName);
    const clusterId = validateExternalId("clusterId", a.clusterId);
    const accountId = validateAccountId("accountId", a.accountId);
    const region = validateRegion("region", a.region);
    const vpcId = validateVpcId("vpcId", a.vpcId);
    const vpcAccountId = a.vpcAccountId === undefined ? accountId : validateAccountId("vpcAccountId", a.vpcAccountId);
    const partition = partitionOf(region);
    let castaiUserArn: string;
    if (a.castaiUserArn === undefined) {
        if (partition !== "aws") {
            throw new InputError("castaiUserArn",
                `is required in partition ${partition} (region ${region}): Cast AI's default user lives in the commercial partition`);
        }
        castaiUserArn = `arn:aws:iam::${CASTAI_AWS_ACCOUNT}:user/cast-crossrole-${clusterId}`;
        if (`cast-crossrole-${clusterId}`.length > MAX_LENGTH.iamUserName) {
            throw new InputError("clusterId",
                `is ${clusterId.length} characters; the default castaiUserArn (user cast-crossrole-<clusterId>) allows at most ${MAX_LENGTH.iamUserName - 15}`);
        }
        // The built ARN meets the rule an explicit castaiUserArn meets (IAM user names: letters,
        // digits and +=,.@_-; an external ID also allows : and /, which would change the ARN's path).
        const user = `cast-crossrole-${clusterId}`;
        if (!/^[\w+=,.@-]+$/.test(clusterId) || validatePrincipalArn("clusterId", castaiUserArn).name !== user) {
            throw new InputError("clusterId", `must fit Cast AI's default user name cast-crossrole-<clusterId> (IAM user names: letters, digits and +=,.@_-), got ${show(clusterId)}`);
        }
    } else {
        castaiUserArn = a.castaiUserArn;
        const arn = validatePrincipalArn("castaiUserArn", castaiUserArn);
        if (arn.partition !== partition) {
            throw new InputError("castaiUserArn", `is in partition ${arn.partition} but region ${region} is in ${partition}; a role cannot trust a principal of another partition`);
        }
    }
    const hardened = readBoolean(CASTAI_EKS_ARGS, "hardened", a.hardened);
    const ids = (key: string, list: unknown, each: (k: string, v: unknown) => string) => {
        const out = optionalList(key, list, each);
        if (hardened && out.length === 0) {
            throw new InputError(key, "is required when hardened is true (list the IDs Cast AI may launch nodes with)");
        }
        if (!hardened && out.length > 0) {
            throw new InputError(key, "is only used when hardened is true; set hardened=true or remove it");
        }
        if (out.length > MAX_HARDENED_IDS) {
            throw new InputError(key, `lists ${out.length} IDs; at most ${MAX_HARDENED_IDS} keep the restricted policy under IAM's inline limit`);
        }
        return out;
    };
    const subnetIds = ids("subnetIds", a.subnetIds, validateSubnetId);
    const securityGroupIds = ids("securityGroupIds", a.securityGroupIds, validateSecurityGroupId);
    const roleName = a.roleName === undefined ? `castai-eks-${clusterName.slice(0, 53)}` : validateRoleName("roleName", a.roleName);
    const nodeRoleName = a.nodeRoleName === undefined
        ? `castai-eks-instance-${clusterName.slice(0, 44)}` : validateRoleName("nodeRoleName", a.nodeRoleName);
    if (roleName === nodeRoleName) {
        throw new InputError("nodeRoleName", `must differ from roleName (both are ${JSON.stringify(roleName)})`);
    }
    const max = validateManagedPolicyQuota("maxManagedPoliciesPerRole", a.maxManagedPoliciesPerRole);
    const allowPassAnyRole = readBoolean(CASTAI_EKS_ARGS, "allowPassAnyRole", a.allowPassAnyRole);
    const passRoleArns = optionalList("passRoleArns", a.passRoleArns, (key, value) => {
        const arn = validatePrincipalArn(key, value);
        if (arn.kind !== "role" || arn.partition !== partition || arn.accountId !== accountId) {
            throw new InputError(key, `must be the ARN of a role in account ${accountId} (partition ${partition}), got ${show(value)}`);
        }
        return value as string;
    });
    if (passRoleArns.length > MAX_PASS_ROLE_ARNS) {
        throw new InputError("passRoleArns", `lists ${passRoleArns.length} roles; at most ${MAX_PASS_ROLE_ARNS}`);
    }
    for (const [key, on] of [["passRoleArns", passRoleArns.length > 0], ["allowPassAnyRole", allowPassAnyRole]] as const) {
        if (hardened && on) throw new InputError(key, "is not used when hardened is true (hardened passes only the node role)");
    }
    if (allowPassAnyRole && passRoleArns.length > 0) {
        throw new InputError("passRoleArns", "is not used when allowPassAnyRole is true (every role of the account may be passed); remove one");
    }
    const features: FeatureValues = {
        hardened,
        allowPassAnyRole,
        sshKeyPairs: readBoolean(CASTAI_EKS_ARGS, "sshKeyPairs", a.sshKeyPairs),
        pauseResume: readBoolean(CASTAI_EKS_ARGS, "pauseResume", a.pauseResume),
        capacityReservations: readBoolean(CASTAI_EKS_ARGS, "capacityReservations", a.capacityReservations),
        hibernation: readBoolean(CASTAI_EKS_ARGS, "hibernation", a.hibernation),
        cniPolicy: readBoolean(CASTAI_EKS_ARGS, "cniPolicy", a.cniPolicy),
        ssmPolicy: readBoolean(CASTAI_EKS_ARGS, "ssmPolicy", a.ssmPolicy),
        ebsVolumes: readChoice<EbsVolumes>(CASTAI_EKS_ARGS, "ebsVolumes", a.ebsVolumes),
        ipv6: readBoolean(CASTAI_EKS_ARGS, "ipv6", a.ipv6),
    };
    const { agent, clusterRbac } = validateAgent(a, { clusterName, accountId, region, partition, roleName, nodeRoleName });
    return {
        clusterName, clusterId, accountId, region, vpcId, vpcAccountId, partition, castaiUserArn, subnetIds, securityGroupIds, passRoleArns,
        roleName, nodeRoleName, instanceProfileName: nodeRoleName, features, max, agent, clusterRbac,
    };
}

type Vars = Record<string, string | readonly string[]>;

/** Placeholder values as long as valid input can make them: sizes (and so splits) never depend on values. */
function worstCaseVars(v: ReturnType<typeof validate>): Vars {
    return {
        partition: "aws-iso-b",
        accountId: "0".repeat(MAX_LENGTH.accountId),
        vpcAccountId: "0".repeat(MAX_LENGTH.accountId),
        region: "r".repeat(MAX_LENGTH.region),
        clusterName: "c".repeat(MAX_LENGTH.eksClusterName),
        clusterId: "i".repeat(MAX_LENGTH.externalId),
        vpcId: "v".repeat(MAX_LENGTH.vpcId),
        roleName: "n".repeat(MAX_LENGTH.roleName),
        nodeRoleName: "n".repeat(MAX_LENGTH.roleName),
        instanceProfileName: "p".repeat(MAX_LENGTH.roleName),
        subnetIds: v.subnetIds.map(() => "s".repeat(MAX_LENGTH.subnetId)),
        securityGroupIds: v.securityGroupIds.map(() => "g".repeat(MAX_LENGTH.securityGroupId)),
        passRoleArns: v.passRoleArns, // plain values, known at construction
    };
}

function documents(v: ReturnType<typeof validate>, vars: Vars) {
    const build = (doc: string) => buildStatements(CASTAI_EKS_STATEMENTS, doc, v.features, vars);
    return { policy: build("policy"), restricted: build("restricted"), node: build("node") };
}

function inlineTotal(docs: readonly (readonly Statement[])[]): number {
    return docs.filter((d) => d.length > 0).reduce((n, d) => n + policySize(d), 0);
}

/**
 * The split of CastEKSPolicy and the inline sizes on worst-case values. They depend only on the
 * switches, the list lengths and the pass-role ARNs, never on the other values: a fleet of
 * clusters with the same switches computes them once (the split serializes the document once per
 * statement), not once per cluster.
 */
const WORST_CASE_SIZES = new Map<string, { ranges: Ranges; inlineTotals: { restricted: number; node: number } }>();

function worstCaseSizes(v: ReturnType<typeof validate>): { ranges: Ranges; inlineTotals: { restricted: number; node: number } } {
    const key = JSON.stringify([v.features, v.subnetIds.length, v.securityGroupIds.length, v.passRoleArns]);
    let sizes = WORST_CASE_SIZES.get(key);
    if (sizes === undefined) {
        const worst = documents(v, worstCaseVars(v));
        sizes = {
            ranges: splitRanges(worst.policy, AWS_LIMITS.managedPolicyChars, "policy", "CastEKSPolicy"),
            inlineTotals: { restricted: inlineTotal([worst.restricted]), node: inlineTotal([worst.node]) },
        };
        // Bounded: the key is made of switches, counts and at most MAX_PASS_ROLE_ARNS ARNs.
        if (WORST_CASE_SIZES.size < 256) WORST_CASE_SIZES.set(key, sizes);
    }
    return sizes;
}

/**
 * Validates `args` and returns everything CastAiEksAccess creates. Throws InputError naming the
 * argument and the rule. Policy splits are computed on worst-case sizes, so the number and names
 * of policies depend only on the switches and list lengths, never on the values.
 */
export function planCastAiEks(args: CastAiEksPlainArgs): CastAiEksPlan {
    const v = validate(args);
    const vars: Vars = {
        partition: v.partition, accountId: v.accountId, vpcAccountId: v.vpcAccountId, region: v.region, clusterName: v.clusterName,
        clusterId: v.clusterId, vpcId: v.vpcId, roleName: v.roleName, nodeRoleName: v.nodeRoleName,
        instanceProfileName: v.instanceProfileName, subnetIds: v.subnetIds, securityGroupIds: v.securityGroupIds,
        passRoleArns: v.passRoleArns,
    };
    const real = documents(v, vars);
    const { ranges, inlineTotals } = worstCaseSizes(v);
    for (const [role, total] of [[v.roleName, inlineTotals.restricted], [v.nodeRoleName, inlineTotals.node]] as const) {
        if (total > AWS_LIMITS.inlinePolicyCharsPerRole) {
            throw new InputError("policy", `inline policies of role ${role} could reach ${total} characters; IAM allows ${AWS_LIMITS.inlinePolicyCharsPerRole} per role`);
        }
    }
    const policies = namedParts(applyRanges(real.policy, ranges), "policy", `CastEKSPolicy-${v.clusterName}`);
    // As Cast AI's template writes them: no Sid, and the node role's trust allows sts:TagSession.
    const trust = externalIdTrust(v.castaiUserArn, v.clusterId, null);
    const nodeTrust = nodeRoleTrust(v.partition, ["sts:AssumeRole", "sts:TagSession"]);
    // The trust policy cannot be split. Called with worst-case values for unknown inputs (see the
    // component), this check holds for every value those inputs may resolve to.
    checkTrustPolicySize("castaiUserArn", trust);
    const castaiManagedPolicies = buildManagedPolicies(CASTAI_EKS_MANAGED_POLICIES, "castai", v.features);
    const nodeManagedPolicies = buildManagedPolicies(CASTAI_EKS_MANAGED_POLICIES, "node", v.features);
    checkManagedPolicyCount("maxManagedPoliciesPerRole", `role ${v.roleName}`, castaiManagedPolicies.length + policies.length, v.max);
    checkManagedPolicyCount("maxManagedPoliciesPerRole", `role ${v.nodeRoleName}`, nodeManagedPolicies.length, v.max);
    return {
        partition: v.partition,
        features: v.features,
        externalId: v.clusterId,
        castaiUserArn: v.castaiUserArn,
        roleName: v.roleName,
        nodeRoleName: v.nodeRoleName,
        instanceProfileName: v.instanceProfileName,
        trust,
        nodeTrust,
        castaiManagedPolicies,
        nodeManagedPolicies,
        policies,
        inline: real.restricted.length > 0 ? [{ key: "restricted", name: "CastEKSRestrictedAccess", statements: real.restricted }] : [],
        nodeInline: real.node.length > 0 ? [{ key: "inline", name: "CastEKSNodeAccess", statements: real.node }] : [],
        maxManagedPoliciesPerRole: v.max,
        ...(v.agent ? {
            agent: {
                ...v.agent,
                inline: [{ key: "inline", name: "CastAIAgentPolicy", statements: buildStatements(CASTAI_EKS_STATEMENTS, "agent", v.features, vars) }],
            },
        } : {}),
        ...(v.clusterRbac ? { clusterRbac: v.clusterRbac } : {}),
    };
}
