import * as pulumi from "@pulumi/pulumi";
import { planOnInputs } from "../core/inputs";
import { defineLazy } from "../core/lazy";
import { policyJson } from "../aws/policy";
import { ManagedPolicySpec, PolicyRole } from "../aws/role";
import { PolicyUser } from "../aws/user";
import { Partition } from "../aws/validate";
import { checkArgSpec, checkOutputSpec } from "../core/spec";
import {
    PALETTE_AWS_ARGS, PALETTE_AWS_OUTPUTS, PALETTE_AWS_STRING_ARGS, PaletteAwsPlainArgs, PaletteIdentity, PaletteVariant, paletteWorstCase, planPaletteAws,
} from "./aws-plan";

export interface PaletteAwsAccessArgs {
    /** The 12-digit AWS account Palette deploys clusters into. */
    readonly accountId: pulumi.Input<string>;
    /**
     * Which policy set: `core` (PaletteControllerPolicy, PaletteControlPlanePolicy,
     * PaletteNodesPolicy, PaletteDeploymentPolicy), `minimum-dynamic` or `minimum-static`
     * (Palette's minimum permissions, for Palette-created or existing VPCs). `core` holds IAM
     * privilege escalation paths and needs `allowIamPrivilegeEscalation`.
     * @default "minimum-dynamic"
     */
    readonly variant?: PaletteVariant;
    /** EKS clusters: adds PaletteControllersEKSPolicy (core) or the minimum EKS policy. @default false */
    readonly eks?: boolean;
    /**
     * Minimum variants: let Palette manage the CAPA CloudFormation stack (option 1): iam:CreateRole
     * and iam:AttachRolePolicy scoped to the stack's `*.cluster-api-provider-aws.sigs.k8s.io` roles
     * and policies. Off: you create the stack yourself, as Palette's page says for the minimum policies.
     * @default false
     */
    readonly cloudFormationStack?: boolean;
    /**
     * RISK: accept variant `core`, whose policies let Palette make itself administrator of the
     * account (iam:CreatePolicyVersion, iam:AttachGroupPolicy, sts:AssumeRole on "*"; with eks,
     * iam:CreateRole and iam:AttachRolePolicy on every role) and change any bucket's policy.
     * Required with `core`; listed under "Risks" in the review report.
     * @default false
     */
    readonly allowIamPrivilegeEscalation?: boolean;
    /** Adds PaletteHostResourceGroupsPolicy (IaaS on EC2 Dedicated Hosts). @default false */
    readonly hostResourceGroups?: boolean;
    /** `role` (Palette assumes it with STS) or `user` (an IAM user with an access key). @default "role" */
    readonly identity?: PaletteIdentity;
    /** The AWS account ID Palette shows for STS (identity "role", required there). */
    readonly trustedAccountId?: pulumi.Input<string>;
    /** The external ID Palette shows for STS (identity "role", required there). */
    readonly externalId?: pulumi.Input<string>;
    /** @default "SpectroCloudRole" */
    readonly roleName?: pulumi.Input<string>;
    /** @default "SpectroCloudUser" */
    readonly userName?: pulumi.Input<string>;
    /** `aws` or `aws-us-gov`. @default "aws" */
    readonly partition?: Partition;
    /** Adds AmazonEBSCSIDriverPolicy to additionalPolicyArns (EBS CSI storage pack). @default false */
    readonly ebsCsiPolicy?: boolean;
    /** Policies Palette attaches to every role it creates (the cloud account's "Add IAM policies"). @default [] */
    readonly additionalPolicyArns?: readonly string[];
    /** Pack all statements into as few `PaletteCombinedPolicy` documents as fit. @default false */
    readonly combinePolicies?: boolean;
    /** Managed policies allowed per role or user in this account (AWS default 10, raisable to 20). @default 10 */
    readonly maxManagedPolicies?: number;
    /** Tags for every taggable resource. @default none */
    readonly tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/**
 * The identity Spectro Cloud Palette uses in an AWS account: a role Palette's account assumes with
 * the external ID Palette shows (default) or an IAM user with an access key, with Palette's
 * customer managed policies under their exact names, split and counted against AWS's limits.
 */
export class PaletteAwsAccess extends pulumi.ComponentResource {
    /** The role ARN (identity "role") or user ARN (identity "user"): give it to Palette. */
    readonly arn: pulumi.Output<string>;
    readonly name: pulumi.Output<string>;
    declare readonly externalId: pulumi.Output<string | undefined>;
    declare readonly policyNames: pulumi.Output<string[]>;
    declare readonly policyArns: pulumi.Output<string[]>;
    /** For the cloud account's "Add IAM policies" (Pulumi/Terraform `policyArns`). */
    declare readonly additionalPolicyArns: pulumi.Output<string[]>;
    declare readonly accessKeyId: pulumi.Output<string | undefined>;
    /** Secret. */
    declare readonly secretAccessKey: pulumi.Output<string | undefined>;
    declare readonly ready: pulumi.Output<string>;
    readonly identity: PolicyRole | PolicyUser;

    constructor(name: string, args: PaletteAwsAccessArgs, opts?: pulumi.ComponentResourceOptions) {
        const { layout, output, input: field } = planOnInputs(args as PaletteAwsPlainArgs, PALETTE_AWS_STRING_ARGS, planPaletteAws, paletteWorstCase);
        super("kubegrant:palette:PaletteAwsAccess", name, {}, opts);
        const managedPolicies: ManagedPolicySpec[] = layout.policies.map((d, i) => ({
            key: d.key, name: d.name,
            description: `Spectro Cloud Palette: ${d.from.join(", ")} (kubegrant)`,
            document: field((p) => policyJson(p.policies[i].statements)),
        }));
        const common = { partition: layout.partition, managedPolicies, maxManagedPolicies: layout.maxManagedPolicies, tags: args.tags };
        if (layout.identity === "role") {
            const role = new PolicyRole(`${name}-role`, {
                ...common,
                roleName: field((p) => p.identityName),
                description: "Assumed by Spectro Cloud Palette (kubegrant)",
                trustPolicy: field((p) => policyJson(p.trust!)),
            }, { parent: this });
            this.identity = role;
            this.arn = role.roleArn;
            this.name = role.roleName;
        } else {
            const user = new PolicyUser(`${name}-user`, { ...common, userName: field((p) => p.identityName) }, { parent: this });
            this.identity = user;
            this.arn = user.userArn;
            this.name = user.userName;
        }
        // No outputs in the state (the properties are the interface); `ready` and Outputs of plain
        // values are built when first read: each costs promises per instance.
        const identity = this.identity;
        defineLazy(this, "accessKeyId", () => identity instanceof PolicyUser ? identity.accessKeyId : pulumi.output(undefined));
        defineLazy(this, "secretAccessKey", () => identity instanceof PolicyUser ? identity.secretAccessKey : pulumi.output(undefined));
        defineLazy(this, "externalId", () => output((p) => p.externalId));
        defineLazy(this, "policyNames", () => pulumi.output(layout.policies.map((d) => d.name)));
        defineLazy(this, "policyArns", () => pulumi.all(identity.policies.map((p) => p.arn)));
        defineLazy(this, "additionalPolicyArns", () => pulumi.output([...layout.additionalPolicyArns]));
        defineLazy(this, "ready", () => identity.ready);
        this.registerOutputs({});
    }
}

// The compiler holds the spec to the Args type and the outputs to the class (no runtime cost).
checkArgSpec<PaletteAwsAccessArgs>()(PALETTE_AWS_ARGS);
checkOutputSpec<PaletteAwsAccess>()(PALETTE_AWS_OUTPUTS);
