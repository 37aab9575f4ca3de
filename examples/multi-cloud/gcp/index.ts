// GCP: the service account Cast AI impersonates for the GKE cluster. The account allowed to
// impersonate it is Cast AI's, read from the registration stack.
import * as pulumi from "@pulumi/pulumi";
import { stackOutputs } from "kubegrant";
import { CastAiGkeAccess } from "kubegrant/gcp";

const config = new pulumi.Config();
const registration = stackOutputs(config.require("registrationStack"), { gkeImpersonationAccount: "string" });

const castai = new CastAiGkeAccess("castai", {
    projectId: new pulumi.Config("gcp").require("project"),
    clusterName: config.require("clusterName"),
    location: config.require("location"),
    castaiServiceAccount: registration.gkeImpersonationAccount,
    nodeServiceAccountIds: config.requireObject<string[]>("nodeServiceAccountIds"),
});

// What Cast AI's registration of the GKE cluster needs back.
export const serviceAccountEmail = castai.serviceAccountEmail;
export const ready = castai.ready;
