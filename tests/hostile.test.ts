/**
 * Issue 15: hostile input and secret hygiene. Every case of the issue, with the exact message it
 * gets now: one line naming the key and the rule, never a secret value, no serialization prefix.
 */
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { parse, parseAllDocuments } from "yaml";
import { InputError, Sourced, setClock, show, withSecrets } from "../components/core";
import { isRealDeployment } from "../components/core/inputs";
import { planCastAiEks } from "../components/castai/eks-plan";
import { planCastAiGke } from "../components/castai/gke-plan";
import { planCastAiAks } from "../components/castai/aks-plan";
import { planPaletteAws } from "../components/palette/aws-plan";
import { planCloudPilotAlibaba } from "../components/cloudpilot/alibaba-plan";
import { CastAiEksAccess } from "../components/castai/eks";
import { CastAiAksAccess } from "../components/castai/aks";
import { CastAiGkeAccess } from "../components/castai/gke";
import { run as runRoot } from "../components/program/main";
import { toMarkdown } from "../components/render/markdown";
import { sourceText } from "../components/render/report";
import { toYaml } from "../components/render/yaml";
import { loadPreset, presetNames } from "../components/render/preset";
import { defaultText } from "../components/core/spec";
import { installMocks, mockSecret, runProgram } from "../components/exports/testing";
import { run } from "./support/cli";
import { failure } from "./support/failure";
import { EKS } from "./support/values";
import { GKE, NODE_SA_IDS } from "./support/gke-values";
import { AKS_CS, AKS_WI } from "./support/aks-values";

const EKS_SET = ["--set", `clusterName=${EKS.clusterName}`, "--set", `clusterId=${EKS.clusterId}`, "--set", `accountId=${EKS.accountId}`,
    "--set", `region=${EKS.region}`, "--set", `vpcId=${EKS.vpcId}`];
/** castai-gke's required values: since issue 13 the node pools' service account IDs are required (or the risky project-wide opt-in). */
const GKE_SET = ["--set", "projectId=acme-prod", "--set", "clusterName=prod-eu", "--set", "location=europe-west1",
    "--set", `castaiServiceAccount=${GKE.castaiServiceAccount}`, "--set", `nodeServiceAccountIds=${JSON.stringify(NODE_SA_IDS)}`];
const PALETTE_SET = ["--set", "accountId=123456789012", "--set", "trustedAccountId=111122223333"];
/** cloudpilot-alibaba with account trust: since issue 13 it requires the external ID CloudPilot gives (a secret key). */
const ALIBABA = { clusterName: "prod", internalClusterId: `c${"0".repeat(32)}`, trust: "account", trustedAccountId: "1234567890123456", externalId: "cp-ext-5b7d4e8f" };
const SECRET = "TOPSECRET-7f3a9c1e";

/** The message `fn` throws (an InputError, one line). */
function thrown(fn: () => unknown): string {
    try {
        fn();
    } catch (e) {
        assert.ok(InputError.isInstance(e), `not an InputError: ${String(e)}`);
        assert.ok(!e.message.includes("\n"), `two lines: ${e.message}`);
        return e.message;
    }
    return assert.fail("nothing thrown");
}

/** The CLI's stderr for bad input: exit 2, one line, nothing on stdout. */
async function rejected(...argv: string[]): Promise<string> {
    const { code, out, err } = await run(...argv);
    assert.strictEqual(out, "");
    assert.strictEqual(code, 2, err);
    assert.ok(err.endsWith("\n") && !err.slice(0, -1).includes("\n"), `not one line: ${JSON.stringify(err)}`);
    return err.slice(0, -1);
}

