/**
 * The pure builder of Spectro Cloud Palette on AWS: validated inputs → the customer managed
 * policies (exact names, split under AWS's size limit, combined on request under the per-identity
 * quota) and the identity Palette uses. No Pulumi imports.
 */
import { InputError, optionalList, rejectUnknownKeys, requireMatch, show } from "../core";
import { ArgSpecs, OutputSpecs, argNames, outputArgs, readBoolean, readChoice } from "../core/spec";
import { AWS_LIMITS, checkTrustPolicySize, validateManagedPolicyQuota } from "../aws/limits";
import { NamedDocument, Statement, applyRanges, namedParts, policySize, splitRanges } from "../aws/policy";
import { externalIdTrust } from "../aws/trust";
import { MAX_LENGTH, Partition, validateAccountId, validateExternalId, validateRoleName, validateAwsTags } from "../aws/validate";
import { fillTemplates } from "../core/statement";
import { PALETTE_AWS_POLICIES, PalettePolicyGroup } from "./aws-catalog";

export const PALETTE_VARIANTS = ["core", "minimum-dynamic", "minimum-static"] as const;
export type PaletteVariant = typeof PALETTE_VARIANTS[number];
export const PALETTE_IDENTITIES = ["role", "user"] as const;
export type PaletteIdentity = typeof PALETTE_IDENTITIES[number];
/** The partitions the partition argument takes. */
export const PALETTE_PARTITIONS = ["aws", "aws-us-gov"] as const satisfies readonly Partition[];

/** AWS-managed policies on the EKS node-group role Palette creates (librarium required-iam-policies.md, EKS tab). */
export const PALETTE_EKS_NODE_ROLE_POLICIES = 4;
export const EBS_CSI_POLICY_PATH = "service-role/AmazonEBSCSIDriverPolicy";

export interface PaletteAwsPlainArgs {
    readonly accountId: string;
    readonly variant?: PaletteVariant;
    readonly eks?: boolean;
    readonly cloudFormationStack?: boolean;
    readonly allowIamPrivilegeEscalation?: boolean;
    readonly hostResourceGroups?: boolean;
    readonly identity?: PaletteIdentity;
    readonly trustedAccountId?: string;
    readonly externalId?: string;
    readonly roleName?: string;
    readonly userName?: string;
    readonly partition?: Partition;
    readonly ebsCsiPolicy?: boolean;
    readonly additionalPolicyArns?: readonly string[];
    readonly combinePolicies?: boolean;
    readonly maxManagedPolicies?: number;
}

/**
 * Every argument of PaletteAwsAccess, once: the preset's keys, `--help`, the docs' table, the
 * unknown-key check and the string inputs come from here (aws.ts checks it against the Args type).
 */
