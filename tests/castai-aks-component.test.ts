import * as assert from "assert";
import { setClock } from "../components/core";
import * as pulumi from "@pulumi/pulumi";
import { installMocks, isSecretValue, outputValue, Recorder, revealSecrets } from "../components/exports/testing";
import { CastAiAksAccess, CastAiAksAccessArgs } from "../components/castai/aks";
import { planCastAiAks } from "../components/castai/aks-plan";
import { AKS, AKS_CS, AKS_WI, NODE_RG, RG, SUB } from "./support/aks-values";

async function build(args: CastAiAksAccessArgs): Promise<{ c: CastAiAksAccess; rec: Recorder }> {
    const rec = installMocks({ azureSubscriptionId: AKS.subscriptionId });
    const c = new CastAiAksAccess("castai", args);
    await outputValue(c.ready);
    await rec.settle();
    return { c, rec };
}

const children = (rec: Recorder) => rec.resources.map((r) => `${r.type} ${r.name} <- ${r.parent}`).sort();
const of = (rec: Recorder, type: string) => rec.resources.filter((r) => r.type === type);

/** Asserts that `ready` depends on each of the `count` resources whose type matches `grants`. */
async function assertReadyWaits(args: CastAiAksAccessArgs, grants: RegExp, count: number): Promise<void> {
    const rec = installMocks();
    const c = new CastAiAksAccess("castai", args);
    const all = await (c.ready as unknown as { allResources(): Promise<Set<pulumi.Resource>> }).allResources();
    const deps = await Promise.all([...all].map((d) => outputValue(d.urn).then((u) => u.value)));
    await rec.settle();
    const needed = rec.resources.filter((r) => grants.test(r.type)).map((r) => r.urn);
    assert.strictEqual(needed.length, count);
    for (const urn of needed) assert.ok(deps.includes(urn), `ready does not wait for ${urn}`);
}

