import { InputError } from "../core/errors";
import { show } from "../core/validate";
import { Statement, policySize } from "./policy";

/** AWS IAM quotas kubegrant checks at construction (IAM User Guide, "IAM and AWS STS quotas"). */
export const AWS_LIMITS = {
    /** Customer managed policy document, non-white-space characters. */
    managedPolicyChars: 6144,
    /** All inline policies of one role together, non-white-space characters. */
    inlinePolicyCharsPerRole: 10240,
    /** Managed policies attached to one role (default quota; can be raised to 20). */
    managedPoliciesPerRole: 10,
    /** Role trust policy, characters. */
    trustPolicyChars: 2048,
    roleName: 64,
    policyName: 128,
    instanceProfileName: 128,
} as const;

/** A managed-policy quota argument: a whole number from 1 to 20 (AWS's highest), default AWS's 10. */
export function validateManagedPolicyQuota(key: string, value: number | undefined): number {
    const max = value ?? AWS_LIMITS.managedPoliciesPerRole;
    if (!Number.isInteger(max) || max < 1 || max > 20) {
        throw new InputError(key, `must be a whole number from 1 to 20 (AWS's highest quota), got ${show(value)}`);
    }
    return max;
}

/**
 * Throws InputError on `key` when `count` managed policies exceed the quota `max` of one role or
 * user: builders call it so the error comes before any resource, and PolicyRole/PolicyUser call it
 * again before they register anything.
 */
export function checkManagedPolicyCount(key: string, what: string, count: number, max: number): void {
    if (count > max) {
        throw new InputError(key,
            `${what} would have ${count} managed policies; this account allows ${max} per role or user (raise the quota and set ${key}, or turn features off)`);
    }
}

/**
 * Throws InputError on `key` when a trust policy is over IAM's 2,048 characters (it cannot be
 * split): "<key>: makes <policy> <size> characters; IAM allows 2048".
 */
export function checkTrustPolicySize(key: string, trust: readonly Statement[], policy = "a trust policy of"): void {
    const size = policySize(trust);
    if (size > AWS_LIMITS.trustPolicyChars) {
        throw new InputError(key, `makes ${policy} ${size} characters; IAM allows ${AWS_LIMITS.trustPolicyChars}`);
    }
}
