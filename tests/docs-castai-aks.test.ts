import * as assert from "assert";
import { readFileSync } from "fs";
import { join } from "path";
import { CASTAI_AKS_ARG_NAMES } from "../components/castai/aks-plan";
import { CASTAI_AKS_ACTIONS } from "../components/castai/aks-catalog";
import { loadPreset } from "../components/render/preset";
import { markedTable, reference } from "./support/references";

const section = reference("castai-aks");
const table = (kind: "arguments" | "outputs") => markedTable(section, kind).slice(2).map((r) => /^\| `(\w+)` \|/.exec(r)![1]);

describe("docs/components/castai-aks.md stays in sync with the code", () => {
    it("documents exactly the arguments, in order, and the preset takes exactly those keys", () => {
        assert.ok(section.startsWith("# `CastAiAksAccess`"));
        assert.deepStrictEqual(table("arguments"), [...CASTAI_AKS_ARG_NAMES]);
        assert.deepStrictEqual(loadPreset("castai-aks").keys.map((k) => k.name), [...CASTAI_AKS_ARG_NAMES]);
    });

    it("documents exactly the outputs of the castai-aks preset", () => {
        const src = readFileSync(join(__dirname, "..", "components", "castai", "aks-preset.ts"), "utf8");
        const outputs = [...src.matchAll(/^ {16}(\w+): c\.\w+,$/gm)].map((m) => m[1]);
        assert.deepStrictEqual(table("outputs"), outputs);
    });

    it("states the action count and the defaults the code uses", () => {
        assert.match(section, new RegExp(`with the ${CASTAI_AKS_ACTIONS.length} actions`));
        assert.match(section, /\| `clientSecretExpiry` \| `string` \| `8760h` \|/);
        assert.match(section, /\| `authentication` \| .* \| `"workloadIdentity"` \|/);
    });
});
