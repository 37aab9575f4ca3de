import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { shortHash } from "../core";
import { defineLazy } from "../core/lazy";
import { AWS_LIMITS, checkManagedPolicyCount as checkCount } from "./limits";

/** A customer managed policy the role gets; `key` names its resources and never changes. */
export interface ManagedPolicySpec {
    /** Stable key for the Pulumi resource names, e.g. `castai` or `castai-2`. */
    readonly key: string;
    /** IAM policy name. */
    readonly name: pulumi.Input<string>;
    readonly description?: string;
    /** IAM JSON (already under the 6,144-character limit: see `splitRanges`). */
    readonly document: pulumi.Input<string>;
}

/** An inline policy of the role. */
export interface InlinePolicySpec {
    readonly key: string;
    readonly name: pulumi.Input<string>;
    readonly document: pulumi.Input<string>;
}

export interface PolicyRoleArgs extends ManagedPolicyArgs {
    /** IAM role name (explicit: vendors and trust policies refer to it). */
    readonly roleName: pulumi.Input<string>;
    readonly description?: pulumi.Input<string>;
    /** Trust policy JSON. */
    readonly trustPolicy: pulumi.Input<string>;
    /**
     * AWS-managed policies by path below `arn:<partition>:iam::aws:policy/`, e.g.
     * `AmazonEC2ReadOnlyAccess` or `service-role/AmazonEBSCSIDriverPolicy`.
     * @default []
     */
    readonly awsManagedPolicies?: readonly string[];
    /** The partition of the AWS-managed policy ARNs. */
    readonly partition: pulumi.Input<string>;
    /** Customer managed policies created and attached. @default [] */
    readonly managedPolicies?: readonly ManagedPolicySpec[];
    /** Inline policies (their total size is checked by the builder that made them). @default [] */
    readonly inlinePolicies?: readonly InlinePolicySpec[];
    /** Existing customer managed policy ARNs to attach as well. @default [] */
    readonly extraPolicyArns?: readonly string[];
    /** Also create an instance profile of this name for the role. @default no instance profile */
    readonly instanceProfileName?: pulumi.Input<string>;
    /**
     * Managed policies one role may have in this account (AWS's default quota is 10, raisable to 20).
     * @default 10
     */
    readonly maxManagedPolicies?: number;
    readonly tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/** The managed-policy part of a role's or a user's args. */
export interface ManagedPolicyArgs {
    readonly awsManagedPolicies?: readonly string[];
    readonly partition: pulumi.Input<string>;
    readonly managedPolicies?: readonly ManagedPolicySpec[];
    readonly extraPolicyArns?: readonly string[];
    readonly maxManagedPolicies?: number;
    readonly tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/** Throws InputError when more managed policies would be attached than the account's quota allows. */
export function checkManagedPolicyCount(args: ManagedPolicyArgs, what: "role" | "user"): void {
    const count = (args.awsManagedPolicies ?? []).length + (args.managedPolicies ?? []).length + (args.extraPolicyArns ?? []).length;
    checkCount("maxManagedPolicies", `the ${what}`, count, args.maxManagedPolicies ?? AWS_LIMITS.managedPoliciesPerRole);
}

/** One managed policy attachment to create: its Pulumi name (keyed by what it attaches, a hash) and the ARN. */
export interface PolicyAttachmentSpec {
    readonly resourceName: string;
    readonly policyArn: pulumi.Input<string>;
}

/**
 * Creates the customer managed policies and says which attachments to create: the AWS-managed
 * policies, those policies and the extra ARNs. Attachment names are keyed by what they attach (a
 * hash), never by position. The caller creates the attachments in its own constructor: Pulumi
 * records the whole stack of every resource, so each function between a component and its
 * resources (a callback, `map`, `forEach`) costs allocation per resource and cluster.
 */
export function managedPolicyAttachments(parent: pulumi.Resource, name: string, args: ManagedPolicyArgs,
): { policies: aws.iam.Policy[]; attachments: PolicyAttachmentSpec[] } {
    const attachments: PolicyAttachmentSpec[] = [];
    // A known partition gives a plain ARN: `pulumi.interpolate` costs ~160 promises per ARN.
    const partition = args.partition;
    for (const path of args.awsManagedPolicies ?? []) {
        const policyArn = typeof partition === "string" ? `arn:${partition}:iam::aws:policy/${path}` : pulumi.interpolate`arn:${partition}:iam::aws:policy/${path}`;
        attachments.push({ resourceName: `${name}-${shortHash(`aws-managed:${path}`)}`, policyArn });
    }
    const policies: aws.iam.Policy[] = [];
    for (const p of args.managedPolicies ?? []) {
        const policy = new aws.iam.Policy(`${name}-${p.key}`, { name: p.name, description: p.description, policy: p.document, tags: args.tags }, { parent });
        policies.push(policy);
        attachments.push({ resourceName: `${name}-${shortHash(`managed:${p.key}`)}`, policyArn: policy.arn });
    }
    for (const arn of args.extraPolicyArns ?? []) attachments.push({ resourceName: `${name}-${shortHash(arn)}`, policyArn: arn });
    return { policies, attachments };
}

/**
 * An IAM role with its trust policy, managed and inline policies attached as separate resources
 * (never the exclusive role fields), and optionally an instance profile. `ready` resolves to the
 * role ARN only once every attachment and inline policy exists.
 */
export class PolicyRole extends pulumi.ComponentResource {
    readonly role: aws.iam.Role;
    readonly roleArn: pulumi.Output<string>;
    readonly roleName: pulumi.Output<string>;
    /** Customer managed policies, in `managedPolicies` order. */
    readonly policies: aws.iam.Policy[];
    readonly instanceProfile?: aws.iam.InstanceProfile;
    /** The instance profile ARN, or undefined when none was asked for. */
    declare readonly instanceProfileArn: pulumi.Output<string | undefined>;
    /** The role ARN, resolved once every policy is attached (built when first read). */
    declare readonly ready: pulumi.Output<string>;

