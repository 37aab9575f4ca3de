/** The root Pulumi program deploys every preset from stack config: the same resources as render, every output. */
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { installMocks, outputValues } from "../components/exports/testing";
import { run } from "../components/program/main";
import { presetNames } from "../components/render/preset";
import { render } from "../components/render/run";
import { PRESET_VALUES as VALUES } from "./support/preset-values";

describe("root Pulumi program: every preset from stack config", () => {
    afterEach(() => pulumi.runtime.setAllConfig({}));

    it("has values for every preset", () => {
        assert.deepStrictEqual(Object.keys(VALUES).sort(), presetNames().sort());
    });

    for (const [preset, values] of Object.entries(VALUES)) {
        it(`${preset}: creates what render shows and exports the preset's outputs`, async () => {
            const rendering = await render(preset, values);
            const rec = installMocks();
            pulumi.runtime.setAllConfig({
                "kubegrant:preset": preset,
                ...Object.fromEntries(Object.entries(values).map(([k, v]) => [`kubegrant:${k}`, typeof v === "string" ? v : JSON.stringify(v)])),
            }, []);
            const outputs = run();
            const resolved = await outputValues(outputs);
            await rec.settle();
            assert.deepStrictEqual(Object.keys(resolved), Object.keys(rendering.outputs), "every output the render shows");
            const line = (r: { type: string; name: string; parent: string | null }) => `${r.type} ${r.name} <- ${r.parent}`;
            assert.deepStrictEqual(rec.resources.map(line).sort(), rendering.resources.map(line).sort());
        });
    }
});
