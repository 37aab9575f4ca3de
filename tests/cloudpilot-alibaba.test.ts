/**
 * CloudPilot AI on Alibaba Cloud: the RAM document (exact, against the seed's JSON), exact input
 * errors, and the component under mocks (children, trust per mode, readiness, no resource on bad input).
 */
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { readFileSync } from "fs";
import { InputError } from "../components/core";
import { toRamPolicyDocument, ramPolicyJson, ramPolicySize } from "../components/alicloud/policy";
import { CLOUDPILOT_ALIBABA_STATEMENTS } from "../components/cloudpilot/alibaba-catalog";
import { CloudPilotAlibabaPlainArgs, planCloudPilotAlibaba } from "../components/cloudpilot/alibaba-plan";
import { CloudPilotAlibabaAccess } from "../components/cloudpilot/alibaba";
import { KubegrantMocks, installMocks, isSecretValue, outputValue, revealSecrets } from "../components/exports/testing";

const ID = "c0123456789abcdef0123456789abcdef";
const ISSUER = `https://oidc-ack-cn-hangzhou.oss-cn-hangzhou.aliyuncs.com/${ID}`;
export const ALI = { clusterName: "prod-hz", internalClusterId: ID, accountId: "1234567890123456", oidcIssuerUrl: ISSUER } as const;
const EXTERNAL_ID = "cp-7f3e9a1c-ext";
const ACCOUNT_MODE = { clusterName: "prod-hz", internalClusterId: ID, trust: "account" as const, trustedAccountId: "5555666677778888", externalId: EXTERNAL_ID };

/** The seed's Alibaba JSON, placeholders filled. */
function seedDocument(): unknown {
    const text = readFileSync("/work/shared/seeds/cloudpilot-permissions.txt", "utf8");
    const start = text.indexOf('{ "Version": "1"');
    let depth = 0;
    let end = start;
    for (; end < text.length; end++) {
        if (text[end] === "{") depth++;
        if (text[end] === "}" && --depth === 0) break;
    }
    return JSON.parse(text.slice(start, end + 1).replace("${INTERNAL_CLUSTER_ID}", ID));
}

