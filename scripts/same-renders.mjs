#!/usr/bin/env node
// `node scripts/same-renders.mjs <git-ref>`: proves that the JSON render snapshots of the work tree
// (tests/snapshots/json) hold the same resources as at <ref>, each byte-identical (type, name,
// parent, inputs), and the same outputs, whatever order the resources are listed in. It is the proof
// that a change of the render's order changed nothing else. Exit 1 on any other difference.
import { execFileSync } from "child_process";
import { readdirSync, readFileSync } from "fs";
import { join } from "path";

const ref = process.argv[2];
if (!ref) {
    process.stderr.write("usage: node scripts/same-renders.mjs <git-ref>\n");
    process.exit(2);
}
const dir = join("tests", "snapshots", "json");
let same = 0;
let reordered = 0;
const different = [];
for (const file of readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
    const now = readFileSync(join(dir, file), "utf8");
    const then = execFileSync("git", ["show", `${ref}:${dir}/${file}`], { encoding: "utf8" });
    if (now === then) {
        same++;
        continue;
    }
    const a = JSON.parse(now);
    const b = JSON.parse(then);
    const list = (r) => r.resources.map((x) => JSON.stringify(x)).sort();
    const equal = a.preset === b.preset && JSON.stringify(a.outputs) === JSON.stringify(b.outputs)
        && JSON.stringify(list(a)) === JSON.stringify(list(b));
    if (equal) reordered++;
    else different.push(file);
}
process.stdout.write(`${same} byte-identical, ${reordered} the same resources (each byte-identical) and outputs in another order, ${different.length} different${different.length ? `: ${different.join(", ")}` : ""}\n`);
process.exit(different.length ? 1 : 0);
