// kubegrant/kubernetes: the generic Kubernetes RBAC layer and every vendor component for it.
import { requireProviders } from "../core/providers";

// Before anything loads a provider: one error naming every missing package, not Node's stack for the first.
requireProviders("kubegrant/kubernetes", ["kubernetes"]);

export {
    PolicyRule, RuleEntry, Subject, RoleSpec, ServiceAccountSpec, RbacBundle, KubeObject, PolicyRuleObject,
    RULES_ANNOTATION, bundleObjects, roleObjects, ruleObject, serviceAccountUsername,
} from "../kubernetes/rbac";
export { ClusterRbacComponent, ServiceAccountRbac, ServiceAccountRbacArgs, planWithLaterAnnotations } from "../kubernetes/bundle";
export { authorize, ruleAllows, rulesFor, uncovered, Request, ResourceRequest, NonResourceRequest, ServiceAccountRef } from "../kubernetes/authorize";
export { validateNamespace, validateObjectName, validateAnnotations } from "../kubernetes/validate";
export {
    CatalogRole, CatalogRuleEntry, ClusterRbacPlan, NAMESPACE_PLACEHOLDER, catalogRoleSpecs, roleNamespace, serviceAccountSpecs, substituteNamespace,
    validateComponentsNamespace, validateServiceAccountAnnotations, validateServiceAccountNames, ruleExplanations,
} from "../kubernetes/catalog";
export { CastAiClusterRbac, CastAiClusterRbacArgs } from "../castai/cluster-rbac";
export { planCastAiClusterRbac, CastAiClusterRbacPlan, CastAiClusterRbacPlainArgs } from "../castai/cluster-rbac-plan";
export {
    CASTAI_RBAC_ENTRIES, CASTAI_ROLES, CASTAI_SEED_ALIASES, CASTAI_SERVICE_ACCOUNTS, CASTAI_COMPONENTS, CastAiComponent,
} from "../castai/cluster-rbac-catalog";
export { CloudPilotClusterRbac, CloudPilotClusterRbacArgs } from "../cloudpilot/cluster-rbac";
export { planCloudPilotClusterRbac, CloudPilotClusterRbacPlan, CloudPilotClusterRbacPlainArgs } from "../cloudpilot/cluster-rbac-plan";
export {
    CLOUDPILOT_RBAC_ENTRIES, CLOUDPILOT_ROLES, CLOUDPILOT_SERVICE_ACCOUNTS, CLOUDPILOT_COMPONENTS, CloudPilotComponent,
} from "../cloudpilot/cluster-rbac-catalog";
