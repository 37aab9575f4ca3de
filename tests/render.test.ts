import * as assert from "assert";
import { spawnSync } from "child_process";
import NodeModule = require("module");
import { join } from "path";
import { run } from "./support/cli";
import { loadPreset, presetNames } from "../components/render/preset";
import { EKS } from "./support/values";


const SETS = Object.entries(EKS).flatMap(([k, v]) => ["--set", `${k}=${v}`]);

describe("render castai-eks", () => {
    it("prints the JSON contract: preset, resources with type/name/parent/inputs, outputs", async () => {
        const { code, out, err } = await run("render", "castai-eks", ...SETS);
        assert.strictEqual(err, "");
        assert.strictEqual(code, 0);
        const r = JSON.parse(out);
        assert.deepStrictEqual(Object.keys(r), ["preset", "resources", "outputs"]);
        assert.strictEqual(r.preset, "castai-eks");
        assert.strictEqual(r.resources.length, 17);
        for (const res of r.resources) assert.deepStrictEqual(Object.keys(res), ["type", "name", "parent", "inputs"]);
        assert.deepStrictEqual(r.resources[0], { type: "kubegrant:castai:CastAiEksAccess", name: "castai", parent: null, inputs: {} });
        const role = r.resources.find((x: { type: string; name: string }) => x.type === "aws:iam/role:Role" && x.name === "castai-access");
        assert.strictEqual(role.parent, "castai-access");
        assert.deepStrictEqual(role.inputs.assumeRolePolicy.Statement[0].Condition, { StringEquals: { "sts:ExternalId": EKS.clusterId } });
        const policy = r.resources.find((x: { type: string }) => x.type === "aws:iam/policy:Policy");
        assert.strictEqual(typeof policy.inputs.policy, "object", "policy documents are emitted parsed");
        assert.deepStrictEqual(r.outputs, {
            roleArn: "arn:aws:iam::123456789012:role/castai-eks-prod-eu",
            roleName: "castai-eks-prod-eu",
            externalId: EKS.clusterId,
            castaiUserArn: `arn:aws:iam::809060229965:user/cast-crossrole-${EKS.clusterId}`,
            instanceProfileArn: "arn:aws:iam::123456789012:instance-profile/castai-eks-instance-prod-eu",
            nodeRoleArn: "arn:aws:iam::123456789012:role/castai-eks-instance-prod-eu",
            ready: "arn:aws:iam::123456789012:role/castai-eks-prod-eu",
        });
    });

    it("takes lists as JSON and renders the hardened mode", async () => {
        const { code, out } = await run("render", "castai-eks", ...SETS, "--set", "hardened=true",
            "--set", 'subnetIds=["subnet-0aaaaaaaaaaaaaaaa"]', "--set", 'securityGroupIds=["sg-0ccccccccccccccc0"]');
        assert.strictEqual(code, 0);
        const r = JSON.parse(out);
        const policy = r.resources.find((x: { type: string }) => x.type === "aws:iam/policy:Policy");
        assert.strictEqual(policy.inputs.policy.Statement[0].Sid, "PassRoleNodeRoleOnly");
        assert.strictEqual(r.resources.length, 16);
    });

    it("prints a markdown review with what, to whom, scoped how and why", async () => {
        const { code, out } = await run("render", "castai-eks", ...SETS, "--format", "markdown");
        assert.strictEqual(code, 0);
        assert.match(out, /^# kubegrant review: Cast AI on AWS \(EKS\) \(`castai-eks`\)/);
        assert.match(out, /IAM role `castai-eks-prod-eu`.*\n\n- AWS `arn:aws:iam::809060229965:user\/cast-crossrole-[^`]+`: `sts:AssumeRole`, condition: StringEquals `sts:ExternalId` = `3f2a9c1e/);
        assert.match(out, /Inline policy `CastEKSRestrictedAccess` of role `castai-eks-prod-eu`/);
        assert.match(out, /\| InstanceActionsTagRestriction \| `ec2:TerminateInstances`.*StringEquals `ec2:ResourceTag\/kubernetes.io\/cluster\/prod-eu` = `owned`, `shared` \| node lifecycle/);
        assert.match(out, /Attaches the AWS-managed policy `IAMReadOnlyAccess` to role `castai-eks-prod-eu`\. Why: permission self-check/);
        assert.doesNotMatch(out, /no catalog entry/);
    });

    it("prints no Kubernetes objects as YAML for a cloud-only preset", async () => {
        const { code, out } = await run("render", "castai-eks", ...SETS, "--format", "yaml");
        assert.strictEqual(code, 0);
        assert.strictEqual(out, "# preset castai-eks creates no Kubernetes objects\napiVersion: v1\nkind: List\nitems: []\n");
    });

    const bad: [string, string[], string][] = [
        ["unknown preset", ["render", "castai-foo"], `kubegrant: preset: unknown preset "castai-foo" (known: ${presetNames().join(", ")})\n`],
        ["unknown format", ["render", "castai-eks", ...SETS, "--format", "xml"], 'kubegrant: --format: must be one of json, yaml, markdown, got "xml"\n'],
        ["unknown key", ["render", "castai-eks", ...SETS, "--set", "vpcID=vpc-1"], "kubegrant: vpcID: is not a key of preset castai-eks (known: clusterName, clusterId, accountId, region, vpcId, vpcAccountId, castaiUserArn, roleName, nodeRoleName, hardened, subnetIds, securityGroupIds, sshKeyPairs, pauseResume, capacityReservations, hibernation, cniPolicy, ssmPolicy, ebsVolumes, ipv6, maxManagedPoliciesPerRole, passRoleArns, allowPassAnyRole, agentIdentity, oidcProviderArn, agentRoleName, agentNamespace, clusterRbac, tags)\n"],
        ["missing key", ["render", "castai-eks", "--set", "clusterName=prod"], "kubegrant: clusterId: is required by preset castai-eks (--set clusterId=...)\n"],
        ["bad value", ["render", "castai-eks", ...SETS.slice(0, -2), "--set", "vpcId=vpc-1"], 'kubegrant: vpcId: must be a VPC ID such as vpc-0a1b2c3d4e5f67890, got "vpc-1"\n'],
        ["bad account", ["render", "castai-eks", ...SETS, "--set", "accountId=12"], "kubegrant: accountId: is set twice\n"],
        ["bad boolean", ["render", "castai-eks", ...SETS, "--set", "ipv6=yes"], 'kubegrant: ipv6: must be true or false, got "yes"\n'],
        ["bad list", ["render", "castai-eks", ...SETS, "--set", "subnetIds=subnet-1"], `kubegrant: subnetIds: must be a JSON list such as '["a","b"]', got "subnet-1"\n`],
        ["malformed set", ["render", "castai-eks", "--set", "clusterName"], 'kubegrant: --set: takes key=value, got "clusterName"\n'],
        ["no preset", ["render"], `kubegrant: preset: is required (known: ${presetNames().join(", ")})\n`],
        ["unknown command", ["show"], 'kubegrant: command: unknown command "show" (known: render, diff)\n'],
        ["unknown option", ["render", "castai-eks", "--sett", "a=b"], "kubegrant: --sett: is not an option of render (options: --set, --format)\n"],
    ];
    for (const [what, argv, message] of bad) {
        it(`exits 2 with one line on stderr and nothing on stdout: ${what}`, async () => {
            const { code, out, err } = await run(...argv);
            assert.strictEqual(err, message);
            assert.strictEqual(out, "");
            assert.strictEqual(code, 2);
        });
    }
});

