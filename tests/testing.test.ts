/** kubegrant/testing's program helpers: runProgram and outputValues. */
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { CastAiEksAccess } from "kubegrant/aws";
import { installMocks, mockSecret, outputValues, redactSecrets, revealSecrets, runProgram } from "kubegrant/testing";
import { EKS } from "./support/values";

describe("kubegrant/testing: runProgram and outputValues", () => {
    it("outputValues reads a component's public outputs (not its children or URN), secrets wrapped", async () => {
        installMocks();
        const c = new CastAiEksAccess("castai", { ...EKS, clusterId: pulumi.secret(EKS.clusterId) });
        const values = await outputValues(c);
        assert.deepStrictEqual(Object.keys(values).sort(), ["castaiUserArn", "externalId", "instanceProfileArn", "nodeRoleArn", "ready", "roleArn", "roleName"]);
        assert.deepStrictEqual(redactSecrets(values), {
            roleArn: "arn:aws:iam::123456789012:role/castai-eks-prod-eu", roleName: "castai-eks-prod-eu", externalId: "[secret]",
            castaiUserArn: "[secret]", instanceProfileArn: "arn:aws:iam::123456789012:instance-profile/castai-eks-instance-prod-eu",
            nodeRoleArn: "arn:aws:iam::123456789012:role/castai-eks-instance-prod-eu", ready: "arn:aws:iam::123456789012:role/castai-eks-prod-eu",
        });
        assert.strictEqual(revealSecrets(values.externalId), EKS.clusterId);
    });

    it("runs a program given as a function, with typed config under the project's namespace and other stacks", async () => {
        const run = await runProgram(() => {
            const config = new pulumi.Config();
            const ref = new pulumi.StackReference("acme/reg/prod");
            return {
                name: config.require("name"),
                count: config.requireNumber("count"),
                list: config.requireObject<string[]>("list"),
                token: config.requireSecret("token"),
                region: new pulumi.Config("aws").require("region"),
                id: ref.getOutput("id"),
                plain: ref.getOutput("plain"),
                nothing: pulumi.output(undefined),
            };
        }, {
            project: "mine", stack: "dev",
            config: { name: "x", count: 3, list: ["a", "b"], "aws:region": "eu-west-1" },
            secretConfig: { token: "s3cr3t" },
            stacks: { "acme/reg/prod": { id: mockSecret("cluster-1"), plain: "p" } },
        });
        assert.deepStrictEqual(redactSecrets(run.outputs), {
            name: "x", count: 3, list: ["a", "b"], token: "[secret]", region: "eu-west-1", id: "[secret]", plain: "p",
        });
        assert.deepStrictEqual(run.resources.map((r) => [r.type, r.name, r.read]), [["pulumi:pulumi:StackReference", "acme/reg/prod", true]]);
        assert.deepStrictEqual(pulumi.runtime.allConfig(), {}, "config is cleared after the run");
        assert.strictEqual(pulumi.getProject(), "mine");
    });

    it("runs a program file under the project of the Pulumi.yaml above it (the root program's entry file)", async () => {
        const { outputs, resources } = await runProgram(require.resolve("../components/program/index"), {
            config: { "kubegrant:preset": "castai-kubernetes", "kubegrant:components": ["agent"] },
        });
        assert.deepStrictEqual(redactSecrets(outputs), {
            namespace: "castai-agent", serviceAccountNames: { agent: "castai-agent" }, ready: ["castai-agent"],
        });
        assert.strictEqual(pulumi.getProject(), "kubegrant");
        assert.ok(resources.some((r) => r.type === "kubernetes:core/v1:ServiceAccount" && r.inputs.metadata !== undefined));
        await assert.rejects(runProgram("./index"), /runProgram: give the program's absolute path, e\.g\. require\.resolve\("\.\/index"\), got "\.\/index"/);
    });

    it("rejects with the program's own error", async () => {
        await assert.rejects(runProgram(() => {
            throw new Error("boom");
        }), /^Error: boom$/);
        await assert.rejects(runProgram(() => ({ a: new pulumi.Config().require("missing") })), /Missing required configuration variable 'project:missing'/);
    });
});
