// CloudPilot AI on EKS: the controller role (keyless, through EKS Pod Identity), its policy, and the
// node role CloudPilot launches nodes with.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { CloudPilotEksAccess } from "kubegrant/aws";

const config = new pulumi.Config();

const cloudpilot = new CloudPilotEksAccess("cloudpilot", {
    clusterName: config.require("clusterName"),
    accountId: aws.getCallerIdentityOutput().accountId,
    region: aws.getRegionOutput().region,
});

// The controller's pods get roleArn through the Pod Identity association of `serviceAccount`.
export const roleArn = cloudpilot.roleArn;
export const serviceAccount = cloudpilot.serviceAccount;
export const podIdentityAssociationId = cloudpilot.podIdentityAssociationId;
export const nodeRoleName = cloudpilot.nodeRoleName;
export const instanceProfileArn = cloudpilot.instanceProfileArn;
export const ready = cloudpilot.ready;
