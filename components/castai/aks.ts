import * as pulumi from "@pulumi/pulumi";
import { planOnInputs } from "../core/inputs";
import { defineLazy } from "../core/lazy";
import { AppRegistration } from "../azure/app";
import { FederatedIdentity } from "../azure/identity";
import { CustomRole } from "../azure/role";
import { createBundledClusterRbac, plannableClusterRbac } from "./bundled";
import type { CastAiClusterRbac, CastAiClusterRbacArgs } from "./cluster-rbac";
import { checkArgSpec, checkOutputSpec } from "../core/spec";
import {
    CASTAI_AKS_ARGS, CASTAI_AKS_OUTPUTS, CASTAI_AKS_STRING_ARGS, CastAiAksArgsOf, CastAiAksPlainArgs, planCastAiAks, worstCaseAksArgs,
} from "./aks-plan";

/** The arguments of CastAiAksAccess (documented on CastAiAksArgsOf). */
export interface CastAiAksAccessArgs extends CastAiAksArgsOf<pulumi.Input<string>, CastAiClusterRbacArgs> {
    /** Tags of the managed identity. @default none */
    readonly tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/**
 * Everything Cast AI needs in Azure to manage one AKS cluster: the custom role
 * `CastAKSRole-<cluster ID[:8]>`, assignable to and assigned at the cluster's resource groups
 * only, and the identity Cast AI signs in as: a keyless managed identity with a federated
 * credential (default), or an app registration with a client secret.
 */
export class CastAiAksAccess extends pulumi.ComponentResource {
    /** Client ID Cast AI signs in with: hand it to Cast AI. */
    readonly clientId: pulumi.Output<string>;
    /** Tenant of the identity. */
    readonly tenantId: pulumi.Output<string>;
    /** Client secret (secret); undefined in workload identity mode. */
    declare readonly clientSecret: pulumi.Output<string | undefined>;
    /** Object ID of the service principal or managed identity that holds the role. */
    readonly principalId: pulumi.Output<string>;
    /** `/subscriptions/<sub>/providers/Microsoft.Authorization/roleDefinitions/<guid>`. */
    readonly roleDefinitionId: pulumi.Output<string>;
    declare readonly roleName: pulumi.Output<string>;
    /** The client ID, resolved only once every role assignment (and credential) exists. */
    declare readonly ready: pulumi.Output<string>;
    /** The children, for programs that need more than the outputs. */
    readonly role: CustomRole;
    readonly identity?: FederatedIdentity;
    readonly app?: AppRegistration;
    /** The in-cluster part (clusterRbac), else undefined. */
    readonly clusterRbac?: CastAiClusterRbac;

    constructor(name: string, args: CastAiAksAccessArgs, opts?: pulumi.ComponentResourceOptions) {
        // Validate and plan before anything is registered: bad input leaves no resource behind.
        const plain = { ...args, clusterRbac: plannableClusterRbac(args.clusterRbac) } as CastAiAksPlainArgs;
        const { layout, output, input: field } = planOnInputs(plain, CASTAI_AKS_STRING_ARGS, planCastAiAks, worstCaseAksArgs);
        super("kubegrant:castai:CastAiAksAccess", name, {}, opts);

        let principal: { clientId: pulumi.Output<string>; principalId: pulumi.Output<string>; tenantId: pulumi.Output<string>; ready: pulumi.Output<string> };
        if (layout.identity) {
            const credential = layout.identity.credential;
            this.identity = new FederatedIdentity(`${name}-identity`, {
                identityName: field((p) => p.identity!.name),
                resourceGroupName: field((p) => p.identity!.resourceGroupName),
                location: field((p) => p.identity!.location),
                credentials: [{
                    key: credential.key,
                    name: field((p) => p.identity!.credential.name),
                    issuer: field((p) => p.identity!.credential.issuer),
                    subject: field((p) => p.identity!.credential.subject),
                    audiences: credential.audiences,
                }],
                tags: args.tags,
            }, { parent: this });
            principal = this.identity;
        } else {
            const app = layout.app!;
            this.app = new AppRegistration(`${name}-app`, {
                displayName: field((p) => p.app!.displayName),
                owners: app.owners,
                secretExpiry: app.secretExpiry,
                secretDisplayName: "Cast AI (kubegrant)",
            }, { parent: this });
            principal = this.app;
        }

        this.role = new CustomRole(`${name}-role`, {
            subscriptionId: field((p) => p.subscriptionId),
            roleDefinitionGuid: field((p) => p.roleDefinitionGuid),
            roleName: field((p) => p.roleName),
            description: field((p) => p.roleDescription),
            actions: layout.actions,
            notActions: layout.notActions,
            assignableScopes: field((p) => p.assignableScopes),
            assignments: layout.assignments.map((a, i) => ({
                key: a.key,
                scope: field((p) => p.assignments[i].scope),
                name: field((p) => p.assignments[i].name),
                description: field((p) => p.assignments[i].description),
            })),
            principalId: principal.principalId,
            principalType: "ServicePrincipal",
        }, { parent: this });

        const grants: (() => pulumi.Output<unknown>)[] = [() => principal.ready, () => this.role.ready];
        if (layout.clusterRbac !== undefined) {
            this.clusterRbac = createBundledClusterRbac(this, name, args.clusterRbac!, layout.clusterRbac.namespace);
            grants.push(() => this.clusterRbac!.ready);
        }

        this.clientId = principal.clientId;
        this.tenantId = principal.tenantId;
        this.principalId = principal.principalId;
        this.roleDefinitionId = this.role.roleDefinitionId;
        // No outputs in the state (the properties are the interface); `ready` and Outputs of plain
        // values are built when first read: each costs promises per instance.
        const app = this.app;
        defineLazy(this, "clientSecret", () => app ? app.clientSecret : pulumi.output(undefined));
        defineLazy(this, "roleName", () => output((p) => p.roleName));
        defineLazy(this, "ready", () => pulumi.all(grants.map((g) => g())).apply(([id]) => id as string));
        this.registerOutputs({});
    }
}

// The compiler holds the spec to the Args type and the outputs to the class (no runtime cost).
checkArgSpec<CastAiAksAccessArgs>()(CASTAI_AKS_ARGS);
checkOutputSpec<CastAiAksAccess>()(CASTAI_AKS_OUTPUTS);
