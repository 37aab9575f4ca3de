import * as assert from "assert";
import { readFileSync } from "fs";
import { join } from "path";
import { CASTAI_CLUSTER_RBAC_ARG_NAMES } from "../components/castai/cluster-rbac-plan";
import { CASTAI_SERVICE_ACCOUNTS } from "../components/castai/cluster-rbac-catalog";
import { loadPreset } from "../components/render/preset";

const readme = readFileSync(join(__dirname, "..", "README.md"), "utf8");
const section = readme.slice(readme.indexOf("## Cast AI in the cluster: `CastAiClusterRbac`"));

describe("README stays in sync with CastAiClusterRbac", () => {
    it("documents every argument, and the preset takes exactly those keys (the provider is not a preset key)", () => {
        assert.ok(section.length > 100);
        for (const arg of CASTAI_CLUSTER_RBAC_ARG_NAMES) assert.match(section, new RegExp(`\\| \`${arg}\` \\|`), arg);
        assert.deepStrictEqual(loadPreset("castai-kubernetes").keys.map((k) => k.name), CASTAI_CLUSTER_RBAC_ARG_NAMES.filter((a) => a !== "provider"));
    });

    it("documents every output of the preset and every service account name", () => {
        const src = readFileSync(join(__dirname, "..", "components", "castai", "cluster-rbac-preset.ts"), "utf8");
        const outputs = [...src.matchAll(/^ {16}(\w+): c\.\w+,$/gm)].map((m) => m[1]);
        assert.deepStrictEqual(outputs, ["namespace", "serviceAccountNames", "ready"]);
        for (const o of outputs) assert.match(section, new RegExp(`\\| \`${o}\` \\|`), o);
        for (const name of Object.values(CASTAI_SERVICE_ACCOUNTS)) assert.ok(section.includes(`\`${name}\``), name);
    });
});
