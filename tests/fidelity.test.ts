/**
 * docs/fidelity.md is generated from the catalogs (`npm run fidelity`): the committed file must be
 * exactly what the catalogs give now, and the table must count what the catalogs hold.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { FIDELITY_PATH, FIDELITY_ROWS, fidelityMarkdown } from "../components/render/fidelity";
import { presetNames } from "../components/render/preset";

describe("docs/fidelity.md (the fidelity table)", () => {
    const generated = fidelityMarkdown();

    it("matches the catalogs (regenerate with `npm run fidelity`)", () => {
        const committed = fs.readFileSync(path.join(__dirname, "..", FIDELITY_PATH), "utf8");
        assert.strictEqual(committed, generated);
    });

    it("has one row per vendor × target, one per preset", () => {
        assert.deepStrictEqual(FIDELITY_ROWS.map((r) => r.preset).sort(), [...presetNames()].sort());
        for (const r of FIDELITY_ROWS) assert.match(generated, new RegExp(`^\\| ${r.vendor} × ${r.target} \\| \`${r.preset}\` \\| ${r.items.length} \\|`, "m"));
    });

    it("cites every addition (an entry not from the seed) by a commit", () => {
        for (const r of FIDELITY_ROWS) {
            for (const i of r.items.filter((x) => !/\bseed\b/.test(x.source))) {
                assert.match(i.source, /@ ?(?:(?:main|master) )?[0-9a-f]{8,40}\b/, `${r.preset} ${i.name}: ${i.source}`);
            }
        }
    });

    it("shows the fixes of issue 14: start/stop granted on Azure, no NEG set on GCP, the Operator's namespace admin risk", () => {
        assert.match(generated, /^\| Cast AI × Azure \| `castai-aks` \| 36 \| 36 \| 0 \| \d+ \| 0 \|/m);
        assert.doesNotMatch(generated, /networkEndpointGroups/);
        assert.match(generated, /- `phase2-ns-admin`: .*RISK: `\*` includes escalate and bind/);
    });
});
