import * as assert from "assert";
import { isRealDeployment } from "../components/core/inputs";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { installMocks, isSecretValue, outputValue, revealSecrets, Recorder, RegisteredResource } from "../components/exports/testing";
import { CastAiGkeAccess, CastAiGkeAccessArgs } from "../components/castai/gke";
import { CASTAI_SA, GKE, GKE_KEY, NODE_SA_IDS } from "./support/gke-values";

const EMAIL = "castai-gke-f00c9019@acme-prod.iam.gserviceaccount.com";
const SA_NAME = `projects/acme-prod/serviceAccounts/${EMAIL}`;
const ROLE = "projects/acme-prod/roles/castai.gkeAccess.f00c9019";

async function build(args: CastAiGkeAccessArgs): Promise<{ c: CastAiGkeAccess; rec: Recorder }> {
    const rec = installMocks();
    const c = new CastAiGkeAccess("castai", args);
    await outputValue(c.ready);
    await rec.settle();
    return { c, rec };
}

const line = (r: RegisteredResource) => `${r.type} ${r.name} <- ${r.parent}`;
const find = (rec: Recorder, name: string) => rec.resources.find((r) => r.name === name && r.custom)!;

const COMMON = [
    "gcp:projects/iAMCustomRole:IAMCustomRole castai-access-role <- castai-access",
    "gcp:projects/iAMMember:IAMMember castai-access-gke-access <- castai-access",
    "gcp:projects/iAMMember:IAMMember castai-access-sa-user <- castai-access",
    "gcp:projects/service:Service castai-access-api-cloudresourcemanager <- castai-access",
    "gcp:projects/service:Service castai-access-api-serviceusage <- castai-access",
    "gcp:serviceaccount/account:Account castai-access <- castai-access",
];
const COMPONENTS = [
    "kubegrant:castai:CastAiGkeAccess castai <- null",
    "kubegrant:gcp:ServiceAccountAccess castai-access <- castai",
];