describe("issue 15 (1): a secret that resolves invalid is never printed, and the message stays one line", () => {
    it("render: Palette's external ID (a secret key) is redacted from the error", async () => {
        assert.strictEqual(await rejected("render", "palette-aws", ...PALETTE_SET, "--set", `externalId=${SECRET} with spaces`),
            'kubegrant: externalId: must be an AWS external ID: 2-1224 characters of letters, digits and +=,.@:/-_, got "[secret]"');
    });

    it("root program: a --secret clusterId is redacted, with no `error serializing property` prefix", async () => {
        const config = { "kubegrant:preset": "castai-eks", "kubegrant:clusterName": EKS.clusterName, "kubegrant:accountId": EKS.accountId,
            "kubegrant:region": EKS.region, "kubegrant:vpcId": EKS.vpcId };
        let message = "";
        await runProgram(() => runRoot(), { config, secretConfig: { "kubegrant:clusterId": `${SECRET}!` } })
            .catch((e: Error) => { message = e.message; });
        assert.strictEqual(message, 'clusterId: must be an AWS external ID: 2-1224 characters of letters, digits and +=,.@:/-_, got "[secret]"');
    });

    it("a secret Output from another stack is redacted wherever the error comes from (the built ARN too)", async () => {
        installMocks();
        const c = new CastAiEksAccess("castai", { ...EKS, clusterId: pulumi.secret(`${SECRET}:x`) });
        assert.strictEqual(await failure(c.roleArn),
            'clusterId: must fit Cast AI\'s default user name cast-crossrole-<clusterId> (IAM user names: letters, digits and +=,.@_-), got "[secret]"');
    });

    it("a secret stays secret in the outputs that hold it, and only there", async () => {
        installMocks();
        const c = new CastAiEksAccess("castai", { ...EKS, clusterId: pulumi.secret(EKS.clusterId) });
        assert.strictEqual(await pulumi.isSecret(c.externalId), true);
        assert.strictEqual(await pulumi.isSecret(c.castaiUserArn), true);
        assert.strictEqual(await pulumi.isSecret(c.roleName), false);
    });

    it("InputError ignores Pulumi's message prefixing, escapes line breaks and is a RunError (no stack under pulumi up)", () => {
        const e = new InputError("a\nb", "rule\r\nwith # lines");
        (e as { message: string }).message = `error serializing property "x": ${e.message}`;
        assert.strictEqual(e.message, "a\\nb: rule\\r\\nwith # lines");
        assert.strictEqual(e.stack, "InputError: a\\nb: rule\\r\\nwith # lines");
        assert.strictEqual((e as unknown as { __pulumiRunError: boolean }).__pulumiRunError, true);
    });

    it("withSecrets hides a secret and any 8-character piece of it, in show() and in messages", () => {
        assert.strictEqual(withSecrets(["3f2a9c1e-5b7d-4e8f"], () => show("CastAKSRole-3f2a9c1e")), '"CastAKSRole-[secret]"');
        assert.strictEqual(withSecrets([SECRET], () => new InputError("k", `got ${SECRET.repeat(20)}`).message), "k: got [secret]");
        assert.strictEqual(withSecrets([SECRET], () => show(SECRET.repeat(20))), '"[secret]"');
    });
});

describe("issue 15 (2): castai-eks checks the default Cast AI user ARN it builds from clusterId", () => {
    for (const clusterId of ["a:b", "a/b", "../etc"]) {
        it(`clusterId=${clusterId}`, () => {
            assert.strictEqual(thrown(() => planCastAiEks({ ...EKS, clusterId })),
                `clusterId: must fit Cast AI's default user name cast-crossrole-<clusterId> (IAM user names: letters, digits and +=,.@_-), got ${JSON.stringify(clusterId)}`);
        });
    }
    it("a secret clusterId that does not fit: the message says so without the value", () => {
        assert.strictEqual(withSecrets(["a/b"], () => thrown(() => planCastAiEks({ ...EKS, clusterId: "a/b" }))),
            'clusterId: must fit Cast AI\'s default user name cast-crossrole-<clusterId> (IAM user names: letters, digits and +=,.@_-), got "[secret]"');
    });
    it("the same clusterId is fine with an explicit castaiUserArn (it is only the external ID then)", () => {
        assert.strictEqual(planCastAiEks({ ...EKS, clusterId: "a:b", castaiUserArn: "arn:aws:iam::809060229965:user/cast" }).externalId, "a:b");
    });
});

describe("issue 15 (3): clusterRbac.provider is checked", () => {
    const cases: [string, string[]][] = [
        ["castai-eks", EKS_SET],
        ["castai-gke", GKE_SET],
        ["castai-aks", ["--set", `subscriptionId=${AKS_WI.subscriptionId}`, "--set", `clusterName=${AKS_WI.clusterName}`, "--set", `clusterId=${AKS_WI.clusterId}`,
            "--set", `resourceGroup=${AKS_WI.resourceGroup}`, "--set", `nodeResourceGroup=${AKS_WI.nodeResourceGroup}`,
            "--set", `castaiIdentitySubject=${AKS_WI.castaiIdentitySubject}`, "--set", `location=${AKS_WI.location}`]],
    ];
    for (const [preset, set] of cases) {
        it(`${preset}: a string or null is one input error, not a TypeError`, async () => {
            assert.strictEqual(await rejected("render", preset, ...set, "--set", 'clusterRbac={"provider":"x"}'),
                'kubegrant: clusterRbac.provider: must be a Kubernetes provider (new k8s.Provider(...)), got "x"');
            assert.strictEqual(await rejected("render", preset, ...set, "--set", 'clusterRbac={"provider":null}'),
                "kubegrant: clusterRbac.provider: must be a Kubernetes provider (new k8s.Provider(...)), got null");
        });
    }
    it("in a program too, before anything is registered", async () => {
        const rec = installMocks();
        const bad = { provider: "x" } as never;
        assert.strictEqual(thrown(() => new CastAiEksAccess("castai", { ...EKS, clusterRbac: bad })),
            'clusterRbac.provider: must be a Kubernetes provider (new k8s.Provider(...)), got "x"');
        assert.strictEqual(thrown(() => new CastAiAksAccess("castai", { ...AKS_WI, clusterRbac: bad })),
            'clusterRbac.provider: must be a Kubernetes provider (new k8s.Provider(...)), got "x"');
        assert.strictEqual(thrown(() => new CastAiGkeAccess("castai", { ...GKE, kubernetesProvider: "x" as never })),
            'kubernetesProvider: must be a Kubernetes provider (new k8s.Provider(...)), got "x"');
        await rec.settle();
        assert.deepStrictEqual(rec.resources, []);
    });
});

