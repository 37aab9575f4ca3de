/** Azure identifiers: validation rules and the longest values each may have. Pure. */
import { InputError, requireMatch, requireString, show } from "../core";

/** Longest values, used to size names before Output inputs resolve. */
export const AZURE_MAX_LENGTH = {
    resourceGroup: 90,
    aksClusterName: 63,
    location: 40,
    /** Federated identity credential subject (Microsoft Entra limit). */
    federatedSubject: 600,
    userAssignedIdentityName: 128,
    applicationDisplayName: 120,
} as const;

export const GUID_PATTERN = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export function validateGuid(key: string, value: unknown, what: string): string {
    return requireMatch(key, value, GUID_PATTERN, `must be ${what} (a GUID such as 00000000-0000-0000-0000-000000000000)`);
}

export function validateSubscriptionId(key: string, value: unknown): string {
    return validateGuid(key, value, "an Azure subscription ID");
}

// Azure: 1-90 letters, digits, underscores, hyphens, periods and parentheses; not ending in a period.
const RESOURCE_GROUP = /^[-\p{L}\p{N}_.()]{0,89}[-\p{L}\p{N}_()]$/u;
const RESOURCE_GROUP_RULE = "must be a resource group name: 1-90 letters, digits, _ - . ( ), not ending in a period";

export function validateResourceGroupName(key: string, value: unknown): string {
    return requireMatch(key, value, RESOURCE_GROUP, RESOURCE_GROUP_RULE);
}

/** The ID of a resource group: `/subscriptions/<sub>/resourceGroups/<name>`. */
export function resourceGroupId(subscriptionId: string, name: string): string {
    return `/subscriptions/${subscriptionId}/resourceGroups/${name}`;
}

/**
 * A resource group given by name (in `subscriptionId`) or by full ID (any subscription of the
 * tenant); returns its ID.
 */
export function validateResourceGroupRef(key: string, value: unknown, subscriptionId: string): string {
    const s = requireString(key, value);
    if (s.startsWith("/")) {
        const m = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)$/i.exec(s);
        if (!m || !GUID_PATTERN.test(m[1]) || !RESOURCE_GROUP.test(m[2])) {
            throw new InputError(key, `must be a resource group name or ID (/subscriptions/<GUID>/resourceGroups/<name>), got ${show(s)}`);
        }
        return resourceGroupId(m[1], m[2]);
    }
    return resourceGroupId(subscriptionId, validateResourceGroupName(key, s));
}

export function validateAksClusterName(key: string, value: unknown): string {
    return requireMatch(key, value, /^[A-Za-z0-9](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9])?$/,
        "must be an AKS cluster name: 1-63 letters, digits, - and _, starting and ending with a letter or digit");
}

export function validateLocation(key: string, value: unknown): string {
    return requireMatch(key, value, /^[a-z][a-z0-9]{1,39}$/, "must be an Azure location such as westeurope");
}

export function validateUserAssignedIdentityName(key: string, value: unknown): string {
    return requireMatch(key, value, /^[A-Za-z0-9][A-Za-z0-9_-]{2,127}$/,
        "must be a managed identity name: 3-128 letters, digits, - and _, starting with a letter or digit");
}

/** A federated credential's issuer: an https URL. */
export function validateIssuer(key: string, value: unknown): string {
    return requireMatch(key, value, /^https:\/\/[^\s/]+(\/\S*)?$/, "must be an https issuer URL such as https://accounts.google.com");
}

/** A federated credential's subject: what the external token's `sub` claim must equal. */
export function validateSubject(key: string, value: unknown): string {
    return requireMatch(key, value, new RegExp(`^\\S{1,${AZURE_MAX_LENGTH.federatedSubject}}$`),
        `must be the subject of the vendor's token: 1-${AZURE_MAX_LENGTH.federatedSubject} characters, no spaces`);
}
