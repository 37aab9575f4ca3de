import * as assert from "assert";
import { readFileSync } from "fs";
import { join } from "path";
import { CASTAI_EKS_ARG_NAMES } from "../components/castai/eks-plan";
import { loadPreset } from "../components/render/preset";

const readme = readFileSync(join(__dirname, "..", "README.md"), "utf8");

describe("README stays in sync with the code", () => {
    it("documents every argument of CastAiEksAccess, and the preset takes exactly those keys", () => {
        for (const arg of CASTAI_EKS_ARG_NAMES) assert.match(readme, new RegExp(`\\| \`${arg}\` \\|`), arg);
        assert.deepStrictEqual(loadPreset("castai-eks").keys.map((k) => k.name), [...CASTAI_EKS_ARG_NAMES]);
    });

    it("documents every output of the castai-eks preset", () => {
        const preset = loadPreset("castai-eks");
        const src = readFileSync(join(__dirname, "..", "components", "castai", "eks-preset.ts"), "utf8");
        const outputs = [...src.matchAll(/^ {16}(\w+): c\.\w+,$/gm)].map((m) => m[1]);
        assert.ok(outputs.length >= 7 && preset.name === "castai-eks");
        for (const o of outputs) assert.match(readme, new RegExp(`\\| \`${o}\` \\|`), o);
    });
});
