/**
 * `npm run bench:profile -- <preset> <kubegrant|hand> <N>`: one worker run under `node --cpu-prof`
 * (compiled to ~/.cache/kubegrant/bench-profile), then the top entries by self time, and by
 * self time per source file, as markdown lists; then the promises per cluster of both sides
 * and of the shell side (N=20, KUBEGRANT_BENCH_PROMISES=1).
 */
import { execFileSync, spawnSync } from "child_process";
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync } from "fs";
import { homedir } from "os";
import { join } from "path";

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
interface Profile { nodes: Node[]; samples: number[]; timeDeltas: number[] }

const ROOT = join(__dirname, "..", "..");
const [preset = "castai-eks", side = "kubegrant", n = "500", top = "20"] = process.argv.slice(2);
const cache = join(homedir(), ".cache", "kubegrant", "bench-profile");
mkdirSync(cache, { recursive: true });
execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", join(ROOT, "scripts", "bench", "tsconfig.json"), "--outDir", cache], { stdio: "inherit" });
cpSync(join(ROOT, "scripts", "bench", "templates"), join(cache, "scripts", "bench", "templates"), { recursive: true });
const dir = join(cache, "profiles");
rmSync(dir, { recursive: true, force: true });
const r = spawnSync(process.execPath, ["--cpu-prof", "--cpu-prof-dir", dir, join(cache, "scripts", "bench", "worker.js"), preset, side, n], {
    env: { ...process.env, NODE_PATH: join(ROOT, "node_modules") }, encoding: "utf8",
});
if (r.status !== 0) throw new Error(r.stderr);
const profile = JSON.parse(readFileSync(join(dir, readdirSync(dir)[0]), "utf8")) as Profile;

const self = new Map<number, number>();
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const total = [...self.values()].reduce((a, b) => a + b, 0);
const where = (url: string) => url.replace(/^file:\/\//, "").replace(cache, "<build>").replace(join(ROOT, "node_modules"), "node_modules");
const byFunction = new Map<string, number>();
const byFile = new Map<string, number>();
for (const node of profile.nodes) {
    const us = self.get(node.id) ?? 0;
    const f = node.callFrame;
    const key = `${f.functionName || "(anonymous)"} ${f.url ? `${where(f.url)}:${f.lineNumber + 1}` : ""}`.trim();
    byFunction.set(key, (byFunction.get(key) ?? 0) + us);
    const file = f.url ? where(f.url) : `(${f.functionName || "native"})`;
    byFile.set(file, (byFile.get(file) ?? 0) + us);
}
const list = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, Number(top))
    .map(([k, us]) => `- ${(us / 1000).toFixed(0)} ms (${((100 * us) / total).toFixed(1)}%) ${k}`).join("\n");
process.stdout.write(`${preset} ${side} N=${n}: ${(total / 1e6).toFixed(2)} s sampled\n\nTop self time by function:\n${list(byFunction)}\n\nSelf time by file:\n${list(byFile)}\n`);
const perCluster = (s: string) => {
    const c = spawnSync(process.execPath, [join(cache, "scripts", "bench", "worker.js"), preset, s, "20"], {
        env: { ...process.env, NODE_PATH: join(ROOT, "node_modules"), KUBEGRANT_BENCH_PROMISES: "1" }, encoding: "utf8",
    });
    if (c.status !== 0) throw new Error(c.stderr);
    return (JSON.parse(c.stdout) as { promises: number }).promises / 20;
};
process.stdout.write(`\nPromises per cluster (N=20): kubegrant ${perCluster("kubegrant").toFixed(0)}, hand ${perCluster("hand").toFixed(0)}, ` +
    `hand + empty components (shell) ${perCluster("shell").toFixed(0)}\n`);
