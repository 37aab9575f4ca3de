/**
 * The fleet benchmark's run order (scripts/bench/fleet.ts runOrder): in every cell, each side goes
 * first equally often, whatever the number of cells in a repetition; and how runs are paired
 * (pairedRatios): only within one batch, repetition by repetition.
 */
import * as assert from "assert";
import { pairedRatios, runOrder } from "../scripts/bench/fleet";

describe("bench run order", () => {
    for (const sides of [["kubegrant", "hand"], ["kubegrant", "hand", "baseline"], ["kubegrant", "hand", "shell"], ["kubegrant", "hand", "baseline", "shell"]]) {
        for (const cells of [1, 2, 3, 6, 9]) {
            it(`${sides.length} sides, ${cells} cell(s) per repetition: each side first once per ${sides.length} repetitions in every cell`, () => {
                for (let cell = 0; cell < cells; cell++) {
                    const firsts = Array.from({ length: sides.length }, (_, rep) => runOrder(sides, rep, cell)[0]);
                    assert.deepStrictEqual([...firsts].sort(), [...sides].sort(), `cell ${cell}: ${firsts.join(", ")}`);
                    for (let rep = 0; rep < sides.length; rep++) {
                        assert.deepStrictEqual([...runOrder(sides, rep, cell)].sort(), [...sides].sort(), "every side runs once");
                    }
                }
            });
        }
    }
});

describe("bench paired ratios", () => {
    const run = (batch: number | undefined, cpu: number | undefined) => ({ batch, cpu });
    const cpu = (r: { cpu?: number }) => r.cpu;

    it("pairs the i-th runs of one batch", () => {
        assert.deepStrictEqual(pairedRatios([run(undefined, 6), run(undefined, 9)], [run(undefined, 3), run(undefined, 3)], cpu), [2, 3]);
    });

    it("never pairs runs of different batches: a side missing from a batch gives no ratio there", () => {
        // Batch 0 ran kubegrant and hand only; batch 1 also ran shell.
        const hand = [run(0, 10), run(0, 10), run(1, 4), run(1, 5)];
        const shell = [run(1, 6), run(1, 5)];
        assert.deepStrictEqual(pairedRatios(shell, hand, cpu), [1.5, 1]);
        assert.deepStrictEqual(pairedRatios([run(0, 20), run(0, 30), run(1, 8), run(1, 5)], hand, cpu), [2, 3, 2, 1]);
    });

    it("drops a pair when either run lacks the metric, and a run without a partner", () => {
        assert.deepStrictEqual(pairedRatios([run(0, 4), run(0, undefined), run(0, 9)], [run(0, 2), run(0, 2)], cpu), [2]);
    });
});