export const PALETTE_AWS_ARGS = {
    accountId: { type: "string", output: true, required: true,
        doc: "AWS account Palette deploys into",
    },
    variant: { type: "string", choices: PALETTE_VARIANTS, default: "minimum-dynamic",
        doc: "`minimum-dynamic`, `minimum-static` or `core` (needs `allowIamPrivilegeEscalation`)",
    },
    eks: { type: "boolean", default: false,
        doc: "EKS policy of the variant",
    },
    cloudFormationStack: { type: "boolean", default: false,
        doc: "Minimum variants: Palette manages the CAPA stack (IAM scoped to the stack's roles and policies)",
    },
    allowIamPrivilegeEscalation: { type: "boolean", default: false,
        doc: "RISK: required for `variant=core`, whose policies let Palette make itself administrator (listed under \"Risks\")",
    },
    hostResourceGroups: { type: "boolean", default: false,
        doc: "PaletteHostResourceGroupsPolicy",
    },
    identity: { type: "string", choices: PALETTE_IDENTITIES, default: "role",
        doc: "`role` or `user`",
    },
    trustedAccountId: { type: "string", output: true, defaultText: "required for role",
        doc: "Palette's AWS account for STS",
    },
    externalId: { type: "string", output: true, secret: true, defaultText: "required for role",
        doc: "External ID Palette shows",
    },
    roleName: { type: "string", output: true, default: "SpectroCloudRole",
        doc: "Role name",
    },
    userName: { type: "string", output: true, default: "SpectroCloudUser",
        doc: "User name",
    },
    partition: { type: "string", choices: PALETTE_PARTITIONS, default: "aws",
        doc: "`aws` or `aws-us-gov`",
    },
    ebsCsiPolicy: { type: "boolean", default: false,
        doc: "Add AmazonEBSCSIDriverPolicy to `additionalPolicyArns`",
    },
    additionalPolicyArns: { type: "list", default: [],
        doc: "Policies Palette attaches to the roles it creates (in the `partition` given)",
    },
    combinePolicies: { type: "boolean", default: false,
        doc: "Pack the policies into `PaletteCombinedPolicy` documents",
    },
    maxManagedPolicies: { type: "number", default: AWS_LIMITS.managedPoliciesPerRole,
        doc: "Managed-policy quota per role or user",
    },
    tags: { type: "object", typeText: "Input<Record<string, Input<string>>>",
        doc: "Tags for every taggable resource (IAM's rules, checked as for CastAiEksAccess)",
    },
} as const satisfies ArgSpecs;

/** Every output of PaletteAwsAccess (the preset's stack outputs and the docs' table). */
export const PALETTE_AWS_OUTPUTS = {
    arn: { doc: "Role or user ARN: give it to Palette" },
    name: { doc: "Role or user name" },
    externalId: { doc: "The external ID (role)" },
    policyNames: { doc: "Names of the customer managed policies" },
    policyArns: { doc: "Their ARNs" },
    additionalPolicyArns: { doc: "For the cloud account's \"Add IAM policies\"" },
    accessKeyId: { doc: "Access key ID (user)" },
    secretAccessKey: { doc: "Secret access key (user; secret)" },
    ready: { doc: "Identity ARN, once every grant exists" },
} as const satisfies OutputSpecs;

export const PALETTE_AWS_ARG_NAMES = argNames(PALETTE_AWS_ARGS);

/** The string inputs that may arrive as Outputs (from another stack); everything else is plain. */
export const PALETTE_AWS_STRING_ARGS = outputArgs(PALETTE_AWS_ARGS);

/** A customer managed policy; its key is the policy name in kebab case (`-2` for a split part). */
export interface PaletteDocument extends NamedDocument {
    /** The catalog policy (or policies, when combined) it holds. */
    readonly from: readonly string[];
    readonly size: number;
}

export interface PaletteAwsPlan {
    readonly partition: Partition;
    readonly variant: PaletteVariant;
    readonly identity: PaletteIdentity;
    readonly identityName: string;
    /** The trust policy (identity "role"), else undefined. */
    readonly trust?: readonly Statement[];
    readonly externalId?: string;
    readonly trustedAccountId?: string;
    readonly policies: readonly PaletteDocument[];
    /** Policy ARNs for the Palette cloud account's "Add IAM policies" (attached by Palette to the roles it creates). */
    readonly additionalPolicyArns: readonly string[];
    readonly maxManagedPolicies: number;
}

function groups(variant: PaletteVariant, eks: boolean, cloudFormationStack: boolean, hostResourceGroups: boolean): PalettePolicyGroup[] {
    const out: PalettePolicyGroup[] = variant === "core" ? ["core"] : [variant];
    if (eks) out.push(variant === "core" ? "eks" : `${variant}-eks` as PalettePolicyGroup);
    if (variant !== "core" && cloudFormationStack) out.push("cloudformation");
    if (hostResourceGroups) out.push("hostResourceGroups");
    return out;
}

const kebab = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();

