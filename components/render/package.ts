/** The kubegrant package this code ships in: its root folder (package.json named kubegrant, found upwards from here) and version. */
import { existsSync, readFileSync } from "fs";
import { dirname, join } from "path";

let root: { dir: string; version: string | undefined } | null | undefined;

function findRoot(): { dir: string; version: string | undefined } | null {
    for (let dir = __dirname; dirname(dir) !== dir; dir = dirname(dir)) {
        const file = join(dir, "package.json");
        if (existsSync(file)) {
            const pkg = JSON.parse(readFileSync(file, "utf8")) as { name?: string; version?: string };
            if (pkg.name === "kubegrant") return { dir, version: pkg.version };
        }
    }
    return null;
}

/** The package's root folder, or undefined when this code runs outside it. Read once. */
export function packageRoot(): string | undefined {
    if (root === undefined) root = findRoot();
    return root?.dir;
}

/** The package's version, or "unknown" when its package.json is not found. */
export function kubegrantVersion(): string {
    packageRoot();
    return root?.version ?? "unknown";
}
