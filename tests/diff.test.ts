import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { run } from "./support/cli";
import { Grant, escalationsOf } from "../components/core/escalations";
import { DiffResult } from "../components/render/diff";

const EKS = ["--set", "clusterName=prod-eu", "--set", "clusterId=3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b", "--set", "accountId=123456789012",
    "--set", "region=eu-central-1", "--set", "vpcId=vpc-0a1b2c3d4e5f67890"];
const HARDENED = ["--set", "hardened=true", "--set", 'subnetIds=["subnet-0a1b2c3d"]', "--set", 'securityGroupIds=["sg-0a1b2c3d"]'];

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kubegrant-diff-"));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Renders to a file (as `render --format json > file`) and returns its path. */
async function renderFile(name: string, ...argv: string[]): Promise<string> {
    const r = await run("render", ...argv);
    assert.strictEqual(r.code, 0, r.err);
    const file = path.join(dir, `${name}.json`);
    fs.writeFileSync(file, r.out);
    return file;
}

function write(name: string, value: unknown): string {
    const file = path.join(dir, name);
    fs.writeFileSync(file, typeof value === "string" ? value : JSON.stringify(value));
    return file;
}

describe("kubegrant diff", function () {
    this.timeout(60_000);
    let eksDefault: string;
    let eksHardened: string;
    let eksPassAny: string;
    let k8sPhase1: string;
    let k8sPhase2: string;
    before(async () => {
        eksDefault = await renderFile("eks-default", "castai-eks", ...EKS);
        eksHardened = await renderFile("eks-hardened", "castai-eks", ...EKS, ...HARDENED);
        eksPassAny = await renderFile("eks-pass-any", "castai-eks", ...EKS, "--set", "allowPassAnyRole=true");
        k8sPhase1 = await renderFile("k8s-1", "castai-kubernetes");
        k8sPhase2 = await renderFile("k8s-2", "castai-kubernetes", "--set", "extendedPermissions=true");
    });

    it("a bug exits 3 for diff (1 means changes) and 1 for render, with one internal-error line", async () => {
        const { main } = await import("../components/render/cli");
        const broken = () => { throw new Error("stdout closed"); };
        const errs: string[] = [];
        assert.strictEqual(await main(["diff", eksDefault, eksHardened], broken, (s) => errs.push(s)), 3);
        assert.strictEqual(await main(["render", "castai-kubernetes"], broken, (s) => errs.push(s)), 1);
        assert.deepStrictEqual(errs.map((e) => e.split("\n")[0]), ["kubegrant: internal error: Error: stdout closed", "kubegrant: internal error: Error: stdout closed"]);
    });

    it("two renders of the same values: no change, exit 0", async () => {
        const r = await run("diff", eksDefault, eksDefault);
        assert.strictEqual(r.code, 0, r.err);
        assert.strictEqual(r.out, "kubegrant diff castai-eks (Cast AI on AWS (EKS)): no change\n");
        assert.strictEqual(r.err, "");
    });

    it("default vs hardened (json): the hardened statements added with their catalog entry, the default ones removed, exit 1", async () => {
        const r = await run("diff", eksDefault, eksHardened, "--format", "json");
        assert.strictEqual(r.code, 1, r.err);
        const d = JSON.parse(r.out) as DiffResult;
        assert.strictEqual(d.preset, "castai-eks");
        assert.strictEqual(d.risky, 0);
        const policy = d.resources.find((x) => x.name === "castai-access-policy")!;
        assert.strictEqual(policy.status, "changed");
        const passRole = policy.added.find((c) => c.kind === "action" && c.item === "iam:PassRole")!;
        assert.strictEqual(passRole.where, "policy statement PassRoleNodeRoleOnly");
        assert.strictEqual(passRole.feature, "node provisioning (hardened)");
        assert.match(passRole.source!, /terraform-provider-castai .* @ master [0-9a-f]{12}/);
        assert.deepStrictEqual(passRole.risks, []);
        assert.ok(policy.removed.some((c) => c.kind === "action" && c.item === "iam:PassRole" && c.where === "policy statement PassRoleEC2"));
        // The listed security group replaces any security group of the account.
        assert.ok(policy.added.some((c) => c.kind === "resource" && c.item === "arn:aws:ec2:eu-central-1:123456789012:security-group/sg-0a1b2c3d"));
        assert.ok(policy.removed.some((c) => c.kind === "resource" && c.item === "arn:aws:ec2:eu-central-1:123456789012:security-group/*"));
        // IAMReadOnlyAccess is detached (its attachment, keyed by the ARN's hash, is removed).
        const detached = d.resources.find((x) => x.status === "removed")!;
        assert.deepStrictEqual(detached.removed, [{ kind: "AWS-managed policy", where: "attached to castai-eks-prod-eu", item: "arn:aws:iam::aws:policy/IAMReadOnlyAccess" }]);
        // Every addition has a catalog entry.
        for (const c of d.resources.flatMap((x) => x.added)) assert.ok(c.why, `${c.kind} ${c.item} has no why`);
        // Reversed, additions and removals swap.
        const back = JSON.parse((await run("diff", eksHardened, eksDefault, "--format", "json")).out) as DiffResult;
        assert.strictEqual(back.added, d.removed);
        assert.strictEqual(back.removed, d.added);
    });

    it("an addition holding an escalation pattern is marked risky; --fail-on risk exits 1 for it and 0 for a change without one", async () => {
        const r = await run("diff", eksDefault, eksPassAny, "--format", "json", "--fail-on", "risk");
        assert.strictEqual(r.code, 1, r.err);
        const d = JSON.parse(r.out) as DiffResult;
        assert.ok(d.risky > 0);
        const any = d.resources.flatMap((x) => x.added).find((c) => c.kind === "resource" && c.item === "arn:aws:iam::123456789012:role/*");
        assert.ok(any, r.out);
        assert.deepStrictEqual(any.risks!.map((x) => x.id), ["aws-passrole-any-role", "catalog"]);
        const safe = await run("diff", eksDefault, eksHardened, "--fail-on", "risk");
        assert.strictEqual(safe.code, 0, safe.err);
        assert.match(safe.out, /^kubegrant diff castai-eks \(Cast AI on AWS \(EKS\)\): \d+ added \(0 risky\), \d+ removed, in 3 resources\n/);
    });

    it("castai-kubernetes phase 1 vs 2 (markdown): RBAC rules per apiGroup, resource, verb and name, risky additions first", async () => {
        const r = await run("diff", k8sPhase1, k8sPhase2, "--format", "markdown");
        assert.strictEqual(r.code, 1, r.err);
        assert.match(r.out, /^## kubegrant diff: Cast AI in the cluster \(Kubernetes RBAC\) \(`castai-kubernetes`\)\n\n\d+ added \(\d+ risky\), 0 removed/);
        const risky = r.out.slice(r.out.indexOf("### Risky changes"), r.out.indexOf("\n### +"));
        assert.match(risky, /`castai-rbac-role-castai-agent-castai-cluster-controller` Role castai-agent\/castai-cluster-controller, added: rule `\* \* \*`\. \*\*k8s-escalate-bind-impersonate\*\*/);
        assert.match(risky, /rule `admissionregistration\.k8s\.io mutatingwebhookconfigurations patch \(name castai-pod-pinner\)`/);
        // Pinned by name, the webhook rule is not the unpinned pattern; its catalog entry names the risk.
        assert.doesNotMatch(risky, /k8s-admission-webhooks/);
        assert.match(r.out, /\| \+ \| ClusterRoleBinding castai-evictor \| binding `ServiceAccount castai-agent\/castai-evictor to ClusterRole castai-evictor` \|/);
    });

    it("a removal that widens what remains is marked: the launch-only condition dropped from CreateTags", async () => {
        const before = JSON.parse(fs.readFileSync(eksDefault, "utf8")) as { resources: { name: string; inputs: { policy?: { Statement: { Sid?: string; Condition?: unknown }[] } } }[] };
        const policy = before.resources.find((x) => x.name === "castai-access-policy")!.inputs.policy!;
        const tagging = policy.Statement.find((s) => s.Sid === "TagResourcesOnLaunch")!;
        delete tagging.Condition;
        const r = await run("diff", eksDefault, write("no-create-action.json", before), "--format", "json", "--fail-on", "risk");
        assert.strictEqual(r.code, 1, r.err);
        const d = JSON.parse(r.out) as DiffResult;
        assert.strictEqual(d.added, 0);
        assert.deepStrictEqual(d.resources.flatMap((x) => x.removed), [{
            kind: "condition", where: "policy statement TagResourcesOnLaunch", item: "StringEquals ec2:CreateAction = RunInstances",
            risks: [{ id: "aws-tag-into-scope", what: "ec2:CreateTags/DeleteTags on any instance (no ec2:CreateAction, resource-tag or tag-key condition), beside actions conditioned on a resource tag: tag an instance into the scope those actions trust (what remains holds it once this is removed)" }],
        }]);
        assert.strictEqual(d.risky, 1);
    });

    it("--from <render.json> <preset> --set ... compares against the current render", async () => {
        const same = await run("diff", "--from", eksDefault, "castai-eks", ...EKS);
        assert.strictEqual(same.code, 0, same.err);
        const json = await run("diff", "--from", eksDefault, "castai-eks", ...EKS, ...HARDENED, "--format", "json");
        const files = await run("diff", eksDefault, eksHardened, "--format", "json");
        assert.strictEqual(json.code, 1);
        assert.strictEqual(json.out, files.out);
    });

    const bad: [string, () => string[], string | (() => string)][] = [
        ["different presets", () => [eksDefault, k8sPhase1], `kubegrant: diff: compares two renders of one preset, got "castai-eks" (${path.join(dir, "eks-default.json")}) and "castai-kubernetes" (${path.join(dir, "k8s-1.json")})\n`],
        ["--from with another preset", () => ["--from", k8sPhase1, "castai-eks", ...EKS], `kubegrant: diff: compares two renders of one preset, got "castai-kubernetes" (${path.join(dir, "k8s-1.json")}) and "castai-eks"\n`],
        ["another format version", () => [write("v2.json", { formatVersion: 2, preset: "castai-eks", resources: [], outputs: {} }), eksDefault],
            `kubegrant: ${path.join(dir, "v2.json")}: is render JSON format version 2; this kubegrant reads version 1 (render both files with one kubegrant version)\n`],
        ["a field of another format", () => [eksDefault, write("extra.json", { preset: "castai-eks", resources: [], outputs: {}, grants: [] })],
            `kubegrant: ${path.join(dir, "extra.json")}: is not the output of kubegrant render --format json: unknown field "grants" (another version of the format?)\n`],
        ["a markdown render", () => [write("report.md", "# kubegrant review"), eksDefault], `kubegrant: ${path.join(dir, "report.md")}: is not JSON (write it with kubegrant render <preset> --format json)\n`],
        ["a bad resource", () => [write("bad.json", { preset: "castai-eks", resources: [{ type: "x" }], outputs: {} }), eksDefault],
            `kubegrant: ${path.join(dir, "bad.json")}: is not the output of kubegrant render --format json: resources[0] is not {"type", "name", "parent", "inputs"}\n`],
        ["a missing file", () => [path.join(dir, "nope.json"), eksDefault], `kubegrant: ${path.join(dir, "nope.json")}: cannot be read (ENOENT)\n`],
        ["one file", () => [eksDefault], "kubegrant: diff: takes two render files (<before.json> <after.json>) or --from <before.json> <preset>, got 1 argument\n"],
        ["--set without --from", () => [eksDefault, eksDefault, "--set", "a=b"], "kubegrant: --set: is for diff --from <before.json> <preset> (two render files take no --set)\n"],
        ["bad format", () => [eksDefault, eksDefault, "--format", "yaml"], 'kubegrant: --format: must be one of text, markdown, json, got "yaml"\n'],
        ["bad --fail-on", () => [eksDefault, eksDefault, "--fail-on", "any"], 'kubegrant: --fail-on: must be one of change, risk, got "any"\n'],
        ["unknown option", () => [eksDefault, eksDefault, "--quiet"], "kubegrant: --quiet: is not an option of diff (options: --from, --set, --format, --fail-on)\n"],
        ["--from twice", () => ["--from", eksDefault, "--from", eksDefault, "castai-eks"], () => `kubegrant: --from: is given twice ("${eksDefault}" and "${eksDefault}")\n`],
        ["--from bad --set", () => ["--from", eksDefault, "castai-eks", ...EKS, "--set", "ipv6=yes"], 'kubegrant: ipv6: must be true or false, got "yes"\n'],
    ];
    for (const [what, argv, message] of bad) {
        it(`exits 2 with one line on stderr and nothing on stdout: ${what}`, async () => {
            const { code, out, err } = await run("diff", ...argv());
            assert.strictEqual(err, typeof message === "function" ? message() : message);
            assert.strictEqual(out, "");
            assert.strictEqual(code, 2);
        });
    }
});

describe("kubegrant diff --help", () => {
    it("prints the usage (both commands) and exits 0", async () => {
        const { code, out, err } = await run("diff", "--help");
        assert.strictEqual(code, 0);
        assert.strictEqual(err, "");
        assert.match(out, /^usage: kubegrant render .*\n {7}kubegrant diff <before\.json> <after\.json> \[--format text\|markdown\|json\] \[--fail-on risk\]\n {7}kubegrant diff --from /);
    });
});

describe("kubegrant --version", () => {
    it("prints package.json's version and exits 0", async () => {
        const { version } = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "package.json"), "utf8")) as { version: string };
        assert.deepStrictEqual(await run("--version"), { code: 0, out: `${version}\n`, err: "" });
    });
});

