import { clusterRbacPreset } from "../kubernetes/preset";
import { CloudPilotClusterRbac, CloudPilotClusterRbacArgs } from "./cluster-rbac";
import { CLOUDPILOT_CLUSTER_RBAC_ARGS, CLOUDPILOT_CLUSTER_RBAC_OUTPUTS } from "./cluster-rbac-plan";
import { CLOUDPILOT_RBAC_ENTRIES } from "./cluster-rbac-catalog";

/** `cloudpilot-kubernetes`: CloudPilot AI's service accounts and RBAC in the cluster (CloudPilotClusterRbac). */
export const cloudPilotKubernetesPreset = clusterRbacPreset<CloudPilotClusterRbacArgs>({
    name: "cloudpilot-kubernetes",
    title: "CloudPilot AI in the cluster (Kubernetes RBAC)",
    args: CLOUDPILOT_CLUSTER_RBAC_ARGS,
    outputs: CLOUDPILOT_CLUSTER_RBAC_OUTPUTS,
    entries: CLOUDPILOT_RBAC_ENTRIES,
    component: CloudPilotClusterRbac,
});
