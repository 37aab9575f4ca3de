/**
 * One benchmark run, in its own process: `node worker.js <preset> <kubegrant|hand> <N>` onboards
 * N clusters under plain Pulumi mocks (`setMocks(..., false)`: every resource's state is its
 * inputs, no recorder), waits until every registration is done, and prints one JSON line:
 * custom and component registrations, the peak RSS (process.resourceUsage().maxRSS, KiB) and the
 * CPU time (user + system: unlike wall time, barely moved by other processes on the machine) and the
 * time the main thread spent paused in V8's garbage collector (perf_hooks `gc` entries: what makes a
 * large fleet's time grow faster than its size).
 * With KUBEGRANT_BENCH_PROMISES=1 it also counts the promises created (async_hooks; slower, so
 * never in the timed runs): the deterministic measure of the Pulumi work an onboarding causes.
 */
import * as pulumi from "@pulumi/pulumi";
import { createHook } from "async_hooks";
import { PerformanceObserver } from "perf_hooks";
import { BENCH_PRESETS, BenchPreset, SIDES, Side, onboard } from "./fleet";

async function main(): Promise<void> {
    const [preset, side, n] = process.argv.slice(2);
    if (!BENCH_PRESETS.includes(preset as BenchPreset) || !SIDES.includes(side as Side) || !/^[1-9][0-9]*$/.test(n ?? "")) {
        throw new Error(`usage: worker <${BENCH_PRESETS.join("|")}> <${SIDES.join("|")}> <N>`);
    }
    let promises = 0;
    if (process.env.KUBEGRANT_BENCH_PROMISES === "1") {
        createHook({ init: (_id, type) => { if (type === "PROMISE") promises++; } }).enable();
    }
    let gcMs = 0;
    const gc = new PerformanceObserver((list) => { for (const e of list.getEntries()) gcMs += e.duration; });
    gc.observe({ entryTypes: ["gc"] });
    let custom = 0;
    let components = 0;
    pulumi.runtime.setMocks({
        newResource: (a) => {
            if (a.custom) custom++;
            else components++;
            return { id: `${a.name}-id`, state: a.inputs };
        },
        call: (a) => a.inputs,
    }, "bench", "fleet", false);
    for (let i = 0; i < Number(n); i++) onboard(side as Side, preset as BenchPreset, i);
    // Registrations also start from apply callbacks: wait until the RPC queue stays drained.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the SDK exports waitForRPCs but its typings do not declare it
    const { waitForRPCs } = require("@pulumi/pulumi/runtime/settings") as { waitForRPCs(): Promise<void> };
    for (let before = -1; before !== custom + components;) {
        before = custom + components;
        await waitForRPCs();
        await new Promise((r) => setImmediate(r));
    }
    const cpu = process.cpuUsage();
    for (const e of gc.takeRecords()) gcMs += e.duration;
    gc.disconnect();
    process.stdout.write(`${JSON.stringify({
        custom, components, maxRssKiB: process.resourceUsage().maxRSS, cpuSeconds: (cpu.user + cpu.system) / 1e6, gcSeconds: gcMs / 1e3, ...(promises > 0 ? { promises } : {}),
    })}\n`);
}

void main().catch((e) => {
    process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
    process.exitCode = 1;
});
