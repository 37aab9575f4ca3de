/**
 * Every preset × mode of ./support/render-cases renders byte-identical JSON to its snapshot in
 * tests/snapshots/json (as `kubegrant render --format json` prints it). Performance work on the
 * components must not change a render. To re-record after an intended change:
 * `KUBEGRANT_RECORD_SNAPSHOTS=1 npx mocha tests/render-snapshot.test.ts`, and review the diff.
 */
import * as assert from "assert";
import { existsSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { presetNames } from "../components/render/preset";
import { render } from "../components/render/run";
import { RENDER_CASES } from "./support/render-cases";

const DIR = join(__dirname, "snapshots", "json");
const RECORD = process.env.KUBEGRANT_RECORD_SNAPSHOTS === "1";

describe("render snapshots: byte-identical JSON per preset and mode", () => {
    it("covers every preset", () => {
        assert.deepStrictEqual([...new Set(RENDER_CASES.map((c) => c.preset))].sort(), presetNames().sort());
        assert.strictEqual(new Set(RENDER_CASES.map((c) => c.name)).size, RENDER_CASES.length, "case names are unique");
    });

    for (const c of RENDER_CASES) {
        it(`${c.name} (${c.preset})`, async () => {
            const json = `${JSON.stringify(await render(c.preset, c.values), null, 2)}\n`;
            const file = join(DIR, `${c.name}.json`);
            if (RECORD) writeFileSync(file, json);
            assert.ok(existsSync(file), `no snapshot ${file}: record it with KUBEGRANT_RECORD_SNAPSHOTS=1`);
            // Not deepStrictEqual: key order and number formatting are part of the output.
            assert.ok(json === readFileSync(file, "utf8"), `${c.name}: the render differs from tests/snapshots/json/${c.name}.json`);
        });
    }
});
