// Azure: Cast AI's role CastAKSRole-<id8> for the AKS cluster, named from the cluster ID in the
// registration stack. Workload identity (default) trusts Cast AI's subject from that stack too;
// `authentication: clientSecret` creates an app registration and exports its secret, as a secret.
import * as authorization from "@pulumi/azure-native/authorization";
import * as pulumi from "@pulumi/pulumi";
import { stackOutputs } from "kubegrant";
import { CastAiAksAccess } from "kubegrant/azure";

const config = new pulumi.Config();
const registration = new pulumi.StackReference(config.require("registrationStack"));
const { aksClusterId } = stackOutputs(registration, { aksClusterId: "string" });
const client = authorization.getClientConfigOutput();
const useClientSecret = config.get("authentication") === "clientSecret";

const castai = new CastAiAksAccess("castai", {
    subscriptionId: client.subscriptionId,
    clusterName: config.require("clusterName"),
    clusterId: aksClusterId,
    resourceGroup: config.require("resourceGroup"),
    nodeResourceGroup: config.require("nodeResourceGroup"),
    ...(useClientSecret
        ? { authentication: "clientSecret" as const }
        : {
            castaiIdentitySubject: stackOutputs(registration, { aksIdentitySubject: "string" }).aksIdentitySubject,
            location: config.require("location"),
        }),
});

// What Cast AI's registration of the AKS cluster needs back (clientSecret only in that mode).
export const subscriptionId = client.subscriptionId;
export const tenantId = castai.tenantId;
export const clientId = castai.clientId;
export const clientSecret = castai.clientSecret;
export const roleName = castai.roleName;
export const ready = castai.ready;
