/** Validators for GCP identifiers; each throws InputError naming the key and the rule. */
import { InputError, requireMatch, show } from "../core";

/** GCP project ID: 6-30 lower-case letters, digits and hyphens, starting with a letter, not ending with a hyphen. */
export function validateProjectId(key: string, value: unknown): string {
    return requireMatch(key, value, /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/,
        "must be a GCP project ID: 6-30 lower-case letters, digits and hyphens, starting with a letter and not ending with a hyphen");
}

/** A GCP region (`europe-west1`) or zone (`europe-west1-b`). */
export function validateLocation(key: string, value: unknown): string {
    return requireMatch(key, value, /^[a-z]+-[a-z]+[0-9]{1,2}(-[a-z])?$/,
        "must be a GCP region or zone such as europe-west1 or europe-west1-b");
}

/** GKE cluster name: 1-40 lower-case letters, digits and hyphens, starting with a letter, ending with a letter or digit. */
export function validateGkeClusterName(key: string, value: unknown): string {
    return requireMatch(key, value, /^[a-z](?:[a-z0-9-]{0,38}[a-z0-9])?$/,
        "must be a GKE cluster name: 1-40 lower-case letters, digits and hyphens, starting with a letter and ending with a letter or digit");
}

/**
 * A service account e-mail (`name@project.iam.gserviceaccount.com`, or a Google-managed account
 * such as `…@…gserviceaccount.com`). Only these characters are accepted, so the value can be
 * embedded in a CEL string literal unescaped.
 */
export function validateServiceAccountEmail(key: string, value: unknown): string {
    return requireMatch(key, value, /^[a-z][a-z0-9-]{4,28}[a-z0-9]@[a-z][a-z0-9.-]{0,61}[a-z0-9]\.gserviceaccount\.com$/,
        "must be a service account e-mail such as cast-gke-1a2b3c4d@prod-cast-identity.iam.gserviceaccount.com");
}

/** A service account's unique ID: 21 digits (`gcloud iam service-accounts describe … --format='value(uniqueId)'`). */
export function validateServiceAccountUniqueId(key: string, value: unknown): string {
    return requireMatch(key, value, /^[0-9]{21}$/,
        "must be a service account unique ID of 21 digits (gcloud iam service-accounts describe EMAIL --format='value(uniqueId)')");
}

/** A whole number of seconds in [0, max]. */
export function optionalSeconds(key: string, value: unknown, max: number): number {
    if (value === undefined || value === null) return 0;
    if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > max) {
        throw new InputError(key, `must be a whole number of seconds from 0 to ${max}, got ${show(value)}`);
    }
    return value;
}

/**
 * Logical operators (`&&`, `||`) an IAM condition expression may hold: 12. Source: IAM quotas and
 * limits, "Conditions: logical operators per condition expression"
 * (https://cloud.google.com/iam/quotas#limits). A condition joining N IDs with `||` holds N - 1.
 */
export const MAX_CONDITION_LOGICAL_OPERATORS = 12;

/** A list of IDs an IAM condition will join with `||`: at most MAX_CONDITION_LOGICAL_OPERATORS + 1. */
export function checkConditionOperands(key: string, ids: readonly string[]): void {
    const max = MAX_CONDITION_LOGICAL_OPERATORS + 1;
    if (ids.length > max) {
        throw new InputError(key, `lists ${ids.length} IDs; the IAM condition joins them with || and GCP allows ${MAX_CONDITION_LOGICAL_OPERATORS} logical operators per condition, so at most ${max}`);
    }
}
