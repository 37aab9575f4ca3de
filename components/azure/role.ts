import * as authorization from "@pulumi/azure-native/authorization";
import * as pulumi from "@pulumi/pulumi";
import { defineLazy } from "../core/lazy";

/** One role assignment: where, and under which stable GUID. */
export interface RoleAssignmentSpec {
    /** Stable key for the Pulumi resource name (never changes when the list is reordered). */
    readonly key: string;
    /** Scope ID, e.g. `/subscriptions/<sub>/resourceGroups/<name>`. */
    readonly scope: pulumi.Input<string>;
    /** The assignment's GUID (derive it with `stableGuid` so re-running never duplicates it). */
    readonly name: pulumi.Input<string>;
    readonly description?: pulumi.Input<string>;
}

export interface CustomRoleArgs {
    /** Subscription of the role definition (its ID is `/subscriptions/<sub>/providers/...`). */
    readonly subscriptionId: pulumi.Input<string>;
    /** The role definition's GUID (stable: derive it with `stableGuid`). */
    readonly roleDefinitionGuid: pulumi.Input<string>;
    /** Role name (unique in the tenant). */
    readonly roleName: pulumi.Input<string>;
    readonly description?: pulumi.Input<string>;
    /** Allowed actions. */
    readonly actions: pulumi.Input<readonly string[]>;
    /** Actions excluded from `actions`. @default [] */
    readonly notActions?: pulumi.Input<readonly string[]>;
    /** Where the role may be assigned; the first one is where the definition is created. */
    readonly assignableScopes: pulumi.Input<readonly string[]>;
    /** Where it is assigned: one role assignment per entry. */
    readonly assignments: readonly RoleAssignmentSpec[];
    /** Object ID of the principal that gets the role. */
    readonly principalId: pulumi.Input<string>;
    /**
     * Principal type. Always set: Azure otherwise looks the principal up in Microsoft Entra, and
     * a principal created seconds ago is often not replicated yet (`PrincipalNotFound`).
     * Managed identities are `ServicePrincipal` too.
     */
    readonly principalType: "ServicePrincipal" | "User" | "Group";
}

/**
 * An Azure custom role definition and its assignments to one principal. `ready` resolves to the
 * role definition ID only once every assignment exists.
 */
export class CustomRole extends pulumi.ComponentResource {
    readonly definition: authorization.RoleDefinition;
    readonly assignments: authorization.RoleAssignment[];
    /** `/subscriptions/<sub>/providers/Microsoft.Authorization/roleDefinitions/<guid>`. */
    readonly roleDefinitionId: pulumi.Output<string>;
    /** The role definition ID, resolved once every assignment exists. */
    declare readonly ready: pulumi.Output<string>;

    constructor(name: string, args: CustomRoleArgs, opts?: pulumi.ComponentResourceOptions) {
        super("kubegrant:azure:CustomRole", name, {}, opts);
        const scopes = pulumi.output(args.assignableScopes);
        this.definition = new authorization.RoleDefinition(name, {
            roleDefinitionId: args.roleDefinitionGuid,
            roleName: args.roleName,
            description: args.description,
            roleType: "CustomRole",
            permissions: [{
                actions: pulumi.output(args.actions).apply((a) => [...a]),
                notActions: pulumi.output(args.notActions ?? []).apply((a) => [...a]),
            }],
            assignableScopes: scopes.apply((s) => [...s]),
            scope: scopes.apply((s) => s[0]),
        }, { parent: this });
        // Built from the definition's name (its GUID), so every assignment waits for the definition.
        this.roleDefinitionId = pulumi.interpolate`/subscriptions/${args.subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${this.definition.name}`;
        this.assignments = args.assignments.map((a) => new authorization.RoleAssignment(`${name}-${a.key}`, {
            roleAssignmentName: a.name,
            roleDefinitionId: this.roleDefinitionId,
            principalId: args.principalId,
            principalType: args.principalType,
            scope: a.scope,
            description: a.description,
        }, {
            parent: this,
            // An assignment's principal, role and scope cannot change in place, and Azure refuses a
            // second assignment of the same role to the same principal at the same scope.
            deleteBeforeReplace: true,
        }));
        // No outputs in the state (the properties are the interface); `ready` and Outputs of plain
        // values are built when first read: each costs promises per instance.
        defineLazy(this, "ready", () => pulumi.all([this.roleDefinitionId, ...this.assignments.map((a) => a.id)]).apply(([id]) => id));
        this.registerOutputs({});
    }
}
