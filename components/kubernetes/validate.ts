/** Kubernetes name rules (apimachinery validation), as kubegrant input checks. Pure. */
import { InputError, requireMatch, show } from "../core";

const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

/** A namespace name: a DNS-1123 label (lower-case alphanumerics and `-`, at most 63 characters). */
export function validateNamespace(key: string, value: unknown): string {
    const s = requireMatch(key, value, LABEL, "must be a DNS-1123 label (lower-case letters, digits and '-', starting and ending with a letter or digit)");
    if (s.length > 63) throw new InputError(key, `must be at most 63 characters, got ${s.length}`);
    return s;
}

/** An object name such as a service account's: a DNS-1123 subdomain (at most 253 characters). */
export function validateObjectName(key: string, value: unknown): string {
    const s = requireMatch(key, value, SUBDOMAIN, "must be a DNS-1123 subdomain (lower-case letters, digits, '-' and '.')");
    if (s.length > 253) throw new InputError(key, `must be at most 253 characters, got ${s.length}`);
    return s;
}

/** Annotation keys and values of one object, in bytes (apimachinery TotalAnnotationSizeLimitB). */
export const MAX_ANNOTATIONS_BYTES = 256 * 1024;

/** Annotations: keys are qualified names with an optional DNS-subdomain prefix, values strings. */
export function validateAnnotations(key: string, value: unknown): Record<string, string> {
    if (value === undefined || value === null) return {};
    if (typeof value !== "object" || Array.isArray(value)) {
        throw new InputError(key, `must be an object of annotation keys to string values, got ${show(value)}`);
    }
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        const slash = k.lastIndexOf("/");
        const prefix = slash >= 0 ? k.slice(0, slash) : undefined;
        const name = slash >= 0 ? k.slice(slash + 1) : k;
        const okPrefix = prefix === undefined || (SUBDOMAIN.test(prefix) && prefix.length <= 253);
        if (!okPrefix || !QUALIFIED_NAME.test(name) || name.length > 63) {
            throw new InputError(`${key}.${k}`, "is not a valid annotation key (an optional DNS subdomain prefix and '/', then at most 63 letters, digits, '-', '_' or '.')");
        }
        if (typeof v !== "string") throw new InputError(`${key}.${k}`, `must be a string, got ${show(v)}`);
        out[k] = v;
    }
    // apimachinery ValidateAnnotations: keys and values together at most TotalAnnotationSizeLimitB (256 KiB).
    const size = Object.entries(out).reduce((n, [k, v]) => n + Buffer.byteLength(k) + Buffer.byteLength(v), 0);
    if (size > MAX_ANNOTATIONS_BYTES) {
        throw new InputError(key, `are ${size} bytes; Kubernetes allows at most ${MAX_ANNOTATIONS_BYTES} bytes of annotations (keys and values) per object`);
    }
    return out;
}

/**
 * Namespaces Kubernetes itself uses (https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/#initial-namespaces):
 * a vendor's service accounts never run there (kube-system holds the control plane's secrets,
 * `default` is where unrelated workloads land, kube-public is world-readable, kube-node-lease
 * holds the nodes' heartbeats).
 */
export const RESERVED_NAMESPACES: readonly string[] = ["default", "kube-system", "kube-public", "kube-node-lease"];

/** The namespace a vendor's components run in: never one of RESERVED_NAMESPACES. */
export function rejectReservedNamespace(key: string, namespace: string): string {
    if (RESERVED_NAMESPACES.includes(namespace)) {
        throw new InputError(key, `must not be ${namespace} (a namespace Kubernetes reserves; give the vendor its own namespace)`);
    }
    return namespace;
}
