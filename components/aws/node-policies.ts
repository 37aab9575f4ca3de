/**
 * The AWS-managed policies an EKS node role holds, once for every vendor that creates a node role
 * (Cast AI, CloudPilot): what each is for and the switch that gates it. A vendor's catalog lists
 * the ones its nodes get, citing its own source. Pure: no Pulumi imports.
 */
import { FeatureValues, ManagedPolicyEntry } from "./catalog";

interface NodePolicy {
    readonly feature: string;
    readonly when?: FeatureValues;
    /** Why, for the nodes as the vendor's catalog names them ("Cast AI nodes"; "nodes" by default). */
    why(nodes: string): string;
}

const EKS_NODE_POLICIES = {
    AmazonEKSWorkerNodePolicy: {
        feature: "nodes join the cluster",
        why: (nodes) => `Lets the kubelet on ${nodes} describe the cluster and join it.`,
    },
    AmazonEC2ContainerRegistryReadOnly: {
        feature: "image pulls",
        why: (nodes) => `Lets ${nodes} pull images from ECR.`,
    },
    AmazonEC2ContainerRegistryPullOnly: {
        feature: "image pulls",
        why: (nodes) => `Lets ${nodes} pull images from ECR.`,
    },
    AmazonEKS_CNI_Policy: {
        when: { cniPolicy: true },
        feature: "pod networking (VPC CNI)",
        why: () => "The VPC CNI on the node manages ENIs and IPs. Turn off when the CNI uses its own role (IRSA or Pod Identity).",
    },
    AmazonSSMManagedInstanceCore: {
        when: { ssmPolicy: true },
        feature: "node access through Session Manager",
        why: (nodes) => `Lets operators reach ${nodes} with SSM Session Manager instead of SSH.`,
    },
} as const satisfies Record<string, NodePolicy>;

export type EksNodePolicyPath = keyof typeof EKS_NODE_POLICIES;

/**
 * The catalog entry of node policy `path` (target `node`), cited to `source`; `nodes` names the
 * nodes in its why, and `note` adds the vendor's own reason to it.
 */
export function eksNodePolicy(path: EksNodePolicyPath, cite: { readonly source: string; readonly nodes?: string; readonly note?: string }): ManagedPolicyEntry {
    const policy: NodePolicy = EKS_NODE_POLICIES[path];
    const why = policy.why(cite.nodes ?? "nodes");
    return {
        path, target: "node", ...(policy.when ? { when: policy.when } : {}),
        feature: policy.feature,
        why: cite.note ? `${why} ${cite.note}` : why,
        source: cite.source,
    };
}
