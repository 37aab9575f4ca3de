// Cast AI in the cluster: one service account per Cast AI component and exactly the RBAC Cast AI
// documents, created before the vendor's Helm charts (which then use these objects). Phase 1 (the
// default): the agent and the operator; extendedPermissions (phase 2) adds the cluster controller,
// evictor and pod pinner.
import * as pulumi from "@pulumi/pulumi";
import { CastAiClusterRbac } from "kubegrant/kubernetes";

const config = new pulumi.Config();

// The cluster is the stack's Kubernetes provider (kubernetes:kubeconfig, or the ambient kubeconfig).
const castai = new CastAiClusterRbac("castai", {
    extendedPermissions: config.getBoolean("extendedPermissions") ?? false,
});

// Install Cast AI's charts into `namespace` with their own service accounts and RBAC turned off.
export const namespace = castai.namespace;
export const serviceAccountNames = castai.serviceAccountNames;
export const ready = castai.ready;
