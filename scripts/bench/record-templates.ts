/**
 * Writes the hand-written side's templates (templates/*.json) from cluster 0 of the fleet as
 * kubegrant registers it, its values replaced by `{{placeholders}}`. Run after a change to what
 * the presets create: `npx ts-node --transpile-only scripts/bench/record-templates.ts`;
 * tests/bench-equivalence.test.ts fails while they differ.
 */
import { writeFileSync } from "fs";
import { join } from "path";
import { installMocks } from "../../components/testing/mocks";
import { BENCH_PRESETS, BenchPreset, clusterName, eksValues, kubegrantCluster } from "./fleet";

async function record(preset: BenchPreset): Promise<unknown> {
    const rec = installMocks();
    kubegrantCluster(preset, 0);
    await rec.settle();
    const name = clusterName(0);
    const inputs = (resource: string) => {
        const r = rec.resources.find((x) => x.custom && x.name === `${name}-${resource}` && !x.type.startsWith("aws:iam/instanceProfile"));
        if (!r) throw new Error(`${preset}: no resource ${name}-${resource}`);
        return r.inputs;
    };
    switch (preset) {
        case "castai-eks": {
            const v = eksValues(0);
            // Longest first: no value is part of another here, but keep replacements unambiguous.
            const vars = (Object.entries(v) as [string, string][]).sort((a, b) => b[1].length - a[1].length);
            const placeholders = (s: unknown) => vars.reduce((t, [k, value]) => t.split(value).join(`{{${k}}}`), String(s));
            return {
                trust: placeholders(inputs("access").assumeRolePolicy),
                nodeTrust: placeholders(inputs("node").assumeRolePolicy),
                policy: placeholders(inputs("access-policy").policy),
                restricted: placeholders(inputs("access-restricted").policy),
                nodeInline: placeholders(inputs("node-inline").policy),
            };
        }
        case "castai-gke":
            return { permissions: inputs("access-role").permissions };
        case "castai-kubernetes":
            return {
                manifests: rec.resources.filter((x) => x.custom).map((x) => ({ suffix: x.name.slice(`${name}-rbac-`.length), object: x.inputs })),
            };
    }
}

async function main(): Promise<void> {
    for (const preset of BENCH_PRESETS) {
        writeFileSync(join(__dirname, "templates", `${preset}.json`), `${JSON.stringify(await record(preset), null, 2)}\n`);
    }
}

void main().catch((e) => {
    process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
    process.exitCode = 1;
});
