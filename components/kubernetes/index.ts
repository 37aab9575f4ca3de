// kubegrant/kubernetes: the generic Kubernetes RBAC layer and every vendor component for it.
export {
    PolicyRule, RuleEntry, Subject, RoleSpec, ServiceAccountSpec, RbacBundle, KubeObject, PolicyRuleObject,
    RULES_ANNOTATION, bundleObjects, roleObjects, ruleObject, serviceAccountUsername,
} from "./rbac";
export { ServiceAccountRbac, ServiceAccountRbacArgs } from "./bundle";
export { authorize, ruleAllows, rulesFor, uncovered, Request, ResourceRequest, NonResourceRequest, ServiceAccountRef } from "./authorize";
export { validateNamespace, validateObjectName, validateAnnotations } from "./validate";
export { CastAiClusterRbac, CastAiClusterRbacArgs } from "../castai/cluster-rbac";
export { planCastAiClusterRbac, CastAiClusterRbacPlan, CastAiClusterRbacPlainArgs } from "../castai/cluster-rbac-plan";
export {
    CASTAI_RBAC_ENTRIES, CASTAI_ROLES, CASTAI_SEED_ALIASES, CASTAI_SERVICE_ACCOUNTS, CASTAI_COMPONENTS, CastAiComponent,
} from "../castai/cluster-rbac-catalog";
