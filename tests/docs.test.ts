import * as assert from "assert";
import { CASTAI_EKS_OUTPUTS } from "../components/castai/eks-plan";
import { presetNames } from "../components/render/preset";
import { readme as readReadme } from "./support/references";

const readme = readReadme();

describe("README stays in sync with the code", () => {
    it("documents the castai-eks outputs present only with agentIdentity, saying so (the spec marks them)", () => {
        const only = Object.entries(CASTAI_EKS_OUTPUTS).filter(([, o]) => "onlyWith" in o);
        assert.deepStrictEqual(only.map(([k]) => k), ["agentRoleArn", "agentServiceAccount"]);
        for (const [k, o] of only) assert.match(o.doc, /^with `agentIdentity` only: /, k);
    });
});

describe("presets", () => {
    it("are exactly the render contract's presets, each in the README table", () => {
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
