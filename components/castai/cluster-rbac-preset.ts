import { clusterRbacPreset } from "../kubernetes/preset";
import { CastAiClusterRbac, CastAiClusterRbacArgs } from "./cluster-rbac";
import { CASTAI_RBAC_ENTRIES } from "./cluster-rbac-catalog";

/** `castai-kubernetes`: Cast AI's service accounts and RBAC in the cluster (CastAiClusterRbac). */
export const castAiKubernetesPreset = clusterRbacPreset({
    name: "castai-kubernetes",
    title: "Cast AI in the cluster (Kubernetes RBAC)",
    keys: [
        { name: "namespace", type: "string", description: "Namespace of the Cast AI components (default castai-agent)" },
        { name: "createNamespace", type: "boolean", description: "Create the namespace (false: use an existing one)" },
        { name: "extendedPermissions", type: "boolean", description: "Operator phase 2: the cluster controller's permissions" },
        { name: "operatorClusterWidePodWrite", type: "boolean", description: "RISK: phase 2 operator also holds the evictor's and pod pinner's chart rules (pods patch, nodes create, ...)" },
        { name: "components", type: "list", description: "agent, cluster-controller, evictor, pod-pinner, operator (default: agent, operator; all five with extendedPermissions)" },
        { name: "serviceAccountAnnotations", type: "object", description: "Annotations per service account name (workload identity)" },
    ],
    entries: CASTAI_RBAC_ENTRIES,
    create: (name, values, opts) => new CastAiClusterRbac(name, values as unknown as CastAiClusterRbacArgs, opts),
});
