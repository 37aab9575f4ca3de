import * as pulumi from "@pulumi/pulumi";
import { planOnInputs } from "../core/inputs";
import { defineLazy } from "../core/lazy";
import { ramPolicyJson } from "../alicloud/policy";
import { RamRole } from "../alicloud/role";
import { checkArgSpec, checkOutputSpec } from "../core/spec";
import {
    CLOUDPILOT_ALIBABA_ARGS, CLOUDPILOT_ALIBABA_OUTPUTS, CLOUDPILOT_ALIBABA_STRING_ARGS, CloudPilotAlibabaPlainArgs, CloudPilotAlibabaTrust,
    planCloudPilotAlibaba,
} from "./alibaba-plan";

export interface CloudPilotAlibabaAccessArgs {
    /** ACK cluster name: names the role and policy. */
    readonly clusterName: pulumi.Input<string>;
    /** The ACK cluster ID (`c` + 32 hex): scopes ess:DetachInstances to this cluster's scaling groups, and names the RRSA OIDC provider. */
    readonly internalClusterId: pulumi.Input<string>;
    /**
     * How CloudPilot gets the role (the vendor documents neither): `rrsa` (keyless: ACK RRSA, the
     * cluster's OIDC provider, for CloudPilot's service account) or `account` (another Alibaba
     * Cloud account CloudPilot gives you assumes the role).
     * @default "rrsa"
     */
    readonly trust?: CloudPilotAlibabaTrust;
    /** The Alibaba Cloud account of the cluster (rrsa only, required there). */
    readonly accountId?: pulumi.Input<string>;
    /** The cluster's RRSA OIDC issuer URL (rrsa only, required there). */
    readonly oidcIssuerUrl?: pulumi.Input<string>;
    /** Namespace of CloudPilot's optimizer (rrsa). An assumption: CloudPilot's documented namespace. @default "cloudpilot" */
    readonly namespace?: pulumi.Input<string>;
    /** Service account of CloudPilot's optimizer (rrsa). An assumption: CloudPilot does not document it. @default "cloudpilot-alibaba-optimizer" */
    readonly serviceAccount?: pulumi.Input<string>;
    /** The Alibaba Cloud account that may assume the role (account only, required there). */
    readonly trustedAccountId?: pulumi.Input<string>;
    /**
     * The external ID CloudPilot gives you (account only, required there): the trust admits
     * CloudPilot's account only when its AssumeRole call carries it (`sts:ExternalId`), against the
     * confused deputy. Secret: kept secret in outputs and never shown in an error.
     */
    readonly externalId?: pulumi.Input<string>;
    /** @default `CloudPilotAlibaba-<clusterName[:46], _ as ->` */
    readonly roleName?: pulumi.Input<string>;
    /** @default `CloudPilotAlibabaPolicy-<clusterName, _ as ->` */
    readonly policyName?: pulumi.Input<string>;
    /** Tags for the role and the policy. @default none */
    readonly tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/**
 * What CloudPilot AI needs in an Alibaba Cloud account to manage one ACK cluster: a RAM role with
 * the vendor's RAM policy (deletion only of instances tagged `cloudpilot.ai/managed` = `true`,
 * detaching only from this cluster's scaling groups) and the trust the user chose.
 */
export class CloudPilotAlibabaAccess extends pulumi.ComponentResource {
    readonly roleArn: pulumi.Output<string>;
    readonly roleName: pulumi.Output<string>;
    declare readonly policyName: pulumi.Output<string>;
    /** The trust mode. */
    declare readonly trust: pulumi.Output<string>;
    /** `namespace/name` of the trusted service account (rrsa), else undefined. */
    declare readonly serviceAccountRef: pulumi.Output<string | undefined>;
    /** The external ID the trust requires (account mode), secret; else undefined. */
    declare readonly externalId: pulumi.Output<string | undefined>;
    /** The role ARN, resolved once the policy is attached. */
    declare readonly ready: pulumi.Output<string>;
    readonly role: RamRole;

    constructor(name: string, args: CloudPilotAlibabaAccessArgs, opts?: pulumi.ComponentResourceOptions) {
        const { layout, output, input: field } = planOnInputs(args as CloudPilotAlibabaPlainArgs, CLOUDPILOT_ALIBABA_STRING_ARGS,
            planCloudPilotAlibaba, (unknown) => worstCaseArgs(unknown));
        super("kubegrant:cloudpilot:CloudPilotAlibabaAccess", name, {}, opts);
        this.role = new RamRole(`${name}-access`, {
            roleName: field((p) => p.roleName),
            description: "Used by CloudPilot AI to manage the ACK cluster's nodes (kubegrant)",
            // With an external ID the trust policy holds it: secret like the ID itself.
            trustPolicy: layout.externalId === undefined ? field((p) => ramPolicyJson(p.trust)) : pulumi.secret(field((p) => ramPolicyJson(p.trust))),
            policies: [{
                key: "policy", name: field((p) => p.policyName),
                description: "CloudPilot AI (kubegrant)",
                document: field((p) => ramPolicyJson(p.policy)),
            }],
            tags: args.tags,
        }, { parent: this });
        this.roleArn = this.role.roleArn;
        this.roleName = this.role.roleName;
        // No outputs in the state (the properties are the interface); `ready` and Outputs of plain
        // values are built when first read: each costs promises per instance.
        defineLazy(this, "policyName", () => output((p) => p.policyName));
        defineLazy(this, "trust", () => pulumi.output(layout.trustMode));
        defineLazy(this, "serviceAccountRef", () => output((p) => p.namespace === undefined ? undefined : `${p.namespace}/${p.serviceAccount}`));
        defineLazy(this, "externalId", () => layout.externalId === undefined ? pulumi.output(undefined) : pulumi.secret(output((p) => p.externalId)));
        defineLazy(this, "ready", () => this.role.ready);
        this.registerOutputs({});
    }
}

// The compiler holds the spec to the Args type and the outputs to the class (no runtime cost).
checkArgSpec<CloudPilotAlibabaAccessArgs>()(CLOUDPILOT_ALIBABA_ARGS);
checkOutputSpec<CloudPilotAlibabaAccess>()(CLOUDPILOT_ALIBABA_OUTPUTS);

/** Valid values as long as inputs can be, for the string args still unknown at construction. */
function worstCaseArgs(unknown: readonly string[]): Partial<CloudPilotAlibabaPlainArgs> {
    // One stand-in per string input of the spec, no more and no fewer (the compiler checks it).
    const values: Record<string, string> = {
        clusterName: `c${"0".repeat(62)}`,
        internalClusterId: `c${"0".repeat(32)}`,
        accountId: "0".repeat(20),
        oidcIssuerUrl: `https://${"o".repeat(200)}`,
        namespace: `n${"0".repeat(62)}`,
        serviceAccount: `s${"0".repeat(252)}`,
        trustedAccountId: "0".repeat(20),
        externalId: "0".repeat(1224),
        roleName: "r".repeat(64),
        policyName: "p".repeat(128),
    } satisfies Record<typeof CLOUDPILOT_ALIBABA_STRING_ARGS[number], string>;
    return Object.fromEntries(unknown.map((k) => [k, values[k]])) as Partial<CloudPilotAlibabaPlainArgs>;
}
