/**
 * Cast AI's in-cluster RBAC written by hand with @pulumi/kubernetes: the 17 objects kubegrant's
 * castai-kubernetes registers with default arguments (no components), same names and inputs; the
 * objects are manifests kept as data (templates/castai-kubernetes.json).
 */
import * as k8s from "@pulumi/kubernetes";
import type * as pulumi from "@pulumi/pulumi";
import { loadTemplates } from "./template";

interface Manifest {
    readonly suffix: string;
    readonly object: { kind: string; metadata: k8s.types.input.meta.v1.ObjectMeta; rules?: k8s.types.input.rbac.v1.PolicyRule[];
        roleRef?: k8s.types.input.rbac.v1.RoleRef; subjects?: k8s.types.input.rbac.v1.Subject[] };
}

const T = loadTemplates("castai-kubernetes") as { manifests: Manifest[] };

/** With `parent` (the bench's `shell` side), every object is its child, as kubegrant parents them. */
export function handKubernetes(name: string, parent?: pulumi.Resource): void {
    const opts = parent && { parent };
    for (const { suffix, object: o } of T.manifests) {
        const id = `${name}-rbac-${suffix}`;
        switch (o.kind) {
            case "Namespace": new k8s.core.v1.Namespace(id, { metadata: o.metadata }, opts); break;
            case "ServiceAccount": new k8s.core.v1.ServiceAccount(id, { metadata: o.metadata }, opts); break;
            case "ClusterRole": new k8s.rbac.v1.ClusterRole(id, { metadata: o.metadata, rules: o.rules }, opts); break;
            case "Role": new k8s.rbac.v1.Role(id, { metadata: o.metadata, rules: o.rules }, opts); break;
            case "ClusterRoleBinding": new k8s.rbac.v1.ClusterRoleBinding(id, { metadata: o.metadata, roleRef: o.roleRef!, subjects: o.subjects }, opts); break;
            case "RoleBinding": new k8s.rbac.v1.RoleBinding(id, { metadata: o.metadata, roleRef: o.roleRef!, subjects: o.subjects }, opts); break;
            default: throw new Error(`unknown kind ${o.kind}`);
        }
    }
}
