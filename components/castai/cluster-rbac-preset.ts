import { clusterRbacPreset } from "../kubernetes/preset";
import { CastAiClusterRbac, CastAiClusterRbacArgs } from "./cluster-rbac";
import { CASTAI_CLUSTER_RBAC_ARGS, CASTAI_CLUSTER_RBAC_OUTPUTS } from "./cluster-rbac-plan";
import { CASTAI_RBAC_ENTRIES } from "./cluster-rbac-catalog";

/** `castai-kubernetes`: Cast AI's service accounts and RBAC in the cluster (CastAiClusterRbac). */
export const castAiKubernetesPreset = clusterRbacPreset<CastAiClusterRbacArgs>({
    name: "castai-kubernetes",
    title: "Cast AI in the cluster (Kubernetes RBAC)",
    args: CASTAI_CLUSTER_RBAC_ARGS,
    outputs: CASTAI_CLUSTER_RBAC_OUTPUTS,
    entries: CASTAI_RBAC_ENTRIES,
    component: CastAiClusterRbac,
});
