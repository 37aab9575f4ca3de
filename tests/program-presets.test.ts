/** The root Pulumi program deploys every preset from stack config: the same resources as render, every output. */
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { installMocks, outputValues } from "../components/testing";
import { run } from "../components/program/main";
import { presetNames } from "../components/render/preset";
import { render } from "../components/render/run";
import { AKS_WI } from "./support/aks-values";
import { GKE } from "./support/gke-values";
import { EKS } from "./support/values";

const ACK = "c0123456789abcdef0123456789abcdef";

/** Preset → the values of its keys (a preset added to the render contract needs one line here). */
const VALUES: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
    "castai-eks": EKS,
    "castai-gke": GKE,
    "castai-aks": AKS_WI,
    "castai-kubernetes": { extendedPermissions: true, components: ["agent", "operator"] },
    "cloudpilot-kubernetes": { optimizer: true },
    "cloudpilot-eks": { clusterName: "prod-eu", accountId: "123456789012", region: "eu-central-1" },
    "cloudpilot-alibaba": { clusterName: "prod-hz", internalClusterId: ACK, accountId: "1234567890123456", oidcIssuerUrl: `https://oidc-ack-cn-hangzhou.oss-cn-hangzhou.aliyuncs.com/${ACK}` },
    "palette-aws": { accountId: "123456789012", trustedAccountId: "111122223333", externalId: "palette-ext-7f3a", eks: true },
};

describe("root Pulumi program: every preset from stack config", () => {
    afterEach(() => pulumi.runtime.setAllConfig({}));

    it("has values for every preset", () => {
        assert.deepStrictEqual(Object.keys(VALUES).sort(), presetNames().sort());
    });

    for (const [preset, values] of Object.entries(VALUES)) {
        it(`${preset}: creates what render shows and exports the preset's outputs`, async () => {
            const rendering = await render(preset, values);
            const rec = installMocks();
            pulumi.runtime.setAllConfig({
                "kubegrant:preset": preset,
                ...Object.fromEntries(Object.entries(values).map(([k, v]) => [`kubegrant:${k}`, typeof v === "string" ? v : JSON.stringify(v)])),
            }, []);
            const outputs = run();
            const resolved = await outputValues(outputs);
            await rec.settle();
            assert.deepStrictEqual(Object.keys(resolved), Object.keys(rendering.outputs), "every output the render shows");
            const line = (r: { type: string; name: string; parent: string | null }) => `${r.type} ${r.name} <- ${r.parent}`;
            assert.deepStrictEqual(rec.resources.map(line).sort(), rendering.resources.map(line).sort());
        });
    }
});
