import { createHash } from "crypto";

/** kubegrant's name-space UUID for the names it derives (a random v4 UUID, fixed forever). */
const NAMESPACE = "6f1d3c2a-8b4e-4f7a-9c0d-2e5b7a1f3c9d";

/**
 * A stable GUID derived from `parts` (RFC 4122 version 5: SHA-1 of a name-space and a name).
 * Azure names role definitions and role assignments by GUID; deriving them from the inputs means
 * a second `pulumi up` (or a second stack with the same inputs) finds the same object instead of
 * creating a duplicate. Parts are joined with a newline, which no Azure ID contains.
 */
export function stableGuid(...parts: readonly string[]): string {
    const ns = Buffer.from(NAMESPACE.replace(/-/g, ""), "hex");
    const hash = createHash("sha1").update(ns).update(parts.join("\n"), "utf8").digest();
    const b = Buffer.from(hash.subarray(0, 16));
    b[6] = (b[6] & 0x0f) | 0x50; // version 5
    b[8] = (b[8] & 0x3f) | 0x80; // RFC 4122 variant
    const h = b.toString("hex");
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
