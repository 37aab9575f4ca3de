import * as assert from "assert";
import { readFileSync } from "fs";
import { join } from "path";
import { CASTAI_EKS_ARG_NAMES } from "../components/castai/eks-plan";
import { loadPreset } from "../components/render/preset";
import { readme as readReadme, reference } from "./support/references";

const readme = readReadme();
const castaiEks = reference("castai-eks");

describe("docs/components/castai-eks.md stays in sync with the code", () => {
    it("documents every argument of CastAiEksAccess, and the preset takes exactly those keys", () => {
        for (const arg of CASTAI_EKS_ARG_NAMES) assert.match(castaiEks, new RegExp(`\\| \`${arg}\` \\|`), arg);
        assert.deepStrictEqual(loadPreset("castai-eks").keys.map((k) => k.name), [...CASTAI_EKS_ARG_NAMES]);
    });

    it("documents every output of the castai-eks preset", () => {
        const preset = loadPreset("castai-eks");
        const src = readFileSync(join(__dirname, "..", "components", "castai", "eks-preset.ts"), "utf8");
        const outputs = [...src.matchAll(/^ {16}(\w+): c\.\w+,$/gm)].map((m) => m[1]);
        assert.ok(outputs.length >= 7 && preset.name === "castai-eks");
        for (const o of outputs) assert.match(castaiEks, new RegExp(`\\| \`${o}\` \\|`), o);
    });

    it("documents the outputs present only with agentIdentity, saying so", () => {
        const src = readFileSync(join(__dirname, "..", "components", "castai", "eks-preset.ts"), "utf8");
        const outputs = [...src.matchAll(/^ {20}(\w+): c\.\w+,$/gm)].map((m) => m[1]);
        assert.deepStrictEqual(outputs, ["agentRoleArn", "agentServiceAccount"]);
        for (const o of outputs) assert.match(castaiEks, new RegExp(`\\| \`${o}\` \\| with \`agentIdentity\` only:`), o);
    });
});

describe("presets", () => {
    it("are exactly the render contract's presets, each in the README table", () => {
        const { presetNames } = require("../components/render/preset") as typeof import("../components/render/preset");
        const names = presetNames();
        assert.deepStrictEqual([...names].sort(), ["castai-aks", "castai-eks", "castai-gke", "castai-kubernetes",
            "cloudpilot-alibaba", "cloudpilot-eks", "cloudpilot-kubernetes", "palette-aws"]);
        const contract = ["castai-eks", "castai-gke", "castai-aks", "castai-kubernetes", "cloudpilot-eks", "cloudpilot-alibaba", "cloudpilot-kubernetes", "palette-aws"];
        for (const n of names) {
            assert.ok(contract.includes(n), `${n} is not a preset of the render contract`);
            assert.match(readme, new RegExp(`\\| \`${n}\` \\|`), n);
        }
    });
});
