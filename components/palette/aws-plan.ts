/**
 * The pure builder of Spectro Cloud Palette on AWS: validated inputs → the customer managed
 * policies (exact names, split under AWS's size limit, combined on request under the per-identity
 * quota) and the identity Palette uses. No Pulumi imports.
 */
import { InputError, optionalBoolean, optionalChoice, optionalList, rejectUnknownKeys, requireMatch, show } from "../core";
import { AWS_LIMITS, checkTrustPolicySize, validateManagedPolicyQuota } from "../aws/limits";
import { NamedDocument, Statement, applyRanges, namedParts, policySize, splitRanges } from "../aws/policy";
import { externalIdTrust } from "../aws/trust";
import { MAX_LENGTH, Partition, validateAccountId, validateExternalId, validateRoleName, validateAwsTags } from "../aws/validate";
import { fillTemplates } from "../core/statement";
import { PALETTE_AWS_POLICIES, PalettePolicyGroup } from "./aws-catalog";

export type PaletteVariant = "core" | "minimum-dynamic" | "minimum-static";
export const PALETTE_VARIANTS: readonly PaletteVariant[] = ["core", "minimum-dynamic", "minimum-static"];
export type PaletteIdentity = "role" | "user";

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

export const PALETTE_AWS_ARG_NAMES: readonly string[] = [
    "accountId", "variant", "eks", "cloudFormationStack", "allowIamPrivilegeEscalation", "hostResourceGroups", "identity", "trustedAccountId", "externalId",
    "roleName", "userName", "partition", "ebsCsiPolicy", "additionalPolicyArns", "combinePolicies", "maxManagedPolicies", "tags",
];

export const PALETTE_AWS_STRING_ARGS = ["accountId", "trustedAccountId", "externalId", "roleName", "userName"] as const;

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
    const variant = optionalChoice("variant", a.variant, PALETTE_VARIANTS, "minimum-dynamic");
    const eks = optionalBoolean("eks", a.eks, false);
    if (a.cloudFormationStack !== undefined && variant === "core") {
        throw new InputError("cloudFormationStack", "is only used with the minimum-dynamic and minimum-static variants (the core policies cover the stack)");
    }
    const cloudFormationStack = optionalBoolean("cloudFormationStack", a.cloudFormationStack, false);
    const allowEscalation = optionalBoolean("allowIamPrivilegeEscalation", a.allowIamPrivilegeEscalation, false);
    if (variant === "core" && !allowEscalation) {
        throw new InputError("variant", "\"core\" grants iam:CreatePolicyVersion, iam:AttachGroupPolicy and sts:AssumeRole on \"*\" (and with eks iam:CreateRole and iam:AttachRolePolicy on every role): set allowIamPrivilegeEscalation=true to accept that, or use minimum-dynamic or minimum-static");
    }
    if (variant !== "core" && a.allowIamPrivilegeEscalation !== undefined) {
        throw new InputError("allowIamPrivilegeEscalation", "is only used with variant \"core\" (the minimum variants hold no IAM escalation)");
    }
    const hostResourceGroups = optionalBoolean("hostResourceGroups", a.hostResourceGroups, false);
    const identity = optionalChoice<PaletteIdentity>("identity", a.identity, ["role", "user"], "role");
    const partition = optionalChoice<Partition>("partition", a.partition, ["aws", "aws-us-gov"], "aws");
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
        identityName = a.roleName === undefined ? "SpectroCloudRole" : validateRoleName("roleName", a.roleName);
        trust = externalIdTrust(`arn:${partition}:iam::${trustedAccountId}:root`, externalId);
        checkTrustPolicySize("externalId", trust);
    } else {
        for (const key of ["trustedAccountId", "externalId", "roleName"] as const) {
            if (a[key] !== undefined) throw new InputError(key, 'is only used when identity is "role"');
        }
        identityName = a.userName === undefined ? "SpectroCloudUser"
            : requireMatch("userName", a.userName, /^[\w+=,.@-]{1,64}$/, "must be an IAM user name: 1-64 letters, digits and +=,.@-_");
    }
    const extra = optionalList("additionalPolicyArns", a.additionalPolicyArns, (key, v) => {
        const arn = requireMatch(key, v, /^arn:(aws|aws-us-gov):iam::(aws|\d{12}):policy\/[\w+=,.@/-]+$/, "must be an IAM policy ARN such as arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy");
        // A role can only have policies of its own partition attached.
        if (!arn.startsWith(`arn:${partition}:`)) throw new InputError(key, `must be a policy of partition ${partition} (the partition argument), got ${show(arn)}`);
        return arn;
    });
    const ebsCsi = optionalBoolean("ebsCsiPolicy", a.ebsCsiPolicy, false);
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
    const combine = optionalBoolean("combinePolicies", a.combinePolicies, false);
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
    const values: Record<string, string> = {
        accountId: "000000000000", trustedAccountId: "000000000000", externalId: "e".repeat(MAX_LENGTH.externalId),
        roleName: "r".repeat(64), userName: "u".repeat(64),
    };
    return Object.fromEntries(unknown.map((k) => [k, values[k]])) as Partial<PaletteAwsPlainArgs>;
}
