import { Sourced } from "../core";
import { Preset } from "../core/preset";
import { PaletteAwsAccess, PaletteAwsAccessArgs } from "./aws";
import { PALETTE_AWS_POLICIES } from "./aws-catalog";
import { PALETTE_AWS_STRING_ARGS } from "./aws-plan";

const explanations = new Map<string, Sourced>([
    ...PALETTE_AWS_POLICIES.map((e) => [`policy:${e.name}`, e] as const),
    // The Sids kubegrant gives the risky statements, so the report finds them in combined policies too.
    ...PALETTE_AWS_POLICIES.flatMap((e) => (e.risk ? e.statements.filter((st) => st.sid).map((st) => [`sid:${st.sid}`, e] as const) : [])),
    ["policy:PaletteCombinedPolicy", {
        feature: "all of Palette's policies, combined",
        why: "combinePolicies packs the statements of every selected Palette policy into as few documents as fit under 6,144 characters, to stay under the 10-managed-policies quota.",
        source: "spectrocloud/librarium required-iam-policies.md (\"combine policies into one customer-managed policy\")",
    }],
]);

/** `palette-aws`: Spectro Cloud Palette on AWS (PaletteAwsAccess). */
export const paletteAwsPreset: Preset = {
    name: "palette-aws",
    title: "Spectro Cloud Palette on AWS",
    keys: [
        { name: "accountId", type: "string", required: true, description: "AWS account Palette deploys into" },
        { name: "variant", type: "string", description: "core | minimum-dynamic | minimum-static" },
        { name: "eks", type: "boolean", description: "EKS clusters (PaletteControllersEKSPolicy or minimum EKS policy)" },
        { name: "cloudFormationStack", type: "boolean", description: "Minimum variants: Palette manages the CAPA stack (roles scoped to CAPA names)" },
        { name: "allowIamPrivilegeEscalation", type: "boolean", description: "RISK: required for variant core (IAM escalation paths)" },
        { name: "hostResourceGroups", type: "boolean", description: "PaletteHostResourceGroupsPolicy" },
        { name: "identity", type: "string", description: "role | user" },
        { name: "trustedAccountId", type: "string", description: "Palette's AWS account for STS (role)" },
        { name: "externalId", type: "string", description: "External ID Palette shows (role)", secret: true },
        { name: "roleName", type: "string", description: "Name of the role" },
        { name: "userName", type: "string", description: "Name of the user" },
        { name: "partition", type: "string", description: "aws | aws-us-gov" },
        { name: "ebsCsiPolicy", type: "boolean", description: "Add AmazonEBSCSIDriverPolicy to additionalPolicyArns" },
        { name: "additionalPolicyArns", type: "list", description: "Policies Palette attaches to the roles it creates" },
        { name: "combinePolicies", type: "boolean", description: "Pack the policies into PaletteCombinedPolicy documents" },
        { name: "maxManagedPolicies", type: "number", description: "Managed-policy quota per role or user" },
        { name: "tags", type: "object", description: "Tags for every taggable resource" },
    ],
    outputKeys: PALETTE_AWS_STRING_ARGS,
    explanations,
    mockOptions: (v) => ({
        awsAccountId: typeof v.accountId === "string" ? v.accountId : undefined,
        awsPartition: typeof v.partition === "string" ? v.partition : undefined,
    }),
    create(name, values, opts) {
        const c = new PaletteAwsAccess(name, values as unknown as PaletteAwsAccessArgs, opts);
        return {
            component: c,
            outputs: {
                arn: c.arn,
                name: c.name,
                externalId: c.externalId,
                policyNames: c.policyNames,
                policyArns: c.policyArns,
                additionalPolicyArns: c.additionalPolicyArns,
                accessKeyId: c.accessKeyId,
                secretAccessKey: c.secretAccessKey,
                ready: c.ready,
            },
        };
    },
};
