/**
 * Keeps the fleet benchmark (npm run bench, scripts/bench) honest: for each preset, the
 * hand-written side registers exactly the resources kubegrant registers minus its components —
 * the same types, names and inputs — for one cluster (two fleet indices, so per-cluster values
 * are filled in, not copied). The `shell` side (the hand-written resources under empty components)
 * registers kubegrant's exact tree: every URN and parent the same.
 */
import * as assert from "assert";
import { installMocks } from "../components/exports/testing";
import { BENCH_PRESETS, handCluster, kubegrantCluster, shellCluster } from "../scripts/bench/fleet";

/** What the issue counts per cluster with default arguments. */
const RESOURCES: Readonly<Record<string, number>> = { "castai-eks": 14, "castai-gke": 8, "castai-kubernetes": 17 };

async function registered(onboard: () => void): Promise<{ components: number; custom: string[]; tree: string[] }> {
    const rec = installMocks();
    onboard();
    await rec.settle();
    return {
        components: rec.resources.filter((r) => !r.custom).length,
        custom: rec.resources.filter((r) => r.custom).map((r) => JSON.stringify({ type: r.type, name: r.name, inputs: r.inputs })).sort(),
        tree: rec.resources.map((r) => `${r.urn} <- ${r.parent ?? "(stack)"}`).sort(),
    };
}

describe("fleet benchmark: the hand-written side registers what kubegrant does, minus components", () => {
    for (const preset of BENCH_PRESETS) {
        for (const i of [0, 7]) {
            it(`${preset}, cluster ${i}`, async () => {
                const kubegrant = await registered(() => kubegrantCluster(preset, i));
                const hand = await registered(() => handCluster(preset, i));
                assert.strictEqual(kubegrant.custom.length, RESOURCES[preset]);
                assert.ok(kubegrant.components > 0, "kubegrant's side has its components");
                assert.strictEqual(hand.components, 0, "the hand-written side has no components");
                assert.deepStrictEqual(hand.custom, kubegrant.custom);
            });
        }
    }
});

describe("fleet benchmark: the shell side is kubegrant's tree with the hand-written resources", () => {
    for (const preset of BENCH_PRESETS) {
        it(`${preset}: the same URNs and parents as kubegrant, the hand-written side's inputs`, async () => {
            const kubegrant = await registered(() => kubegrantCluster(preset, 3));
            const shell = await registered(() => shellCluster(preset, 3));
            const hand = await registered(() => handCluster(preset, 3));
            assert.ok(shell.components > 0);
            assert.deepStrictEqual(shell.tree, kubegrant.tree);
            assert.deepStrictEqual(shell.custom, hand.custom);
        });
    }
});
