// kubegrant/policy: a CrossGuard policy pack for stacks that use kubegrant (needs @pulumi/policy).
export {
    KUBEGRANT_POLICIES, vendorTrustConditions, noWildcardAction, noAuthoritativeGcpIam, noEscalatingRoleForVendor, awsPolicySize,
    awsManagedPoliciesPerRole, CATALOG_WILDCARD_ACTIONS, isKubegrants,
} from "../policy/policies";
export { kubegrantPolicyPack } from "../policy/pack";
