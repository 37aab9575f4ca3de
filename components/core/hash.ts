import { createHash } from "crypto";

const HASHES = new Map<string, string>();

/** Hex SHA-1 of `text`, cut to `length` characters: stable names derived from inputs. */
export function shortHash(text: string, length = 8): string {
    // Components hash the same few keys (`aws-managed:<path>`) for every cluster of a fleet.
    let hex = HASHES.get(text);
    if (hex === undefined) {
        hex = createHash("sha1").update(text).digest("hex");
        if (HASHES.size < 4096) HASHES.set(text, hex);
    }
    return hex.slice(0, length);
}
