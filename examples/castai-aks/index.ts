// Cast AI on AKS: the role CastAKSRole-<id8> at the cluster's resource groups, held by a managed
// identity Cast AI signs in to with workload identity federation (no secret anywhere).
import * as authorization from "@pulumi/azure-native/authorization";
import * as pulumi from "@pulumi/pulumi";
import { CastAiAksAccess } from "kubegrant/azure";

const config = new pulumi.Config();
const client = authorization.getClientConfigOutput();

const castai = new CastAiAksAccess("castai", {
    subscriptionId: client.subscriptionId,
    clusterName: config.require("clusterName"),
    clusterId: config.requireSecret("castaiClusterId"),
    resourceGroup: config.require("resourceGroup"),
    nodeResourceGroup: config.require("nodeResourceGroup"),
    castaiIdentitySubject: config.require("castaiIdentitySubject"),
    location: config.require("location"),
});

// Hand these to Cast AI once `ready` resolves (every role assignment and the credential exist).
export const subscriptionId = client.subscriptionId;
export const tenantId = castai.tenantId;
export const clientId = castai.clientId;
export const roleName = castai.roleName;
export const ready = castai.ready;
