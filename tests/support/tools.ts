/**
 * What the suites that need a built tool (API server, Pulumi engine, scanners) share: where the
 * project scripts cache them, and whether a path is an executable file.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

/** `${KUBEGRANT_CACHE:-~/.cache/kubegrant}/<parts>`: where the scripts in scripts/ cache what they build. */
export function cacheDir(...parts: string[]): string {
    return path.join(process.env.KUBEGRANT_CACHE ?? path.join(os.homedir(), ".cache", "kubegrant"), ...parts);
}

/** Whether `p` is an executable regular file. */
export function executable(p: string | undefined): p is string {
    if (!p) return false;
    try {
        fs.accessSync(p, fs.constants.X_OK);
        return fs.statSync(p).isFile();
    } catch {
        return false;
    }
}
