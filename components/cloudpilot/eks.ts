import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { planOnInputs } from "../core/inputs";
import { defineLazy } from "../core/lazy";
import { policyJson } from "../aws/policy";
import { PolicyRole, associatePodIdentity } from "../aws/role";
import { longestRegion, standInScope } from "../aws/validate";
import { checkArgSpec, checkOutputSpec } from "../core/spec";
import {
    CLOUDPILOT_EKS_ARGS, CLOUDPILOT_EKS_OUTPUTS, CLOUDPILOT_EKS_STRING_ARGS, CloudPilotEksPlainArgs, CloudPilotTrust, planCloudPilotEks,
} from "./eks-plan";

export interface CloudPilotEksAccessArgs {
    /** EKS cluster name: scopes DescribeCluster, the instance-profile tags and the node role name. */
    readonly clusterName: pulumi.Input<string>;
    /** The 12-digit AWS account of the cluster. */
    readonly accountId: pulumi.Input<string>;
    /** The cluster's region; its partition goes into every ARN. */
    readonly region: pulumi.Input<string>;
    /**
     * How the CloudPilot controller gets the role: `podIdentity` (EKS Pod Identity for its service
     * account: keyless, needs only the cluster and the Pod Identity agent add-on), `irsa` (the same
     * service account through the cluster's IAM OIDC provider) or `crossAccount` (an IAM principal
     * CloudPilot gives you, with an external ID).
     * @default "podIdentity"
     */
    readonly trust?: CloudPilotTrust;
    /** Namespace of CloudPilot's controller (podIdentity, irsa). @default "cloudpilot" */
    readonly serviceAccountNamespace?: pulumi.Input<string>;
    /**
     * The controller's service account (podIdentity, irsa). CloudPilot does not document it; the
     * default is the name of its Helm release's RBAC objects, and the account CloudPilotClusterRbac
     * creates with `optimizer: true` (keep both equal).
     * @default "cloudpilot-aws-optimizer"
     */
    readonly serviceAccountName?: pulumi.Input<string>;
    /** The cluster's IAM OIDC provider ARN (irsa only, required there). */
    readonly oidcProviderArn?: pulumi.Input<string>;
    /** The IAM user or role CloudPilot assumes the role from (crossAccount only, required there). */
    readonly trustedPrincipalArn?: pulumi.Input<string>;
    /** The external ID CloudPilot gives you (crossAccount only, required there). */
    readonly externalId?: pulumi.Input<string>;
    /** @default `cloudpilot-eks-<clusterName[:49]>` */
    readonly roleName?: pulumi.Input<string>;
    /** Node role and instance profile name (PassRole is pinned to it). @default `CloudPilotNodeRole-<clusterName>` */
    readonly nodeRoleName?: pulumi.Input<string>;
    /** Attach AmazonEKS_CNI_Policy to the node role. @default true */
    readonly cniPolicy?: boolean;
    /** Attach AmazonSSMManagedInstanceCore to the node role. @default true */
    readonly ssmPolicy?: boolean;
    /** Managed policies allowed per role in this account (AWS default 10, raisable to 20). @default 10 */
    readonly maxManagedPoliciesPerRole?: number;
    /** Tags for every taggable resource. @default none */
    readonly tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/**
 * Everything CloudPilot AI's controller needs in an AWS account to manage one EKS cluster: its role
 * with the vendor's controller policy, the trust the user chose (Pod Identity with its association,
 * IRSA, or cross-account with an external ID), and the node role `CloudPilotNodeRole-<cluster>`
 * with its instance profile.
 */
export class CloudPilotEksAccess extends pulumi.ComponentResource {
    readonly roleArn: pulumi.Output<string>;
    readonly roleName: pulumi.Output<string>;
    readonly nodeRoleArn: pulumi.Output<string>;
    readonly nodeRoleName: pulumi.Output<string>;
    readonly instanceProfileArn: pulumi.Output<string>;
    /** The trust mode. */
    declare readonly trust: pulumi.Output<string>;
    /** `namespace/name` of the trusted service account (podIdentity, irsa), else undefined. */
    declare readonly serviceAccount: pulumi.Output<string | undefined>;
    /** The Pod Identity association's ID (podIdentity), else undefined. */
    declare readonly podIdentityAssociationId: pulumi.Output<string | undefined>;
    /** The role ARN, resolved once every policy, the instance profile and any association exist. */
    declare readonly ready: pulumi.Output<string>;
    readonly controllerRole: PolicyRole;
    readonly nodeRole: PolicyRole;
    readonly podIdentityAssociation?: aws.eks.PodIdentityAssociation;

