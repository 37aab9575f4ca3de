// Kubernetes, one stack per cluster (e.g. eks-prod, gke-prod, aks-prod): Cast AI's service accounts
// and RBAC, and the cluster ID from the registration stack as the secret the cluster controller's
// chart reads (castai.clusterIdSecretKeyRef), so the ID never appears in Helm values.
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { stackOutputs } from "kubegrant";
import { CastAiClusterRbac } from "kubegrant/kubernetes";

const config = new pulumi.Config();
const clusterIdOutput = config.require("clusterIdOutput");
const registration = stackOutputs(config.require("registrationStack"), { [clusterIdOutput]: "string" });

// The cluster is the stack's Kubernetes provider (kubernetes:context or kubernetes:kubeconfig).
const castai = new CastAiClusterRbac("castai", {});

const clusterIdSecret = new k8s.core.v1.Secret("castai-cluster-id", {
    metadata: { name: "castai-cluster-id", namespace: castai.namespace },
    stringData: { CLUSTER_ID: registration[clusterIdOutput] },
}, { dependsOn: [castai] });

// Install Cast AI's charts into `namespace` with these service accounts (their own RBAC off) and
// castai.clusterIdSecretKeyRef = { name: clusterIdSecretName, key: CLUSTER_ID }.
export const namespace = castai.namespace;
export const serviceAccountNames = castai.serviceAccountNames;
export const clusterIdSecretName = clusterIdSecret.metadata.name;
export const ready = castai.ready;