/** Splits one named document under the managed-policy limit: `<name>`, `<name>-2`, … */
function split(name: string, from: readonly string[], statements: readonly Statement[]): PaletteDocument[] {
    const ranges = splitRanges(statements, AWS_LIMITS.managedPolicyChars, "policy", name);
    return namedParts(applyRanges(statements, ranges), kebab(name), name).map((d) => ({ ...d, from, size: policySize(d.statements) }));
}

export function planPaletteAws(a: PaletteAwsPlainArgs): PaletteAwsPlan {
    rejectUnknownKeys(a, PALETTE_AWS_ARG_NAMES, "PaletteAwsAccess");
    validateAwsTags("tags", (a as { tags?: unknown }).tags);
    const accountId = validateAccountId("accountId", a.accountId);
    const variant = readChoice<PaletteVariant>(PALETTE_AWS_ARGS, "variant", a.variant);
    const eks = readBoolean(PALETTE_AWS_ARGS, "eks", a.eks);
    if (a.cloudFormationStack !== undefined && variant === "core") {
        throw new InputError("cloudFormationStack", "is only used with the minimum-dynamic and minimum-static variants (the core policies cover the stack)");
    }
    const cloudFormationStack = readBoolean(PALETTE_AWS_ARGS, "cloudFormationStack", a.cloudFormationStack);
    const allowEscalation = readBoolean(PALETTE_AWS_ARGS, "allowIamPrivilegeEscalation", a.allowIamPrivilegeEscalation);
    if (variant === "core" && !allowEscalation) {
        throw new InputError("variant", "\"core\" grants iam:CreatePolicyVersion, iam:AttachGroupPolicy and sts:AssumeRole on \"*\" (and with eks iam:CreateRole and iam:AttachRolePolicy on every role): set allowIamPrivilegeEscalation=true to accept that, or use minimum-dynamic or minimum-static");
    }
    if (variant !== "core" && a.allowIamPrivilegeEscalation !== undefined) {
        throw new InputError("allowIamPrivilegeEscalation", "is only used with variant \"core\" (the minimum variants hold no IAM escalation)");
    }
    const hostResourceGroups = readBoolean(PALETTE_AWS_ARGS, "hostResourceGroups", a.hostResourceGroups);
    const identity = readChoice<PaletteIdentity>(PALETTE_AWS_ARGS, "identity", a.identity);
    const partition = readChoice<Partition>(PALETTE_AWS_ARGS, "partition", a.partition);
    const max = validateManagedPolicyQuota("maxManagedPolicies", a.maxManagedPolicies);
    let identityName: string;
    let trust: Statement[] | undefined;
    let externalId: string | undefined;
    let trustedAccountId: string | undefined;
    if (identity === "role") {
        if (a.userName !== undefined) throw new InputError("userName", 'is only used when identity is "user"');
        if (a.trustedAccountId === undefined) throw new InputError("trustedAccountId", 'is required when identity is "role" (the AWS account ID Palette shows for STS)');
        trustedAccountId = validateAccountId("trustedAccountId", a.trustedAccountId);
        if (a.externalId === undefined) throw new InputError("externalId", 'is required when identity is "role" (the external ID Palette shows for STS)');
        externalId = validateExternalId("externalId", a.externalId);
        identityName = a.roleName === undefined ? PALETTE_AWS_ARGS.roleName.default : validateRoleName("roleName", a.roleName);
        trust = externalIdTrust(`arn:${partition}:iam::${trustedAccountId}:root`, externalId);
        checkTrustPolicySize("externalId", trust);
    } else {
        for (const key of ["trustedAccountId", "externalId", "roleName"] as const) {
            if (a[key] !== undefined) throw new InputError(key, 'is only used when identity is "role"');
        }
        identityName = a.userName === undefined ? PALETTE_AWS_ARGS.userName.default
            : requireMatch("userName", a.userName, /^[\w+=,.@-]{1,64}$/, "must be an IAM user name: 1-64 letters, digits and +=,.@-_");
    }
    const extra = optionalList("additionalPolicyArns", a.additionalPolicyArns, (key, v) => {
        const arn = requireMatch(key, v, /^arn:(aws|aws-us-gov):iam::(aws|\d{12}):policy\/[\w+=,.@/-]+$/, "must be an IAM policy ARN such as arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy");
        // A role can only have policies of its own partition attached.
        if (!arn.startsWith(`arn:${partition}:`)) throw new InputError(key, `must be a policy of partition ${partition} (the partition argument), got ${show(arn)}`);
        return arn;
    });
    const ebsCsi = readBoolean(PALETTE_AWS_ARGS, "ebsCsiPolicy", a.ebsCsiPolicy);
    const ebsArn = `arn:${partition}:iam::aws:policy/${EBS_CSI_POLICY_PATH}`;
    if (ebsCsi && extra.includes(ebsArn)) throw new InputError("additionalPolicyArns", `lists ${show(ebsArn)}, which ebsCsiPolicy adds already`);
    const additionalPolicyArns = ebsCsi ? [ebsArn, ...extra] : extra;
    const nodeCount = PALETTE_EKS_NODE_ROLE_POLICIES + additionalPolicyArns.length;
    if (nodeCount > max && additionalPolicyArns.length === 0) {
        throw new InputError("maxManagedPolicies", `is ${max}, but the EKS node-group role Palette creates has ${PALETTE_EKS_NODE_ROLE_POLICIES} AWS-managed policies; AWS allows 10 per role by default`);
    }
    if (nodeCount > max) {
        throw new InputError(extra.length === 0 ? "ebsCsiPolicy" : "additionalPolicyArns", `Palette attaches them to every role it creates; its EKS node-group role would have ${nodeCount} managed policies (${PALETTE_EKS_NODE_ROLE_POLICIES} AWS-managed + ${additionalPolicyArns.length}); AWS allows ${max} per role`);
    }

    const vars = { partition, accountId };
    const entries = groups(variant, eks, cloudFormationStack, hostResourceGroups)
        .flatMap((g) => PALETTE_AWS_POLICIES.filter((p) => p.group === g))
        .map((e) => ({ ...e, statements: e.statements.map((st) => ({ ...st, ...fillTemplates(st.resources ?? [], st.conditions ?? [], vars) })) }));
    const separate = entries.flatMap((e) => split(e.name, [e.name], e.statements));
    const combine = readBoolean(PALETTE_AWS_ARGS, "combinePolicies", a.combinePolicies);
    let policies = separate;
    if (combine) {
        policies = split("PaletteCombinedPolicy", entries.map((e) => e.name), entries.flatMap((e) => e.statements));
    }
    if (policies.length > max) {
        throw new InputError("maxManagedPolicies", combine
            ? `the ${identity} would need ${policies.length} managed policies even combined; AWS allows ${max} per ${identity} (raise the quota and set maxManagedPolicies)`
            : `the ${identity} would have ${policies.length} managed policies (${policies.map((p) => p.name).join(", ")}); AWS allows ${max} per ${identity} (set combinePolicies=true to pack them into fewer, or raise the quota and set maxManagedPolicies)`);
    }
    return {
        partition, variant, identity, identityName, trust, externalId, trustedAccountId, policies,
        additionalPolicyArns, maxManagedPolicies: max,
    };
}

/** Longest valid values for string inputs still unknown at construction. */
export function paletteWorstCase(unknown: readonly string[]): Partial<PaletteAwsPlainArgs> {
    // One stand-in per string input of the spec, no more and no fewer (the compiler checks it).
    const values: Record<string, string> = {
        accountId: "000000000000", trustedAccountId: "000000000000", externalId: "e".repeat(MAX_LENGTH.externalId),
        roleName: "r".repeat(64), userName: "u".repeat(64),
    } satisfies Record<typeof PALETTE_AWS_STRING_ARGS[number], string>;
    return Object.fromEntries(unknown.map((k) => [k, values[k]])) as Partial<PaletteAwsPlainArgs>;
}
