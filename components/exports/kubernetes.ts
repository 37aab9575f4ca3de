// kubegrant/kubernetes: the generic Kubernetes RBAC layer and every vendor component for it.
import { requireProviders } from "../core/providers";

// Before anything loads a provider: one error naming every missing package, not Node's stack for the first.
requireProviders("kubegrant/kubernetes", ["kubernetes"]);

export {
    PolicyRule, Subject, RoleSpec, ServiceAccountSpec, RbacBundle, KubeObject, PolicyRuleObject, ObjectMeta, SubjectObject, bundleObjects,
} from "../kubernetes/rbac";
export { ClusterRbacComponent, ClusterRbacArgs, ServiceAccountRbac, ServiceAccountRbacArgs } from "../kubernetes/bundle";
export type { ClusterRbacPlan } from "../kubernetes/catalog";
export { authorize, uncovered, Request, ResourceRequest, NonResourceRequest, ServiceAccountRef } from "../kubernetes/authorize";
export { CastAiClusterRbac, CastAiClusterRbacArgs } from "../castai/cluster-rbac";
// The plain (no Output) form of CastAiClusterRbacArgs: the default of the cloud components' clusterRbac argument type.
export { CastAiClusterRbacPlainArgs } from "../castai/cluster-rbac-plan";
// The vendor's components (the `components` argument) and their service account names, as its Helm charts expect them.
export { CASTAI_COMPONENTS, CASTAI_SERVICE_ACCOUNTS, CastAiComponent } from "../castai/cluster-rbac-catalog";
export { CloudPilotClusterRbac, CloudPilotClusterRbacArgs } from "../cloudpilot/cluster-rbac";
export { CLOUDPILOT_COMPONENTS, CLOUDPILOT_SERVICE_ACCOUNTS, CloudPilotComponent } from "../cloudpilot/cluster-rbac-catalog";