describe("render as a real process", () => {
    const cli = (...args: string[]) => spawnSync(process.execPath,
        ["-r", "ts-node/register/transpile-only", join(__dirname, "..", "components", "render", "cli.ts"), ...args],
        { encoding: "utf8", cwd: join(__dirname, "..") });

    it("exits 2 on bad input with one line and no stack trace", () => {
        const r = cli("render", "castai-eks", ...SETS, "--set", "region=mars");
        assert.strictEqual(r.status, 2);
        assert.strictEqual(r.stdout, "");
        assert.strictEqual(r.stderr, "kubegrant: region: is set twice\n");
    });

    it("exits 0 and prints parseable JSON", () => {
        const r = cli("render", "castai-eks", ...SETS);
        assert.strictEqual(r.status, 0, r.stderr);
        assert.strictEqual(JSON.parse(r.stdout).preset, "castai-eks");
    });
});

describe("render without a cloud's provider package", () => {
    // Here every provider is installed: hide some from resolution (tests/consumer.test.ts runs real projects without them).
    const hiding = (packages: readonly string[], fn: () => void) => {
        const Module = NodeModule as unknown as { _resolveFilename(request: string, ...rest: unknown[]): string };
        const original = Module._resolveFilename;
        Module._resolveFilename = function (request: string, ...rest: unknown[]) {
            if (packages.includes(request)) throw Object.assign(new Error(`Cannot find module '${request}'`), { code: "MODULE_NOT_FOUND" });
            return original.call(this, request, ...rest);
        };
        try {
            fn();
        } finally {
            Module._resolveFilename = original;
        }
    };

    it("names the package to install instead of printing a stack trace", () => {
        hiding(["@pulumi/gcp"], () => assert.throws(() => loadPreset("castai-gke"),
            { message: "preset: castai-gke needs @pulumi/gcp, not installed: npm install @pulumi/gcp" }));
    });

    it("names every missing package at once (castai-aks needs two)", () => {
        hiding(["@pulumi/azure-native", "@pulumi/azuread"], () => assert.throws(() => loadPreset("castai-aks"),
            { message: "preset: castai-aks needs @pulumi/azure-native and @pulumi/azuread, not installed: npm install @pulumi/azure-native @pulumi/azuread" }));
        hiding(["@pulumi/azuread"], () => assert.throws(() => loadPreset("castai-aks"),
            { message: "preset: castai-aks needs @pulumi/azuread, not installed: npm install @pulumi/azuread" }));
    });
});
