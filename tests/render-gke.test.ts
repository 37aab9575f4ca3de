import * as assert from "assert";
import { spawnSync } from "child_process";
import { existsSync } from "fs";
import { join } from "path";
import { run } from "./support/cli";
import { CASTAI_SA, NODE_SA_IDS } from "./support/gke-values";

const BASE = ["--set", "projectId=acme-prod", "--set", "clusterName=prod-eu", "--set", "location=europe-west1"];
const SETS = [...BASE, "--set", `castaiServiceAccount=${CASTAI_SA}`, "--set", `nodeServiceAccountIds=${JSON.stringify(NODE_SA_IDS)}`];
const KEY_SETS = [...BASE, "--set", "mode=key", "--set", `nodeServiceAccountIds=${JSON.stringify(NODE_SA_IDS)}`];
const ALL_FEATURES = ["--set", "loadBalancersTargetBackendPools=true", "--set", "loadBalancersUnmanagedInstanceGroups=true",
    "--set", 'computeManagerProjectIds=["acme-sole-tenant"]',
    "--set", "cloudProxyWorkloadIdentity=true"];
const EMAIL = "castai-gke-f00c9019@acme-prod.iam.gserviceaccount.com";
const SHARED = join(__dirname, "..", "..", "shared");

type R = { type: string; name: string; parent: string | null; inputs: Record<string, unknown> };

