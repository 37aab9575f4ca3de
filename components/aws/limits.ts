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
