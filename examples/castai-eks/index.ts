// Cast AI on EKS: the role Cast AI assumes, its policies, and the node role it launches nodes with.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { CastAiEksAccess } from "kubegrant/aws";

const config = new pulumi.Config();
const identity = aws.getCallerIdentityOutput();
const region = aws.getRegionOutput();

const castai = new CastAiEksAccess("castai", {
    clusterName: config.require("clusterName"),
    clusterId: config.requireSecret("castaiClusterId"),
    accountId: identity.accountId,
    region: region.region,
    vpcId: config.require("vpcId"),
});

// Hand these to Cast AI (console or castai_eks_cluster); `ready` resolves once every policy is attached.
export const roleArn = castai.roleArn;
export const externalId = castai.externalId;
export const instanceProfileArn = castai.instanceProfileArn;
export const ready = castai.ready;
