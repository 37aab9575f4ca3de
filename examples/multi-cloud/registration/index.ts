// Registration: what Cast AI assigned when each cluster was connected, in one stack. The AWS, GCP,
// Azure and Kubernetes stacks read these outputs with a StackReference; nothing is copied by hand.
import * as pulumi from "@pulumi/pulumi";

const config = new pulumi.Config();

// Cluster IDs: the AWS external ID, the Azure role name's suffix, the in-cluster CLUSTER_ID. Secret.
export const eksClusterId = config.requireSecret("eksClusterId");
export const gkeClusterId = config.requireSecret("gkeClusterId");
export const aksClusterId = config.requireSecret("aksClusterId");

// Cast AI's own identities, to be trusted (not secret): its GCP impersonation account, and the
// subject of its tokens for Azure workload identity federation.
export const gkeImpersonationAccount = config.require("gkeImpersonationAccount");
export const aksIdentitySubject = config.require("aksIdentitySubject");
