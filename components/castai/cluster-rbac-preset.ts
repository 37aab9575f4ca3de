import { Sourced } from "../core";
import { Preset } from "../render/preset";
import { CastAiClusterRbac, CastAiClusterRbacArgs } from "./cluster-rbac";
import { CASTAI_RBAC_ENTRIES } from "./cluster-rbac-catalog";

const explanations = new Map<string, Sourced>(CASTAI_RBAC_ENTRIES.map((e) => [`k8s-rule:${e.id}`, e] as const));

/** `castai-kubernetes`: Cast AI's service accounts and RBAC in the cluster (CastAiClusterRbac). */
export const castAiKubernetesPreset: Preset = {
    name: "castai-kubernetes",
    title: "Cast AI in the cluster (Kubernetes RBAC)",
    keys: [
        { name: "namespace", type: "string", description: "Namespace of the Cast AI components (default castai-agent)" },
        { name: "createNamespace", type: "boolean", description: "Create the namespace (false: use an existing one)" },
        { name: "extendedPermissions", type: "boolean", description: "Operator phase 2: the cluster controller's permissions" },
        { name: "components", type: "list", description: "agent, cluster-controller, evictor, pod-pinner, operator (default all)" },
        { name: "serviceAccountAnnotations", type: "object", description: "Annotations per service account name (workload identity)" },
    ],
    explanations,
    mockOptions: () => ({}),
    create(name, values, opts) {
        const c = new CastAiClusterRbac(name, values as unknown as CastAiClusterRbacArgs, opts);
        return {
            component: c,
            outputs: {
                namespace: c.namespace,
                serviceAccountNames: c.serviceAccountNames,
                ready: c.ready,
            },
        };
    },
};
