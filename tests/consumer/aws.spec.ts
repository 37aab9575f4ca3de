// An AWS-only user's own test (tests/consumer.test.ts copies it, with examples/castai-eks, into a
// fresh project that has kubegrant from the packed tarball, @pulumi/pulumi and @pulumi/aws only).
import * as assert from "assert";
import { createHash } from "crypto";
import { CastAiEksAccess } from "kubegrant/aws";
import { installMocks, runProgram } from "kubegrant/testing";

const config = { clusterName: "prod-eu", vpcId: "vpc-0a1b2c3d4e5f67890" };
const secretConfig = { castaiClusterId: "3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b" };
const missing = (module: string, packages: string[]) => `${module}: needs ${packages.join(" and ")}, not installed: npm install ${packages.join(" ")}`;

describe("an AWS-only project", () => {
    it("finds the child resources by the names docs/guides/child-resource-names.md documents", async () => {
        const { resources } = await runProgram(require.resolve("./index"), { config, secretConfig });
        const names = (type: string) => resources.filter((r) => r.type === type).map((r) => r.name).sort();
        assert.deepStrictEqual(names("aws:iam/role:Role"), ["castai-access", "castai-node"]);
        // An AWS-managed policy's attachment: `<role>-` + the first 8 hex of sha1("aws-managed:<path>").
        const hashed = `castai-node-${createHash("sha1").update("aws-managed:AmazonEKSWorkerNodePolicy").digest("hex").slice(0, 8)}`;
        const attachment = resources.find((r) => r.name === hashed);
        assert.strictEqual(attachment?.inputs.policyArn, "arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy");
    });

    it("gets one error naming every missing package from another cloud's sub-path", () => {
        /* eslint-disable @typescript-eslint/no-require-imports -- loading a sub-path whose peer is missing is what is tested: it must throw at run time */
        assert.throws(() => require("kubegrant/gcp"), { message: missing("kubegrant/gcp", ["@pulumi/gcp"]) });
        assert.throws(() => require("kubegrant/azure"), { message: missing("kubegrant/azure", ["@pulumi/azure-native", "@pulumi/azuread"]) });
        assert.throws(() => require("kubegrant/kubernetes"), { message: missing("kubegrant/kubernetes", ["@pulumi/kubernetes"]) });
        assert.throws(() => require("kubegrant/alicloud"), { message: missing("kubegrant/alicloud", ["@pulumi/alicloud"]) });
        /* eslint-enable @typescript-eslint/no-require-imports */
    });

    it("gets one error, before anything is registered, for clusterRbac without @pulumi/kubernetes", () => {
        const recorder = installMocks();
        assert.throws(() => new CastAiEksAccess("castai", {
            clusterName: "prod-eu", clusterId: secretConfig.castaiClusterId, accountId: "123456789012", region: "eu-central-1",
            vpcId: config.vpcId, clusterRbac: {},
        }), { message: missing("clusterRbac", ["@pulumi/kubernetes"]) });
        assert.deepStrictEqual(recorder.resources, []);
    });
});
