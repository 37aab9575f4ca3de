import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ManagedPolicyArgs, checkManagedPolicyCount, managedPolicyAttachments } from "./role";
import { defineLazy } from "../core/lazy";

export interface PolicyUserArgs extends ManagedPolicyArgs {
    /** IAM user name (explicit: the vendor's console shows it). */
    readonly userName: pulumi.Input<string>;
    /** Also create an access key for the user (its secret is a secret output). @default true */
    readonly accessKey?: boolean;
}

/**
 * An IAM user with managed policies attached as separate resources, and optionally an access key
 * for vendors that take static credentials. `ready` resolves to the user ARN only once every
 * attachment (and the key) exists.
 */
export class PolicyUser extends pulumi.ComponentResource {
    readonly user: aws.iam.User;
    readonly userArn: pulumi.Output<string>;
    readonly userName: pulumi.Output<string>;
    readonly policies: aws.iam.Policy[];
    readonly accessKey?: aws.iam.AccessKey;
    /** The access key ID, or undefined without a key. */
    declare readonly accessKeyId: pulumi.Output<string | undefined>;
    /** The secret access key (a secret), or undefined without a key. */
    declare readonly secretAccessKey: pulumi.Output<string | undefined>;
    declare readonly ready: pulumi.Output<string>;

    constructor(name: string, args: PolicyUserArgs, opts?: pulumi.ComponentResourceOptions) {
        checkManagedPolicyCount(args, "user");
        super("kubegrant:aws:PolicyUser", name, {}, opts);
        this.user = new aws.iam.User(name, { name: args.userName, tags: args.tags }, { parent: this });
        const managed = managedPolicyAttachments(this, name, args);
        this.policies = managed.policies;
        const attachments: pulumi.CustomResource[] = [];
        for (const a of managed.attachments) {
            attachments.push(new aws.iam.UserPolicyAttachment(a.resourceName, { user: this.user.name, policyArn: a.policyArn }, { parent: this }));
        }
        if (args.accessKey ?? true) {
            this.accessKey = new aws.iam.AccessKey(name, { user: this.user.name }, { parent: this });
            attachments.push(this.accessKey);
        }
        this.userArn = this.user.arn;
        this.userName = this.user.name;
        // No outputs in the state (the properties are the interface); `ready` and Outputs of plain
        // values are built when first read: each costs promises per instance.
        const key = this.accessKey;
        defineLazy(this, "accessKeyId", () => key ? key.id : pulumi.output(undefined));
        defineLazy(this, "secretAccessKey", () => key ? pulumi.secret(key.secret) : pulumi.output(undefined));
        defineLazy(this, "ready", () => pulumi.all([this.user.arn, ...attachments.map((a) => a.id)]).apply(([arn]) => arn));
        this.registerOutputs({});
    }
}