    constructor(name: string, args: PolicyRoleArgs, opts?: pulumi.ComponentResourceOptions) {
        checkManagedPolicyCount(args, "role");
        super("kubegrant:aws:PolicyRole", name, {}, opts);

        this.role = new aws.iam.Role(name, {
            name: args.roleName,
            description: args.description,
            assumeRolePolicy: args.trustPolicy,
            tags: args.tags,
        }, { parent: this });

        const managed = managedPolicyAttachments(this, name, args);
        this.policies = managed.policies;
        const attachments: pulumi.CustomResource[] = [];
        for (const a of managed.attachments) {
            attachments.push(new aws.iam.RolePolicyAttachment(a.resourceName, { role: this.role.name, policyArn: a.policyArn }, { parent: this }));
        }
        for (const p of args.inlinePolicies ?? []) {
            attachments.push(new aws.iam.RolePolicy(`${name}-${p.key}`, {
                name: p.name,
                role: this.role.name,
                policy: p.document,
            }, { parent: this }));
        }
        if (args.instanceProfileName !== undefined) {
            this.instanceProfile = new aws.iam.InstanceProfile(name, {
                name: args.instanceProfileName,
                role: this.role.name,
                tags: args.tags,
            }, { parent: this });
            attachments.push(this.instanceProfile);
        }

        this.roleArn = this.role.arn;
        this.roleName = this.role.name;
        // Built when first read: an Output of undefined still costs ~20 promises per role.
        const profile = this.instanceProfile;
        defineLazy(this, "instanceProfileArn", () => profile ? profile.arn : pulumi.output(undefined));
        // Depending on every attachment's ID makes anything built from `ready` wait for (and be
        // destroyed before) all of them: a vendor registration never outlives its access.
        defineLazy(this, "ready", () => pulumi.all([this.role.arn, ...attachments.map((a) => a.id)]).apply(([arn]) => arn));
        // No outputs in the state (the properties are the interface): ~50 promises per role.
        this.registerOutputs({});
    }
}

/**
 * The EKS Pod Identity association of `role` with one service account. Session tags stay on: the
 * trust podIdentityTrust builds for a named service account requires them.
 */
export function associatePodIdentity(name: string, role: PolicyRole,
    target: { readonly clusterName: pulumi.Input<string>; readonly namespace: pulumi.Input<string>; readonly serviceAccount: pulumi.Input<string> },
    tags: PolicyRoleArgs["tags"], parent: pulumi.Resource): aws.eks.PodIdentityAssociation {
    return new aws.eks.PodIdentityAssociation(name, {
        clusterName: target.clusterName,
        namespace: target.namespace,
        serviceAccount: target.serviceAccount,
        roleArn: role.roleArn,
        disableSessionTags: false,
        tags,
    }, { parent, dependsOn: [role] });
}
