/** The `yaml` format: the Kubernetes objects of a rendering, as `kubectl apply -f -` takes them. */
import { stringify } from "yaml";
import { Rendering } from "./run";

export function toYaml(r: Rendering): string {
    const objects = r.resources
        .filter((x) => x.type.startsWith("kubernetes:") && typeof x.inputs.apiVersion === "string" && typeof x.inputs.kind === "string")
        .map((x) => x.inputs);
    if (objects.length === 0) {
        return `# preset ${r.preset} creates no Kubernetes objects\n`;
    }
    return objects.map((o) => `---\n${stringify(o, { lineWidth: 0 })}`).join("");
}
