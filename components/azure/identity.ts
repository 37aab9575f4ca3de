import * as managedidentity from "@pulumi/azure-native/managedidentity";
import * as pulumi from "@pulumi/pulumi";
import { AZURE_TOKEN_EXCHANGE_AUDIENCE } from "./audience";
import { defineLazy } from "../core/lazy";

/** Who may act as the identity: an external token with this issuer and subject. */
export interface FederatedCredentialSpec {
    /** Stable key for the Pulumi resource name. */
    readonly key: string;
    /** Credential name (3-120 letters, digits, - and _). */
    readonly name: pulumi.Input<string>;
    readonly issuer: pulumi.Input<string>;
    readonly subject: pulumi.Input<string>;
    /** @default ["api://AzureADTokenExchange"] */
    readonly audiences?: pulumi.Input<readonly string[]>;
}

export interface FederatedIdentityArgs {
    readonly resourceGroupName: pulumi.Input<string>;
    /** Identity name (explicit: vendors and reviewers find it by name). */
    readonly identityName: pulumi.Input<string>;
    readonly location: pulumi.Input<string>;
    readonly credentials: readonly FederatedCredentialSpec[];
    /** @default none */
    readonly tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}


/**
 * A user-assigned managed identity that an external workload signs in as, keylessly, through
 * federated identity credentials. No secret exists anywhere. Credentials of one identity are
 * written one after another (Azure rejects concurrent writes to them).
 */
export class FederatedIdentity extends pulumi.ComponentResource {
    readonly identity: managedidentity.UserAssignedIdentity;
    readonly credentials: managedidentity.FederatedIdentityCredential[];
    readonly clientId: pulumi.Output<string>;
    readonly principalId: pulumi.Output<string>;
    readonly tenantId: pulumi.Output<string>;
    /** The identity's resource ID. */
    readonly identityId: pulumi.Output<string>;
    /** The client ID, resolved once every federated credential exists. */
    declare readonly ready: pulumi.Output<string>;

    constructor(name: string, args: FederatedIdentityArgs, opts?: pulumi.ComponentResourceOptions) {
        super("kubegrant:azure:FederatedIdentity", name, {}, opts);
        this.identity = new managedidentity.UserAssignedIdentity(name, {
            resourceName: args.identityName,
            resourceGroupName: args.resourceGroupName,
            location: args.location,
            tags: args.tags,
        }, { parent: this });
        this.credentials = [];
        for (const c of args.credentials) {
            const previous = this.credentials[this.credentials.length - 1];
            this.credentials.push(new managedidentity.FederatedIdentityCredential(`${name}-${c.key}`, {
                federatedIdentityCredentialResourceName: c.name,
                resourceName: this.identity.name,
                resourceGroupName: args.resourceGroupName,
                issuer: c.issuer,
                subject: c.subject,
                audiences: pulumi.output(c.audiences ?? [AZURE_TOKEN_EXCHANGE_AUDIENCE]).apply((a) => [...a]),
            }, { parent: this, dependsOn: previous ? [previous] : [] }));
        }
        this.clientId = this.identity.clientId;
        this.principalId = this.identity.principalId;
        this.tenantId = this.identity.tenantId;
        this.identityId = this.identity.id;
        // No outputs in the state (the properties are the interface); `ready` and Outputs of plain
        // values are built when first read: each costs promises per instance.
        defineLazy(this, "ready", () => pulumi.all([this.identity.clientId, ...this.credentials.map((c) => c.id)]).apply(([id]) => id));
        this.registerOutputs({});
    }
}
