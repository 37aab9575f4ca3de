import { createHash } from "crypto";

/** Hex SHA-1 of `text`, cut to `length` characters: stable names derived from inputs. */
export function shortHash(text: string, length = 8): string {
    return createHash("sha1").update(text).digest("hex").slice(0, length);
}
