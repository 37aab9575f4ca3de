/** Rendered Kubernetes objects of a preset, and the checks every in-cluster preset's objects pass. */
import * as assert from "assert";
import { Namespace } from "kubernetes-models/v1/Namespace";
import { ServiceAccount } from "kubernetes-models/v1/ServiceAccount";
import { ClusterRole } from "kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRole";
import { ClusterRoleBinding } from "kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRoleBinding";
import { Role } from "kubernetes-models/rbac.authorization.k8s.io/v1/Role";
import { RoleBinding } from "kubernetes-models/rbac.authorization.k8s.io/v1/RoleBinding";
import { render } from "../../components/render/run";
import { KubeObject } from "../../components/kubernetes/rbac";

/** `renderedObjects(values)` for `preset`: renders once per set of values, returns the Kubernetes objects (the YAML format's content). */
export function renderedObjectsOf(preset: string): (values?: Record<string, unknown>) => Promise<KubeObject[]> {
    const cache = new Map<string, Promise<KubeObject[]>>();
    return (values = {}) => {
        const key = JSON.stringify(values);
        if (!cache.has(key)) {
            cache.set(key, render(preset, values).then((r) => r.resources
                .filter((x) => x.type.startsWith("kubernetes:"))
                .map((x) => x.inputs as unknown as KubeObject)));
        }
        return cache.get(key)!;
    };
}

const MODELS: Record<string, new (o: never) => { validate(): void; apiVersion?: string }> = {
    Namespace, ServiceAccount, ClusterRole, ClusterRoleBinding, Role, RoleBinding,
} as never;

/** Every object has apiVersion, a known kind, metadata.name, a namespace exactly when namespaced, and passes kubernetes-models' schema. */
export function assertValidObjects(objects: readonly KubeObject[]): void {
    for (const o of objects) {
        const Model = MODELS[o.kind];
        assert.ok(Model, `unexpected kind ${o.kind}`);
        assert.ok(o.apiVersion && o.metadata.name, JSON.stringify(o));
        const namespaced = ["ServiceAccount", "Role", "RoleBinding"].includes(o.kind);
        assert.strictEqual(typeof o.metadata.namespace === "string", namespaced, `${o.kind} ${o.metadata.name} namespace`);
        new Model(o as never).validate();
        assert.strictEqual(new Model(o as never).apiVersion, o.apiVersion);
    }
}
