/** Azure identifiers: validation rules and the longest values each may have. Pure. */
import { InputError, TagRules, now, parseUtcTimestamp, requireMatch, requireString, show, validateTags } from "../core";

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

/**
 * Azure Resource Manager tags: at most 50 per resource, names up to 512 and values up to 256
 * characters, names without < > % & \ ? /, names case-insensitive.
 * Source: Azure Resource Manager, "Use tags to organize your Azure resources" → Limitations
 * (https://learn.microsoft.com/azure/azure-resource-manager/management/tag-resources#limitations).
 */
export const AZURE_TAG_RULES: TagRules = {
    service: "Azure Resource Manager",
    maxTags: 50,
    maxKeyLength: 512,
    maxValueLength: 256,
    forbiddenInKey: "<>%&\\?/",
    reservedKeyPrefixes: [],
    caseInsensitiveKeys: true,
};

/** `tags` of an Azure component, checked against AZURE_TAG_RULES. */
export function validateAzureTags(key: string, value: unknown): unknown {
    return validateTags(key, value, AZURE_TAG_RULES);
}

/**
 * Longest client secret lifetime accepted: two years (730 days). Entra ID limits client secrets
 * created in the portal to at most 24 months, and Microsoft recommends less ("Client Secret
 * expiration now limited to a maximum of two years",
 * https://devblogs.microsoft.com/microsoft365dev/client-secret-expiration-now-limited-to-a-maximum-of-two-years/).
 */
export const MAX_CLIENT_SECRET_HOURS = 730 * 24;

/**
 * When an app registration's client secret expires: a lifetime in hours (`8760h`), or an RFC 3339
 * UTC end date in the future; either way at most MAX_CLIENT_SECRET_HOURS from now (`now()`).
 */
export function validateClientSecretExpiry(key: string, value: unknown): string {
    const s = requireString(key, value);
    const hours = /^([1-9]\d{0,5})h$/.exec(s);
    if (hours) {
        if (Number(hours[1]) > MAX_CLIENT_SECRET_HOURS) {
            throw new InputError(key, `is ${hours[1]} hours; a client secret may live at most ${MAX_CLIENT_SECRET_HOURS}h (two years, Entra ID's limit)`);
        }
        return s;
    }
    if (!/^\d{4}-/.test(s)) {
        throw new InputError(key, `must be a duration in hours such as 8760h, or an RFC 3339 UTC end date such as 2027-01-31T00:00:00Z, got ${show(s)}`);
    }
    const end = parseUtcTimestamp(key, s);
    const current = now();
    if (end <= current) throw new InputError(key, `is in the past (${s}); the client secret must expire in the future`);
    if (end - current > MAX_CLIENT_SECRET_HOURS * 3600_000) {
        throw new InputError(key, `is more than two years away (${s}); a client secret may live at most ${MAX_CLIENT_SECRET_HOURS}h (Entra ID's limit)`);
    }
    return s;
}