describe("CastAiGkeAccess (mocks)", () => {
    it("impersonation mode: exactly these children, named from the component, and no key", async () => {
        const { rec } = await build(GKE);
        assert.deepStrictEqual(rec.resources.map(line).sort(), [
            ...COMMON,
            "gcp:serviceaccount/iAMMember:IAMMember castai-access-impersonation-user <- castai-access",
            "gcp:serviceaccount/iAMMember:IAMMember castai-access-token-creator <- castai-access",
            ...COMPONENTS,
        ].sort());
        assert.ok(!rec.resources.some((r) => r.type === "gcp:serviceaccount/key:Key"));
    });

    it("key mode: exactly these children, with one key and no impersonation binding", async () => {
        const { rec } = await build(GKE_KEY);
        assert.deepStrictEqual(rec.resources.map(line).sort(), [
            ...COMMON,
            "gcp:serviceaccount/key:Key castai-access-key <- castai-access",
            ...COMPONENTS,
        ].sort());
    });

    it("creates the service account, the custom role and the project bindings with exact conditions", async () => {
        const { rec } = await build(GKE);
        assert.deepStrictEqual(find(rec, "castai-access").inputs, {
            project: "acme-prod", accountId: "castai-gke-f00c9019", displayName: "Cast AI: prod-eu",
            description: "Cast AI manages GKE cluster prod-eu (europe-west1) as this account (kubegrant)",
        });
        const role = find(rec, "castai-access-role").inputs;
        assert.deepStrictEqual({ ...role, permissions: (role.permissions as string[]).length }, {
            project: "acme-prod", roleId: "castai.gkeAccess.f00c9019", title: "Role to manage GKE cluster via CAST AI",
            description: "Cast AI manages GKE cluster prod-eu (europe-west1) (kubegrant)", stage: "GA", permissions: 39,
        });
        assert.deepStrictEqual(find(rec, "castai-access-gke-access").inputs, { project: "acme-prod", role: ROLE, member: `serviceAccount:${EMAIL}` });
        assert.deepStrictEqual(find(rec, "castai-access-sa-user").inputs, {
            project: "acme-prod", role: "roles/iam.serviceAccountUser", member: `serviceAccount:${EMAIL}`,
            condition: {
                title: "castai_node_service_accounts_only",
                description: "Cast AI may act only as the 2 node pool service account(s) of cluster prod-eu",
                expression: 'resource.name.startsWith("projects/-/serviceAccounts/112233445566778899001") || resource.name.startsWith("projects/-/serviceAccounts/998877665544332211009")',
            },
        });
        for (const api of ["cloudresourcemanager", "serviceusage"]) {
            assert.deepStrictEqual(find(rec, `castai-access-api-${api}`).inputs, {
                project: "acme-prod", service: `${api}.googleapis.com`, disableOnDestroy: false, disableDependentServices: false,
            });
        }
    });

    it("the serviceAccountUser condition names every node service-account ID and nothing else", async () => {
        const ids = ["100000000000000000007", "200000000000000000008", "300000000000000000009"];
        const { rec } = await build({ ...GKE, nodeServiceAccountIds: ids });
        const expr = (find(rec, "castai-access-sa-user").inputs.condition as { expression: string }).expression;
        assert.deepStrictEqual([...expr.matchAll(/\d{21}/g)].map((m) => m[0]), ids);
        assert.strictEqual(expr.replace(/\d{21}/g, "ID"), ids.map(() => 'resource.name.startsWith("projects/-/serviceAccounts/ID")').join(" || "));
    });

    it("only with allowProjectWideServiceAccountUse is serviceAccountUser unconditional", async () => {
        const { rec } = await build({ ...GKE, nodeServiceAccountIds: undefined, allowProjectWideServiceAccountUse: true });
        assert.strictEqual(find(rec, "castai-access-sa-user").inputs.condition, undefined);
    });

    it("impersonation: token creator and a serviceAccountUser conditioned on Cast AI's own identity, on our account only", async () => {
        const { rec } = await build(GKE);
        assert.deepStrictEqual(find(rec, "castai-access-token-creator").inputs, {
            serviceAccountId: SA_NAME, role: "roles/iam.serviceAccountTokenCreator", member: `serviceAccount:${CASTAI_SA}`,
        });
        assert.deepStrictEqual(find(rec, "castai-access-impersonation-user").inputs, {
            serviceAccountId: SA_NAME, role: "roles/iam.serviceAccountUser", member: `serviceAccount:${CASTAI_SA}`,
            condition: {
                title: "SpecificServiceAccountCondition",
                description: "Allow impersonation only for Cast AI service account",
                expression: `request.auth.claims.email == "${CASTAI_SA}"`,
            },
        });
    });

    it("uses only non-authoritative IAM resources", async () => {
        const { rec } = await build({ ...GKE, computeManagerProjectIds: ["acme-sole-tenant"], cloudProxyWorkloadIdentity: true });
        assert.ok(!rec.resources.some((r) => /IAMBinding|IAMPolicy/.test(r.type)));
    });

    it("outputs in impersonation mode: no private key", async () => {
        const { c } = await build(GKE);
        assert.strictEqual((await outputValue(c.serviceAccountEmail)).value, EMAIL);
        assert.strictEqual((await outputValue(c.serviceAccountId)).value, "castai-gke-f00c9019");
        assert.strictEqual((await outputValue(c.serviceAccountUniqueId)).value, "100000000000000000001");
        assert.strictEqual((await outputValue(c.customRoleId)).value, ROLE);
        assert.strictEqual((await outputValue(c.privateKey)).value, undefined);
        assert.strictEqual((await outputValue(c.mode)).value, "impersonation");
        assert.strictEqual((await outputValue(c.ready)).value, EMAIL);
    });

    it("outputs in key mode: the private key is secret", async () => {
        const { c, rec } = await build(GKE_KEY);
        const key = await outputValue(c.privateKey);
        assert.strictEqual(key.secret, true);
        assert.strictEqual(JSON.parse(Buffer.from(key.value!, "base64").toString()).type, "service_account");
        assert.deepStrictEqual(find(rec, "castai-access-key").inputs, { serviceAccountId: SA_NAME, publicKeyType: "TYPE_X509_PEM_FILE" });
        assert.strictEqual((await outputValue(c.mode)).value, "key");
        assert.strictEqual((await outputValue(c.serviceAccountEmail)).secret, false);
    });

    it("resolves ready only after every role, binding, API and key exists", async () => {
        for (const args of [GKE, { ...GKE_KEY, computeManagerProjectIds: ["acme-sole-tenant"], cloudProxyWorkloadIdentity: true }]) {
            const rec = installMocks();
            const c = new CastAiGkeAccess("castai", args);
            const deps = await (c.ready as unknown as { allResources(): Promise<Set<pulumi.Resource>> }).allResources();
            const depUrns = await Promise.all([...deps].map((d) => outputValue(d.urn).then((u) => u.value)));
            await rec.settle();
            const grants = rec.resources.filter((r) => r.custom && r.type !== "gcp:serviceaccount/account:Account");
            assert.ok(grants.length >= 7);
            for (const g of grants) assert.ok(depUrns.includes(g.urn), `ready does not wait for ${g.name}`);
        }
    });

    it("never sleeps propagationDelaySeconds under mocks (render, unit tests): only a real pulumi up waits", async () => {
        const rec = installMocks();
        const start = Date.now();
        const c = new CastAiGkeAccess("castai", { ...GKE, propagationDelaySeconds: 600 });
        await outputValue(c.ready);
        assert.ok(Date.now() - start < 10_000, `ready took ${Date.now() - start} ms`);
        assert.strictEqual(isRealDeployment(), false);
        assert.strictEqual((await outputValue(c.propagationDelaySeconds)).value, 600);
        await rec.settle();
    });

    it("compute-manager projects: a custom role and a member binding in each", async () => {
        const { rec } = await build({ ...GKE, computeManagerProjectIds: ["acme-sole-tenant"] });
        assert.deepStrictEqual(rec.resources.filter((r) => r.name.includes("acme-sole-tenant")).map(line).sort(), [
            "gcp:projects/iAMCustomRole:IAMCustomRole castai-access-role-acme-sole-tenant <- castai-access",
            "gcp:projects/iAMMember:IAMMember castai-access-gke-access-acme-sole-tenant <- castai-access",
        ]);
        const role = find(rec, "castai-access-role-acme-sole-tenant").inputs;
        assert.strictEqual(role.project, "acme-sole-tenant");
        assert.strictEqual(role.roleId, "castai.gkeAccess.d80e1f81");
        assert.strictEqual((role.permissions as string[]).length, 39);
        assert.deepStrictEqual(find(rec, "castai-access-gke-access-acme-sole-tenant").inputs, {
            project: "acme-sole-tenant", role: "projects/acme-sole-tenant/roles/castai.gkeAccess.d80e1f81", member: `serviceAccount:${EMAIL}`,
        });
    });

    it("cloud proxy Workload Identity: workloadIdentityUser for the Kubernetes service account, and the annotated object with a provider", async () => {
        const rec = installMocks();
        const provider = new k8s.Provider("cluster", { kubeconfig: "{}" });
        const c = new CastAiGkeAccess("castai", { ...GKE, cloudProxyWorkloadIdentity: true, kubernetesProvider: provider });
        await outputValue(c.ready);
        await rec.settle();
        assert.deepStrictEqual(find(rec, "castai-access-cloud-proxy-wi").inputs, {
            serviceAccountId: SA_NAME, role: "roles/iam.workloadIdentityUser",
            member: "serviceAccount:acme-prod.svc.id.goog[castai-agent/castai-cloud-proxy]",
        });
        const ksa = find(rec, "castai-cloud-proxy");
        assert.strictEqual(ksa.type, "kubernetes:core/v1:ServiceAccount");
        assert.strictEqual(ksa.parent, "castai");
        assert.deepStrictEqual(ksa.inputs.metadata, {
            name: "castai-cloud-proxy", namespace: "castai-agent", annotations: { "iam.gke.io/gcp-service-account": EMAIL },
        });
    });

    it("registers no resource at all on bad input", async () => {
        const rec = installMocks();
        assert.throws(() => new CastAiGkeAccess("castai", { ...GKE, projectId: "acme" }), /^InputError: projectId: must be a GCP project ID/);
        assert.throws(() => new CastAiGkeAccess("castai", { ...GKE, castaiServiceAccount: undefined }), /castaiServiceAccount: is required in mode "impersonation"/);
        assert.throws(() => new CastAiGkeAccess("castai", { ...GKE, nodeServiceAccountIds: undefined }), /^InputError: nodeServiceAccountIds: is required: /);
        assert.throws(() => new CastAiGkeAccess("castai", { ...GKE, kubernetesProvider: new k8s.Provider("p", {}) }),
            /kubernetesProvider: is only used when cloudProxyWorkloadIdentity is true/);
        await rec.settle();
        assert.deepStrictEqual(rec.resources.filter((r) => !r.type.startsWith("pulumi:providers:")), []);
    });

    it("accepts the project and Cast AI account as Outputs, with the same children", async () => {
        const { rec } = await build({ ...GKE, projectId: pulumi.output("acme-prod"), castaiServiceAccount: pulumi.secret(CASTAI_SA) });
        assert.strictEqual(rec.resources.length, 10);
        assert.ok(isSecretValue(find(rec, "castai-access-token-creator").inputs.member));
        // Every value planned from a secret input is secret too (the plan is one Output).
        assert.strictEqual(revealSecrets(find(rec, "castai-access").inputs.accountId), "castai-gke-f00c9019");
    });

    it("fails the deployment with the same message when an Output resolves invalid", async () => {
        installMocks();
        const c = new CastAiGkeAccess("castai", { ...GKE, location: pulumi.output("mars") });
        await assert.rejects(new Promise((resolve, reject) => {
            (c.ready as unknown as { promise(): Promise<unknown> }).promise().then(resolve, reject);
        }), /location: must be a GCP region or zone such as europe-west1 or europe-west1-b, got "mars"/);
    });
});

void NODE_SA_IDS;
