import * as assert from "assert";
import { InputError, setClock } from "../components/core";
import { stableGuid } from "../components/azure/guid";
import { CASTAI_AKS_ACTIONS, CASTAI_AKS_DROPPED } from "../components/castai/aks-catalog";
import { CastAiAksPlainArgs, planCastAiAks } from "../components/castai/aks-plan";
import { AKS, AKS_CS, AKS_WI, NODE_RG, RG, SUB } from "./support/aks-values";
import { seedText } from "./support/seeds";

describe("Cast AI AKS catalog", () => {
    it("gives every action and every dropped action a feature, a why and a source, once", () => {
        for (const e of [...CASTAI_AKS_ACTIONS, ...CASTAI_AKS_DROPPED]) {
            assert.ok(e.feature.length > 3 && e.why.length > 20 && e.source.length > 5, JSON.stringify(e));
        }
        const all = [...CASTAI_AKS_ACTIONS, ...CASTAI_AKS_DROPPED].map((e) => e.action);
        assert.deepStrictEqual(all.filter((a, i) => all.indexOf(a) !== i), []);
        assert.strictEqual(CASTAI_AKS_ACTIONS.length, 36);
    });

    it("keeps managedClusters/start and stop, as the module's default branch grants them, citing its commit", () => {
        assert.deepStrictEqual(CASTAI_AKS_DROPPED, []);
        for (const a of ["start", "stop"]) {
            const e = CASTAI_AKS_ACTIONS.find((x) => x.action === `Microsoft.ContainerService/managedClusters/${a}/action`);
            assert.ok(e, a);
            assert.match(e.source, /castai\/terraform-castai-aks iam\.tf @ main 2b5c894d4703/);
        }
    });

    it("grants every action of the seed but the dropped ones, and nothing else", function () {
        const text = seedText("castai-cloud-permissions.txt");
        if (text === undefined) {
            this.skip(); // ../shared is not part of the published package
        }
        const block = text.slice(text.indexOf('"Actions": ['), text.indexOf('"AssignableScopes"'));
        const seed = [...block.matchAll(/"(Microsoft\.[^"]+)"/g)].map((m) => m[1]);
        assert.strictEqual(seed.length, 36);
        assert.deepStrictEqual([...CASTAI_AKS_ACTIONS.map((e) => e.action), ...CASTAI_AKS_DROPPED.map((e) => e.action)].sort(), [...seed].sort());
        // Same order as the seed, so a reviewer can diff them line by line.
        assert.deepStrictEqual(CASTAI_AKS_ACTIONS.map((e) => e.action), seed);
    });
});