describe("CloudPilot Alibaba catalog and plan", () => {
    it("gives every entry a feature, a why and a source", () => {
        for (const e of CLOUDPILOT_ALIBABA_STATEMENTS) assert.ok(e.feature.length > 3 && e.why.length > 20 && e.source.length > 5);
    });

    it("builds exactly the seed's RAM policy (Version 1, 3 statements)", () => {
        const doc = toRamPolicyDocument(planCloudPilotAlibaba(ALI).policy);
        assert.deepStrictEqual(doc, seedDocument());
        assert.strictEqual(doc.Version, "1");
        assert.strictEqual(doc.Statement.length, 3);
        assert.strictEqual((doc.Statement[0].Action as string[]).length, 13);
    });

    it("conditions exactly deletion and detaching, nothing else", () => {
        const doc = toRamPolicyDocument(planCloudPilotAlibaba(ALI).policy);
        assert.deepStrictEqual(doc.Statement.map((s) => [s.Action, s.Resource, s.Condition]), [
            [(doc.Statement[0].Action), "*", undefined],
            ["ecs:DeleteInstance", "*", { StringEquals: { "acs:ResourceTag/cloudpilot.ai/managed": "true" } }],
            ["ess:DetachInstances", "*", { StringEquals: { "acs:ResourceTag/ack.aliyun.com": ID } }],
        ]);
        const unconditioned = (doc.Statement[0].Action as string[]);
        assert.ok(!unconditioned.includes("ecs:DeleteInstance") && !unconditioned.includes("ess:DetachInstances"));
        assert.ok(doc.Statement.every((s) => s.Effect === "Allow" && !("Sid" in s)));
    });

    it("fits RAM's 6,144-byte limit", () => {
        const size = ramPolicySize(planCloudPilotAlibaba(ALI).policy);
        assert.strictEqual(size, ramPolicyJson(planCloudPilotAlibaba(ALI).policy).length);
        assert.ok(size < 6144, String(size));
    });

    it("trusts the cluster's RRSA OIDC provider for the service account (default)", () => {
        const p = planCloudPilotAlibaba(ALI);
        assert.deepStrictEqual(JSON.parse(ramPolicyJson(p.trust)), {
            Version: "1",
            Statement: [{
                Effect: "Allow",
                Principal: { Federated: `acs:ram::1234567890123456:oidc-provider/ack-rrsa-${ID}` },
                Action: "sts:AssumeRole",
                Condition: { StringEquals: {
                    "oidc:iss": ISSUER, "oidc:aud": "sts.aliyuncs.com",
                    "oidc:sub": "system:serviceaccount:cloudpilot:cloudpilot-alibaba-optimizer",
                } },
            }],
        });
        assert.deepStrictEqual([p.trustMode, p.roleName, p.policyName, p.namespace, p.serviceAccount],
            ["rrsa", "CloudPilotAlibaba-prod-hz", "CloudPilotAlibabaPolicy-prod-hz", "cloudpilot", "cloudpilot-alibaba-optimizer"]);
        const custom = planCloudPilotAlibaba({ ...ALI, namespace: "cp", serviceAccount: "opt" });
        assert.strictEqual(custom.trust[0].conditions![2].values[0], "system:serviceaccount:cp:opt");
    });

    it("trusts another Alibaba Cloud account in account mode, only with the external ID", () => {
        const p = planCloudPilotAlibaba(ACCOUNT_MODE);
        assert.deepStrictEqual(JSON.parse(ramPolicyJson(p.trust)), {
            Version: "1", Statement: [{
                Effect: "Allow", Principal: { RAM: "acs:ram::5555666677778888:root" }, Action: "sts:AssumeRole",
                Condition: { StringEquals: { "sts:ExternalId": EXTERNAL_ID } },
            }],
        });
        assert.strictEqual(p.externalId, EXTERNAL_ID);
        assert.strictEqual(p.namespace, undefined);
    });

    it("derives RAM-safe names from cluster names with _", () => {
        const p = planCloudPilotAlibaba({ ...ALI, clusterName: `a_${"b".repeat(60)}` });
        assert.strictEqual(p.roleName, `CloudPilotAlibaba-a-${"b".repeat(44)}`);
        assert.strictEqual(p.roleName.length, 64);
        assert.strictEqual(p.policyName, `CloudPilotAlibabaPolicy-a-${"b".repeat(60)}`);
    });

    const bad: [string, Partial<Record<keyof CloudPilotAlibabaPlainArgs | "extra", unknown>>, string][] = [
        ["missing cluster name", { clusterName: undefined }, "clusterName: is required"],
        ["bad cluster name", { clusterName: "-x" }, 'clusterName: must be an ACK cluster name: 1-63 letters, digits, _ and -, starting with a letter or digit, got "-x"'],
        ["missing cluster ID", { internalClusterId: undefined }, "internalClusterId: is required"],
        ["bad cluster ID", { internalClusterId: "c123" }, 'internalClusterId: must be an ACK cluster ID: c and 32 lower-case hex digits, got "c123"'],
        ["bad trust", { trust: "keys" }, 'trust: must be one of "rrsa", "account", got "keys"'],
        ["rrsa without account", { accountId: undefined }, 'accountId: is required when trust is "rrsa" (the Alibaba Cloud account of the cluster)'],
        ["rrsa without issuer", { oidcIssuerUrl: undefined }, "oidcIssuerUrl: is required when trust is \"rrsa\" (the cluster's RRSA OIDC issuer URL)"],
        ["bad account", { accountId: "12345" }, 'accountId: must be an Alibaba Cloud account ID (10-20 digits), got "12345"'],
        ["http issuer", { oidcIssuerUrl: "http://x.example.com/c" }, 'oidcIssuerUrl: must be the cluster\'s RRSA OIDC issuer URL such as https://oidc-ack-cn-hangzhou.oss-cn-hangzhou.aliyuncs.com/c0123..., got "http://x.example.com/c"'],
        ["bad namespace", { namespace: "Cloud" }, "namespace: must be a DNS-1123 label (lower-case letters, digits and '-', starting and ending with a letter or digit), got \"Cloud\""],
        ["bad service account", { serviceAccount: "a_b" }, "serviceAccount: must be a DNS-1123 subdomain (lower-case letters, digits, '-' and '.'), got \"a_b\""],
        // The same rule as every other Kubernetes object name kubegrant takes: one helper (kubernetes/validate.ts), so `a..b` is refused here too.
        ["service account with an empty DNS label", { serviceAccount: "a..b" }, "serviceAccount: must be a DNS-1123 subdomain (lower-case letters, digits, '-' and '.'), got \"a..b\""],
        ["trusted account in rrsa", { trustedAccountId: "5555666677778888" }, 'trustedAccountId: is only used when trust is "account" (trust is "rrsa")'],
        ["external ID in rrsa", { externalId: "abc" }, 'externalId: is only used when trust is "account" (trust is "rrsa")'],
        ["bad role name", { roleName: "cloud_pilot" }, 'roleName: must be a RAM role name: 1-64 letters, digits, . and -, got "cloud_pilot"'],
        ["long role name", { roleName: "r".repeat(65) }, `roleName: must be a RAM role name: 1-64 letters, digits, . and -, got "${"r".repeat(65)}"`],
        ["bad policy name", { policyName: "a.b" }, 'policyName: must be a RAM policy name: 1-128 letters, digits and -, got "a.b"'],
        ["unknown key", { extra: 1 }, "extra: is not an argument of CloudPilotAlibabaAccess (known: clusterName, internalClusterId, trust, accountId, oidcIssuerUrl, namespace, serviceAccount, trustedAccountId, externalId, roleName, policyName, tags)"],
    ];
    for (const [what, patch, message] of bad) {
        it(`rejects ${what}`, () => {
            assert.throws(() => planCloudPilotAlibaba({ ...ALI, ...patch } as CloudPilotAlibabaPlainArgs),
                (e: unknown) => e instanceof InputError && e.message === message || assert.fail(String(e)));
        });
    }

    const badAccount: [string, Record<string, unknown>, string][] = [
        ["account without external ID", { externalId: undefined },
            'externalId: is required when trust is "account" (the external ID CloudPilot gives you: the role trusts its account only with it, against the confused deputy)'],
        ["account with an empty external ID", { externalId: "" },
            'externalId: is required when trust is "account" (the external ID CloudPilot gives you: the role trusts its account only with it, against the confused deputy)'],
        ["an external ID with a space, never shown", { externalId: "top secret" },
            "externalId: must be an external ID: 2-1224 letters, digits and =,.@:/-_ (got 10 characters; the value is secret and not shown)"],
        ["an external ID of one character", { externalId: "x" },
            "externalId: must be an external ID: 2-1224 letters, digits and =,.@:/-_ (got 1 characters; the value is secret and not shown)"],
        ["account without trusted account", { trustedAccountId: undefined }, 'trustedAccountId: is required when trust is "account" (the Alibaba Cloud account CloudPilot gives you)'],
        ["bad trusted account", { trustedAccountId: "abc" }, 'trustedAccountId: must be an Alibaba Cloud account ID (10-20 digits), got "abc"'],
        ["issuer in account mode", { oidcIssuerUrl: ISSUER }, 'oidcIssuerUrl: is only used when trust is "rrsa" (trust is "account")'],
        ["namespace in account mode", { namespace: "cloudpilot" }, 'namespace: is only used when trust is "rrsa" (trust is "account")'],
    ];
    for (const [what, patch, message] of badAccount) {
        it(`rejects ${what}`, () => {
            assert.throws(() => planCloudPilotAlibaba({ ...ACCOUNT_MODE, ...patch } as CloudPilotAlibabaPlainArgs),
                (e: unknown) => e instanceof InputError && e.message === message || assert.fail(String(e)));
        });
    }
});

