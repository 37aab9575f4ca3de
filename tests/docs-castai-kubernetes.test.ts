import * as assert from "assert";
import { CASTAI_CLUSTER_RBAC_ARG_NAMES } from "../components/castai/cluster-rbac-plan";
import { CASTAI_SERVICE_ACCOUNTS } from "../components/castai/cluster-rbac-catalog";
import { loadPreset } from "../components/render/preset";
import { render } from "../components/render/run";
import { reference } from "./support/references";

const section = reference("castai-kubernetes");
const start = section.indexOf("# Cast AI in the cluster: `CastAiClusterRbac`");

describe("docs/components/castai-kubernetes.md stays in sync with CastAiClusterRbac", () => {
    it("documents every argument, and the preset takes exactly those keys (the provider is not a preset key)", () => {
        assert.ok(start === 0 && section.length > 100);
        for (const arg of CASTAI_CLUSTER_RBAC_ARG_NAMES) assert.match(section, new RegExp(`\\| \`${arg}\` \\|`), arg);
        assert.deepStrictEqual(loadPreset("castai-kubernetes").keys.map((k) => k.name), CASTAI_CLUSTER_RBAC_ARG_NAMES.filter((a) => a !== "provider"));
    });

    it("documents every output of the preset and every service account name", async () => {
        const outputs = Object.keys((await render("castai-kubernetes", {})).outputs);
        assert.deepStrictEqual(outputs, ["namespace", "serviceAccountNames", "ready"]);
        for (const o of outputs) assert.match(section, new RegExp(`\\| \`${o}\` \\|`), o);
        for (const name of Object.values(CASTAI_SERVICE_ACCOUNTS)) assert.ok(section.includes(`\`${name}\``), name);
    });
});
