import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { planOnInputs } from "../core/inputs";
import { defineLazy } from "../core/lazy";
import { policyJson } from "../aws/policy";
import { PolicyRole, associatePodIdentity } from "../aws/role";
import { longestRegion, standInScope } from "../aws/validate";
import { createBundledClusterRbac, plannableClusterRbac } from "./bundled";
import type { CastAiClusterRbac, CastAiClusterRbacArgs } from "./cluster-rbac";
import { checkArgSpec, checkOutputSpec } from "../core/spec";
import {
    CASTAI_EKS_ARGS, CASTAI_EKS_OUTPUTS, CASTAI_EKS_STRING_ARGS, CastAiEksArgsOf, CastAiEksPlainArgs, IRSA_ANNOTATION, planCastAiEks,
} from "./eks-plan";

export interface CastAiEksAccessArgs extends CastAiEksArgsOf<pulumi.Input<string>, CastAiClusterRbacArgs> {
    /** Tags for every taggable resource. @default none */
    readonly tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/**
 * Everything Cast AI needs in an AWS account to manage one EKS cluster: the cross-account role
 * Cast AI assumes (external ID = cluster ID, always), its AWS-managed, customer managed and
 * inline policies, and the node role with instance profile that Cast AI launches nodes with.
 * Optionally the in-cluster agent's own keyless role (Pod Identity or IRSA) and Cast AI's
 * service accounts and RBAC in the cluster, wired to each other.
 */
export class CastAiEksAccess extends pulumi.ComponentResource {
    /** ARN of the role Cast AI assumes: hand it to Cast AI. */
    readonly roleArn: pulumi.Output<string>;
    readonly roleName: pulumi.Output<string>;
    /** The external ID the trust policy requires (the cluster ID). */
    declare readonly externalId: pulumi.Output<string>;
    /** The Cast AI user the role trusts. */
    declare readonly castaiUserArn: pulumi.Output<string>;
    readonly instanceProfileArn: pulumi.Output<string>;
    readonly nodeRoleArn: pulumi.Output<string>;
    /** ARN of the agent's role (agentIdentity), else undefined. */
    declare readonly agentRoleArn: pulumi.Output<string | undefined>;
    /** `<namespace>/<name>` of the service account the agent's role trusts (agentIdentity), else undefined. */
    declare readonly agentServiceAccount: pulumi.Output<string | undefined>;
    /** The role ARN, resolved only once every policy, association and in-cluster object exists (built when first read). */
    declare readonly ready: pulumi.Output<string>;
    /** The children, for programs that need more than the outputs. */
    readonly castaiRole: PolicyRole;
    readonly nodeRole: PolicyRole;
    readonly agentRole?: PolicyRole;
    readonly agentPodIdentityAssociation?: aws.eks.PodIdentityAssociation;
    readonly clusterRbac?: CastAiClusterRbac;