describe("issue 15 (4): render never waits", () => {
    it("castai-gke with propagationDelaySeconds=600 renders at once (waits happen only under a real pulumi up)", async () => {
        const start = Date.now();
        const { code, err } = await run("render", "castai-gke", ...GKE_SET, "--set", "propagationDelaySeconds=600");
        assert.strictEqual(code, 0, err);
        assert.ok(Date.now() - start < 15_000, `took ${Date.now() - start} ms`);
        assert.strictEqual(isRealDeployment(), false);
    });
});

describe("issue 15 (5): render honours keys marked secret", () => {
    for (const format of ["json", "markdown"]) {
        it(`palette-aws externalId is "[secret]" in ${format}`, async () => {
            const { code, out } = await run("render", "palette-aws", ...PALETTE_SET, "--set", `externalId=${SECRET}`, "--format", format);
            assert.strictEqual(code, 0);
            assert.ok(!out.includes(SECRET) && !out.includes(SECRET.slice(0, 8)));
            if (format === "json") {
                const r = JSON.parse(out);
                assert.strictEqual(r.outputs.externalId, "[secret]");
                const role = r.resources.find((x: { type: string }) => x.type === "aws:iam/role:Role");
                assert.strictEqual(role.inputs.assumeRolePolicy, "[secret]");
                assert.strictEqual(role.inputs.name, "SpectroCloudRole");
                // The permission policies hold no secret: still shown.
                assert.ok(r.resources.some((x: { type: string; inputs: { policy: unknown } }) => x.type === "aws:iam/policy:Policy" && typeof x.inputs.policy === "object"));
            }
        });
    }
});

describe("issue 15 (6): tags are checked against each cloud's rules", () => {
    const aws = (tags: unknown) => thrown(() => planCastAiEks({ ...EKS, tags } as never));
    const azure = (tags: unknown) => thrown(() => planCastAiAks({ ...AKS_WI, tags } as never));
    const ali = (tags: unknown) => thrown(() => planCloudPilotAlibaba({ ...ALIBABA, tags } as never));
    it("AWS IAM", () => {
        assert.strictEqual(aws({ team: 1 }), "tags.team: must be a string, got 1");
        assert.strictEqual(aws({ team: { a: "b" } }), 'tags.team: must be a string, got {"a":"b"}');
        assert.strictEqual(aws({ "aws:owner": "x" }), "tags.aws:owner: must not start with aws: (reserved by AWS IAM)");
        assert.strictEqual(aws({ "AWS:owner": "x" }), "tags.AWS:owner: must not start with aws: (reserved by AWS IAM)");
        assert.strictEqual(aws({ ["k".repeat(129)]: "x" }), `tags.${"k".repeat(129)}: is a tag key of 129 characters; AWS IAM allows 1-128`);
        assert.strictEqual(aws({ team: "v".repeat(257) }), "tags.team: is a tag value of 257 characters; AWS IAM allows at most 256");
        assert.strictEqual(aws(Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`t${i}`, "x"]))), "tags: has 51 tags; AWS IAM allows at most 50 per resource");
        assert.strictEqual(aws({ team: "a|b" }), 'tags.team: must use only letters, digits, spaces and _ . : / = + - @ (AWS IAM tags), got "a|b"');
        assert.strictEqual(aws({ Team: "a", team: "b" }), 'tags.team: is the same tag key as "Team" for AWS IAM (keys are case-insensitive)');
        assert.strictEqual(aws(JSON.parse('{"__proto__":{"x":"y"}}')), "tags.__proto__: is not a tag key kubegrant accepts (it would set the object's prototype)");
        assert.strictEqual(aws(["a"]), 'tags: must be an object of tag keys to string values, got ["a"]');
        // At the limits: fine.
        assert.ok(planCastAiEks({ ...EKS, tags: { ["k".repeat(128)]: "v".repeat(256), empty: "" } } as never));
    });
    it("Azure Resource Manager", () => {
        assert.strictEqual(azure({ "a/b": "x" }), 'tags.a/b: is a tag key with "/"; Azure Resource Manager forbids < > % & \\ ? / in tag keys');
        assert.strictEqual(azure({ ["k".repeat(513)]: "x" }), `tags.${"k".repeat(513)}: is a tag key of 513 characters; Azure Resource Manager allows 1-512`);
        assert.strictEqual(azure({ team: "v".repeat(257) }), "tags.team: is a tag value of 257 characters; Azure Resource Manager allows at most 256");
        assert.strictEqual(azure(JSON.parse('{"__proto__":"x"}')), "tags.__proto__: is not a tag key kubegrant accepts (it would set the object's prototype)");
    });
    it("Alibaba Cloud RAM", () => {
        assert.strictEqual(ali({ "aliyun-x": "x" }), "tags.aliyun-x: must not start with aliyun (reserved by Alibaba Cloud RAM)");
        assert.strictEqual(ali({ team: "acs:x" }), "tags.team: has a value starting with acs: (reserved by Alibaba Cloud RAM)");
        assert.strictEqual(ali({ team: "see https://x" }), "tags.team: must not contain https:// in its key or value (Alibaba Cloud RAM)");
        assert.strictEqual(ali({ team: "v".repeat(129) }), "tags.team: is a tag value of 129 characters; Alibaba Cloud RAM allows at most 128");
        assert.strictEqual(ali(Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`t${i}`, "x"]))), "tags: has 21 tags; Alibaba Cloud RAM allows at most 20 per resource");
        // The base values are valid (the external ID included): the errors above are the tags'.
        assert.ok(planCloudPilotAlibaba({ ...ALIBABA, tags: { team: "v".repeat(128) } } as never));
    });
});

