// Cast AI on GKE: a service account Cast AI impersonates (no key), a per-cluster custom role, and
// bindings that let Cast AI act only as the node pools' service accounts.
import * as pulumi from "@pulumi/pulumi";
import { CastAiGkeAccess } from "kubegrant/gcp";

const config = new pulumi.Config();

const castai = new CastAiGkeAccess("castai", {
    projectId: new pulumi.Config("gcp").require("project"),
    clusterName: config.require("clusterName"),
    location: config.require("location"),
    castaiServiceAccount: config.require("castaiServiceAccount"),
    nodeServiceAccountIds: config.requireObject<string[]>("nodeServiceAccountIds"),
});

// Hand serviceAccountEmail to Cast AI; register only once `ready` resolves (IAM propagates slowly).
export const serviceAccountEmail = castai.serviceAccountEmail;
export const customRoleId = castai.customRoleId;
export const ready = castai.ready;