describe("escalation patterns (components/core/escalations.ts)", () => {
    const aws = (action: string, resources: string[], conditionKeys: string[] = [], tagTrusted = true): Grant => ({ cloud: "aws", action, resources, conditionKeys, tagTrusted });
    const kube = (apiGroup: string, resource: string, verb: string, clusterWide: boolean, names: string[] = []): Grant => ({ cloud: "kubernetes", apiGroup, resource, verb, names, clusterWide });
    const ids = (g: Grant) => escalationsOf(g).map((p) => p.id);
    const cases: [string, Grant, string[]][] = [
        ["PassRole of any role", aws("iam:PassRole", ["*"]), ["aws-passrole-any-role"]],
        ["PassRole of a role wildcard", aws("iam:PassRole", ["arn:aws:iam::123456789012:role/*"]), ["aws-passrole-any-role"]],
        ["PassRole of the node role (near miss)", aws("iam:PassRole", ["arn:aws:iam::123456789012:role/castai-eks-instance-prod-eu"]), []],
        ["iam:* holds PassRole and policy writes", aws("iam:*", ["*"]), ["aws-wildcard-action", "aws-passrole-any-role", "aws-policy-write", "aws-credentials", "aws-trust-rewrite"]],
        ["CreateTags without CreateAction", aws("ec2:CreateTags", ["*"]), ["aws-tag-into-scope"]],
        ["CreateTags on launch only (near miss)", aws("ec2:CreateTags", ["*"], ["ec2:CreateAction"]), []],
        ["CreateTags only on instances in scope already (near miss)", aws("ec2:CreateTags", ["*"], ["ec2:ResourceTag/kubernetes.io/cluster/prod-eu"]), []],
        ["CreateTags where no action trusts a tag (near miss: tagging gains nothing)", aws("ec2:CreateTags", ["*"], [], false), []],
        ["AttachRolePolicy of any policy", aws("iam:AttachRolePolicy", ["arn:aws:iam::123456789012:role/*.cluster-api-provider-aws.sigs.k8s.io"]), ["aws-policy-write"]],
        ["AttachRolePolicy of the policies iam:PolicyARN names (near miss)", aws("iam:AttachRolePolicy", ["arn:aws:iam::123456789012:role/*.cluster-api-provider-aws.sigs.k8s.io"], ["iam:PolicyARN"]), []],
        ["PutRolePolicy of one named role (near miss)", aws("iam:PutRolePolicy", ["arn:aws:iam::123456789012:role/castai-node"]), []],
        ["GCP actAs", { cloud: "gcp", permission: "iam.serviceAccounts.actAs" }, ["gcp-act-as"]],
        ["GCP serviceAccountUser project-wide, no condition", { cloud: "gcp", role: "roles/iam.serviceAccountUser", projectWide: true, conditioned: false }, ["gcp-act-as"]],
        ["GCP serviceAccountUser with a condition (near miss)", { cloud: "gcp", role: "roles/iam.serviceAccountUser", projectWide: true, conditioned: true }, []],
        ["Azure VM wildcard holds runCommand", { cloud: "azure", action: "Microsoft.Compute/virtualMachines/*" }, ["azure-run-command"]],
        ["Azure VM read (near miss)", { cloud: "azure", action: "Microsoft.Compute/virtualMachines/read" }, []],
        ["Kubernetes bind", kube("rbac.authorization.k8s.io", "clusterroles", "bind", true), ["k8s-escalate-bind-impersonate"]],
        ["Kubernetes webhook patch, unnamed", kube("admissionregistration.k8s.io", "mutatingwebhookconfigurations", "patch", true), ["k8s-admission-webhooks"]],
        ["Kubernetes webhook patch, named (near miss)", kube("admissionregistration.k8s.io", "mutatingwebhookconfigurations", "patch", true, ["castai-pod-pinner"]), []],
        ["Kubernetes secrets cluster-wide", kube("", "secrets", "list", true), ["k8s-secrets-cluster-wide"]],
        ["Kubernetes secrets in a namespace (near miss)", kube("", "secrets", "list", false), []],
        // Kubernetes matches RBAC rules exactly (kubernetes/authorize.ts): `*` is the only wildcard, `*\/sub` the only
        // subresource wildcard, and names are case-sensitive; impersonating any user extra is `userextras/<key>`.
        ["Kubernetes impersonate of one user extra", kube("authentication.k8s.io", "userextras/scopes", "impersonate", true), ["k8s-escalate-bind-impersonate"]],
        ["Kubernetes verb * on every resource holds nodes/proxy", kube("", "*", "*", true), ["k8s-escalate-bind-impersonate", "k8s-nodes-proxy", "k8s-serviceaccount-token", "k8s-secrets-cluster-wide"]],
        ["Kubernetes */proxy holds nodes/proxy", kube("", "*/proxy", "get", true), ["k8s-nodes-proxy"]],
        ["Kubernetes nodes/* is no wildcard (near miss)", kube("", "nodes/*", "get", true), []],
        ["Kubernetes Secrets is not secrets (near miss: RBAC is case-sensitive)", kube("", "Secrets", "list", true), []],
        ["Kubernetes secret? is no wildcard (near miss)", kube("", "secret?", "list", true), []],
        ["GCP projects.setIamPolicy", { cloud: "gcp", permission: "resourcemanager.projects.setIamPolicy" }, ["gcp-set-iam-policy"]],
        ["GCP projects.getIamPolicy (near miss)", { cloud: "gcp", permission: "resourcemanager.projects.getIamPolicy" }, []],
    ];
    for (const [what, g, expected] of cases) it(what, () => assert.deepStrictEqual(ids(g), expected));
});
