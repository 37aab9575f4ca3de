import * as assert from "assert";
import { spawnSync } from "child_process";
import { existsSync } from "fs";
import { join } from "path";
import { run } from "./support/cli";
import { AKS, NODE_RG, RG } from "./support/aks-values";


const SETS = Object.entries(AKS).flatMap(([k, v]) => ["--set", `${k}=${v}`]);
const WI = [...SETS, "--set", "castaiIdentitySubject=112233445566778899001", "--set", "location=westeurope"];
const CS = [...SETS, "--set", "authentication=clientSecret"];
const SHARED = join(__dirname, "..", "..", "shared");
const CHECKER = join(SHARED, "tools", "check-permissions.mjs");

interface R { type: string; name: string; parent: string | null; inputs: Record<string, unknown> }
const summary = (r: { resources: R[] }) => r.resources.map((x) => `${x.type} ${x.name}`);

describe("render castai-aks", () => {
    it("renders workload identity by default: 5 resources in 3 components, no secret output", async () => {
        const { code, out, err } = await run("render", "castai-aks", ...WI);
        assert.strictEqual(err, "");
        assert.strictEqual(code, 0);
        const r = JSON.parse(out);
        assert.deepStrictEqual(Object.keys(r), ["preset", "resources", "outputs"]);
        assert.strictEqual(r.preset, "castai-aks");
        assert.deepStrictEqual(summary(r).sort(), [
            "azure-native:authorization:RoleAssignment castai-role-cluster",
            "azure-native:authorization:RoleAssignment castai-role-nodes",
            "azure-native:authorization:RoleDefinition castai-role",
            "azure-native:managedidentity:FederatedIdentityCredential castai-identity-castai",
            "azure-native:managedidentity:UserAssignedIdentity castai-identity",
            "kubegrant:azure:CustomRole castai-role",
            "kubegrant:azure:FederatedIdentity castai-identity",
            "kubegrant:castai:CastAiAksAccess castai",
        ]);
        assert.deepStrictEqual(Object.keys(r.outputs), ["clientId", "tenantId", "principalId", "roleDefinitionId", "roleName", "ready"]);
        assert.strictEqual(r.outputs.roleName, "CastAKSRole-3f2a9c1e");
        const def = r.resources.find((x: R) => x.type === "azure-native:authorization:RoleDefinition");
        assert.deepStrictEqual(def.inputs.assignableScopes, [RG, NODE_RG]);
    });

    it("puts no password or secret anywhere in a workload identity render", async () => {
        const { out } = await run("render", "castai-aks", ...WI);
        const walk = (v: unknown, path: string): void => {
            if (typeof v === "string") assert.doesNotMatch(v, /password|secret/i, path);
            else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
            else if (typeof v === "object" && v !== null) {
                for (const [k, x] of Object.entries(v)) {
                    assert.doesNotMatch(k, /password|secret/i, `${path}.${k}`);
                    walk(x, `${path}.${k}`);
                }
            }
        };
        walk(JSON.parse(out), "render");
    });

    it("renders client-secret mode: 6 resources, the secret only as \"[secret]\"", async () => {
        const { code, out } = await run("render", "castai-aks", ...CS, "--set", 'additionalResourceGroups=["rg-net"]');
        assert.strictEqual(code, 0);
        const r = JSON.parse(out);
        assert.deepStrictEqual(summary(r).filter((s: string) => !s.startsWith("kubegrant:")).sort(), [
            "azure-native:authorization:RoleAssignment castai-role-cluster",
            "azure-native:authorization:RoleAssignment castai-role-nodes",
            "azure-native:authorization:RoleAssignment castai-role-rg-1315c8da",
            "azure-native:authorization:RoleDefinition castai-role",
            "azuread:index/application:Application castai-app",
            "azuread:index/applicationPassword:ApplicationPassword castai-app",
            "azuread:index/servicePrincipal:ServicePrincipal castai-app",
        ]);
        assert.strictEqual(r.outputs.clientSecret, "[secret]");
        assert.ok(!out.includes("mock-client-secret-value"));
        const app = r.resources.find((x: R) => x.type === "azuread:index/application:Application");
        assert.strictEqual(app.inputs.displayName, "CAST.AI prod-weu-3f2a9c1e");
    });

    for (const [mode, argv] of [["workload identity", WI], ["client secret", CS]] as const) {
        it(`passes check-permissions.mjs (every action a known Azure operation): ${mode}`, async function () {
            if (!existsSync(CHECKER)) {
                console.log(`      skipped: ${CHECKER} not found (../shared is not part of this repository)`);
                this.skip();
            }
            const { out } = await run("render", "castai-aks", ...argv);
            const judged = spawnSync(process.execPath, [CHECKER], { input: out, encoding: "utf8" });
            assert.strictEqual(judged.status, 0, judged.stdout + judged.stderr);
            // 36 actions and the 4 run-command notActions.
            assert.match(judged.stdout, /0 GCP permissions, 40 Azure actions checked: 0 unknown/);
        });
    }

    it("prints a markdown review: actions with why, scopes, principals, and start/stop granted", async () => {
        const { code, out } = await run("render", "castai-aks", ...WI, "--format", "markdown");
        assert.strictEqual(code, 0);
        assert.match(out, /^# kubegrant review: Cast AI on Azure \(AKS\) \(`castai-aks`\)/);
        assert.match(out, new RegExp(`Custom role \`CastAKSRole-3f2a9c1e\` .*assignable only at \`${RG}\`, \`${NODE_RG}\``));
        assert.match(out, /\| [^|\n]*`Microsoft.Compute\/disks\/beginGetAccess\/action`[^|\n]* \| node images: /);
        assert.match(out, /\| [^|\n]*`Microsoft.ContainerService\/managedClusters\/start\/action`[^|\n]* \| cluster start: /);
        assert.doesNotMatch(out, /Left out on purpose/);
        assert.match(out, /Assigns role `[^`]+` to ServicePrincipal `[0-9a-f-]+` \(managed identity `prod-weu-castai-identity`\) at `\/subscriptions\/[^`]+\/resourceGroups\/rg-prod` only/);
        assert.match(out, /Federated credential `castai-prod-weu` of identity `prod-weu-castai-identity`: a token issued by `https:\/\/accounts.google.com` with subject `112233445566778899001`/);
        assert.match(out, /\| not `Microsoft.Compute\/virtualMachines\/runCommand\/action` \| excluded from the actions above \|/);
        assert.doesNotMatch(out, /no catalog entry/);
        const cs = await run("render", "castai-aks", ...CS, "--format", "markdown");
        assert.match(cs.out, /App registration `CAST.AI prod-weu-3f2a9c1e`/);
        assert.match(cs.out, /Client secret `Cast AI \(kubegrant\)` of the app registration, valid for 8760h/);
    });

    const bad: [string, string[], string][] = [
        ["unknown key", ["--set", "region=westeurope"], "kubegrant: region: is not a key of preset castai-aks (known: subscriptionId, clusterName, clusterId, resourceGroup, nodeResourceGroup, additionalResourceGroups, authentication, castaiIdentitySubject, castaiIdentityIssuer, location, identityName, clientSecretExpiry, owners, clusterRbac, tags)\n"],
        ["key set twice", ["--set", "subscriptionId=x"], "kubegrant: subscriptionId: is set twice\n"],
        ["unknown mode", ["--set", "authentication=oidc"], 'kubegrant: authentication: must be one of "workloadIdentity", "clientSecret", got "oidc"\n'],
        ["missing subject", [], 'kubegrant: castaiIdentitySubject: is required when authentication is "workloadIdentity" (the ID of Cast AI\'s identity that the federated credential trusts)\n'],
        ["additional group", ["--set", 'additionalResourceGroups=["a/b"]', "--set", "authentication=clientSecret"], 'kubegrant: additionalResourceGroups[0]: must be a resource group name: 1-90 letters, digits, _ - . ( ), not ending in a period, got "a/b"\n'],
    ];
    for (const [what, extra, message] of bad) {
        it(`exits 2 with one line on stderr: ${what}`, async () => {
            const { code, out, err } = await run("render", "castai-aks", ...SETS, ...extra);
            assert.strictEqual(err, message);
            assert.strictEqual(out, "");
            assert.strictEqual(code, 2);
        });
    }

    it("exits 2 naming the key for a bad subscription, cluster ID and resource group", async () => {
        const without = (k: string) => SETS.filter((_, i) => !(SETS[i] === `${k}=${(AKS as Record<string, string>)[k]}` || SETS[i + 1] === `${k}=${(AKS as Record<string, string>)[k]}`));
        const cases: [string, string, string][] = [
            ["subscriptionId", "sub-1", 'kubegrant: subscriptionId: must be an Azure subscription ID (a GUID such as 00000000-0000-0000-0000-000000000000), got "sub-1"\n'],
            ["clusterId", "abc", 'kubegrant: clusterId: must be the Cast AI cluster ID: 8-64 letters, digits and - (its first 8 characters name the role), got "abc"\n'],
            ["nodeResourceGroup", "rg.", 'kubegrant: nodeResourceGroup: must be a resource group name: 1-90 letters, digits, _ - . ( ), not ending in a period, got "rg."\n'],
        ];
        for (const [key, value, message] of cases) {
            const { code, err } = await run("render", "castai-aks", ...without(key), "--set", `${key}=${value}`, "--set", "authentication=clientSecret");
            assert.strictEqual(err, message);
            assert.strictEqual(code, 2);
        }
    });
});
