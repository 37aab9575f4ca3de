/** Validators for Alibaba Cloud names and IDs. Pure: no Pulumi imports. */
import { InputError, TagRules, requireMatch, requireString, validateTags } from "../core";

/** RAM role name: 1-64 letters, digits, '.' and '-' (RAM API CreateRole). */
export function validateRamRoleName(key: string, value: unknown): string {
    return requireMatch(key, value, /^[A-Za-z0-9.-]{1,64}$/, "must be a RAM role name: 1-64 letters, digits, . and -");
}

/** RAM policy name: 1-128 letters, digits and '-' (RAM API CreatePolicy). */
export function validateRamPolicyName(key: string, value: unknown): string {
    return requireMatch(key, value, /^[A-Za-z0-9-]{1,128}$/, "must be a RAM policy name: 1-128 letters, digits and -");
}

/**
 * An Alibaba Cloud account ID (UID). Alibaba's own examples show 16 digits; kubegrant accepts
 * 10-20 digits because the length is not documented as fixed.
 */
export function validateAlibabaAccountId(key: string, value: unknown): string {
    return requireMatch(key, value, /^\d{10,20}$/, "must be an Alibaba Cloud account ID (10-20 digits)");
}

/** An ACK cluster ID: `c` and 32 lower-case hex digits. */
export function validateAckClusterId(key: string, value: unknown): string {
    return requireMatch(key, value, /^c[0-9a-f]{32}$/, "must be an ACK cluster ID: c and 32 lower-case hex digits");
}

/** The cluster's RRSA OIDC issuer URL (https, no query). */
export function validateOidcIssuerUrl(key: string, value: unknown): string {
    return requireMatch(key, value, /^https:\/\/[A-Za-z0-9.-]+(\/[A-Za-z0-9._~-]+)*$/,
        "must be the cluster's RRSA OIDC issuer URL such as https://oidc-ack-cn-hangzhou.oss-cn-hangzhou.aliyuncs.com/c0123...");
}

/**
 * Alibaba Cloud tags (RAM roles and policies): at most 20 per resource, keys 1-128 characters not
 * starting with `aliyun` or `acs:`, values up to 128 characters not starting with `acs:`, neither
 * containing `http://` or `https://`.
 * Source: Alibaba Cloud RAM API TagResources (Tag.N, N up to 20) and the Tag data type
 * ("The key can be up to 128 characters in length. It cannot start with aliyun or acs: and cannot
 * contain http:// or https://"; the value likewise, up to 128, not starting with acs:)
 * (https://www.alibabacloud.com/help/en/ram/developer-reference/api-ims-2019-08-15-tagresources).
 */
export const ALICLOUD_TAG_RULES: TagRules = {
    service: "Alibaba Cloud RAM",
    maxTags: 20,
    maxKeyLength: 128,
    maxValueLength: 128,
    reservedKeyPrefixes: ["aliyun", "acs:"],
    reservedValuePrefixes: ["acs:"],
    forbiddenSubstrings: ["http://", "https://"],
    caseInsensitiveKeys: false,
};

/** `tags` of an Alibaba Cloud component, checked against ALICLOUD_TAG_RULES. */
export function validateAlicloudTags(key: string, value: unknown): unknown {
    return validateTags(key, value, ALICLOUD_TAG_RULES);
}

/**
 * The external ID a cross-account RAM trust requires (`sts:ExternalId`, the AssumeRole API's
 * ExternalId: 2-1224 letters, digits and =,.@:/-_). A secret: the error never shows the value.
 */
export function validateRamExternalId(key: string, value: unknown): string {
    const s = requireString(key, value);
    if (!/^[\w=,.@:/-]{2,1224}$/.test(s)) {
        throw new InputError(key, `must be an external ID: 2-1224 letters, digits and =,.@:/-_ (got ${s.length} characters; the value is secret and not shown)`);
    }
    return s;
}
