import * as assert from "assert";
import { CLOUDPILOT_CLUSTER_RBAC_ARG_NAMES } from "../components/cloudpilot/cluster-rbac-plan";
import { CLOUDPILOT_ROLES, CLOUDPILOT_SERVICE_ACCOUNTS } from "../components/cloudpilot/cluster-rbac-catalog";
import { loadPreset } from "../components/render/preset";
import { render } from "../components/render/run";
import { reference } from "./support/references";

const section = reference("cloudpilot-kubernetes");
const start = section.indexOf("# CloudPilot AI in the cluster: `CloudPilotClusterRbac`");

describe("docs/components/cloudpilot-kubernetes.md stays in sync with CloudPilotClusterRbac", () => {
    it("documents every argument, and the preset takes exactly those keys (the provider is not a preset key)", () => {
        assert.ok(start === 0 && section.length > 100);
        for (const arg of CLOUDPILOT_CLUSTER_RBAC_ARG_NAMES) assert.match(section, new RegExp(`\\| \`${arg}\` \\|`), arg);
        const args = [...section.matchAll(/^\| `(\w+)` \| .* \| .* \|$/gm)].map((m) => m[1]);
        assert.deepStrictEqual(args.slice(0, CLOUDPILOT_CLUSTER_RBAC_ARG_NAMES.length), [...CLOUDPILOT_CLUSTER_RBAC_ARG_NAMES]);
        assert.deepStrictEqual(loadPreset("cloudpilot-kubernetes").keys.map((k) => k.name), CLOUDPILOT_CLUSTER_RBAC_ARG_NAMES.filter((a) => a !== "provider"));
    });

    it("documents every output of the preset, every default service account name (as not documented by CloudPilot) and every role", async () => {
        const outputs = Object.keys((await render("cloudpilot-kubernetes", {})).outputs);
        assert.deepStrictEqual(outputs, ["namespace", "serviceAccountNames", "ready"]);
        for (const o of outputs) assert.match(section, new RegExp(`\\| \`${o}\` \\| [^|]+ \\|$`, "m"), o);
        for (const name of Object.values(CLOUDPILOT_SERVICE_ACCOUNTS)) assert.ok(section.includes(`\`${name}\``), name);
        assert.match(section, /\*\*Not documented by CloudPilot\*\*/);
        for (const r of CLOUDPILOT_ROLES) assert.ok(section.includes(`\`${r.name}\``), r.name);
    });
});
