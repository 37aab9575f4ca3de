import * as assert from "assert";
import { readFileSync } from "fs";
import { join } from "path";
import { CASTAI_AKS_ARG_NAMES } from "../components/castai/aks-plan";
import { CASTAI_AKS_ACTIONS } from "../components/castai/aks-catalog";
import { loadPreset } from "../components/render/preset";

const readme = readFileSync(join(__dirname, "..", "README.md"), "utf8");
const start = readme.indexOf("## `CastAiAksAccess`");
const section = readme.slice(start, readme.indexOf("\n## ", start + 1) === -1 ? undefined : readme.indexOf("\n## ", start + 1));
const table = (heading: string) => {
    const from = section.indexOf(heading);
    const rows = section.slice(from).split("\n\n")[1].split("\n").slice(2).filter((r) => r.trim() !== "");
    return rows.map((r) => /^\| `(\w+)` \|/.exec(r)![1]);
};

describe("README section of CastAiAksAccess stays in sync with the code", () => {
    it("documents exactly the arguments, in order, and the preset takes exactly those keys", () => {
        assert.ok(start > 0);
        assert.deepStrictEqual(table("### Arguments"), [...CASTAI_AKS_ARG_NAMES]);
        assert.deepStrictEqual(loadPreset("castai-aks").keys.map((k) => k.name), [...CASTAI_AKS_ARG_NAMES]);
    });

    it("documents exactly the outputs of the castai-aks preset", () => {
        const src = readFileSync(join(__dirname, "..", "components", "castai", "aks-preset.ts"), "utf8");
        const outputs = [...src.matchAll(/^ {16}(\w+): c\.\w+,$/gm)].map((m) => m[1]);
        assert.deepStrictEqual(table("### Outputs"), outputs);
    });

    it("states the action count and the defaults the code uses", () => {
        assert.match(section, new RegExp(`with the ${CASTAI_AKS_ACTIONS.length} actions`));
        assert.match(section, /\| `clientSecretExpiry` \| `string` \| `8760h` \|/);
        assert.match(section, /\| `authentication` \| .* \| `"workloadIdentity"` \|/);
    });
});
