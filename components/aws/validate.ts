import { InputError, TagRules, requireMatch, requireString, show, validateTags } from "../core";

/** AWS partitions kubegrant knows how to build ARNs for. */
export type Partition = "aws" | "aws-cn" | "aws-us-gov" | "aws-iso" | "aws-iso-b";

/** Longest values each AWS identifier may have: used to size policies before values are known. */
export const MAX_LENGTH = {
    accountId: 12,
    region: 16,
    vpcId: 21,
    subnetId: 24,
    securityGroupId: 20,
    eksClusterName: 100,
    externalId: 1224,
    iamUserName: 64,
    roleName: 64,
} as const;

const LONGEST_REGION: Readonly<Record<string, string>> = {
    "aws": "ap-southeastxx-9", "aws-us-gov": "us-gov-westxxx-9", "aws-cn": "cn-northwestx-9",
    "aws-iso": "us-iso-eastxxx-9", "aws-iso-b": "us-isob-eastxx-9",
};

/** A valid region of `partition` (else of `aws`) as long as a region may be: stands in for a region not known yet. */
export function longestRegion(partition: string): string {
    return LONGEST_REGION[partition] ?? LONGEST_REGION.aws;
}

/**
 * For stand-ins of inputs not known yet: the partition and account they must match, taken from the
 * inputs already known. A known ARN fixes the partition (the first of `partitionArns` that is known);
 * a known account ID, else the account of a known `accountArn` (e.g. the cluster's OIDC provider),
 * fixes the account.
 */
export function standInScope(known: {
    readonly region?: string;
    readonly accountId?: string;
    readonly partitionArns: readonly (string | undefined)[];
    readonly accountArn?: string;
}): { partition: string; account: string } {
    const arnPartition = known.partitionArns.find((a) => a !== undefined)?.split(":")[1];
    return {
        partition: arnPartition ?? (known.region !== undefined ? partitionOf(known.region) : "aws"),
        account: known.accountId ?? known.accountArn?.split(":")[4] ?? "000000000000",
    };
}

export const REGION_PATTERN = /^[a-z]{2}(-gov|-iso|-isob)?-[a-z]+-\d{1,2}$/;

/** The partition of a region: `aws-us-gov` for `us-gov-*`, `aws-cn` for `cn-*`, `aws` otherwise. */
export function partitionOf(region: string): Partition {
    if (region.startsWith("us-gov-")) return "aws-us-gov";
    if (region.startsWith("cn-")) return "aws-cn";
    if (region.startsWith("us-isob-")) return "aws-iso-b";
    if (region.startsWith("us-iso-")) return "aws-iso";
    return "aws";
}

/** The DNS suffix of a partition's service principals (`ec2.amazonaws.com`). */
export function servicePrincipal(service: string, _partition: Partition): string {
    // Every partition kubegrant supports uses `<service>.amazonaws.com` for IAM service principals
    // (aws-cn accepts it too); kept as a function so a partition that differs is one change.
    return `${service}.amazonaws.com`;
}

export function validateAccountId(key: string, value: unknown): string {
    return requireMatch(key, value, /^\d{12}$/, "must be a 12-digit AWS account ID");
}

export function validateRegion(key: string, value: unknown): string {
    const s = requireMatch(key, value, REGION_PATTERN, "must be an AWS region such as eu-central-1");
    if (s.length > MAX_LENGTH.region) {
        throw new InputError(key, `must be an AWS region such as eu-central-1, got ${show(s)}`);
    }
    return s;
}

export function validateEksClusterName(key: string, value: unknown): string {
    return requireMatch(key, value, /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/,
        "must be an EKS cluster name: 1-100 letters, digits, - and _, starting with a letter or digit");
}

export function validateVpcId(key: string, value: unknown): string {
    return requireMatch(key, value, /^vpc-([0-9a-f]{8}|[0-9a-f]{17})$/, "must be a VPC ID such as vpc-0a1b2c3d4e5f67890");
}

export function validateSubnetId(key: string, value: unknown): string {
    return requireMatch(key, value, /^subnet-([0-9a-f]{8}|[0-9a-f]{17})$/,
        "must be a subnet ID such as subnet-0a1b2c3d4e5f67890");
}

export function validateSecurityGroupId(key: string, value: unknown): string {
    return requireMatch(key, value, /^sg-([0-9a-f]{8}|[0-9a-f]{17})$/,
        "must be a security group ID such as sg-0a1b2c3d4e5f67890");
}

export function validateExternalId(key: string, value: unknown): string {
    return requireMatch(key, value, /^[\w+=,.@:/-]{2,1224}$/,
        "must be an AWS external ID: 2-1224 characters of letters, digits and +=,.@:/-_");
}

/** An IAM user or role ARN; returns its parts. */
export function validatePrincipalArn(key: string, value: unknown): { partition: Partition; accountId: string; kind: "user" | "role"; name: string } {
    const s = requireString(key, value);
    const m = /^arn:(aws|aws-cn|aws-us-gov|aws-iso|aws-iso-b):iam::(\d{12}):(user|role)\/((?:[\w+=,.@-]+\/)*)([\w+=,.@-]+)$/.exec(s);
    if (!m) {
        throw new InputError(key, `must be an IAM user or role ARN such as arn:aws:iam::123456789012:user/name, got ${show(s)}`);
    }
    const name = m[5];
    const max = m[3] === "user" ? MAX_LENGTH.iamUserName : MAX_LENGTH.roleName;
    if (name.length > max) {
        throw new InputError(key, `names an IAM ${m[3]} of ${name.length} characters; IAM allows at most ${max}`);
    }
    return { partition: m[1] as Partition, accountId: m[2], kind: m[3] as "user" | "role", name };
}

/** IAM role name: at most 64 of [\w+=,.@-]. */
export function validateRoleName(key: string, value: unknown): string {
    return requireMatch(key, value, /^[\w+=,.@-]{1,64}$/, "must be an IAM role name: 1-64 letters, digits and +=,.@-_");
}

/**
 * IAM tags (roles, users, policies, instance profiles; EKS Pod Identity associations take the same
 * rules): at most 50 per resource, keys 1-128 and values 0-256 Unicode characters of letters,
 * digits, spaces and _ . : / = + - @, no `aws:` prefix (reserved), keys unique ignoring case.
 * Source: IAM User Guide, "Tagging IAM resources" → "Tag naming rules"
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_tags.html#id_tags_rules_creating).
 */
export const AWS_TAG_RULES: TagRules = {
    service: "AWS IAM",
    maxTags: 50,
    maxKeyLength: 128,
    maxValueLength: 256,
    characters: { pattern: /^[\p{L}\p{N}\p{Zs}_.:/=+\-@]*$/u, rule: "must use only letters, digits, spaces and _ . : / = + - @ (AWS IAM tags)" },
    reservedKeyPrefixes: ["aws:"],
    reservedValuePrefixes: [],
    caseInsensitiveKeys: true,
};

/** `tags` of an AWS component, checked against AWS_TAG_RULES. */
export function validateAwsTags(key: string, value: unknown): unknown {
    return validateTags(key, value, AWS_TAG_RULES);
}
