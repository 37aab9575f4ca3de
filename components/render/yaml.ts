/** The `yaml` format: the Kubernetes objects of a rendering, as `kubectl apply -f -` takes them. */
import { stringify } from "yaml";
import { Rendering } from "./run";

/** Apply order: namespaces before what lives in them, roles before their bindings; other kinds after, in render order. */
const KIND_ORDER = ["Namespace", "ServiceAccount", "ClusterRole", "Role", "ClusterRoleBinding", "RoleBinding"];

function rank(kind: unknown): number {
    const i = KIND_ORDER.indexOf(String(kind));
    return i < 0 ? KIND_ORDER.length : i;
}

export function toYaml(r: Rendering): string {
    const objects = r.resources
        .filter((x) => x.type.startsWith("kubernetes:") && typeof x.inputs.apiVersion === "string" && typeof x.inputs.kind === "string")
        .map((x) => x.inputs)
        // Array.prototype.sort is stable: equal ranks keep render order.
        .sort((a, b) => rank(a.kind) - rank(b.kind));
    if (objects.length === 0) {
        // Still one well-formed document (an empty v1 List), so a pipeline that parses it gets a document, not nothing.
        return `# preset ${r.preset} creates no Kubernetes objects\n${stringify({ apiVersion: "v1", kind: "List", items: [] })}`;
    }
    return objects.map((o) => `---\n${stringify(o, { lineWidth: 0 })}`).join("");
}
