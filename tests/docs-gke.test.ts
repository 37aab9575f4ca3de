import * as assert from "assert";
import { readFileSync } from "fs";
import { join } from "path";
import { CASTAI_GKE_ARG_NAMES } from "../components/castai/gke-plan";
import { loadPreset } from "../components/render/preset";
import { reference } from "./support/references";

const section = reference("castai-gke");

describe("docs/components/castai-gke.md stays in sync with CastAiGkeAccess", () => {
    it("documents every argument, and the preset takes exactly those keys", () => {
        for (const arg of [...CASTAI_GKE_ARG_NAMES, "kubernetesProvider"]) assert.match(section, new RegExp(`\\| \`${arg}\` \\|`), arg);
        assert.deepStrictEqual(loadPreset("castai-gke").keys.map((k) => k.name), [...CASTAI_GKE_ARG_NAMES]);
    });

    it("documents every output of the castai-gke preset, and every @default of the args", () => {
        const src = readFileSync(join(__dirname, "..", "components", "castai", "gke-preset.ts"), "utf8");
        const outputs = [...src.matchAll(/^ {16}(\w+): c\.\w+,$/gm)].map((m) => m[1]);
        assert.strictEqual(outputs.length, 8);
        for (const o of outputs) assert.match(section, new RegExp(`\\| \`${o}\` \\|`), o);
        const args = ["gke-plan.ts", "gke.ts"].map((f) => readFileSync(join(__dirname, "..", "components", "castai", f), "utf8")).join("\n");
        const defaults = [...args.matchAll(/@default (\S+)\s*\*\/\s*readonly (\w+)\?/g)].map((m) => [m[2], m[1]]);
        assert.ok(defaults.length >= 8);
        for (const [arg, value] of defaults) {
            if (value === "no") continue;
            const row = section.split("\n").find((l) => l.startsWith(`| \`${arg}\` |`)) ?? "";
            assert.ok(row.includes(value.replace(/"/g, "")), `${arg}: the reference's default should show ${value}`);
        }
    });

    it("states the resource counts the render tests pin", () => {
        assert.match(section, /\| impersonation, scoped \| 8:/);
        assert.match(section, /\| key, scoped \| 7:/);
    });
});