describe("stableGuid", () => {
    it("is a version-5 RFC 4122 GUID, the same for the same parts and different otherwise", () => {
        const g = stableGuid("a", "b");
        assert.match(g, /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        assert.strictEqual(stableGuid("a", "b"), g);
        assert.notStrictEqual(stableGuid("a", "c"), g);
        assert.notStrictEqual(stableGuid("ab"), stableGuid("a", "b"));
    });
});

describe("planCastAiAks", () => {
    // End dates are checked against the clock: pin it, so 2027-01-31 stays in the future.
    before(() => setClock(() => Date.parse("2026-06-01T00:00:00Z")));
    after(() => setClock());
    it("builds the role, its scopes and the workload identity by default", () => {
        const p = planCastAiAks(AKS_WI);
        assert.strictEqual(p.authentication, "workloadIdentity");
        assert.strictEqual(p.roleName, "CastAKSRole-3f2a9c1e");
        assert.strictEqual(p.roleDescription, "CAST.AI role used to manage prod-weu AKS cluster");
        assert.strictEqual(p.roleDefinitionGuid, stableGuid("castai-aks", "role-definition", AKS.subscriptionId, AKS.clusterId));
        assert.strictEqual(p.roleDefinitionId, `${SUB}/providers/Microsoft.Authorization/roleDefinitions/${p.roleDefinitionGuid}`);
        assert.deepStrictEqual(p.assignableScopes, [RG, NODE_RG]);
        assert.deepStrictEqual(p.assignments.map((a) => [a.key, a.scope]), [["cluster", RG], ["nodes", NODE_RG]]);
        assert.strictEqual(p.actions.length, 36);
        assert.strictEqual(p.app, undefined);
        assert.deepStrictEqual(p.identity, {
            name: "prod-weu-castai-identity",
            resourceGroupName: "rg-prod",
            location: "westeurope",
            credential: {
                key: "castai", name: "castai-prod-weu", issuer: "https://accounts.google.com",
                subject: "112233445566778899001", audiences: ["api://AzureADTokenExchange"],
            },
        });
    });

    it("builds the app registration in client-secret mode", () => {
        const p = planCastAiAks({ ...AKS_CS, owners: ["0a1b2c3d-0000-4000-8000-000000000009"] });
        assert.strictEqual(p.identity, undefined);
        assert.deepStrictEqual(p.app, { displayName: "CAST.AI prod-weu-3f2a9c1e", secretExpiry: "8760h", owners: ["0a1b2c3d-0000-4000-8000-000000000009"] });
        assert.deepStrictEqual(planCastAiAks({ ...AKS_CS, clientSecretExpiry: "2027-01-31T00:00:00Z" }).app,
            { displayName: "CAST.AI prod-weu-3f2a9c1e", secretExpiry: "2027-01-31T00:00:00Z" });
    });

    it("derives stable GUIDs: the same inputs give the same names, another mode or scope another", () => {
        const a = planCastAiAks(AKS_WI);
        assert.deepStrictEqual(planCastAiAks(AKS_WI), a);
        const b = planCastAiAks(AKS_CS);
        assert.strictEqual(b.roleDefinitionGuid, a.roleDefinitionGuid, "one role definition per cluster, whatever the mode");
        assert.notStrictEqual(b.assignments[0].name, a.assignments[0].name, "a mode switch creates new assignments before deleting the old");
        const names = a.assignments.map((x) => x.name);
        assert.strictEqual(new Set(names).size, names.length);
        assert.strictEqual(planCastAiAks({ ...AKS_WI, subscriptionId: AKS.subscriptionId.toUpperCase() }).roleDefinitionGuid, a.roleDefinitionGuid);
    });

    it("adds additional groups by name or ID, keyed by what was given", () => {
        const other = "/subscriptions/9c8b7a65-4321-4fed-8cba-0987654321fe/resourceGroups/rg-shared-net";
        const p = planCastAiAks({ ...AKS_WI, additionalResourceGroups: ["rg-net", other] });
        assert.deepStrictEqual(p.assignableScopes, [RG, NODE_RG, `${SUB}/resourceGroups/rg-net`, other]);
        assert.deepStrictEqual(p.assignments.map((a) => a.key), ["cluster", "nodes", "rg-1315c8da", "rg-4577cc14"]);
        const swapped = planCastAiAks({ ...AKS_WI, additionalResourceGroups: [other, "rg-net"] });
        assert.deepStrictEqual(swapped.assignments.map((a) => a.key).sort(), p.assignments.map((a) => a.key).sort());
    });

    const bad: [string, Partial<Record<keyof CastAiAksPlainArgs | "region", unknown>>, string][] = [
        ["unknown key", { region: "westeurope" }, "region: is not an argument of CastAiAksAccess (known: subscriptionId, clusterName, clusterId, resourceGroup, nodeResourceGroup, additionalResourceGroups, authentication, castaiIdentitySubject, castaiIdentityIssuer, location, identityName, clientSecretExpiry, owners, clusterRbac, tags)"],
        ["missing subscription", { subscriptionId: undefined }, "subscriptionId: is required"],
        ["subscription not a GUID", { subscriptionId: "my-sub" }, 'subscriptionId: must be an Azure subscription ID (a GUID such as 00000000-0000-0000-0000-000000000000), got "my-sub"'],
        ["bad cluster name", { clusterName: "-prod" }, 'clusterName: must be an AKS cluster name: 1-63 letters, digits, - and _, starting and ending with a letter or digit, got "-prod"'],
        ["cluster ID too short", { clusterId: "3f2a9c1" }, 'clusterId: must be the Cast AI cluster ID: 8-64 letters, digits and - (its first 8 characters name the role), got "3f2a9c1"'],
        ["cluster ID missing", { clusterId: "" }, "clusterId: must not be empty"],
        ["resource group too long", { resourceGroup: "r".repeat(91) }, `resourceGroup: must be a resource group name: 1-90 letters, digits, _ - . ( ), not ending in a period, got "${"r".repeat(76)}...`],
        ["resource group ends in a period", { resourceGroup: "rg." }, 'resourceGroup: must be a resource group name: 1-90 letters, digits, _ - . ( ), not ending in a period, got "rg."'],
        ["node group with a slash", { nodeResourceGroup: "MC/x" }, 'nodeResourceGroup: must be a resource group name: 1-90 letters, digits, _ - . ( ), not ending in a period, got "MC/x"'],
        ["node group = cluster group", { nodeResourceGroup: "RG-PROD" }, 'nodeResourceGroup: must differ from resourceGroup (both are "rg-prod"); AKS keeps nodes in a group of their own'],
        ["additional group not a list", { additionalResourceGroups: "rg-net" }, 'additionalResourceGroups: must be a list of strings, got "rg-net"'],
        ["additional group bad name", { additionalResourceGroups: ["ok", "bad name"] }, 'additionalResourceGroups[1]: must be a resource group name: 1-90 letters, digits, _ - . ( ), not ending in a period, got "bad name"'],
        ["additional group bad ID", { additionalResourceGroups: ["/subscriptions/x/resourceGroups/rg"] }, 'additionalResourceGroups[0]: must be a resource group name or ID (/subscriptions/<GUID>/resourceGroups/<name>), got "/subscriptions/x/resourceGroups/rg"'],
        ["additional group repeats the node group", { additionalResourceGroups: [NODE_RG.toUpperCase()] }, `additionalResourceGroups[0]: names the same resource group as nodeResourceGroup ("${NODE_RG.toUpperCase().replace("SUBSCRIPTIONS", "subscriptions").replace("RESOURCEGROUPS", "resourceGroups")}")`],
        ["additional group twice", { additionalResourceGroups: ["rg-net", "RG-NET"] }, `additionalResourceGroups[1]: names the same resource group as additionalResourceGroups[0] ("${SUB}/resourceGroups/RG-NET")`],
        ["unknown mode", { authentication: "password" }, 'authentication: must be one of "workloadIdentity", "clientSecret", got "password"'],
        ["no subject", { castaiIdentitySubject: undefined }, 'castaiIdentitySubject: is required when authentication is "workloadIdentity" (the ID of Cast AI\'s identity that the federated credential trusts)'],
        ["subject with spaces", { castaiIdentitySubject: "a b" }, 'castaiIdentitySubject: must be the subject of the vendor\'s token: 1-600 characters, no spaces, got "a b"'],
        ["no location", { location: undefined }, 'location: is required when authentication is "workloadIdentity" (where the managed identity is created, e.g. the cluster\'s location)'],
        ["bad location", { location: "West Europe" }, 'location: must be an Azure location such as westeurope, got "West Europe"'],
        ["http issuer", { castaiIdentityIssuer: "http://accounts.google.com" }, 'castaiIdentityIssuer: must be an https issuer URL such as https://accounts.google.com, got "http://accounts.google.com"'],
        ["bad identity name", { identityName: "x" }, 'identityName: must be a managed identity name: 3-128 letters, digits, - and _, starting with a letter or digit, got "x"'],
        ["secret expiry in WI mode", { clientSecretExpiry: "8760h" }, 'clientSecretExpiry: is only used when authentication is "clientSecret"; remove it or set authentication=clientSecret'],
        ["owners in WI mode", { owners: [] }, 'owners: is only used when authentication is "clientSecret"; remove it or set authentication=clientSecret'],
    ];
    const rejects = (base: object, cases: typeof bad) => {
        for (const [what, change, message] of cases) {
            it(`rejects ${what}`, () => {
                assert.throws(() => planCastAiAks({ ...base, ...change } as CastAiAksPlainArgs),
                    (e: unknown) => InputError.isInstance(e) && e.message === message ? true : assert.fail(String(e)));
            });
        }
    };
    rejects(AKS_WI, bad);

    rejects(AKS_CS, [
        ["subject in client-secret mode", { castaiIdentitySubject: "1" }, 'castaiIdentitySubject: is only used when authentication is "workloadIdentity"; remove it or set authentication=workloadIdentity'],
        ["location in client-secret mode", { location: "westeurope" }, 'location: is only used when authentication is "workloadIdentity"; remove it or set authentication=workloadIdentity'],
        ["bad expiry", { clientSecretExpiry: "1y" }, 'clientSecretExpiry: must be a duration in hours such as 8760h, or an RFC 3339 UTC end date such as 2027-01-31T00:00:00Z, got "1y"'],
        ["bad owner", { owners: ["me"] }, 'owners[0]: must be an object ID of a user or service principal (a GUID such as 00000000-0000-0000-0000-000000000000), got "me"'],
    ]);

    it("accepts the longest valid names and the edge characters Azure allows", () => {
        const p = planCastAiAks({ ...AKS_WI, clusterName: `c${"0".repeat(62)}`, resourceGroup: `(${"r".repeat(88)})`, nodeResourceGroup: "MC_ä.x" });
        assert.strictEqual(p.identity!.credential.name.length, 70);
        assert.strictEqual(planCastAiAks({ ...AKS, ...{ clusterId: "abcdefgh" }, authentication: "clientSecret" }).roleName, "CastAKSRole-abcdefgh");
    });
});
