import { clusterRbacPreset } from "../kubernetes/preset";
import { CloudPilotClusterRbac, CloudPilotClusterRbacArgs } from "./cluster-rbac";
import { CLOUDPILOT_RBAC_ENTRIES } from "./cluster-rbac-catalog";

/** `cloudpilot-kubernetes`: CloudPilot AI's service accounts and RBAC in the cluster (CloudPilotClusterRbac). */
export const cloudPilotKubernetesPreset = clusterRbacPreset({
    name: "cloudpilot-kubernetes",
    title: "CloudPilot AI in the cluster (Kubernetes RBAC)",
    keys: [
        { name: "namespace", type: "string", description: "Namespace of the CloudPilot components (default cloudpilot)" },
        { name: "createNamespace", type: "boolean", description: "Create the namespace (false: use an existing one)" },
        { name: "optimizer", type: "boolean", description: "Phase 2: also grant the optimizer (default false: the read-only agent only)" },
        { name: "allowAnyWebhookConfigurationUpdate", type: "boolean", description: "RISK: the optimizer may update every webhook configuration of the cluster, as documented (default false: read only)" },
        { name: "serviceAccountNames", type: "object", description: "Service account per component: agent, optimizer (not documented by CloudPilot)" },
        { name: "serviceAccountAnnotations", type: "object", description: "Annotations per service account name (IRSA)" },
    ],
    entries: CLOUDPILOT_RBAC_ENTRIES,
    create: (name, values, opts) => new CloudPilotClusterRbac(name, values as unknown as CloudPilotClusterRbacArgs, opts),
});
