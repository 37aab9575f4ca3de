import * as assert from "assert";
import { run } from "./support/cli";

const ID = "c0123456789abcdef0123456789abcdef";
const BASE = ["--set", "clusterName=prod-hz", "--set", `internalClusterId=${ID}`];
const RRSA = [...BASE, "--set", "accountId=1234567890123456", "--set", `oidcIssuerUrl=https://oidc-ack-cn-hangzhou.oss-cn-hangzhou.aliyuncs.com/${ID}`];
const EXTERNAL_ID = "cp-7f3e9a1c-ext";
const ACCOUNT = [...BASE, "--set", "trust=account", "--set", "trustedAccountId=5555666677778888", "--set", `externalId=${EXTERNAL_ID}`];

describe("render cloudpilot-alibaba", () => {
    it("renders each trust mode with the RAM policy parsed", async () => {
        for (const [mode, argv] of [["rrsa", RRSA], ["account", ACCOUNT]] as const) {
            const { code, out, err } = await run("render", "cloudpilot-alibaba", ...argv);
            assert.deepStrictEqual([code, err], [0, ""]);
            const r = JSON.parse(out);
            assert.strictEqual(r.preset, "cloudpilot-alibaba");
            assert.deepStrictEqual(r.resources.map((x: { type: string; name: string; parent: string | null }) => `${x.type} ${x.name} <- ${x.parent}`), [
                "kubegrant:cloudpilot:CloudPilotAlibabaAccess cloudpilot <- null",
                "kubegrant:alicloud:RamRole cloudpilot-access <- cloudpilot",
                "alicloud:ram/role:Role cloudpilot-access <- cloudpilot-access",
                "alicloud:ram/rolePolicyAttachment:RolePolicyAttachment cloudpilot-access-17b24b4c <- cloudpilot-access",
                "alicloud:ram/policy:Policy cloudpilot-access-policy <- cloudpilot-access",
            ]);
            const policy = r.resources.find((x: { type: string }) => x.type === "alicloud:ram/policy:Policy");
            assert.strictEqual(policy.inputs.policyDocument.Version, "1");
            assert.strictEqual(policy.inputs.policyDocument.Statement.length, 3);
            const role = r.resources.find((x: { type: string }) => x.type === "alicloud:ram/role:Role");
            if (mode === "rrsa") {
                assert.strictEqual(role.inputs.assumeRolePolicyDocument.Statement[0].Action, "sts:AssumeRole");
                assert.strictEqual(r.outputs.externalId, undefined);
            } else {
                // The trust policy holds the external ID: secret, as the ID itself.
                assert.strictEqual(role.inputs.assumeRolePolicyDocument, "[secret]");
                assert.strictEqual(r.outputs.externalId, "[secret]");
                assert.ok(!out.includes(EXTERNAL_ID), "the external ID is never printed");
            }
            assert.strictEqual(r.outputs.trust, mode);
            assert.strictEqual(r.outputs.roleArn, `acs:ram::1234567890123456:role/CloudPilotAlibaba-prod-hz`);
        }
    });

    it("prints a markdown review of account mode without the external ID", async () => {
        const { code, out } = await run("render", "cloudpilot-alibaba", ...ACCOUNT, "--format", "markdown");
        assert.strictEqual(code, 0);
        assert.ok(!out.includes(EXTERNAL_ID));
        assert.match(out, /\n## Risks\n\nNone: /);
    });

    it("prints a markdown review with the tag scoping and why", async () => {
        const { code, out } = await run("render", "cloudpilot-alibaba", ...RRSA, "--format", "markdown");
        assert.strictEqual(code, 0);
        assert.match(out, /Custom RAM policy `CloudPilotAlibabaPolicy-prod-hz`, attached to role `CloudPilotAlibaba-prod-hz`/);
        assert.match(out, /\| `ecs:DeleteInstance` \| `\*` \| StringEquals `acs:ResourceTag\/cloudpilot.ai\/managed` = `true` \| node lifecycle \(scale down, consolidation\): Deletes only ECS instances tagged/);
        assert.match(out, new RegExp(`\\| \`ess:DetachInstances\` \\| \`\\*\` \\| StringEquals \`acs:ResourceTag/ack.aliyun.com\` = \`${ID}\` \\| existing node pool optimisation: Detaches instances only from scaling groups`));
        assert.match(out, /Federated `acs:ram::1234567890123456:oidc-provider\/ack-rrsa-c0123456789abcdef0123456789abcdef`: `sts:AssumeRole`, condition: StringEquals `oidc:iss`/);
        assert.doesNotMatch(out, /no catalog entry/);
    });

    const bad: [string, string[], string][] = [
        ["missing cluster ID", ["render", "cloudpilot-alibaba", "--set", "clusterName=x"], "kubegrant: internalClusterId: is required by preset cloudpilot-alibaba (--set internalClusterId=...)\n"],
        ["bad cluster ID", ["render", "cloudpilot-alibaba", "--set", "clusterName=x", "--set", "internalClusterId=c1"], 'kubegrant: internalClusterId: must be an ACK cluster ID: c and 32 lower-case hex digits, got "c1"\n'],
        ["rrsa without account", ["render", "cloudpilot-alibaba", ...BASE], 'kubegrant: accountId: is required when trust is "rrsa" (the Alibaba Cloud account of the cluster)\n'],
        ["account without external ID", ["render", "cloudpilot-alibaba", ...BASE, "--set", "trust=account", "--set", "trustedAccountId=5555666677778888"],
            'kubegrant: externalId: is required when trust is "account" (the external ID CloudPilot gives you: the role trusts its account only with it, against the confused deputy)\n'],
        ["bad external ID, not shown", ["render", "cloudpilot-alibaba", ...ACCOUNT.slice(0, -2), "--set", "externalId=bad id!"],
            "kubegrant: externalId: must be an external ID: 2-1224 letters, digits and =,.@:/-_ (got 7 characters; the value is secret and not shown)\n"],
        ["bad trust", ["render", "cloudpilot-alibaba", ...BASE, "--set", "trust=ak"], 'kubegrant: trust: must be one of "rrsa", "account", got "ak"\n'],
    ];
    for (const [what, argv, message] of bad) {
        it(`exits 2 with one line: ${what}`, async () => {
            const { code, out, err } = await run(...argv);
            assert.deepStrictEqual([code, out, err], [2, "", message]);
        });
    }
});