describe("CastAiAksAccess (mocks), workload identity (default)", () => {
    it("creates exactly the identity, its federated credential, the role and two assignments", async () => {
        const { rec } = await build(AKS_WI);
        assert.deepStrictEqual(children(rec), [
            "azure-native:authorization:RoleAssignment castai-role-cluster <- castai-role",
            "azure-native:authorization:RoleAssignment castai-role-nodes <- castai-role",
            "azure-native:authorization:RoleDefinition castai-role <- castai-role",
            "azure-native:managedidentity:FederatedIdentityCredential castai-identity-castai <- castai-identity",
            "azure-native:managedidentity:UserAssignedIdentity castai-identity <- castai-identity",
            "kubegrant:azure:CustomRole castai-role <- castai",
            "kubegrant:azure:FederatedIdentity castai-identity <- castai",
            "kubegrant:castai:CastAiAksAccess castai <- null",
        ]);
    });

    it("wires the role definition, assignments with principalType, and the federated credential", async () => {
        const { c, rec } = await build(AKS_WI);
        const plan = planCastAiAks(AKS_WI);
        const [def] = of(rec, "azure-native:authorization:RoleDefinition");
        assert.deepStrictEqual({ ...def.inputs, permissions: undefined }, {
            roleDefinitionId: plan.roleDefinitionGuid,
            roleName: "CastAKSRole-3f2a9c1e",
            description: "CAST.AI role used to manage prod-weu AKS cluster",
            roleType: "CustomRole",
            assignableScopes: [RG, NODE_RG],
            scope: RG,
            permissions: undefined,
        });
        assert.deepStrictEqual(def.inputs.permissions, [{ actions: plan.actions, notActions: plan.notActions }]);
        assert.deepStrictEqual(plan.notActions, ["Microsoft.Compute/virtualMachines/runCommand/action", "Microsoft.Compute/virtualMachines/runCommands/write",
            "Microsoft.Compute/virtualMachineScaleSets/virtualMachines/runCommand/action", "Microsoft.Compute/virtualMachineScaleSets/virtualMachines/runCommands/write"]);
        const [identity] = of(rec, "azure-native:managedidentity:UserAssignedIdentity");
        assert.deepStrictEqual(identity.inputs, { resourceName: "prod-weu-castai-identity", resourceGroupName: "rg-prod", location: "westeurope" });
        const [cred] = of(rec, "azure-native:managedidentity:FederatedIdentityCredential");
        assert.deepStrictEqual(cred.inputs, {
            federatedIdentityCredentialResourceName: "castai-prod-weu",
            resourceName: "prod-weu-castai-identity",
            resourceGroupName: "rg-prod",
            issuer: "https://accounts.google.com",
            subject: "112233445566778899001",
            audiences: ["api://AzureADTokenExchange"],
        });
        const principalId = (await outputValue(c.principalId)).value;
        assert.match(principalId, /^[0-9a-f-]{36}$/);
        const assignments = of(rec, "azure-native:authorization:RoleAssignment");
        assert.deepStrictEqual(assignments.map((a) => a.inputs).sort((x, y) => String(x.scope).localeCompare(String(y.scope))), [
            {
                roleAssignmentName: plan.assignments[1].name, roleDefinitionId: plan.roleDefinitionId, principalId,
                principalType: "ServicePrincipal", scope: NODE_RG, description: plan.assignments[1].description,
            },
            {
                roleAssignmentName: plan.assignments[0].name, roleDefinitionId: plan.roleDefinitionId, principalId,
                principalType: "ServicePrincipal", scope: RG, description: plan.assignments[0].description,
            },
        ]);
        assert.deepStrictEqual((await outputValue(c.roleDefinitionId)).value, plan.roleDefinitionId);
        assert.match((await outputValue(c.clientId)).value, /^[0-9a-f-]{36}$/);
        assert.strictEqual((await outputValue(c.tenantId)).value, "11111111-0000-4000-8000-000000000001");
        assert.strictEqual((await outputValue(c.clientSecret)).value, undefined);
        assert.strictEqual((await outputValue(c.ready)).value, (await outputValue(c.clientId)).value);
    });

    it("contains no password or secret at all", async () => {
        const { rec } = await build(AKS_WI);
        assert.ok(!rec.resources.some((r) => /password|secret/i.test(r.type)));
        const walk = (v: unknown, path: string): void => {
            assert.ok(!isSecretValue(v), `${path} is a secret`);
            if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
            else if (typeof v === "object" && v !== null) {
                for (const [k, x] of Object.entries(v)) {
                    assert.doesNotMatch(k, /password|secret/i, `${path}.${k}`);
                    walk(x, `${path}.${k}`);
                }
            }
        };
        for (const r of rec.resources) walk(r.inputs, r.name);
    });

    it("resolves ready only after the credential and every assignment exist", async () => {
        await assertReadyWaits({ ...AKS_WI, additionalResourceGroups: ["rg-net"] }, /RoleAssignment|FederatedIdentityCredential/, 4);
    });

    it("assigns at each additional group, which the definition lists as assignable", async () => {
        const { rec } = await build({ ...AKS_WI, additionalResourceGroups: ["rg-net"] });
        const [def] = of(rec, "azure-native:authorization:RoleDefinition");
        assert.deepStrictEqual(def.inputs.assignableScopes, [RG, NODE_RG, `${SUB}/resourceGroups/rg-net`]);
        const extra = rec.resources.find((r) => r.name === "castai-role-rg-1315c8da")!;
        assert.strictEqual(extra.inputs.scope, `${SUB}/resourceGroups/rg-net`);
        assert.strictEqual(extra.inputs.principalType, "ServicePrincipal");
    });

    it("accepts inputs as Outputs from another stack, with the same children", async () => {
        const rec = installMocks();
        const c = new CastAiAksAccess("castai", {
            ...AKS_WI, clusterId: pulumi.secret(AKS.clusterId), subscriptionId: pulumi.output(AKS.subscriptionId),
            castaiIdentitySubject: pulumi.output("112233445566778899001"),
        });
        assert.strictEqual((await outputValue(c.roleName)).value, "CastAKSRole-3f2a9c1e");
        await outputValue(c.ready);
        await rec.settle();
        assert.strictEqual(rec.resources.length, 8);
        const [cred] = of(rec, "azure-native:managedidentity:FederatedIdentityCredential");
        // Planned from a secret input, the plan's values stay secret (Pulumi cannot tell which part came from it).
        assert.strictEqual(revealSecrets(cred.inputs.subject), "112233445566778899001");
    });

    it("fails the deployment with the same message when an Output resolves invalid", async () => {
        installMocks();
        const c = new CastAiAksAccess("castai", { ...AKS_WI, subscriptionId: pulumi.output("sub") });
        await assert.rejects(new Promise((resolve, reject) => {
            (c.roleName as unknown as { promise(): Promise<unknown> }).promise().then(resolve, reject);
        }), /subscriptionId: must be an Azure subscription ID/);
    });

    it("registers no resource at all on bad input", async () => {
        const rec = installMocks();
        assert.throws(() => new CastAiAksAccess("castai", { ...AKS_WI, castaiIdentitySubject: undefined }),
            /castaiIdentitySubject: is required when authentication is "workloadIdentity"/);
        assert.throws(() => new CastAiAksAccess("castai", { ...AKS_WI, authentication: "oidc" as never }), /authentication: must be one of/);
        await rec.settle();
        assert.deepStrictEqual(rec.resources, []);
    });
});