    constructor(name: string, args: CloudPilotEksAccessArgs, opts?: pulumi.ComponentResourceOptions) {
        const { layout, output, input: field } = planOnInputs(args as CloudPilotEksPlainArgs, CLOUDPILOT_EKS_STRING_ARGS, planCloudPilotEks,
            (unknown) => worstCaseArgs(args, unknown));
        super("kubegrant:cloudpilot:CloudPilotEksAccess", name, {}, opts);

        this.nodeRole = new PolicyRole(`${name}-node`, {
            roleName: field((p) => p.nodeRoleName),
            description: "Nodes launched by CloudPilot AI (kubegrant)",
            trustPolicy: field((p) => policyJson(p.nodeTrust)),
            partition: field((p) => p.partition),
            awsManagedPolicies: layout.nodeManagedPolicies,
            instanceProfileName: field((p) => p.instanceProfileName),
            maxManagedPolicies: layout.maxManagedPoliciesPerRole,
            tags: args.tags,
        }, { parent: this });

        this.controllerRole = new PolicyRole(`${name}-access`, {
            roleName: field((p) => p.roleName),
            description: "Used by the CloudPilot AI controller to manage the cluster's nodes (kubegrant)",
            trustPolicy: field((p) => policyJson(p.trust)),
            partition: field((p) => p.partition),
            managedPolicies: layout.policies.map((d, i) => ({
                key: d.key, name: field((p) => p.policies[i].name),
                description: "CloudPilot AI controller (kubegrant)",
                document: field((p) => policyJson(p.policies[i].statements)),
            })),
            maxManagedPolicies: layout.maxManagedPoliciesPerRole,
            tags: args.tags,
        }, { parent: this, dependsOn: [this.nodeRole] });

        const grants: (() => pulumi.Output<string>)[] = [() => this.controllerRole.ready, () => this.nodeRole.ready];
        if (layout.trustMode === "podIdentity") {
            this.podIdentityAssociation = associatePodIdentity(name, this.controllerRole, {
                clusterName: field((p) => p.clusterName),
                namespace: field((p) => p.namespace!),
                serviceAccount: field((p) => p.serviceAccountName!),
            }, args.tags, this);
            grants.push(() => this.podIdentityAssociation!.id);
        }

        this.roleArn = this.controllerRole.roleArn;
        this.roleName = this.controllerRole.roleName;
        this.nodeRoleArn = this.nodeRole.roleArn;
        this.nodeRoleName = this.nodeRole.roleName;
        this.instanceProfileArn = this.nodeRole.instanceProfileArn as pulumi.Output<string>;
        // No outputs in the state (the properties are the interface); `ready` and Outputs of plain
        // values are built when first read: each costs promises per instance.
        const association = this.podIdentityAssociation;
        defineLazy(this, "trust", () => pulumi.output(layout.trustMode));
        defineLazy(this, "serviceAccount", () => output((p) => p.namespace === undefined ? undefined : `${p.namespace}/${p.serviceAccountName}`));
        defineLazy(this, "podIdentityAssociationId", () => association ? association.id : pulumi.output(undefined));
        defineLazy(this, "ready", () => pulumi.all(grants.map((g) => g())).apply(([arn]) => arn));
        this.registerOutputs({});
    }
}

// The compiler holds the spec to the Args type and the outputs to the class (no runtime cost).
checkArgSpec<CloudPilotEksAccessArgs>()(CLOUDPILOT_EKS_ARGS);
checkOutputSpec<CloudPilotEksAccess>()(CLOUDPILOT_EKS_OUTPUTS);

/** Valid values as long as inputs can be, for the string args still unknown at construction. */
function worstCaseArgs(args: CloudPilotEksAccessArgs, unknown: readonly string[]): Partial<CloudPilotEksPlainArgs> {
    const known = (k: keyof CloudPilotEksAccessArgs) => (!unknown.includes(k) && typeof args[k] === "string" ? args[k] as string : undefined);
    // A known ARN fixes the partition (and the OIDC provider the account) that unknown inputs must match.
    const { partition, account } = standInScope({
        region: known("region"), accountId: known("accountId"),
        partitionArns: [known("trustedPrincipalArn"), known("oidcProviderArn")], accountArn: known("oidcProviderArn"),
    });
    // One stand-in per string input of the spec, no more and no fewer (the compiler checks it).
    const values: Record<string, string> = {
        // The default node role name embeds the cluster name: 64 - 19 characters at most then.
        clusterName: `c${"0".repeat(args.nodeRoleName === undefined ? 44 : 99)}`,
        accountId: account,
        region: longestRegion(partition),
        serviceAccountNamespace: `n${"0".repeat(62)}`,
        serviceAccountName: `s${"0".repeat(252)}`,
        oidcProviderArn: `arn:${partition}:iam::${account}:oidc-provider/${"o".repeat(200)}`,
        trustedPrincipalArn: `arn:${partition}:iam::000000000000:role/${"u".repeat(64)}`,
        externalId: "e".repeat(1224),
        roleName: "r".repeat(64),
        nodeRoleName: "n".repeat(64),
    } satisfies Record<typeof CLOUDPILOT_EKS_STRING_ARGS[number], string>;
    return Object.fromEntries(unknown.map((k) => [k, values[k]])) as Partial<CloudPilotEksPlainArgs>;
}
