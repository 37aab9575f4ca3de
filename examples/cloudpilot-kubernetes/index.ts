// CloudPilot AI in the cluster: the service accounts of CloudPilot's agent (and, in phase 2, its
// optimizer) and exactly the RBAC CloudPilot documents, created before the vendor's Helm charts.
import * as pulumi from "@pulumi/pulumi";
import { CloudPilotClusterRbac } from "kubegrant/kubernetes";

const config = new pulumi.Config();

// The cluster is the stack's Kubernetes provider (kubernetes:kubeconfig, or the ambient kubeconfig).
const cloudpilot = new CloudPilotClusterRbac("cloudpilot", {
    optimizer: config.getBoolean("optimizer") ?? false,
});

// Install CloudPilot's charts into `namespace` with these service accounts (their own RBAC off).
export const namespace = cloudpilot.namespace;
export const serviceAccountNames = cloudpilot.serviceAccountNames;
export const ready = cloudpilot.ready;
