import * as azuread from "@pulumi/azuread";
import * as pulumi from "@pulumi/pulumi";
import { defineLazy } from "../core/lazy";

export interface AppRegistrationArgs {
    /** Display name of the app registration (explicit: the vendor and reviewers find it by name). */
    readonly displayName: pulumi.Input<string>;
    /** Object IDs of the owners of the application and its service principal. @default none */
    readonly owners?: pulumi.Input<readonly string[]>;
    /**
     * Lifetime of the client secret: a duration in hours (`8760h`) or an RFC 3339 end date
     * (`2027-01-31T00:00:00Z`). Changing it replaces the secret.
     */
    readonly secretExpiry: string;
    /** Description of the secret. @default "kubegrant" */
    readonly secretDisplayName?: pulumi.Input<string>;
}

/**
 * A Microsoft Entra app registration, its service principal and one client secret. The secret is
 * only ever a secret output. Prefer a `FederatedIdentity` where the vendor supports it.
 */
export class AppRegistration extends pulumi.ComponentResource {
    readonly application: azuread.Application;
    readonly servicePrincipal: azuread.ServicePrincipal;
    readonly password: azuread.ApplicationPassword;
    readonly clientId: pulumi.Output<string>;
    /** The service principal's object ID (what role assignments name). */
    readonly principalId: pulumi.Output<string>;
    readonly tenantId: pulumi.Output<string>;
    /** The client secret (secret). */
    declare readonly clientSecret: pulumi.Output<string>;
    /** The client ID, resolved once the service principal and the secret exist. */
    declare readonly ready: pulumi.Output<string>;

    constructor(name: string, args: AppRegistrationArgs, opts?: pulumi.ComponentResourceOptions) {
        super("kubegrant:azure:AppRegistration", name, {}, opts);
        const owners = args.owners === undefined ? undefined : pulumi.output(args.owners).apply((o) => [...o]);
        this.application = new azuread.Application(name, {
            displayName: args.displayName,
            owners,
        }, { parent: this });
        this.servicePrincipal = new azuread.ServicePrincipal(name, {
            clientId: this.application.clientId,
            appRoleAssignmentRequired: false,
            owners,
        }, { parent: this });
        const absolute = /^\d{4}-\d{2}-\d{2}T/.test(args.secretExpiry);
        this.password = new azuread.ApplicationPassword(name, {
            applicationId: this.application.id,
            displayName: args.secretDisplayName ?? "kubegrant",
            // A relative lifetime is the only stable form: an end date computed here would change on
            // every run and replace the secret. (The provider marks it deprecated in favour of
            // Terraform's timeadd(), which Pulumi programs do not have.)
            ...(absolute ? { endDate: args.secretExpiry } : { endDateRelative: args.secretExpiry }),
        }, { parent: this });
        this.clientId = this.application.clientId;
        this.principalId = this.servicePrincipal.objectId;
        this.tenantId = this.servicePrincipal.applicationTenantId;
        // No outputs in the state (the properties are the interface); `ready` and Outputs of plain
        // values are built when first read: each costs promises per instance.
        defineLazy(this, "clientSecret", () => pulumi.secret(this.password.value));
        defineLazy(this, "ready", () => pulumi.all([this.application.clientId, this.servicePrincipal.id, this.password.id]).apply(([id]) => id));
        this.registerOutputs({});
    }
}
