// Unit tests of this stack: no cloud, no Pulumi CLI. Run them with
//   npm install --save-dev mocha ts-node @types/mocha && npx mocha -r ts-node/register index.test.ts
import * as assert from "assert";
import { isSecretValue, redactSecrets, revealSecrets, runProgram } from "kubegrant/testing";

const program = require.resolve("./index");
const config = { clusterName: "prod-eu", vpcId: "vpc-0a1b2c3d4e5f67890" };
const secretConfig = { castaiClusterId: "3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b" };

describe("our Cast AI on EKS stack", () => {
    it("exports the role Cast AI assumes, with the cluster ID kept secret", async () => {
        // The mocks answer aws.getCallerIdentity and aws.getRegion from these options.
        const { outputs } = await runProgram(program, { awsAccountId: "123456789012", awsRegion: "eu-central-1", config, secretConfig });
        assert.deepStrictEqual(redactSecrets(outputs), {
            roleArn: "arn:aws:iam::123456789012:role/castai-eks-prod-eu",
            externalId: "[secret]",
            instanceProfileArn: "arn:aws:iam::123456789012:instance-profile/castai-eks-instance-prod-eu",
            ready: "arn:aws:iam::123456789012:role/castai-eks-prod-eu",
        });
    });

    it("trusts only Cast AI's user for this cluster, and only with the external ID", async () => {
        const { resources } = await runProgram(program, { config, secretConfig });
        const role = resources.find((r) => r.type === "aws:iam/role:Role" && r.name === "castai-access");
        assert.ok(role && isSecretValue(role.inputs.assumeRolePolicy), "the trust holds the cluster ID: secret");
        const trust = JSON.parse(revealSecrets(role.inputs.assumeRolePolicy) as string);
        assert.deepStrictEqual(trust.Statement[0].Condition, { StringEquals: { "sts:ExternalId": secretConfig.castaiClusterId } });
        assert.strictEqual(trust.Statement[0].Principal.AWS, `arn:aws:iam::809060229965:user/cast-crossrole-${secretConfig.castaiClusterId}`);
    });

    it("refuses a wrong VPC ID before creating anything", async () => {
        await assert.rejects(runProgram(program, { config: { ...config, vpcId: "vpc-1" }, secretConfig }),
            /vpcId: must be a VPC ID such as vpc-0a1b2c3d4e5f67890, got "vpc-1"/);
    });
});
