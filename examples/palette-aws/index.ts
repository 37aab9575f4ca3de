// Spectro Cloud Palette on AWS: the role SpectroCloudRole that Palette's account assumes with the
// external ID Palette shows, and Palette's named policies (split under AWS size limits).
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { PaletteAwsAccess } from "kubegrant/aws";

const config = new pulumi.Config();

const palette = new PaletteAwsAccess("palette", {
    accountId: aws.getCallerIdentityOutput().accountId,
    trustedAccountId: config.require("paletteAccountId"),
    externalId: config.requireSecret("paletteExternalId"),
    eks: config.getBoolean("eks") ?? false,
});

// Hand arn to Palette's cloud account (STS); additionalPolicyArns go to "Add IAM policies".
export const arn = palette.arn;
export const externalId = palette.externalId;
export const policyNames = palette.policyNames;
export const additionalPolicyArns = palette.additionalPolicyArns;
export const ready = palette.ready;
