/** Every example runs under mocks in `npm test`, so examples can never rot. */
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { installMocks, outputValue } from "../components/testing";

describe("examples", () => {
    afterEach(() => pulumi.runtime.setAllConfig({}));

    it("castai-eks: runs with the account and region from the provider", async () => {
        const rec = installMocks({ calls: {
            "aws:index/getCallerIdentity:getCallerIdentity": () => ({ accountId: "123456789012", arn: "arn:aws:iam::123456789012:user/me", userId: "AIDA", id: "123456789012" }),
            "aws:index/getRegion:getRegion": () => ({ region: "eu-central-1", name: "eu-central-1", id: "eu-central-1" }),
        } }, undefined, "castai-eks");
        pulumi.runtime.setAllConfig({
            "castai-eks:clusterName": "prod-eu",
            "castai-eks:castaiClusterId": "3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b",
            "castai-eks:vpcId": "vpc-0a1b2c3d4e5f67890",
        }, ["castai-eks:castaiClusterId"]);
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const stack = require("../examples/castai-eks/index") as Record<string, pulumi.Output<string>>;
        assert.strictEqual((await outputValue(stack.roleArn)).value, "arn:aws:iam::123456789012:role/castai-eks-prod-eu");
        assert.deepStrictEqual(await outputValue(stack.externalId), { value: "3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b", secret: true });
        await outputValue(stack.ready);
        await rec.settle();
        assert.strictEqual(rec.resources.filter((r) => r.custom).length, 14);
    });
});
