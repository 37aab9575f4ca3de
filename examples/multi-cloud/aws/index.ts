// AWS: Cast AI's role for the EKS cluster. The external ID is the cluster ID from the registration
// stack, still secret; the account and region come from the AWS provider.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { stackOutputs } from "kubegrant";
import { CastAiEksAccess } from "kubegrant/aws";

const config = new pulumi.Config();
const registration = stackOutputs(config.require("registrationStack"), { eksClusterId: "string" });

const castai = new CastAiEksAccess("castai", {
    clusterName: config.require("clusterName"),
    clusterId: registration.eksClusterId,
    accountId: aws.getCallerIdentityOutput().accountId,
    region: aws.getRegionOutput().region,
    vpcId: config.require("vpcId"),
});

// What Cast AI's registration of the EKS cluster needs back.
export const roleArn = castai.roleArn;
export const externalId = castai.externalId;
export const instanceProfileArn = castai.instanceProfileArn;
export const ready = castai.ready;