describe("issue 15 (7): palette-aws", () => {
    const PALETTE = { accountId: "123456789012", trustedAccountId: "111122223333", externalId: "palette-ext" };
    it("a policy ARN of another partition is rejected", () => {
        assert.strictEqual(thrown(() => planPaletteAws({ ...PALETTE, partition: "aws-us-gov", additionalPolicyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess"] })),
            'additionalPolicyArns[0]: must be a policy of partition aws-us-gov (the partition argument), got "arn:aws:iam::aws:policy/ReadOnlyAccess"');
    });
    it("identity=user with a low maxManagedPolicies blames maxManagedPolicies", () => {
        assert.strictEqual(thrown(() => planPaletteAws({ accountId: "123456789012", identity: "user", maxManagedPolicies: 3 })),
            "maxManagedPolicies: is 3, but the EKS node-group role Palette creates has 4 AWS-managed policies; AWS allows 10 per role by default");
    });
});

describe("issue 15 (8): castai-aks clientSecretExpiry", () => {
    before(() => setClock(() => Date.parse("2026-12-02T00:00:00Z")));
    after(() => setClock());
    const expiry = (clientSecretExpiry: string) => thrown(() => planCastAiAks({ ...AKS_CS, clientSecretExpiry }));
    it("rejects impossible dates, the past, and more than two years", () => {
        assert.strictEqual(expiry("2027-13-45T99:99:99Z"),
            'clientSecretExpiry: must be an RFC 3339 UTC time such as 2027-01-31T00:00:00Z (a real date and time), got "2027-13-45T99:99:99Z"');
        assert.strictEqual(expiry("2027-02-30T00:00:00Z"),
            'clientSecretExpiry: must be an RFC 3339 UTC time such as 2027-01-31T00:00:00Z (a real date and time), got "2027-02-30T00:00:00Z"');
        assert.strictEqual(expiry("2026-01-01T00:00:00Z"), "clientSecretExpiry: is in the past (2026-01-01T00:00:00Z); the client secret must expire in the future");
        assert.strictEqual(expiry("2029-01-01T00:00:00Z"), "clientSecretExpiry: is more than two years away (2029-01-01T00:00:00Z); a client secret may live at most 17520h (Entra ID's limit)");
        assert.strictEqual(expiry("17521h"), "clientSecretExpiry: is 17521 hours; a client secret may live at most 17520h (two years, Entra ID's limit)");
        assert.strictEqual(expiry("1y"), 'clientSecretExpiry: must be a duration in hours such as 8760h, or an RFC 3339 UTC end date such as 2027-01-31T00:00:00Z, got "1y"');
    });
    it("accepts a date within two years and 17520h", () => {
        assert.strictEqual(planCastAiAks({ ...AKS_CS, clientSecretExpiry: "2028-11-30T00:00:00Z" }).app?.secretExpiry, "2028-11-30T00:00:00Z");
        assert.strictEqual(planCastAiAks({ ...AKS_CS, clientSecretExpiry: "17520h" }).app?.secretExpiry, "17520h");
    });
});

describe("issue 15 (9, 10, 14): the CLI", () => {
    it("a key or an option with a newline stays one line", async () => {
        assert.match(await rejected("render", "castai-eks", "--set", "clust\nerName=x"), /^kubegrant: clust\\nerName: is not a key of preset castai-eks \(known: /);
        assert.strictEqual(await rejected("render", "castai-eks", "--fo\nrmat", "json"), "kubegrant: --fo\\nrmat: is not an option of render (options: --set, --format)");
        assert.strictEqual(await rejected("render", "castai-eks\n## x"), 'kubegrant: preset: unknown preset "castai-eks\\n## x" (known: castai-eks, castai-gke, castai-aks, cloudpilot-eks, cloudpilot-alibaba, palette-aws, castai-kubernetes, cloudpilot-kubernetes)');
    });
    it("numbers parse strictly", async () => {
        for (const raw of ["0x10", " 12 ", "1e3", "Infinity", "012", "+5", "12."]) {
            assert.strictEqual(await rejected("render", "castai-eks", ...EKS_SET, "--set", `maxManagedPoliciesPerRole=${raw}`),
                `kubegrant: maxManagedPoliciesPerRole: must be a decimal number such as 12, got ${JSON.stringify(raw)}`);
        }
    });
    it("--format twice, no arguments, an empty optional key", async () => {
        assert.strictEqual(await rejected("render", "castai-eks", ...EKS_SET, "--format", "json", "--format=yaml"), 'kubegrant: --format: is given twice ("json" and "yaml")');
        assert.strictEqual(await rejected(),
            "kubegrant: command: is required; usage: kubegrant render <preset> [--set key=value]... [--format json|yaml|markdown] (presets: castai-eks, castai-gke, castai-aks, cloudpilot-eks, cloudpilot-alibaba, palette-aws, castai-kubernetes, cloudpilot-kubernetes)");
        assert.strictEqual(await rejected("render", "castai-eks", ...EKS_SET, "--set", "roleName="), "kubegrant: roleName: must not be empty (leave the key out to use its default)");
        assert.strictEqual(await rejected("render", "castai-eks", "--set", "clusterName=", ...EKS_SET.slice(2)), "kubegrant: clusterName: is required and must not be empty");
    });
    it("render <preset> --help lists every key with its type, default and meaning", async () => {
        const { code, out } = await run("render", "castai-eks", "--help");
        assert.strictEqual(code, 0);
        const lines = out.trimEnd().split("\n");
        assert.strictEqual(lines[0], "usage: kubegrant render castai-eks [--set key=value]... [--format json|yaml|markdown]");
        // 29 keys: issue 15's 24, and issue 14's vpcAccountId, capacityReservations, hibernation, passRoleArns, allowPassAnyRole.
        assert.strictEqual(lines.length, 2 + 29);
        assert.match(out, /\n {2}clusterName +string; required\. EKS cluster name \(1–100 letters, digits, -, _\); scopes every tag, Auto Scaling and EKS statement\n/);
        assert.match(out, /\n {2}roleName +string; default: castai-eks-<clusterName\[:53\]>\. name of the role Cast AI assumes\n/);
        assert.match(out, /\n {2}hardened +boolean; default: false\. /);
        assert.match(out, /\n {2}ebsVolumes +managed\|minimal\|none; default: "managed"\. /);
        assert.match(out, /\n {2}vpcAccountId +string; default: accountId\. the account owning the VPC/);
        assert.match(out, /\n {2}passRoleArns +list; default: \[\]\. roles \(ARNs in this account, at most 20\) besides the node role/);
        assert.match(out, /\n {2}allowPassAnyRole +boolean; default: false\. RISK[:,( ]/);
        assert.match(out, /\n {2}capacityReservations +boolean; default: true\. /);
        assert.match(out, /\n {2}hibernation +boolean; default: true\. /);
        const palette = (await run("render", "palette-aws", "--help")).out;
        assert.match(palette, /\n {2}externalId +string \(secret\); default: required for role\. /);
        assert.match(palette, /\n {2}allowIamPrivilegeEscalation +boolean; default: false\. RISK[:,( ]/);
        const alibaba = (await run("render", "cloudpilot-alibaba", "--help")).out;
        assert.match(alibaba, /\n {2}externalId +string \(secret\); default: required for account\. /);
        const gke = (await run("render", "castai-gke", "--help")).out;
        assert.match(gke, /\n {2}allowProjectWideServiceAccountUse +boolean; default: false\. RISK: roles\/iam\.serviceAccountUser on the whole project/);
        assert.ok(!/\bneg|networkEndpointGroup/i.test(gke), "castai-gke has no NEG switch any more (issue 14)");
        assert.match((await run("render", "castai-kubernetes", "--help")).out, /\n {2}operatorClusterWidePodWrite +boolean; default: false\. RISK[:,( ]/);
        assert.match((await run("render", "cloudpilot-kubernetes", "--help")).out, /\n {2}allowAnyWebhookConfigurationUpdate +boolean; default: false\. RISK[:,( ]/);
    });
    it("every preset's --help: one line per key, in order, with its type, its default and its meaning as the component's spec declares them", async () => {
        /** Markdown as a terminal shows it: no backticks, no table escapes. */
        const plain = (md: string) => md.replace(/`/g, "").replace(/\\\|/g, "|");
        for (const name of presetNames()) {
            const preset = loadPreset(name);
            const { code, out } = await run("render", name, "--help");
            assert.strictEqual(code, 0, name);
            const lines = out.trimEnd().split("\n").slice(2);
            assert.deepStrictEqual(lines.map((l) => l.trim().split(/ +/)[0]), preset.keys.map((k) => k.name), name);
            preset.keys.forEach((k, i) => {
                const m = /^ {2}(\w+) +([\w|-]+)( \(secret\))?; (required|default: .*?)\. (.*)$/.exec(lines[i]);
                assert.ok(m, lines[i]);
                // A choice shows its values instead of "string".
                assert.deepStrictEqual([m[1], m[2], m[3] !== undefined], [k.name, k.choices ? k.choices.join("|") : k.type, k.secret === true], lines[i]);
                assert.strictEqual(m[4], k.required ? "required" : `default: ${plain(defaultText(k))}`, `${name} ${k.name}`);
                assert.strictEqual(m[5], plain(k.doc), `${name} ${k.name}: meaning`);
                assert.ok(k.doc.length > 0, `${name} ${k.name}: documented`);
            });
        }
    });
    it("a switch given an Output says so (not Pulumi's toJSON warning)", () => {
        assert.strictEqual(thrown(() => planCastAiEks({ ...EKS, hardened: pulumi.output(true) as never })),
            "hardened: must be true or false, got an Output (this argument takes a plain value, not an Output)");
    });
    it("vendor components never run in default, kube-system, kube-public or kube-node-lease", async () => {
        for (const ns of ["default", "kube-public", "kube-node-lease"]) {
            assert.strictEqual(await rejected("render", "castai-kubernetes", "--set", `namespace=${ns}`),
                `kubegrant: namespace: must not be ${ns} (a namespace Kubernetes reserves; give the vendor its own namespace)`);
            assert.strictEqual(await rejected("render", "cloudpilot-kubernetes", "--set", `namespace=${ns}`),
                `kubegrant: namespace: must not be ${ns} (a namespace Kubernetes reserves; give the vendor its own namespace)`);
            assert.strictEqual(thrown(() => planCastAiEks({ ...EKS, agentIdentity: "podIdentity", agentNamespace: ns })),
                `agentNamespace: must not be ${ns} (a namespace Kubernetes reserves; give the vendor its own namespace)`);
            assert.strictEqual(thrown(() => planCastAiGke({ ...GKE, cloudProxyWorkloadIdentity: true, cloudProxyNamespace: ns } as never)),
                `cloudProxyNamespace: must not be ${ns} (a namespace Kubernetes reserves; give the vendor its own namespace)`);
            assert.strictEqual(thrown(() => planCloudPilotAlibaba({ ...ALIBABA, trust: "rrsa", trustedAccountId: undefined, externalId: undefined, accountId: "1234567890123456",
                oidcIssuerUrl: "https://oidc-ack-cn-hangzhou.oss-cn-hangzhou.aliyuncs.com/c0", namespace: ns } as never)),
            `namespace: must not be ${ns} (a namespace Kubernetes reserves; give the vendor its own namespace)`);
        }
    });
});

describe("issue 15 (11): markdown and YAML escape every input-derived string", () => {
    const HOSTILE = "v\n## Injected `code` | pipe # end";
    const NO_RISKS = "None: no grant of this render holds a known escalation path (every such grant is an opt-in, none is set).";
    /**
     * The report's shape, and no other heading: the title, Summary (its fixed subsections), Risks,
     * Outputs, Resources with one heading per resource (each followed by its Pulumi resource line),
     * and Sources (issues 13, 19). Returns the Risks section's lines.
     */
    const onlyOurHeadings = (md: string): string[] => {
        const lines = md.trimEnd().split("\n");
        const headings = lines.filter((l) => l.startsWith("#"));
        assert.match(headings[0], /^# kubegrant review: /);
        assert.deepStrictEqual(headings.filter((h) => h.startsWith("## ") && h !== "## Sources"), ["## Summary", "## Risks", "## Outputs", "## Resources"]);
        const resources = lines.indexOf("## Resources");
        lines.forEach((l, i) => {
            if (!l.startsWith("### ") || i < resources) return;
            assert.match(lines[i + 2], /^Pulumi resource `/, l);
        });
        for (const h of headings.slice(1)) assert.match(h, /^#{2,3} /, h);
        const risks = lines.slice(lines.indexOf("## Risks") + 1);
        return risks.slice(0, risks.findIndex((l) => l.startsWith("## "))).filter((l) => l !== "");
    };
    const risksFromCatalog = (risks: readonly string[], catalog: ReadonlyMap<string, Sourced>) => {
        const allowed = new Set([...catalog.values()].filter((e) => e.risk).map((e) => `- **${e.feature}**: ${e.risk} (source: ${sourceText(e.source)})`));
        assert.ok(risks.length > 0);
        if (risks[0] === NO_RISKS) assert.strictEqual(risks.length, 1);
        else for (const l of risks) assert.ok(allowed.has(l), `not a catalog risk: ${l}`);
        for (const l of risks) assert.ok(!l.includes("Injected"), l);
    };
    /** A render that succeeds. */
    const rendered = async (...argv: string[]) => {
        const { code, out, err } = await run(...argv);
        assert.strictEqual(code, 0, err);
        return out;
    };
    it("annotation values (castai-kubernetes): markdown shows them escaped, YAML round-trips them", async () => {
        const set = ["--set", `serviceAccountAnnotations=${JSON.stringify({ "castai-agent": { "x.io/a": HOSTILE } })}`];
        const md = await rendered("render", "castai-kubernetes", ...set, "--format", "markdown");
        risksFromCatalog(onlyOurHeadings(md), loadPreset("castai-kubernetes").explanations);
        assert.ok(md.includes("`x.io/a: v\\n## Injected ˋcodeˋ \\| pipe # end`"));
        // Phase 2 holds a grant with a risk: the Risks section lists it, from the catalog, next to the hostile input.
        const phase2 = await rendered("render", "castai-kubernetes", ...set, "--set", "extendedPermissions=true", "--format", "markdown");
        const risks = onlyOurHeadings(phase2);
        assert.notDeepStrictEqual(risks, [NO_RISKS]);
        risksFromCatalog(risks, loadPreset("castai-kubernetes").explanations);
        assert.ok(phase2.includes("`x.io/a: v\\n## Injected ˋcodeˋ \\| pipe # end`"));
        const yaml = (await run("render", "castai-kubernetes", ...set, "--format", "yaml")).out;
        const sa = parseAllDocuments(yaml).map((d) => d.toJS()).find((o) => o.kind === "ServiceAccount" && o.metadata.name === "castai-agent");
        assert.strictEqual(sa.metadata.annotations["x.io/a"], HOSTILE);
    });
    it("raw HTML in an input cannot hide or add content in the rendered report (`<` shown as ‹)", async () => {
        const html = "v <!-- hide the rest --> <details><summary>ok</summary>";
        const set = ["--set", `serviceAccountAnnotations=${JSON.stringify({ "castai-agent": { "x.io/h": html } })}`];
        const md = await rendered("render", "castai-kubernetes", ...set, "--format", "markdown");
        assert.ok(!md.includes("<!--") && !md.includes("<details>"), "raw HTML from an input reached the report");
        assert.ok(md.includes("`x.io/h: v \u2039!-- hide the rest --> \u2039details>\u2039summary>ok\u2039/summary>`"));
    });
    it("Azure and Alibaba tag values (free text there) reach the report escaped", async () => {
        const aks = ["--set", `subscriptionId=${AKS_WI.subscriptionId}`, "--set", `clusterName=${AKS_WI.clusterName}`, "--set", `clusterId=${AKS_WI.clusterId}`,
            "--set", `resourceGroup=${AKS_WI.resourceGroup}`, "--set", `nodeResourceGroup=${AKS_WI.nodeResourceGroup}`,
            "--set", `castaiIdentitySubject=${AKS_WI.castaiIdentitySubject}`, "--set", `location=${AKS_WI.location}`];
        const md = await rendered("render", "castai-aks", ...aks, "--set", `tags=${JSON.stringify({ team: HOSTILE })}`, "--format", "markdown");
        risksFromCatalog(onlyOurHeadings(md), loadPreset("castai-aks").explanations);
        const ali = await rendered("render", "cloudpilot-alibaba", "--set", "clusterName=prod", "--set", `internalClusterId=${ALIBABA.internalClusterId}`,
            "--set", "trust=account", "--set", `trustedAccountId=${ALIBABA.trustedAccountId}`, "--set", `externalId=${ALIBABA.externalId}`,
            "--set", `tags=${JSON.stringify({ team: HOSTILE })}`, "--format", "markdown");
        risksFromCatalog(onlyOurHeadings(ali), loadPreset("cloudpilot-alibaba").explanations);
        // The reports do not show tags (the JSON render does): no piece of the value may reach them raw.
        for (const report of [md, ali]) {
            assert.ok(!report.includes(HOSTILE) && !/^## Injected/m.test(report) && !report.includes("`code`"), report);
        }
        const json = await rendered("render", "cloudpilot-alibaba", "--set", "clusterName=prod", "--set", `internalClusterId=${ALIBABA.internalClusterId}`,
            "--set", "trust=account", "--set", `trustedAccountId=${ALIBABA.trustedAccountId}`, "--set", `externalId=${ALIBABA.externalId}`,
            "--set", `tags=${JSON.stringify({ team: HOSTILE })}`);
        assert.ok(JSON.parse(json).resources.some((r: { inputs: { tags?: Record<string, string> } }) => r.inputs.tags?.team === HOSTILE));
    });
    it("every place of a rendering (names, parents, types, inputs, outputs, JSON fallback) is escaped; Risks holds only catalog text", () => {
        const catalog = new Map<string, Sourced>([
            ["k8s-rule:risky", { feature: "pod scheduling", why: "w", source: 'seed s.txt, "Pods"', risk: "create of pods anywhere" }],
            ["k8s-rule:other", { feature: "other", why: "w", source: "s", risk: "never looked up" }],
        ]);
        const md = toMarkdown({
            preset: "p",
            resources: [
                { type: "kubegrant:x:Y", name: HOSTILE, parent: null, inputs: {} },
                { type: `unknown:${HOSTILE}`, name: `n${HOSTILE}`, parent: HOSTILE, inputs: { [HOSTILE]: HOSTILE, fence: "```\n# x" } },
                // A role whose first rule's catalog entry carries a risk, the second's ID is hostile (no entry).
                { type: "kubernetes:rbac.authorization.k8s.io/v1:ClusterRole", name: `r${HOSTILE}`, parent: HOSTILE, inputs: {
                    apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRole",
                    metadata: { name: `r${HOSTILE}`, annotations: { "kubegrant.io/rules": `risky,${HOSTILE}` } },
                    rules: [{ apiGroups: [""], resources: ["pods"], verbs: ["create"] }, { apiGroups: [HOSTILE], resources: [HOSTILE], verbs: [HOSTILE], resourceNames: [HOSTILE] }],
                } },
            ],
            outputs: { [HOSTILE]: HOSTILE, list: [HOSTILE] },
        }, "T", catalog);
        const risks = onlyOurHeadings(md);
        assert.deepStrictEqual(risks, ["- **pod scheduling**: create of pods anywhere (source: seed s.txt, \"Pods\")"]);
        risksFromCatalog(risks, catalog);
        // With no entry looked up, the Risks section says so.
        assert.deepStrictEqual(onlyOurHeadings(toMarkdown({ preset: "p", resources: [], outputs: { [HOSTILE]: HOSTILE } }, "T", catalog)), [NO_RISKS]);
        // The JSON fallback's fence is never closed early.
        assert.strictEqual(md.split("\n").filter((l) => l.startsWith("```")).length, 2);
        for (const line of md.split("\n").filter((l) => l.includes("Injected"))) assert.ok(!/(?<!\\)\|/.test(line.replace(/^\|.*\|$/, "")), line);
    });
    it("YAML: any string survives a round trip", () => {
        const yaml = toYaml({ preset: "p", outputs: {}, resources: [{ type: "kubernetes:core/v1:ServiceAccount", name: "x", parent: null,
            inputs: { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "x", annotations: { a: HOSTILE, b: "---\n- x: y", c: "#c", d: "'\"" } } } }] });
        assert.deepStrictEqual(parse(yaml.replace(/^---\n/, "")).metadata.annotations, { a: HOSTILE, b: "---\n- x: y", c: "#c", d: "'\"" });
    });
});

describe("issue 15 (12): nodeServiceAccountIds is capped by GCP's 12 logical operators per condition", () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => String(100000000000000000000 + i * 1000).padStart(21, "1").slice(0, 21));
    it("13 IDs are fine, 14 are not", () => {
        const thirteen = Array.from({ length: 13 }, (_, i) => `1${String(i).padStart(20, "0")}`);
        assert.strictEqual(planCastAiGke({ ...GKE, nodeServiceAccountIds: thirteen }).nodeServiceAccountIds.length, 13);
        const fourteen = Array.from({ length: 14 }, (_, i) => `1${String(i).padStart(20, "0")}`);
        assert.strictEqual(thrown(() => planCastAiGke({ ...GKE, nodeServiceAccountIds: fourteen })),
            "nodeServiceAccountIds: lists 14 IDs; the IAM condition joins them with || and GCP allows 12 logical operators per condition, so at most 13");
        assert.ok(ids(1).length === 1);
    });
});

/** A custom resource of a made-up type (the mocks answer any type). */
class Thing extends pulumi.CustomResource {
    constructor(name: string) {
        super("test:index:Thing", name, {});
    }
}

describe("issue 15 (13): kubegrant/testing rejects a duplicate URN as the engine does", () => {
    it("settle() fails with the engine's message", async () => {
        const rec = installMocks();
        new Thing("same");
        new Thing("same");
        await assert.rejects(rec.settle(), { message: "Duplicate resource URN 'urn:pulumi:test::kubegrant::test:index:Thing::same'; try giving it a unique name" });
    });
    it("runProgram fails too", async () => {
        await assert.rejects(runProgram(() => {
            new Thing("same");
            new Thing("same");
            return {};
        }), /^Error: Duplicate resource URN 'urn:pulumi:test::project::test:index:Thing::same'; try giving it a unique name$/);
    });
});

// Keep the mocks of stack outputs in scope for secret tests elsewhere.
void mockSecret;

describe("issue 15: annotation values are checked against Kubernetes' total size", () => {
    it("256 KiB of annotations per object at most", async () => {
        const big = JSON.stringify({ "castai-agent": { "x.io/a": "v".repeat(256 * 1024) } });
        assert.strictEqual(await rejected("render", "castai-kubernetes", "--set", `serviceAccountAnnotations=${big}`),
            "kubegrant: serviceAccountAnnotations.castai-agent: are 262150 bytes; Kubernetes allows at most 262144 bytes of annotations (keys and values) per object");
    });
});

describe("issue 15 (1): a --secret stack config value that does not parse is not shown either", () => {
    it("a secret number: refused as a key that cannot be kept secret, before its value is parsed or shown", async () => {
        const config = { "kubegrant:preset": "castai-eks", "kubegrant:clusterName": EKS.clusterName, "kubegrant:clusterId": EKS.clusterId,
            "kubegrant:accountId": EKS.accountId, "kubegrant:region": EKS.region, "kubegrant:vpcId": EKS.vpcId };
        // The real engine would store a secret number in plaintext (issue 16), so any non-string key set with --secret is refused.
        await assert.rejects(runProgram(() => runRoot(), { config, secretConfig: { "kubegrant:maxManagedPoliciesPerRole": "TOPSECRET-12" } }),
            (e: Error) => e.message === "kubegrant:maxManagedPoliciesPerRole: is a number key, which cannot be kept secret (the state would hold it in plaintext): set it without --secret"
                && !e.message.includes("TOPSECRET"));
    });
});