describe("render castai-gke", () => {
    it("prints the JSON contract in impersonation mode: 10 resources, no key, outputs", async () => {
        const { code, out, err } = await run("render", "castai-gke", ...SETS);
        assert.strictEqual(err, "");
        assert.strictEqual(code, 0);
        const r = JSON.parse(out);
        assert.deepStrictEqual(Object.keys(r), ["preset", "resources", "outputs"]);
        assert.strictEqual(r.preset, "castai-gke");
        assert.strictEqual(r.resources.length, 10);
        for (const res of r.resources) assert.deepStrictEqual(Object.keys(res), ["type", "name", "parent", "inputs"]);
        assert.deepStrictEqual(r.resources[0], { type: "kubegrant:castai:CastAiGkeAccess", name: "castai", parent: null, inputs: {} });
        assert.ok(!r.resources.some((x: R) => x.type === "gcp:serviceaccount/key:Key"));
        assert.deepStrictEqual(r.outputs, {
            serviceAccountEmail: EMAIL,
            serviceAccountId: "castai-gke-f00c9019",
            serviceAccountUniqueId: "100000000000000000001",
            customRoleId: "projects/acme-prod/roles/castai.gkeAccess.f00c9019",
            mode: "impersonation",
            propagationDelaySeconds: 0,
            ready: EMAIL,
        });
    });

    it("key mode: 9 resources with one key, the private key only as \"[secret]\"", async () => {
        const { code, out } = await run("render", "castai-gke", ...KEY_SETS);
        assert.strictEqual(code, 0);
        const r = JSON.parse(out);
        assert.strictEqual(r.resources.length, 9);
        assert.deepStrictEqual(r.resources.filter((x: R) => x.type === "gcp:serviceaccount/key:Key").map((x: R) => x.name), ["castai-access-key"]);
        assert.strictEqual(r.outputs.privateKey, "[secret]");
        assert.ok(!out.includes("mock-private-key") && !out.includes(Buffer.from('{"type"').toString("base64").slice(0, 8)));
    });

    it("all features: role and binding per compute-manager project, Workload Identity, 44 permissions", async () => {
        const { code, out } = await run("render", "castai-gke", ...SETS, ...ALL_FEATURES);
        assert.strictEqual(code, 0);
        const r = JSON.parse(out);
        assert.strictEqual(r.resources.length, 13);
        const role = r.resources.find((x: R) => x.name === "castai-access-role");
        assert.strictEqual((role.inputs.permissions as string[]).length, 44);
    });

    for (const [mode, sets] of [["impersonation", [...SETS, ...ALL_FEATURES]], ["key", KEY_SETS]] as const) {
        it(`every permission of the ${mode} render is known to ../shared/tools/check-permissions.mjs`, async function () {
            const tool = join(SHARED, "tools", "check-permissions.mjs");
            if (!existsSync(tool)) {
                console.log(`      (skipped: ${tool} is absent; clone the shared tools next to the repository to run it)`);
                return this.skip();
            }
            const { out } = await run("render", "castai-gke", ...sets);
            const check = spawnSync(process.execPath, [tool], { input: out, encoding: "utf8" });
            assert.strictEqual(check.status, 0, check.stdout + check.stderr);
            assert.match(check.stdout, /GCP permissions, 0 Azure actions checked: 0 unknown, 0 warnings/);
        });
    }

    it("prints a markdown review: each permission with why, conditions, members, APIs kept on destroy", async () => {
        const { code, out } = await run("render", "castai-gke", ...SETS, "--format", "markdown");
        assert.strictEqual(code, 0);
        assert.match(out, /^# kubegrant review: Cast AI on GCP \(GKE\) \(`castai-gke`\)/);
        assert.match(out, /Custom role `castai.gkeAccess.f00c9019` in project `acme-prod` .*39 permissions/);
        assert.match(out, /\| `compute.instances.detachDisk` \| node lifecycle \(volumes\): .*\[castai\/terraform-provider-castai castai\/policies\/gke\/iam-policy.json\]\(https:\/\/github.com\/castai\/terraform-provider-castai\/blob\/58fea27d74e9e2aa75ff47b3b902b6cfc1c33423\/castai\/policies\/gke\/iam-policy.json\) @ master 58fea27d74e9\) \|/);
        assert.match(out, /Grants `roles\/iam.serviceAccountUser` on project `acme-prod` to `serviceAccount:castai-gke-f00c9019@acme-prod.iam.gserviceaccount.com` \(non-authoritative.*\n\n- Condition: \*\*castai_node_service_accounts_only\*\*/);
        assert.match(out, /- Condition: \*\*SpecificServiceAccountCondition\*\* \(Allow impersonation only for Cast AI service account\): `request.auth.claims.email == "cast-gke-1a2b3c4d@prod-cast-identity.iam.gserviceaccount.com"`/);
        assert.match(out, /Enables API `serviceusage.googleapis.com` in project `acme-prod`; destroying the stack leaves it enabled/);
        assert.doesNotMatch(out, /no catalog entry/);
        assert.doesNotMatch(out, /```json/);
    });

    it("the markdown report's Risks section is empty by default and names the project-wide opt-in when set", async () => {
        const scoped = await run("render", "castai-gke", ...SETS, "--format", "markdown");
        assert.match(scoped.out, /\n## Risks\n\nNone: no grant of this render holds a known escalation path/);
        const wide = await run("render", "castai-gke", ...BASE, "--set", `castaiServiceAccount=${CASTAI_SA}`, "--set", "allowProjectWideServiceAccountUse=true", "--format", "markdown");
        assert.strictEqual(wide.code, 0);
        assert.match(wide.out, /- Condition: none \(unconditional\)\n- Why: node service account \(allowProjectWideServiceAccountUse\): /);
        const risks = wide.out.slice(wide.out.indexOf("\n## Risks\n"), wide.out.indexOf("\n## Outputs\n"));
        assert.match(risks, /^\n## Risks\n\n- \*\*node service account \(allowProjectWideServiceAccountUse\)\*\*: roles\/iam.serviceAccountUser on the whole project with no condition: .*start a VM as any service account of the project/);
        assert.strictEqual(risks.split("\n- ").length, 2, "exactly one risk");
    });

    it("prints no Kubernetes objects as YAML (the Kubernetes service account needs a provider)", async () => {
        const { code, out } = await run("render", "castai-gke", ...SETS, "--format", "yaml");
        assert.strictEqual(code, 0);
        assert.strictEqual(out, "# preset castai-gke creates no Kubernetes objects\napiVersion: v1\nkind: List\nitems: []\n");
    });

    const PROJECT_RULE = "must be a GCP project ID: 6-30 lower-case letters, digits and hyphens, starting with a letter and not ending with a hyphen";
    const bad: [string, string[], string][] = [
        ["missing project", ["--set", "clusterName=prod-eu"], "kubegrant: projectId: is required by preset castai-gke (--set projectId=...)\n"],
        ["bad project", [...SETS.slice(2), "--set", "projectId=Acme"], `kubegrant: projectId: ${PROJECT_RULE}, got "Acme"\n`],
        ["short project", [...SETS.slice(2), "--set", "projectId=acme"], `kubegrant: projectId: ${PROJECT_RULE}, got "acme"\n`],
        ["bad location", [...SETS.slice(0, 4), ...SETS.slice(6), "--set", "location=eu"], 'kubegrant: location: must be a GCP region or zone such as europe-west1 or europe-west1-b, got "eu"\n'],
        ["bad cluster name", [...SETS.slice(0, 2), ...SETS.slice(4), "--set", "clusterName=Prod_EU"],
            'kubegrant: clusterName: must be a GKE cluster name: 1-40 lower-case letters, digits and hyphens, starting with a letter and ending with a letter or digit, got "Prod_EU"\n'],
        ["bad Cast AI account", [...BASE, "--set", "castaiServiceAccount=ops@example.com"],
            'kubegrant: castaiServiceAccount: must be a service account e-mail such as cast-gke-1a2b3c4d@prod-cast-identity.iam.gserviceaccount.com, got "ops@example.com"\n'],
        ["missing Cast AI account", BASE,
            'kubegrant: castaiServiceAccount: is required in mode "impersonation" (the account Cast AI returns from gcp-create-sa, cast-gke-<hash>@prod-cast-identity.iam.gserviceaccount.com); to use a service-account key instead, set mode to "key"\n'],
        ["missing node IDs", [...BASE, "--set", `castaiServiceAccount=${CASTAI_SA}`],
            "kubegrant: nodeServiceAccountIds: is required: the unique IDs (21 digits) of the node pools' service accounts, the only ones Cast AI may act as (gcloud iam service-accounts describe EMAIL --format='value(uniqueId)'); to let Cast AI act as every service account of the project instead, set allowProjectWideServiceAccountUse to true\n"],
        ["unknown mode", [...SETS, "--set", "mode=workload"], 'kubegrant: mode: must be one of "impersonation", "key", got "workload"\n'],
        ["malformed JSON list", [...BASE, "--set", `castaiServiceAccount=${CASTAI_SA}`, "--set", "nodeServiceAccountIds=[1,"],
            `kubegrant: nodeServiceAccountIds: must be a JSON list such as '["a","b"]', got "[1,"\n`],
        ["JSON that is not a list", [...SETS, "--set", 'computeManagerProjectIds={"a":1}'],
            `kubegrant: computeManagerProjectIds: must be a JSON list such as '["a","b"]', got "{\\"a\\":1}"\n`],
        ["list of numbers", [...BASE, "--set", `castaiServiceAccount=${CASTAI_SA}`, "--set", "nodeServiceAccountIds=[1]"],
            "kubegrant: nodeServiceAccountIds[0]: must be a string, got 1\n"],
        ["unknown key", [...SETS, "--set", "region=europe-west1"],
            "kubegrant: region: is not a key of preset castai-gke (known: projectId, clusterName, location, mode, castaiServiceAccount, nodeServiceAccountIds, allowProjectWideServiceAccountUse, computeManagerProjectIds, cloudProxyWorkloadIdentity, cloudProxyNamespace, loadBalancersTargetBackendPools, loadBalancersUnmanagedInstanceGroups, propagationDelaySeconds, clusterRbac)\n"],
        ["bad boolean", [...SETS, "--set", "cloudProxyWorkloadIdentity=on"], 'kubegrant: cloudProxyWorkloadIdentity: must be true or false, got "on"\n'],
        ["bad delay", [...SETS, "--set", "propagationDelaySeconds=three"], 'kubegrant: propagationDelaySeconds: must be a decimal number such as 12, got "three"\n'],
        ["delay out of range", [...SETS, "--set", "propagationDelaySeconds=900"], "kubegrant: propagationDelaySeconds: must be a whole number of seconds from 0 to 600, got 900\n"],
    ];
    for (const [what, sets, message] of bad) {
        it(`exits 2 with one line on stderr and nothing on stdout: ${what}`, async () => {
            const { code, out, err } = await run("render", "castai-gke", ...sets);
            assert.strictEqual(err, message);
            assert.strictEqual(out, "");
            assert.strictEqual(code, 2);
        });
    }
});
