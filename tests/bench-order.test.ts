/**
 * The fleet benchmark's run order (scripts/bench/fleet.ts runOrder): in every cell, each side goes
 * first equally often, whatever the number of cells in a repetition.
 */
import * as assert from "assert";
import { runOrder } from "../scripts/bench/fleet";

describe("bench run order", () => {
    for (const sides of [["kubegrant", "hand"], ["kubegrant", "hand", "baseline"]]) {
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
