/**
 * The in-cluster part of Cast AI's cloud components: their `clusterRbac` argument creates
 * CastAiClusterRbac as a child, so one component onboards the cloud and the cluster. Kubernetes
 * code is loaded only when the argument is given (an AWS-only program needs no @pulumi/kubernetes).
 */
import * as pulumi from "@pulumi/pulumi";
import { splitLaterValues, validateKubernetesProvider } from "../core/inputs";
import { requireProviders } from "../core/providers";
import type { CastAiClusterRbac, CastAiClusterRbacArgs } from "./cluster-rbac";

/** Annotations per service account name, values known now or later. */
export type Annotations = Readonly<Record<string, Readonly<Record<string, pulumi.Input<string>>>>>;

/**
 * `clusterRbac` as the pure plans take it: annotation values that are still Outputs become "" (their
 * keys are checked now; CastAiClusterRbac checks the values when they resolve).
 */
export function plannableClusterRbac(args: CastAiClusterRbacArgs | undefined): unknown {
    if (args === undefined || typeof args !== "object" || args === null) return args;
    // Set (even `{}`) without @pulumi/kubernetes: one InputError here, before anything is registered.
    requireProviders("clusterRbac", ["kubernetes"]);
    validateKubernetesProvider("clusterRbac.provider", (args as { provider?: unknown }).provider);
    return { ...args, serviceAccountAnnotations: splitLaterValues(args.serviceAccountAnnotations, "").known };
}

/**
 * Creates CastAiClusterRbac `<name>-cluster` under `parent`, in `namespace` (the value the cloud
 * side's plan trusts, so both sides name the same service account), with `extra` annotations (set by
 * the cloud component, e.g. the agent's IRSA role ARN) merged over the user's.
 */
export function createBundledClusterRbac(parent: pulumi.Resource, name: string, args: CastAiClusterRbacArgs,
    namespace: string, extra: Annotations = {}): CastAiClusterRbac {
    const annotations: Record<string, Readonly<Record<string, pulumi.Input<string>>>> = { ...(args.serviceAccountAnnotations ?? {}) };
    for (const [sa, values] of Object.entries(extra)) annotations[sa] = { ...(annotations[sa] ?? {}), ...values };
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- cluster-rbac loads @pulumi/kubernetes (an optional peer): only when clusterRbac is given
    const { CastAiClusterRbac: Rbac } = require("./cluster-rbac") as typeof import("./cluster-rbac");
    return new Rbac(`${name}-cluster`, {
        ...args,
        namespace,
        ...(Object.keys(annotations).length > 0 ? { serviceAccountAnnotations: annotations } : {}),
    }, { parent });
}
