/**
 * Lets examples import `kubegrant/<cloud>` as a user would, while the tests run them from source
 * (not from a possibly stale bin/). Loaded by .mocharc.json before any test.
 */
import Module = require("module");
import { join } from "path";

const root = join(__dirname, "..", "..");
const resolver = Module as unknown as { _resolveFilename(request: string, ...rest: unknown[]): string };
const original = resolver._resolveFilename;
resolver._resolveFilename = function (request: string, ...rest: unknown[]) {
    if (request === "kubegrant") return original.call(this, join(root, "index.ts"), ...rest);
    const m = /^kubegrant\/(\w+)$/.exec(request);
    if (m) return original.call(this, join(root, "components", "exports", `${m[1]}.ts`), ...rest);
    return original.call(this, request, ...rest);
};
