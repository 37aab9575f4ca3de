/** Renders castai-kubernetes once per set of values and returns the Kubernetes objects (the YAML format's content). */
import { render } from "../../components/render/run";
import { KubeObject } from "../../components/kubernetes/rbac";

const cache = new Map<string, Promise<KubeObject[]>>();

export function renderedObjects(values: Record<string, unknown> = {}): Promise<KubeObject[]> {
    const key = JSON.stringify(values);
    if (!cache.has(key)) {
        cache.set(key, render("castai-kubernetes", values).then((r) => r.resources
            .filter((x) => x.type.startsWith("kubernetes:"))
            .map((x) => x.inputs as unknown as KubeObject)));
    }
    return cache.get(key)!;
}
