/** Validators for Alibaba Cloud names and IDs. Pure: no Pulumi imports. */
import { InputError, requireMatch, requireString } from "../core";

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
