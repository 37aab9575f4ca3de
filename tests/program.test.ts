import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { installMocks, outputValue } from "../components/exports/testing";
import { readConfig, run } from "../components/program/main";
import { loadPreset } from "../components/render/preset";
import { EKS } from "./support/values";

const config = (extra: Record<string, string> = {}) => ({
    "kubegrant:preset": "castai-eks",
    ...Object.fromEntries(Object.entries(EKS).map(([k, v]) => [`kubegrant:${k}`, v])),
    ...extra,
});

describe("root Pulumi program (Pulumi.yaml)", () => {
    afterEach(() => pulumi.runtime.setAllConfig({}));

    it("deploys the preset from stack config and exports its outputs, the cluster ID kept secret", async () => {
        const rec = installMocks();
        pulumi.runtime.setAllConfig(config({ "kubegrant:hardened": "false" }), ["kubegrant:clusterId"]);
        const outputs = run();
        assert.deepStrictEqual(Object.keys(outputs), ["roleArn", "roleName", "externalId", "castaiUserArn", "instanceProfileArn", "nodeRoleArn", "ready"]);
        assert.deepStrictEqual(await outputValue(outputs.externalId), { value: EKS.clusterId, secret: true });
        assert.strictEqual((await outputValue(outputs.roleArn)).value, "arn:aws:iam::123456789012:role/castai-eks-prod-eu");
        await outputValue(outputs.ready);
        await rec.settle();
        assert.strictEqual(rec.resources.length, 17, "the same resources as render");
    });

    it("rejects unknown config keys and missing ones with the key named", () => {
        const preset = loadPreset("castai-eks");
        assert.throws(() => readConfig(preset, config({ "kubegrant:vpcID": "x" }), []),
            /^InputError: kubegrant:vpcID: is not a key of preset castai-eks/);
        const missing = config();
        delete (missing as Record<string, string>)["kubegrant:vpcId"];
        assert.throws(() => readConfig(preset, missing, []),
            (e: unknown) => (e as Error).message === "vpcId: is required by preset castai-eks (pulumi config set kubegrant:vpcId ...)");
    });

    it("refuses a list or object key set with --secret (the state would hold it in plaintext), and keeps a string one secret", () => {
        const preset = loadPreset("castai-eks");
        const subnets = config({ "kubegrant:subnetIds": JSON.stringify(["subnet-0a1b2c3d"]) });
        assert.throws(() => readConfig(preset, subnets, ["kubegrant:subnetIds"]),
            (e: unknown) => (e as Error).message === "kubegrant:subnetIds: is a list key, which cannot be kept secret (the state would hold it in plaintext): set it without --secret");
        assert.deepStrictEqual(readConfig(preset, subnets, []).subnetIds, ["subnet-0a1b2c3d"]);
        assert.ok(pulumi.Output.isInstance(readConfig(preset, subnets, ["kubegrant:clusterId"]).clusterId));
    });
});
