import * as assert from "assert";
import { readFileSync } from "fs";
import { join } from "path";
import { CLOUDPILOT_ALIBABA_ARG_NAMES } from "../components/cloudpilot/alibaba-plan";
import { loadPreset } from "../components/render/preset";
import { reference } from "./support/references";

describe("docs/components/cloudpilot-alibaba.md documents cloudpilot-alibaba", () => {
    const text = reference("cloudpilot-alibaba");
    it("every argument, and the preset takes exactly those keys", () => {
        for (const arg of CLOUDPILOT_ALIBABA_ARG_NAMES) assert.match(text, new RegExp(`\\| \`${arg}\` \\|`), arg);
        assert.deepStrictEqual(loadPreset("cloudpilot-alibaba").keys.map((k) => k.name), [...CLOUDPILOT_ALIBABA_ARG_NAMES]);
    });
    it("every output", () => {
        const src = readFileSync(join(__dirname, "..", "components", "cloudpilot", "alibaba-preset.ts"), "utf8");
        const block = src.slice(src.indexOf("outputs: {"));
        const outputs = [...block.matchAll(/(\w+): c\.\w+/g)].map((m) => m[1]);
        assert.strictEqual(outputs.length, 7);
        for (const o of outputs) assert.match(text, new RegExp(`\\| \`${o}\` \\|`), o);
    });
});
