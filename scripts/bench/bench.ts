/**
 * `npm run bench`: the fleet benchmark (issue 18). kubegrant against the hand-written equivalent
 * (./hand-*.ts) for each preset and fleet size, each run a fresh `node` process (./worker) at the
 * same nice level, the sides alternating (which goes first rotates too), repeated; medians of
 * wall time, CPU time and peak RSS, the ratios and the 1000/500 growth, written as a markdown
 * table into docs/bench.md (the section of `--label`, with the machine it ran on).
 *
 * Options: --label <name> (default "latest"), --repeat 3, --sizes 100,500,1000,
 * --presets castai-eks,castai-gke,castai-kubernetes, --nice 10, --out docs/bench.md,
 * --baseline <git ref> (also run kubegrant as of that commit, built from `git archive`, as a third
 * side in the same alternation: before and after measured under the same load), --shell (also run
 * the `shell` side: the hand-written resources under empty components of kubegrant's tree, what
 * the component registrations alone cost),
 * --merge a.jsonl,b.jsonl (earlier runs, from a runs.jsonl, join the table; --repeat 0 for only
 * the table). Code is compiled to ~/.cache/kubegrant/bench-<label> first, so a run measures what
 * was checked out when it started.
 */
import { execFileSync, execSync, spawnSync } from "child_process";
import { appendFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "fs";
import { cpus, homedir, loadavg, totalmem } from "os";
import { join, resolve } from "path";
import { BENCH_PRESETS, pairedRatios, runOrder } from "./fleet";

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
const baseline = option("baseline", "");
const shell = process.argv.includes("--shell");
const cache = join(homedir(), ".cache", "kubegrant", `bench-${label.replace(/[^\w-]/g, "_")}`);

/**
 * `kubegrant` is this checkout, `baseline` kubegrant as of --baseline, `hand` the hand-written side,
 * `shell` the hand-written side under empty components (--shell).
 */
type Version = "kubegrant" | "baseline" | "hand" | "shell";
interface Run {
    preset: string; side: Version; n: number; seconds: number; cpuSeconds?: number; gcSeconds?: number; rssMiB: number; custom: number; components: number; load: number;
    /** Which --merge file the run came from (undefined: this invocation); only runs of one batch are paired. */
    batch?: number;
}

function tsc(project: string, outDir: string): void {
    execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", project, "--outDir", outDir], { stdio: "inherit" });
}

/** Compiles this checkout (and the baseline's components with this checkout's bench) into the cache. */
function build(): Record<Version, string> {
    mkdirSync(cache, { recursive: true });
    const workers = {} as Record<Version, string>;
    const own = join(cache, "build");
    tsc(join(ROOT, "scripts", "bench", "tsconfig.json"), own);
    cpSync(join(ROOT, "scripts", "bench", "templates"), join(own, "scripts", "bench", "templates"), { recursive: true });
    workers.kubegrant = workers.hand = workers.shell = join(own, "scripts", "bench", "worker.js");
    if (baseline !== "") {
        const src = join(cache, "baseline-src");
        rmSync(src, { recursive: true, force: true });
        mkdirSync(src, { recursive: true });
        execSync(`git -C ${JSON.stringify(ROOT)} archive ${baseline} | tar -x -C ${JSON.stringify(src)}`);
        // The baseline's components with this checkout's bench (the same worker and fleet).
        rmSync(join(src, "scripts", "bench"), { recursive: true, force: true });
        cpSync(join(ROOT, "scripts", "bench"), join(src, "scripts", "bench"), { recursive: true });
        symlinkSync(join(ROOT, "node_modules"), join(src, "node_modules"));
        // A baseline from before components/exports (issue 12's layout, e.g. 1e7ce1c, the issue's
        // "before") exported each cloud from components/<cloud>/index.ts: point the fleet's paths there.
        for (const cloud of ["aws", "gcp", "kubernetes"]) {
            const barrel = join(src, "components", "exports", `${cloud}.ts`);
            if (!existsSync(barrel)) {
                mkdirSync(join(src, "components", "exports"), { recursive: true });
                writeFileSync(barrel, `export * from "../${cloud}";\n`);
            }
        }
        const built = join(cache, "baseline-build");
        tsc(join(src, "scripts", "bench", "tsconfig.json"), built);
        cpSync(join(src, "scripts", "bench", "templates"), join(built, "scripts", "bench", "templates"), { recursive: true });
        workers.baseline = join(built, "scripts", "bench", "worker.js");
    }
    return workers;
}

function once(worker: string, preset: string, side: Version, n: number): Run {
    const load = loadavg()[0];
    const start = process.hrtime.bigint();
    const r = spawnSync("nice", ["-n", nice, process.execPath, worker, preset, side === "baseline" ? "kubegrant" : side, String(n)], {
        env: { ...process.env, NODE_PATH: join(ROOT, "node_modules") }, encoding: "utf8", maxBuffer: 1 << 20,
    });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (r.status !== 0) throw new Error(`${preset} ${side} N=${n} failed (${r.status}): ${r.stderr}`);
    const { custom, components, maxRssKiB, cpuSeconds, gcSeconds } = JSON.parse(r.stdout) as { custom: number; components: number; maxRssKiB: number; cpuSeconds: number; gcSeconds: number };
    return { preset, side, n, seconds, cpuSeconds, gcSeconds, rssMiB: maxRssKiB / 1024, custom, components, load };
}

const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

type Metric = (r: Run) => number | undefined;
const WALL: Metric = (r) => r.seconds;
const CPU: Metric = (r) => r.cpuSeconds;
const RSS: Metric = (r) => r.rssMiB;
/** Main-thread pauses in V8's garbage collector, and the wall time without them (runs before the worker reported them: none). */
const GC: Metric = (r) => r.gcSeconds;
const NO_GC: Metric = (r) => (r.gcSeconds === undefined ? undefined : r.seconds - r.gcSeconds);

function of(runs: Run[], preset: string, n: number, side: Version): Run[] {
    return runs.filter((r) => r.preset === preset && r.n === n && r.side === side);
}

function med(runs: Run[], f: Metric): number {
    return median(runs.map(f).filter((v): v is number => v !== undefined));
}

/** The paired ratio in bold, then the lowest and highest pair: how far one run can be trusted. */
function ratio(k: Run[], h: Run[], f: Metric): string {
    const r = pairedRatios(k, h, f);
    const range = r.length > 1 ? ` (${fmt(Math.min(...r), 2)}–${fmt(Math.max(...r), 2)})` : "";
    return `**${fmt(median(r), 2)}×**${range}`;
}

const fmt = (v: number, digits: number) => (Number.isNaN(v) ? "–" : v.toFixed(digits));

function table(runs: Run[]): string {
    const versions = (["baseline", "shell", "kubegrant"] as const).filter((v) => runs.some((r) => r.side === v));
    const name = (v: Version) => (v === "baseline" ? `before (${baseline || "baseline"})` : v === "shell" ? "hand + empty components"
        : versions.includes("baseline") ? "after (this checkout)" : "kubegrant");
    const rows = [
        "| preset | N | kubegrant | resources (components) / hand | wall s | hand wall s | **wall ratio** | CPU s | hand CPU s | **CPU ratio** | RSS MiB | hand RSS MiB | **RSS ratio** |",
        "|---|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ];
    const growth: string[] = [];
    // kubegrant against its own tree with the hand-written resources: what kubegrant's code costs beyond its component registrations.
    const own: string[] = [];
    for (const preset of presets) {
        for (const v of versions) {
            for (const n of sizes) {
                const [k, h, sh] = [of(runs, preset, n, v), of(runs, preset, n, "hand"), of(runs, preset, n, "shell")];
                if (v !== "shell" && k.length > 0 && sh.length > 0) own.push(`| ${preset} | ${n} | ${name(v)} | ${ratio(k, sh, CPU)} | ${ratio(k, sh, WALL)} | ${ratio(k, sh, RSS)} |`);
                if (k.length === 0 || h.length === 0) continue;
                rows.push(`| ${preset} | ${n} | ${name(v)} | ${k[0].custom} (${k[0].components}) / ${h[0].custom} | ${fmt(med(k, WALL), 1)} | ${fmt(med(h, WALL), 1)} | ${ratio(k, h, WALL)} | ` +
                    `${fmt(med(k, CPU), 1)} | ${fmt(med(h, CPU), 1)} | ${ratio(k, h, CPU)} | ${fmt(med(k, RSS), 0)} | ${fmt(med(h, RSS), 0)} | ${ratio(k, h, RSS)} |`);
            }
            if ([500, 1000].every((n) => of(runs, preset, n, v).length > 0 && of(runs, preset, n, "hand").length > 0)) {
                const g = (side: Version, f: Metric) => fmt(med(of(runs, preset, 1000, side), f) / med(of(runs, preset, 500, side), f), 2);
                growth.push(`| ${preset} | ${name(v)} | ${g(v, WALL)} | ${g("hand", WALL)} | ${g(v, CPU)} | ${g("hand", CPU)} | ${g(v, RSS)} | ${g("hand", RSS)} | ` +
                    `${g(v, GC)} | ${g("hand", GC)} | ${g(v, NO_GC)} | ${g("hand", NO_GC)} |`);
            }
        }
    }
    const loads = runs.map((r) => r.load);
    const counts = [...new Set(runs.map((r) => `${r.preset}/${r.n}/${r.side}`))].map((key) => runs.filter((r) => `${r.preset}/${r.n}/${r.side}` === key).length);
    return [
        ...rows, "",
        ...(own.length ? ["Against the same tree with the hand-written resources (paired ratio to `hand + empty components`):", "",
            "| preset | N | kubegrant | CPU ratio | wall ratio | RSS ratio |", "|---|---:|---|---:|---:|---:|", ...own, ""] : []),
        ...(growth.length ? ["Growth 1000/500 (medians; GC: the main thread's pauses in V8's garbage collector, wall − GC: the rest of the wall time):", "",
            "| preset | kubegrant | wall | hand wall | CPU | hand CPU | RSS | hand RSS | GC | hand GC | wall − GC | hand wall − GC |",
            "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|", ...growth, ""] : []),
        `Machine: ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB, node ${process.version}; ` +
        `load average (1 min) at the start of the runs: min ${fmt(Math.min(...loads), 2)}, median ${fmt(median(loads), 2)}, max ${fmt(Math.max(...loads), 2)}; ` +
        `${Math.min(...counts) === Math.max(...counts) ? Math.min(...counts) : `${Math.min(...counts)}–${Math.max(...counts)}`} runs per cell, sides alternating, each run \`nice -n ${nice}\`, a fresh process; wall, CPU (user + system) and peak RSS are medians, ratios the median of each repetition's kubegrant/hand pair, in brackets the lowest and highest pair.`,
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
    const runs: Run[] = merge.flatMap((f, batch) => readFileSync(f, "utf8").split("\n").filter((l) => l.trim() !== "")
        .map((l) => ({ ...(JSON.parse(l) as Run), batch })));
    if (repeat > 0) {
        const workers = build();
        const log = join(cache, "runs.jsonl");
        writeFileSync(log, "");
        const sides: Version[] = ["kubegrant", "hand", ...(baseline !== "" ? ["baseline" as const] : []), ...(shell ? ["shell" as const] : [])];
        for (let rep = 0; rep < repeat; rep++) {
            let cell = 0;
            for (const n of sizes) {
                for (const preset of presets) {
                    const order = runOrder(sides, rep, cell);
                    cell++;
                    for (const side of order) {
                        const r = once(workers[side], preset, side, n);
                        runs.push(r);
                        appendFileSync(log, `${JSON.stringify(r)}\n`);
                        process.stderr.write(`${preset} ${side} N=${n}: ${r.seconds.toFixed(2)} s, CPU ${r.cpuSeconds?.toFixed(2)} s, ${r.rssMiB.toFixed(0)} MiB (load ${r.load.toFixed(2)})\n`);
                    }
                }
            }
        }
    }
    const section = table(runs);
    write(section);
    process.stdout.write(`${section}\n`);
}

main();
