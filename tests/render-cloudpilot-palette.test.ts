import * as assert from "assert";
import { run } from "./support/cli";

const CP = ["--set", "clusterName=prod-eu", "--set", "accountId=123456789012", "--set", "region=eu-central-1"];
const PA = ["--set", "accountId=123456789012", "--set", "trustedAccountId=111122223333", "--set", "externalId=palette-ext-7f3a"];
const CORE = ["--set", "variant=core", "--set", "allowIamPrivilegeEscalation=true"];

describe("render cloudpilot-eks and palette-aws", () => {
    it("renders cloudpilot-eks in each trust mode", async () => {
        const counts: Record<string, number> = {};
        for (const [mode, extra] of [["podIdentity", []], ["irsa", ["--set", "oidcProviderArn=arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-central-1.amazonaws.com/id/ABC"]],
            ["crossAccount", ["--set", "trustedPrincipalArn=arn:aws:iam::999988887777:role/cp", "--set", "externalId=ext-123"]]] as const) {
            const { code, out, err } = await run("render", "cloudpilot-eks", ...CP, "--set", `trust=${mode}`, ...extra);
            assert.strictEqual(err, "");
            assert.strictEqual(code, 0);
            const r = JSON.parse(out);
            counts[mode] = r.resources.length;
            const policy = r.resources.find((x: { type: string }) => x.type === "aws:iam/policy:Policy");
            assert.strictEqual(policy.inputs.name, "CloudPilotControllerPolicy-prod-eu");
            assert.strictEqual(policy.inputs.policy.Statement.length, 13);
            assert.strictEqual(r.outputs.trust, mode);
        }
        assert.deepStrictEqual(counts, { podIdentity: 13, irsa: 12, crossAccount: 12 });
    });

    it("prints a markdown review of cloudpilot-eks with every statement explained", async () => {
        const { code, out } = await run("render", "cloudpilot-eks", ...CP, "--format", "markdown");
        assert.strictEqual(code, 0);
        assert.match(out, /\| ConditionalEC2Termination \| `ec2:TerminateInstances` \| `arn:aws:ec2:eu-central-1:123456789012:instance\/\*` \| StringEquals `ec2:ResourceTag\/kubernetes.io\/cluster\/prod-eu` = `owned`; StringLike `ec2:ResourceTag\/karpenter.sh\/nodepool` = `\*` \| node lifecycle/);
        assert.match(out, /\n## Risks\n\nNone: /);
        assert.match(out, /EKS Pod Identity association: pods of service account `cloudpilot\/cloudpilot-aws-optimizer` in cluster `prod-eu`/);
        assert.doesNotMatch(out, /no catalog entry/);
    });

    it("renders palette-aws as a role or a user, secrets redacted", async () => {
        const role = JSON.parse((await run("render", "palette-aws", ...PA)).out);
        assert.strictEqual(role.resources.length, 5);
        const core = JSON.parse((await run("render", "palette-aws", ...PA, ...CORE)).out);
        assert.strictEqual(core.resources.length, 11);
        const user = JSON.parse((await run("render", "palette-aws", "--set", "accountId=123456789012", "--set", "identity=user", "--set", "eks=true", ...CORE)).out);
        assert.strictEqual(user.resources.length, 14);
        assert.strictEqual(user.outputs.secretAccessKey, "[secret]");
        const minimum = (await run("render", "palette-aws", ...PA, "--format", "markdown")).out;
        assert.match(minimum, /Customer managed policy `PaletteMinimumIaaSDynamicPolicy`, attached to role `SpectroCloudRole`/);
        assert.match(minimum, /\n## Risks\n\nNone: /);
        const { out } = await run("render", "palette-aws", ...PA, ...CORE, "--format", "markdown");
        assert.match(out, /Customer managed policy `PaletteControllerPolicy`, attached to role `SpectroCloudRole`/);
        assert.doesNotMatch(out, /no catalog entry/);
        const risks = out.split("\n## Risks\n")[1].split("\n## ")[0];
        assert.match(risks, /- \*\*cluster lifecycle \(CAPA controllers\)\*\*: s3:PutBucketPolicy/);
        assert.match(risks, /- \*\*cluster deployment\*\*: iam:CreatePolicyVersion/);
        assert.strictEqual(risks.match(/^- /gm)!.length, 2, risks);
        assert.doesNotMatch(risks, /PaletteEksAnyRole/);
    });

    const bad: [string, string[], string][] = [
        ["cloudpilot missing key", ["render", "cloudpilot-eks", "--set", "clusterName=x"], "kubegrant: accountId: is required by preset cloudpilot-eks (--set accountId=...)\n"],
        ["cloudpilot bad trust", ["render", "cloudpilot-eks", ...CP, "--set", "trust=keys"], 'kubegrant: trust: must be one of "podIdentity", "irsa", "crossAccount", got "keys"\n'],
        ["cloudpilot irsa without provider", ["render", "cloudpilot-eks", ...CP, "--set", "trust=irsa"], 'kubegrant: oidcProviderArn: is required when trust is "irsa" (the IAM OIDC provider of the cluster)\n'],
        ["palette without external ID", ["render", "palette-aws", "--set", "accountId=123456789012", "--set", "trustedAccountId=111122223333"], 'kubegrant: externalId: is required when identity is "role" (the external ID Palette shows for STS)\n'],
        ["palette core without the opt-in", ["render", "palette-aws", ...PA, "--set", "variant=core"], 'kubegrant: variant: "core" grants iam:CreatePolicyVersion, iam:AttachGroupPolicy and sts:AssumeRole on "*" (and with eks iam:CreateRole and iam:AttachRolePolicy on every role): set allowIamPrivilegeEscalation=true to accept that, or use minimum-dynamic or minimum-static\n'],
        ["palette over quota", ["render", "palette-aws", ...PA, ...CORE, "--set", "eks=true", "--set", "maxManagedPolicies=4"], "kubegrant: maxManagedPolicies: the role would have 5 managed policies (PaletteControllerPolicy, PaletteControlPlanePolicy, PaletteNodesPolicy, PaletteDeploymentPolicy, PaletteControllersEKSPolicy); AWS allows 4 per role (set combinePolicies=true to pack them into fewer, or raise the quota and set maxManagedPolicies)\n"],
    ];
    for (const [what, argv, message] of bad) {
        it(`exits 2 with one line: ${what}`, async () => {
            const { code, out, err } = await run(...argv);
            assert.deepStrictEqual([code, out, err], [2, "", message]);
        });
    }
});
