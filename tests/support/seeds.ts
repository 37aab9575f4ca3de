/**
 * The vendor documents our catalogs implement (../shared/seeds, beside the repository in CI and in
 * development; not part of the published package, so tests that read them skip without them).
 */
import { existsSync, readFileSync } from "fs";
import { join } from "path";

export function seedPath(file: string): string {
    return join(__dirname, "..", "..", "..", "shared", "seeds", file);
}

/** The seed's text, or undefined when ../shared is not beside the repository. */
export function seedText(file: string): string | undefined {
    const path = seedPath(file);
    return existsSync(path) ? readFileSync(path, "utf8") : undefined;
}

/** Every top-level `{ … }` block of a seed that parses as JSON, in document order. */
export function seedJsonBlocks(text: string): unknown[] {
    const blocks: unknown[] = [];
    let depth = 0;
    let start = -1;
    for (let i = 0; i < text.length; i++) {
        if (text[i] === "{") {
            if (depth === 0) start = i;
            depth++;
        } else if (text[i] === "}" && depth > 0) {
            depth--;
            if (depth === 0) {
                try {
                    blocks.push(JSON.parse(text.slice(start, i + 1)));
                } catch {
                    // Prose with braces, not a policy: skip it.
                }
            }
        }
    }
    return blocks;
}