describe("CastAiAksAccess (mocks), client secret", () => {
    // End dates are checked against the clock: pin it, so 2027-01-31 stays in the future.
    before(() => setClock(() => Date.parse("2026-06-01T00:00:00Z")));
    after(() => setClock());
    it("creates exactly the app registration, its service principal and secret, the role and two assignments", async () => {
        const { rec } = await build(AKS_CS);
        assert.deepStrictEqual(children(rec), [
            "azure-native:authorization:RoleAssignment castai-role-cluster <- castai-role",
            "azure-native:authorization:RoleAssignment castai-role-nodes <- castai-role",
            "azure-native:authorization:RoleDefinition castai-role <- castai-role",
            "azuread:index/application:Application castai-app <- castai-app",
            "azuread:index/applicationPassword:ApplicationPassword castai-app <- castai-app",
            "azuread:index/servicePrincipal:ServicePrincipal castai-app <- castai-app",
            "kubegrant:azure:AppRegistration castai-app <- castai",
            "kubegrant:azure:CustomRole castai-role <- castai",
            "kubegrant:castai:CastAiAksAccess castai <- null",
        ]);
    });

    it("names the app, links the service principal and secret, and assigns the role to the service principal", async () => {
        const { c, rec } = await build({ ...AKS_CS, clientSecretExpiry: "4380h", owners: ["0a1b2c3d-0000-4000-8000-000000000009"] });
        const [app] = of(rec, "azuread:index/application:Application");
        assert.deepStrictEqual(app.inputs, { displayName: "CAST.AI prod-weu-3f2a9c1e", owners: ["0a1b2c3d-0000-4000-8000-000000000009"] });
        const appClientId = (await outputValue(c.clientId)).value;
        const [sp] = of(rec, "azuread:index/servicePrincipal:ServicePrincipal");
        assert.deepStrictEqual(sp.inputs, { clientId: appClientId, appRoleAssignmentRequired: false, owners: ["0a1b2c3d-0000-4000-8000-000000000009"] });
        const [password] = of(rec, "azuread:index/applicationPassword:ApplicationPassword");
        assert.deepStrictEqual(password.inputs, { applicationId: `/applications/${(await outputValue(c.app!.application.objectId)).value}`, displayName: "Cast AI (kubegrant)", endDateRelative: "4380h" });
        const spObjectId = (await outputValue(c.app!.servicePrincipal.objectId)).value;
        assert.strictEqual((await outputValue(c.principalId)).value, spObjectId);
        for (const a of of(rec, "azure-native:authorization:RoleAssignment")) {
            assert.strictEqual(a.inputs.principalId, spObjectId);
            assert.strictEqual(a.inputs.principalType, "ServicePrincipal");
        }
        assert.strictEqual((await outputValue(c.tenantId)).value, "11111111-0000-4000-8000-000000000001");
    });

    it("takes an absolute end date for the secret", async () => {
        const { rec } = await build({ ...AKS_CS, clientSecretExpiry: "2027-01-31T00:00:00Z" });
        const [password] = of(rec, "azuread:index/applicationPassword:ApplicationPassword");
        assert.strictEqual(password.inputs.endDate, "2027-01-31T00:00:00Z");
        assert.strictEqual(password.inputs.endDateRelative, undefined);
    });

    it("returns the client secret only as a secret output", async () => {
        const { c } = await build(AKS_CS);
        assert.deepStrictEqual(await outputValue(c.clientSecret), { value: "mock-client-secret-value", secret: true });
        for (const o of [c.clientId, c.tenantId, c.principalId, c.roleDefinitionId, c.ready]) {
            assert.strictEqual((await outputValue(o)).secret, false);
        }
    });

    it("resolves ready only after the service principal, the secret and every assignment exist", async () => {
        await assertReadyWaits(AKS_CS, /RoleAssignment|ServicePrincipal|ApplicationPassword/, 4);
    });
});
