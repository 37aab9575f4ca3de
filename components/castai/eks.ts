import * as pulumi from "@pulumi/pulumi";
import { planOnInputs } from "../core/inputs";
import { policyJson } from "../aws/policy";
import { PolicyRole } from "../aws/role";
import { partitionOf } from "../aws/validate";
import { CASTAI_EKS_STRING_ARGS, CastAiEksArgsOf, CastAiEksPlainArgs, CastAiEksPlan, planCastAiEks } from "./eks-plan";

export interface CastAiEksAccessArgs extends CastAiEksArgsOf<pulumi.Input<string>> {
    /** Tags for every taggable resource. @default none */
    readonly tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/**
 * Everything Cast AI needs in an AWS account to manage one EKS cluster: the cross-account role
 * Cast AI assumes (external ID = cluster ID, always), its AWS-managed, customer managed and
 * inline policies, and the node role with instance profile that Cast AI launches nodes with.
 */
export class CastAiEksAccess extends pulumi.ComponentResource {
    /** ARN of the role Cast AI assumes: hand it to Cast AI. */
    readonly roleArn: pulumi.Output<string>;
    readonly roleName: pulumi.Output<string>;
    /** The external ID the trust policy requires (the cluster ID). */
    readonly externalId: pulumi.Output<string>;
    /** The Cast AI user the role trusts. */
    readonly castaiUserArn: pulumi.Output<string>;
    readonly instanceProfileArn: pulumi.Output<string>;
    readonly nodeRoleArn: pulumi.Output<string>;
    /** The role ARN, resolved only once every policy of both roles is attached. */
    readonly ready: pulumi.Output<string>;
    /** The children, for programs that need more than the outputs. */
    readonly castaiRole: PolicyRole;
    readonly nodeRole: PolicyRole;

    constructor(name: string, args: CastAiEksAccessArgs, opts?: pulumi.ComponentResourceOptions) {
        // Validate and plan before anything is registered: bad input leaves no resource behind.
        const { layout, plan } = planOnInputs(args as CastAiEksPlainArgs, CASTAI_EKS_STRING_ARGS, planCastAiEks,
            (unknown) => worstCaseArgs(args, unknown));
        super("kubegrant:castai:CastAiEksAccess", name, {}, opts);
        const field = <T>(f: (p: CastAiEksPlan) => T) => plan.apply(f);

        this.nodeRole = new PolicyRole(`${name}-node`, {
            roleName: field((p) => p.nodeRoleName),
            description: "Nodes launched by Cast AI (kubegrant)",
            trustPolicy: field((p) => policyJson(p.nodeTrust)),
            partition: field((p) => p.partition),
            awsManagedPolicies: layout.nodeManagedPolicies,
            inlinePolicies: layout.nodeInline.map((d, i) => ({
                key: d.key, name: d.name, document: field((p) => policyJson(p.nodeInline[i].statements)),
            })),
            instanceProfileName: field((p) => p.instanceProfileName),
            maxManagedPolicies: layout.maxManagedPoliciesPerRole,
            tags: args.tags,
        }, { parent: this });

        this.castaiRole = new PolicyRole(`${name}-access`, {
            roleName: field((p) => p.roleName),
            description: "Assumed by Cast AI to manage the cluster (kubegrant)",
            trustPolicy: field((p) => policyJson(p.trust)),
            partition: field((p) => p.partition),
            awsManagedPolicies: layout.castaiManagedPolicies,
            managedPolicies: layout.policies.map((d, i) => ({
                key: d.key, name: field((p) => p.policies[i].name),
                description: "Cast AI node provisioning (kubegrant)",
                document: field((p) => policyJson(p.policies[i].statements)),
            })),
            inlinePolicies: layout.inline.map((d, i) => ({
                key: d.key, name: d.name, document: field((p) => policyJson(p.inline[i].statements)),
            })),
            maxManagedPolicies: layout.maxManagedPoliciesPerRole,
            tags: args.tags,
        }, { parent: this, dependsOn: layout.features.hardened ? [this.nodeRole] : [] });

        this.roleArn = this.castaiRole.roleArn;
        this.roleName = this.castaiRole.roleName;
        this.externalId = field((p) => p.externalId);
        this.castaiUserArn = field((p) => p.castaiUserArn);
        this.instanceProfileArn = this.nodeRole.instanceProfileArn as pulumi.Output<string>;
        this.nodeRoleArn = this.nodeRole.roleArn;
        this.ready = pulumi.all([this.castaiRole.ready, this.nodeRole.ready]).apply(([arn]) => arn);
        this.registerOutputs({
            roleArn: this.roleArn,
            roleName: this.roleName,
            externalId: this.externalId,
            castaiUserArn: this.castaiUserArn,
            instanceProfileArn: this.instanceProfileArn,
            nodeRoleArn: this.nodeRoleArn,
            ready: this.ready,
        });
    }
}

/** Valid values as long as inputs can be, for the string args still unknown at construction. */
function worstCaseArgs(args: CastAiEksAccessArgs, unknown: readonly string[]): Partial<CastAiEksPlainArgs> {
    const known = (k: keyof CastAiEksAccessArgs) => !unknown.includes(k) && typeof args[k] === "string";
    const arnPartition = known("castaiUserArn") ? (args.castaiUserArn as string).split(":")[1] : undefined;
    const partition = arnPartition ?? (known("region") ? partitionOf(args.region as string) : "aws");
    const regionFor: Record<string, string> = {
        "aws": "ap-southeastxx-9", "aws-us-gov": "us-gov-westxxx-9", "aws-cn": "cn-northwestx-9",
        "aws-iso": "us-iso-eastxxx-9", "aws-iso-b": "us-isob-eastxx-9",
    };
    const values: Record<string, string> = {
        clusterName: `c${"0".repeat(99)}`,
        // With Cast AI's default user ARN the cluster ID is part of a user name (at most 64).
        clusterId: args.castaiUserArn === undefined ? "i".repeat(49) : "i".repeat(1224),
        accountId: "000000000000",
        region: regionFor[partition] ?? regionFor.aws,
        vpcId: `vpc-${"0".repeat(17)}`,
        castaiUserArn: `arn:${partition}:iam::000000000000:user/${"u".repeat(64)}`,
        roleName: "r".repeat(64),
        nodeRoleName: "n".repeat(64),
    };
    return Object.fromEntries(unknown.map((k) => [k, values[k]])) as Partial<CastAiEksPlainArgs>;
}
