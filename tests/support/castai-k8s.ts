/** Renders castai-kubernetes once per set of values and returns the Kubernetes objects (the YAML format's content). */
import { renderedObjectsOf } from "./k8s-objects";

export const renderedObjects = renderedObjectsOf("castai-kubernetes");
