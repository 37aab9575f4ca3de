// CloudPilot AI on Alibaba Cloud ACK: a RAM role its optimizer assumes through the cluster's RRSA
// OIDC provider (keyless), with CloudPilot's policy scoped to its own instances and this cluster.
import * as pulumi from "@pulumi/pulumi";
import { CloudPilotAlibabaAccess } from "kubegrant/alicloud";

const config = new pulumi.Config();

const cloudpilot = new CloudPilotAlibabaAccess("cloudpilot", {
    clusterName: config.require("clusterName"),
    internalClusterId: config.require("internalClusterId"),
    accountId: config.require("accountId"),
    oidcIssuerUrl: config.require("oidcIssuerUrl"),
});

// Hand roleArn to CloudPilot AI; the optimizer's service account must be serviceAccountRef.
export const roleArn = cloudpilot.roleArn;
export const serviceAccountRef = cloudpilot.serviceAccountRef;
export const ready = cloudpilot.ready;