    constructor(name: string, args: CastAiEksAccessArgs, opts?: pulumi.ComponentResourceOptions) {
        // Validate and plan before anything is registered: bad input leaves no resource behind.
        const plain = { ...args, clusterRbac: plannableClusterRbac(args.clusterRbac) } as unknown as CastAiEksPlainArgs;
        const { layout, output, input: field } = planOnInputs(plain, CASTAI_EKS_STRING_ARGS, planCastAiEks, (unknown) => worstCaseArgs(args, unknown));
        super("kubegrant:castai:CastAiEksAccess", name, {}, opts);
        const partition = field((p) => p.partition);

        this.nodeRole = new PolicyRole(`${name}-node`, {
            roleName: field((p) => p.nodeRoleName),
            description: "Nodes launched by Cast AI (kubegrant)",
            trustPolicy: field((p) => policyJson(p.nodeTrust)),
            partition,
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
            partition,
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

        const grants: (() => pulumi.Output<unknown>)[] = [() => this.castaiRole.ready, () => this.nodeRole.ready];
        if (layout.agent) {
            this.agentRole = new PolicyRole(`${name}-agent`, {
                roleName: field((p) => p.agent!.roleName),
                description: field((p) => `Cast AI agent (service account ${p.agent!.namespace}/${p.agent!.serviceAccountName} of cluster ${p.agent!.clusterName}): reads EC2 instances (kubegrant)`),
                trustPolicy: field((p) => policyJson(p.agent!.trust)),
                partition,
                inlinePolicies: layout.agent.inline.map((d, i) => ({
                    key: d.key, name: d.name, document: field((p) => policyJson(p.agent!.inline[i].statements)),
                })),
                tags: args.tags,
            }, { parent: this });
            grants.push(() => this.agentRole!.ready);
            if (layout.agent.mode === "podIdentity") {
                this.agentPodIdentityAssociation = associatePodIdentity(`${name}-agent`, this.agentRole, {
                    clusterName: field((p) => p.agent!.clusterName),
                    namespace: field((p) => p.agent!.namespace),
                    serviceAccount: field((p) => p.agent!.serviceAccountName),
                }, args.tags, this);
                const association = this.agentPodIdentityAssociation;
                grants.push(() => association.id);
            }
        }
        if (layout.clusterRbac) {
            // The namespace is the plan's: the one the agent's trust names.
            const irsa = layout.agent?.mode === "irsa" ? { [layout.agent.serviceAccountName]: { [IRSA_ANNOTATION]: this.agentRole!.roleArn } } : {};
            this.clusterRbac = createBundledClusterRbac(this, name, args.clusterRbac!, layout.clusterRbac.namespace, irsa);
            grants.push(() => this.clusterRbac!.ready);
        }

        this.roleArn = this.castaiRole.roleArn;
        this.roleName = this.castaiRole.roleName;
        // Outputs built from the plan alone are built when first read: ~20 promises each per cluster.
        defineLazy(this, "externalId", () => output((p) => p.externalId));
        defineLazy(this, "castaiUserArn", () => output((p) => p.castaiUserArn));
        this.instanceProfileArn = this.nodeRole.instanceProfileArn as pulumi.Output<string>;
        this.nodeRoleArn = this.nodeRole.roleArn;
        const agentRole = this.agentRole;
        defineLazy(this, "agentRoleArn", () => agentRole ? agentRole.roleArn : pulumi.output(undefined));
        defineLazy(this, "agentServiceAccount", () => layout.agent ? output((p) => `${p.agent!.namespace}/${p.agent!.serviceAccountName}`) : pulumi.output(undefined));
        defineLazy(this, "ready", () => pulumi.all(grants.map((g) => g())).apply(([arn]) => arn as string));
        // No outputs in the state: the class's properties and the stack's exports are the interface,
        // and serializing eight Outputs into the state costs ~130 promises per cluster.
        this.registerOutputs({});
    }
}

// The compiler holds the spec to the Args type and the outputs to the class (no runtime cost).
checkArgSpec<CastAiEksAccessArgs>()(CASTAI_EKS_ARGS);
checkOutputSpec<CastAiEksAccess>()(CASTAI_EKS_OUTPUTS);

/** Valid values as long as inputs can be, for the string args still unknown at construction. */
function worstCaseArgs(args: CastAiEksAccessArgs, unknown: readonly string[]): Partial<CastAiEksPlainArgs> {
    const known = (k: keyof CastAiEksAccessArgs) => (!unknown.includes(k) && typeof args[k] === "string" ? args[k] as string : undefined);
    // passRoleArns are plain ARNs of the cluster's account: they fix the stand-ins' scope too.
    const firstPassRole = Array.isArray(args.passRoleArns) && typeof args.passRoleArns[0] === "string" ? args.passRoleArns[0] : undefined;
    const { partition, account } = standInScope({
        region: known("region"), accountId: known("accountId"),
        partitionArns: [known("castaiUserArn"), known("oidcProviderArn"), firstPassRole], accountArn: known("oidcProviderArn") ?? firstPassRole,
    });
    const values: Record<string, string> = {
        clusterName: `c${"0".repeat(99)}`,
        // With Cast AI's default user ARN the cluster ID is part of a user name (at most 64).
        clusterId: args.castaiUserArn === undefined ? "i".repeat(49) : "i".repeat(1224),
        accountId: account,
        region: longestRegion(partition),
        vpcId: `vpc-${"0".repeat(17)}`,
        vpcAccountId: "000000000000",
        castaiUserArn: `arn:${partition}:iam::000000000000:user/${"u".repeat(64)}`,
        roleName: "r".repeat(64),
        nodeRoleName: "n".repeat(64),
        // The provider must be the cluster's account's (checked when it resolves).
        oidcProviderArn: `arn:${partition}:iam::${account}:oidc-provider/${"o".repeat(200)}`,
        agentRoleName: "a".repeat(64),
        agentNamespace: `n${"0".repeat(62)}`,
    };
    return Object.fromEntries(unknown.map((k) => [k, values[k]])) as Partial<CastAiEksPlainArgs>;
}