describe("CloudPilotAlibabaAccess (mocks)", () => {
    async function build(args: ConstructorParameters<typeof CloudPilotAlibabaAccess>[1]) {
        const rec = installMocks({ alicloudAccountId: "1234567890123456" });
        const c = new CloudPilotAlibabaAccess("cloudpilot", args);
        await outputValue(c.ready);
        await rec.settle();
        return { c, rec };
    }

    it("creates exactly the role, the policy and its attachment, named from the component", async () => {
        for (const args of [ALI, ACCOUNT_MODE]) {
            const { rec } = await build(args);
            assert.deepStrictEqual(rec.resources.map((r) => `${r.type} ${r.name} <- ${r.parent}`).sort(), [
                "alicloud:ram/policy:Policy cloudpilot-access-policy <- cloudpilot-access",
                "alicloud:ram/role:Role cloudpilot-access <- cloudpilot-access",
                "alicloud:ram/rolePolicyAttachment:RolePolicyAttachment cloudpilot-access-17b24b4c <- cloudpilot-access",
                "kubegrant:alicloud:RamRole cloudpilot-access <- cloudpilot",
                "kubegrant:cloudpilot:CloudPilotAlibabaAccess cloudpilot <- null",
            ]);
        }
    });

    it("sends the trust, the policy and the Custom attachment per mode", async () => {
        for (const [args, principal] of [[ALI, { Federated: `acs:ram::1234567890123456:oidc-provider/ack-rrsa-${ID}` }],
            [ACCOUNT_MODE, { RAM: "acs:ram::5555666677778888:root" }]] as const) {
            const { c, rec } = await build(args);
            const role = rec.resources.find((r) => r.type === "alicloud:ram/role:Role")!;
            // Account mode: the trust policy holds the external ID, so it is sent as a secret.
            assert.strictEqual(isSecretValue(role.inputs.assumeRolePolicyDocument), args === ACCOUNT_MODE);
            const trust = JSON.parse(String(revealSecrets(role.inputs.assumeRolePolicyDocument)));
            assert.deepStrictEqual(trust.Statement[0].Principal, principal);
            if (args === ACCOUNT_MODE) assert.deepStrictEqual(trust.Statement[0].Condition, { StringEquals: { "sts:ExternalId": EXTERNAL_ID } });
            assert.strictEqual(role.inputs.roleName, "CloudPilotAlibaba-prod-hz");
            assert.ok(!("document" in role.inputs) && !("name" in role.inputs));
            const policy = rec.resources.find((r) => r.type === "alicloud:ram/policy:Policy")!;
            assert.deepStrictEqual(JSON.parse(String(policy.inputs.policyDocument)), seedDocument());
            const att = rec.resources.find((r) => r.type === "alicloud:ram/rolePolicyAttachment:RolePolicyAttachment")!;
            assert.deepStrictEqual(att.inputs, { policyName: "CloudPilotAlibabaPolicy-prod-hz", policyType: "Custom", roleName: "CloudPilotAlibaba-prod-hz" });
            const externalId = await outputValue(c.externalId);
            assert.deepStrictEqual([externalId.value, externalId.secret], args === ACCOUNT_MODE ? [EXTERNAL_ID, true] : [undefined, false]);
            const out = await Promise.all([c.roleArn, c.trust, c.serviceAccountRef, c.ready].map(async (o) => (await outputValue(o)).value));
            assert.deepStrictEqual(out, ["acs:ram::1234567890123456:role/CloudPilotAlibaba-prod-hz", args === ALI ? "rrsa" : "account",
                args === ALI ? "cloudpilot/cloudpilot-alibaba-optimizer" : undefined, "acs:ram::1234567890123456:role/CloudPilotAlibaba-prod-hz"]);
        }
    });

    it("resolves ready only after the attachment exists", async () => {
        let release!: () => void;
        const gate = new Promise<void>((r) => { release = r; });
        const base = new KubegrantMocks({});
        const slow: pulumi.runtime.Mocks = {
            call: (a) => base.call(a),
            newResource: async (a) => {
                if (a.type === "alicloud:ram/rolePolicyAttachment:RolePolicyAttachment") await gate;
                return base.newResource(a);
            },
        };
        const rec = installMocks({}, slow);
        const c = new CloudPilotAlibabaAccess("cloudpilot", ALI);
        let resolved = false;
        c.ready.apply(() => { resolved = true; });
        await outputValue(c.roleArn);
        await new Promise((r) => setTimeout(r, 50));
        assert.strictEqual(resolved, false);
        release();
        await outputValue(c.ready);
        await rec.settle();
        assert.strictEqual(resolved, true);
    });

    it("registers nothing on bad input", () => {
        const rec = installMocks({});
        assert.throws(() => new CloudPilotAlibabaAccess("cloudpilot", { ...ALI, internalClusterId: "x" }), /internalClusterId: must be an ACK cluster ID/);
        assert.strictEqual(rec.resources.length, 0);
    });
});
