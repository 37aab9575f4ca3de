/** Markdown describers for the Azure resources kubegrant creates. */
import { Describer, cell, code, groupedRows, why } from "../report";
import { RenderedResource } from "../run";

function strings(v: unknown): string[] {
    return Array.isArray(v) ? v.map(String) : v === undefined || v === null ? [] : [String(v)];
}

const roleDefinition: Describer = (r, ctx) => {
    const perms = (r.inputs.permissions as { actions?: string[]; notActions?: string[] }[] | undefined) ?? [];
    const lines = [
        `Custom role \`${r.inputs.roleName}\` (GUID \`${r.inputs.roleDefinitionId}\`), defined at \`${r.inputs.scope}\`, assignable only at ${code(strings(r.inputs.assignableScopes))}. It allows:`,
        "",
        "| Actions | Why |",
        "| --- | --- |",
    ];
    for (const p of perms) {
        lines.push(...groupedRows(p.actions ?? [], (a) => ctx.explanations.get(`azure-action:${a}`)));
        for (const a of p.notActions ?? []) lines.push(`| not \`${cell(a)}\` | excluded from the actions above |`);
    }
    const dropped = [...ctx.explanations.entries()].filter(([k]) => k.startsWith("azure-dropped:"));
    if (dropped.length > 0) {
        lines.push("", "Left out on purpose (listed by a vendor document, not granted):", "");
        for (const [k, e] of dropped) lines.push(`- \`${k.slice("azure-dropped:".length)}\`: ${why(e)}`);
    }
    return lines;
};

/** The principal an assignment names, with the resource that holds it when the rendering has it. */
function principalOf(id: unknown, all: readonly RenderedResource[]): string {
    const holder = all.find((x) => x.type === "azure-native:managedidentity:UserAssignedIdentity")
        ?? all.find((x) => x.type === "azuread:index/application:Application");
    const what = holder ? ` (${holder.type.includes("managedidentity") ? `managed identity \`${holder.inputs.resourceName}\`` : `app registration \`${holder.inputs.displayName}\``})` : "";
    return `\`${String(id)}\`${what}`;
}

const roleAssignment: Describer = (r, ctx) => [
    `Assigns role \`${r.inputs.roleDefinitionId}\` to ${r.inputs.principalType} ${principalOf(r.inputs.principalId, ctx.all)} at \`${r.inputs.scope}\` only (assignment GUID \`${r.inputs.roleAssignmentName}\`; principalType is set so a new principal is not reported "not found").`,
];

const identity: Describer = (r) => [
    `User-assigned managed identity \`${r.inputs.resourceName}\` in resource group \`${r.inputs.resourceGroupName}\` (${r.inputs.location}). It has no secret: only the federated credentials below can sign in as it.`,
];

const federated: Describer = (r) => [
    `Federated credential \`${r.inputs.federatedIdentityCredentialResourceName}\` of identity \`${r.inputs.resourceName}\`: a token issued by \`${r.inputs.issuer}\` with subject \`${r.inputs.subject}\` and audience ${code(strings(r.inputs.audiences))} may sign in as the identity. Nobody else, and no secret.`,
];

const application: Describer = (r) => [
    `App registration \`${r.inputs.displayName}\`${r.inputs.owners ? `, owned by ${code(strings(r.inputs.owners))}` : ""}. It holds a client secret (below).`,
];

const servicePrincipal: Describer = () => [
    "Service principal of the app registration: the principal the role assignments name.",
];

const password: Describer = (r) => [
    `Client secret \`${r.inputs.displayName}\` of the app registration, valid ${r.inputs.endDate ? `until ${r.inputs.endDate}` : `for ${r.inputs.endDateRelative}`}. Its value is only a secret output.`,
];

export const AZURE_DESCRIBERS: Readonly<Record<string, Describer>> = {
    "azure-native:authorization:RoleDefinition": roleDefinition,
    "azure-native:authorization:RoleAssignment": roleAssignment,
    "azure-native:managedidentity:UserAssignedIdentity": identity,
    "azure-native:managedidentity:FederatedIdentityCredential": federated,
    "azuread:index/application:Application": application,
    "azuread:index/servicePrincipal:ServicePrincipal": servicePrincipal,
    "azuread:index/applicationPassword:ApplicationPassword": password,
};
