/**
 * `npm run bench`: the fleet benchmark (issue 18). kubegrant against the hand-written equivalent
 * (./hand-*.ts) for each preset and fleet size, each run a fresh `node` process (./worker) at the
 * same nice level, the two sides alternating (which goes first alternates too), repeated; medians
 * of wall time and peak RSS, the ratios and the 1000/500 growth, written as a markdown table into
 * docs/bench.md (the section of `--label`, with the machine it ran on).
 *
 * Options: --label before|after|<any> (default "latest"), --repeat 3, --sizes 100,500,1000,
 * --presets castai-eks,castai-gke,castai-kubernetes, --nice 10, --out docs/bench.md,
 * --merge a.jsonl,b.jsonl (earlier runs of the same label, from their runs.jsonl, join the table),
 * --repeat 0 (only the table of the merged runs).
 * The code is compiled to ~/.cache/kubegrant/bench-<label> first, so the run measures what was
 * checked out when it started.
 */
import { execFileSync, spawnSync } from "child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync, appendFileSync } from "fs";
import { cpus, homedir, loadavg, totalmem } from "os";
import { join, resolve } from "path";
import { BENCH_PRESETS, SIDES, Side } from "./fleet";

const ROOT = join(__dirname, "..", "..");

function option(name: string, fallback: string): string {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

const label = option("label", "latest");
const repeat = Number(option("repeat", "3"));
const sizes = option("sizes", "100,500,1000").split(",").map(Number);
const presets = option("presets", BENCH_PRESETS.join(",")).split(",");
const nice = option("nice", "10");
const out = resolve(ROOT, option("out", "docs/bench.md"));
const merge = option("merge", "").split(",").filter((f) => f !== "");
const cache = join(homedir(), ".cache", "kubegrant", `bench-${label.replace(/[^\w-]/g, "_")}`);

interface Run { preset: string; side: Side; n: number; seconds: number; rssMiB: number; custom: number; components: number; load: number }

function build(): string {
    mkdirSync(cache, { recursive: true });
    execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", join(ROOT, "scripts", "bench", "tsconfig.json"), "--outDir", cache], { stdio: "inherit" });
    cpSync(join(ROOT, "scripts", "bench", "templates"), join(cache, "scripts", "bench", "templates"), { recursive: true });
    return join(cache, "scripts", "bench", "worker.js");
}

function once(worker: string, preset: string, side: Side, n: number): Run {
    const load = loadavg()[0];
    const start = process.hrtime.bigint();
    const r = spawnSync("nice", ["-n", nice, process.execPath, worker, preset, side, String(n)], {
        env: { ...process.env, NODE_PATH: join(ROOT, "node_modules") }, encoding: "utf8", maxBuffer: 1 << 20,
    });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (r.status !== 0) throw new Error(`${preset} ${side} N=${n} failed (${r.status}): ${r.stderr}`);
    const { custom, components, maxRssKiB } = JSON.parse(r.stdout) as { custom: number; components: number; maxRssKiB: number };
    return { preset, side, n, seconds, rssMiB: maxRssKiB / 1024, custom, components, load };
}

const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function table(runs: Run[]): string {
    const rows = ["| preset | N | resources kubegrant (components) / hand | time kubegrant s | time hand s | time ratio | RSS kubegrant MiB | RSS hand MiB | RSS ratio |",
        "|---|---:|---|---:|---:|---:|---:|---:|---:|"];
    const med = (preset: string, side: Side, n: number, f: (r: Run) => number) => median(runs.filter((r) => r.preset === preset && r.side === side && r.n === n).map(f));
    const growth: string[] = [];
    for (const preset of presets) {
        for (const n of sizes) {
            if (!runs.some((r) => r.preset === preset && r.n === n)) continue;
            const one = runs.find((r) => r.preset === preset && r.n === n && r.side === "kubegrant");
            const hand = runs.find((r) => r.preset === preset && r.n === n && r.side === "hand");
            if (!one || !hand) continue;
            const [tk, th, mk, mh] = [med(preset, "kubegrant", n, (r) => r.seconds), med(preset, "hand", n, (r) => r.seconds),
                med(preset, "kubegrant", n, (r) => r.rssMiB), med(preset, "hand", n, (r) => r.rssMiB)];
            rows.push(`| ${preset} | ${n} | ${one.custom} (${one.components}) / ${hand.custom} | ${tk.toFixed(2)} | ${th.toFixed(2)} | **${(tk / th).toFixed(2)}×** | ${mk.toFixed(0)} | ${mh.toFixed(0)} | **${(mk / mh).toFixed(2)}×** |`);
        }
        if ([500, 1000].every((n) => runs.some((r) => r.preset === preset && r.n === n))) {
            const g = (side: Side, f: (r: Run) => number) => (med(preset, side, 1000, f) / med(preset, side, 500, f)).toFixed(2);
            growth.push(`| ${preset} | ${g("kubegrant", (r) => r.seconds)} | ${g("hand", (r) => r.seconds)} | ${g("kubegrant", (r) => r.rssMiB)} | ${g("hand", (r) => r.rssMiB)} |`);
        }
    }
    const loads = runs.map((r) => r.load);
    const counts = [...new Set(presets.flatMap((p) => sizes.flatMap((n) => SIDES.map((side) => runs.filter((r) => r.preset === p && r.n === n && r.side === side).length))))].filter((c) => c > 0).sort();
    return [
        ...rows, "",
        ...(growth.length ? ["Growth 1000/500 (medians):", "", "| preset | time kubegrant | time hand | RSS kubegrant | RSS hand |", "|---|---:|---:|---:|---:|", ...growth, ""] : []),
        `Machine: ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB, node ${process.version}; ` +
        `load average (1 min) during the runs: min ${Math.min(...loads).toFixed(2)}, median ${median(loads).toFixed(2)}, max ${Math.max(...loads).toFixed(2)}; ` +
        `${counts.join(" or ")} runs per cell, sides alternating, each run \`nice -n ${nice}\`, a fresh process; medians.`,
    ].join("\n");
}

function write(section: string): void {
    const begin = `<!-- bench:${label} -->`;
    const end = `<!-- /bench:${label} -->`;
    const block = `${begin}\n${section}\n${end}`;
    const text = existsSync(out) ? readFileSync(out, "utf8") : "# Fleet benchmark\n";
    const a = text.indexOf(begin);
    const b = text.indexOf(end);
    writeFileSync(out, a >= 0 && b > a ? text.slice(0, a) + block + text.slice(b + end.length) : `${text.trimEnd()}\n\n${block}\n`);
}

function main(): void {
    const runs: Run[] = merge.flatMap((f) => readFileSync(f, "utf8").split("\n").filter((l) => l.trim() !== "").map((l) => JSON.parse(l) as Run));
    const worker = repeat > 0 ? build() : "";
    const log = join(cache, "runs.jsonl");
    if (repeat > 0) writeFileSync(log, "");
    let k = 0;
    for (let rep = 0; rep < repeat; rep++) {
        for (const n of sizes) {
            for (const preset of presets) {
                // Alternate which side goes first, so drift in the machine's load hits both.
                const order: Side[] = k++ % 2 === 0 ? [...SIDES] : [...SIDES].reverse();
                for (const side of order) {
                    const r = once(worker, preset, side, n);
                    runs.push(r);
                    appendFileSync(log, `${JSON.stringify(r)}\n`);
                    process.stderr.write(`${preset} ${side} N=${n}: ${r.seconds.toFixed(2)} s, ${r.rssMiB.toFixed(0)} MiB (load ${r.load.toFixed(2)})\n`);
                }
            }
        }
    }
    const section = table(runs);
    write(section);
    process.stdout.write(`${section}\n`);
}

main();
