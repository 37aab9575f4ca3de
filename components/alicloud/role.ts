import * as alicloud from "@pulumi/alicloud";
import * as pulumi from "@pulumi/pulumi";
import { shortHash } from "../core";
import { defineLazy } from "../core/lazy";

/** A custom RAM policy the role gets; `key` names its resources and never changes. */
export interface RamPolicySpec {
    readonly key: string;
    /** RAM policy name. */
    readonly name: pulumi.Input<string>;
    readonly description?: string;
    /** RAM policy JSON (Version "1", under 6,144 bytes). */
    readonly document: pulumi.Input<string>;
}

export interface RamRoleArgs {
    /** RAM role name (explicit: the vendor configures it). */
    readonly roleName: pulumi.Input<string>;
    readonly description?: pulumi.Input<string>;
    /** Trust policy JSON (assumeRolePolicyDocument). */
    readonly trustPolicy: pulumi.Input<string>;
    /** Custom policies created and attached. @default [] */
    readonly policies?: readonly RamPolicySpec[];
    /** Tags for the role and policies. @default none */
    readonly tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/**
 * A RAM role with its trust policy and custom policies, each attached as its own resource.
 * `ready` resolves to the role ARN only once every attachment exists.
 */
export class RamRole extends pulumi.ComponentResource {
    readonly role: alicloud.ram.Role;
    readonly policies: alicloud.ram.Policy[];
    readonly attachments: alicloud.ram.RolePolicyAttachment[];
    readonly roleArn: pulumi.Output<string>;
    readonly roleName: pulumi.Output<string>;
    readonly roleId: pulumi.Output<string>;
    /** The role ARN, resolved once every policy is attached. */
    declare readonly ready: pulumi.Output<string>;

    constructor(name: string, args: RamRoleArgs, opts?: pulumi.ComponentResourceOptions) {
        super("kubegrant:alicloud:RamRole", name, {}, opts);
        this.role = new alicloud.ram.Role(name, {
            roleName: args.roleName,
            description: args.description,
            assumeRolePolicyDocument: args.trustPolicy,
            tags: args.tags,
        }, { parent: this });
        const specs = args.policies ?? [];
        this.policies = specs.map((p) => new alicloud.ram.Policy(`${name}-${p.key}`, {
            policyName: p.name,
            policyDocument: p.document,
            description: p.description,
            tags: args.tags,
        }, { parent: this }));
        this.attachments = this.policies.map((policy, i) => new alicloud.ram.RolePolicyAttachment(`${name}-${shortHash(`custom:${specs[i].key}`)}`, {
            policyName: policy.policyName,
            policyType: "Custom",
            roleName: this.role.roleName,
        }, { parent: this }));
        this.roleArn = this.role.arn;
        this.roleName = this.role.roleName;
        this.roleId = this.role.roleId;
        // No outputs in the state (the properties are the interface); `ready` and Outputs of plain
        // values are built when first read: each costs promises per instance.
        defineLazy(this, "ready", () => pulumi.all([this.role.arn, ...this.attachments.map((a) => a.id)]).apply(([arn]) => arn));
        this.registerOutputs({});
    }
}
