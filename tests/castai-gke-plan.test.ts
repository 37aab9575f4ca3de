import * as assert from "assert";
import { InputError } from "../components/core";
import { buildPermissions } from "../components/gcp/catalog";
import { CASTAI_GKE_PERMISSIONS } from "../components/castai/gke-catalog";
import { CastAiGkePlainArgs, planCastAiGke } from "../components/castai/gke-plan";
import { CASTAI_SA, GKE, GKE_KEY, NODE_SA_IDS } from "./support/gke-values";
import { seedText } from "./support/seeds";

/** The seed's `castai.gkeAccess` list, read from the seed itself when ../shared exists. */
function seedPermissions(): string[] | undefined {
    const text = seedText("castai-cloud-permissions.txt");
    if (text === undefined) return undefined;
    const block = text.slice(text.indexOf("includedPermissions:"), text.indexOf("name: projects/"));
    return [...block.matchAll(/^- ([a-z]+\.[A-Za-z]+\.[A-Za-z]+)$/gm)].map((m) => m[1]).sort();
}

const PROJECT_RULE = "must be a GCP project ID: 6-30 lower-case letters, digits and hyphens, starting with a letter and not ending with a hyphen";
const CLUSTER_RULE = "must be a GKE cluster name: 1-40 lower-case letters, digits and hyphens, starting with a letter and ending with a letter or digit";
const EMAIL_RULE = "must be a service account e-mail such as cast-gke-1a2b3c4d@prod-cast-identity.iam.gserviceaccount.com";
const SECONDS_RULE = "must be a whole number of seconds from 0 to 600";

describe("Cast AI GKE catalog", () => {
    it("gives every entry a feature, a why and a source, and lists no permission twice in the base set", () => {
        for (const e of CASTAI_GKE_PERMISSIONS) {
            assert.ok(e.feature.length > 3 && e.why.length > 20 && e.source.length > 5, JSON.stringify(e));
        }
        const base = CASTAI_GKE_PERMISSIONS.filter((e) => !e.when).flatMap((e) => e.permissions);
        assert.deepStrictEqual(base.filter((p, i) => base.indexOf(p) !== i), []);
    });

    it("has every permission of the seed plus compute.instances.detachDisk (Cast AI's newest list, 39)", function () {
        const seed = seedPermissions();
        if (!seed) return this.skip();
        assert.strictEqual(seed.length, 38);
        const base = buildPermissions(CASTAI_GKE_PERMISSIONS, {});
        assert.strictEqual(base.length, 39);
        assert.deepStrictEqual(base.filter((p) => !seed.includes(p)), ["compute.instances.detachDisk"]);
        assert.deepStrictEqual(seed.filter((p) => !base.includes(p)), []);
    });

    it("adds each load balancer set only when switched on, de-duplicating compute.instances.use", () => {
        const on = (k: string) => buildPermissions(CASTAI_GKE_PERMISSIONS, { [k]: true }).length;
        assert.strictEqual(on("loadBalancersTargetBackendPools"), 43);
        assert.strictEqual(on("loadBalancersUnmanagedInstanceGroups"), 41);
        const all = buildPermissions(CASTAI_GKE_PERMISSIONS, {
            loadBalancersTargetBackendPools: true, loadBalancersUnmanagedInstanceGroups: true,
        });
        assert.strictEqual(all.length, 44);
        // The network-endpoint-group set never reached the provider's default branch (PR branch only).
        assert.ok(!all.some((p) => p.startsWith("compute.networkEndpointGroups.")));
        assert.ok(!buildPermissions(CASTAI_GKE_PERMISSIONS, {}).includes("compute.instances.use"));
    });
});

describe("planCastAiGke", () => {
    it("names everything from the cluster name and scopes serviceAccountUser to the node accounts", () => {
        const p = planCastAiGke(GKE);
        assert.strictEqual(p.mode, "impersonation");
        assert.strictEqual(p.accountId, "castai-gke-f00c9019");
        assert.strictEqual(p.email, "castai-gke-f00c9019@acme-prod.iam.gserviceaccount.com");
        assert.strictEqual(p.roleId, "castai.gkeAccess.f00c9019");
        assert.match(p.roleId, /^[A-Za-z0-9_.]{3,64}$/);
        assert.match(p.accountId, /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/);
        assert.strictEqual(p.roleName, "projects/acme-prod/roles/castai.gkeAccess.f00c9019");
        assert.deepStrictEqual(p.serviceAccountUserCondition, {
            title: "castai_node_service_accounts_only",
            description: "Cast AI may act only as the 2 node pool service account(s) of cluster prod-eu",
            expression: `resource.name.startsWith("projects/-/serviceAccounts/${NODE_SA_IDS[0]}") || resource.name.startsWith("projects/-/serviceAccounts/${NODE_SA_IDS[1]}")`,
        });
        assert.deepStrictEqual(p.impersonationCondition, {
            title: "SpecificServiceAccountCondition",
            description: "Allow impersonation only for Cast AI service account",
            expression: `request.auth.claims.email == "${CASTAI_SA}"`,
        });
        assert.deepStrictEqual(p.apis, ["cloudresourcemanager.googleapis.com", "serviceusage.googleapis.com"]);
        assert.ok(p.permissions.includes("compute.networks.useExternalIp") && p.permissions.includes("compute.subnetworks.useExternalIp"));
        assert.deepStrictEqual(p.warnings, []);
        assert.strictEqual(p.cloudProxyMember, undefined);
        assert.strictEqual(p.propagationDelaySeconds, 0);
    });

    it("is stable across runs and differs per cluster", () => {
        assert.strictEqual(planCastAiGke(GKE).accountId, planCastAiGke({ ...GKE }).accountId);
        assert.notStrictEqual(planCastAiGke({ ...GKE, clusterName: "prod-us" }).roleId, planCastAiGke(GKE).roleId);
    });

    it("key mode has no Cast AI account and no impersonation condition", () => {
        const p = planCastAiGke(GKE_KEY);
        assert.strictEqual(p.mode, "key");
        assert.strictEqual(p.castaiServiceAccount, undefined);
        assert.strictEqual(p.impersonationCondition, undefined);
    });

    it("only allowProjectWideServiceAccountUse leaves serviceAccountUser unconditional, and warns", () => {
        const p = planCastAiGke({ ...GKE, nodeServiceAccountIds: undefined, allowProjectWideServiceAccountUse: true });
        assert.strictEqual(p.allowProjectWideServiceAccountUse, true);
        assert.strictEqual(p.serviceAccountUserCondition, undefined);
        assert.match(p.warnings[0], /^allowProjectWideServiceAccountUse is true: Cast AI may act as every service account of the project/);
        assert.strictEqual(planCastAiGke(GKE).allowProjectWideServiceAccountUse, false);
    });

    it("plans Workload Identity, compute-manager roles unique per cluster and project, and the delay", () => {
        const p = planCastAiGke({ ...GKE, cloudProxyWorkloadIdentity: true, cloudProxyNamespace: "castai", computeManagerProjectIds: ["acme-sole-tenant", "acme-sole-b"], propagationDelaySeconds: 180 });
        assert.strictEqual(p.cloudProxyMember, "serviceAccount:acme-prod.svc.id.goog[castai/castai-cloud-proxy]");
        assert.deepStrictEqual(p.computeManagerRoles, [
            { key: "acme-sole-tenant", projectId: "acme-sole-tenant", roleId: "castai.gkeAccess.d80e1f81" },
            { key: "acme-sole-b", projectId: "acme-sole-b", roleId: "castai.gkeAccess.d145c384" },
        ]);
        assert.strictEqual(p.propagationDelaySeconds, 180);
    });

    const bad: [string, Partial<Record<keyof CastAiGkePlainArgs | "clustername", unknown>>, string][] = [
        ["missing project", { projectId: undefined }, "projectId: is required"],
        ["short project", { projectId: "acme" }, `projectId: ${PROJECT_RULE}, got "acme"`],
        ["project starting with a digit", { projectId: "1acme-prod" }, `projectId: ${PROJECT_RULE}, got "1acme-prod"`],
        ["upper-case project", { projectId: "Acme-prod" }, `projectId: ${PROJECT_RULE}, got "Acme-prod"`],
        ["project ending with a hyphen", { projectId: "acme-prod-" }, `projectId: ${PROJECT_RULE}, got "acme-prod-"`],
        ["long project", { projectId: "a".repeat(31) }, `projectId: ${PROJECT_RULE}, got "${"a".repeat(31)}"`],
        ["location", { location: "europe" }, 'location: must be a GCP region or zone such as europe-west1 or europe-west1-b, got "europe"'],
        ["cluster name upper-case", { clusterName: "Prod" }, `clusterName: ${CLUSTER_RULE}, got "Prod"`],
        ["cluster name too long", { clusterName: "p".repeat(41) }, `clusterName: ${CLUSTER_RULE}, got "${"p".repeat(41)}"`],
        ["missing Cast AI account", { castaiServiceAccount: undefined },
            'castaiServiceAccount: is required in mode "impersonation" (the account Cast AI returns from gcp-create-sa, cast-gke-<hash>@prod-cast-identity.iam.gserviceaccount.com); to use a service-account key instead, set mode to "key"'],
        ["Cast AI account not a service account", { castaiServiceAccount: "someone@example.com" }, `castaiServiceAccount: ${EMAIL_RULE}, got "someone@example.com"`],
        ["Cast AI account with a quote", { castaiServiceAccount: 'cast"@x.iam.gserviceaccount.com' }, `castaiServiceAccount: ${EMAIL_RULE}, got "cast\\"@x.iam.gserviceaccount.com"`],
        ["unknown mode", { mode: "oidc" }, 'mode: must be one of "impersonation", "key", got "oidc"'],
        ["Cast AI account in key mode", { mode: "key" }, 'castaiServiceAccount: is only used in mode "impersonation"; remove it or set mode to "impersonation"'],
        ["node IDs not a list", { nodeServiceAccountIds: NODE_SA_IDS[0] }, `nodeServiceAccountIds: must be a list of strings, got "${NODE_SA_IDS[0]}"`],
        ["node ID not 21 digits", { nodeServiceAccountIds: ["123"] },
            "nodeServiceAccountIds[0]: must be a service account unique ID of 21 digits (gcloud iam service-accounts describe EMAIL --format='value(uniqueId)'), got \"123\""],
        ["no node IDs", { nodeServiceAccountIds: undefined }, `nodeServiceAccountIds: is required: the unique IDs (21 digits) of the node pools' service accounts, the only ones Cast AI may act as (gcloud iam service-accounts describe EMAIL --format='value(uniqueId)'); to let Cast AI act as every service account of the project instead, set allowProjectWideServiceAccountUse to true`],
        ["empty node IDs", { nodeServiceAccountIds: [] }, `nodeServiceAccountIds: is required: the unique IDs (21 digits) of the node pools' service accounts, the only ones Cast AI may act as (gcloud iam service-accounts describe EMAIL --format='value(uniqueId)'); to let Cast AI act as every service account of the project instead, set allowProjectWideServiceAccountUse to true`],
        ["empty node IDs in key mode", { mode: "key", castaiServiceAccount: undefined, nodeServiceAccountIds: [] }, `nodeServiceAccountIds: is required: the unique IDs (21 digits) of the node pools' service accounts, the only ones Cast AI may act as (gcloud iam service-accounts describe EMAIL --format='value(uniqueId)'); to let Cast AI act as every service account of the project instead, set allowProjectWideServiceAccountUse to true`],
        ["node IDs with the project-wide opt-in", { allowProjectWideServiceAccountUse: true },
            "allowProjectWideServiceAccountUse: excludes nodeServiceAccountIds (the IDs scope roles/iam.serviceAccountUser to the node pools); remove one of them"],
        ["opt-in not boolean", { nodeServiceAccountIds: [], allowProjectWideServiceAccountUse: "true" }, 'allowProjectWideServiceAccountUse: must be true or false, got "true"'],
        ["node ID twice", { nodeServiceAccountIds: [NODE_SA_IDS[0], NODE_SA_IDS[0]] }, `nodeServiceAccountIds: lists "${NODE_SA_IDS[0]}" twice`],
        ["compute project is the cluster's", { computeManagerProjectIds: ["acme-prod"] }, 'computeManagerProjectIds[0]: is the cluster\'s own project "acme-prod"; list only other projects'],
        ["compute project invalid", { computeManagerProjectIds: ["X"] }, `computeManagerProjectIds[0]: ${PROJECT_RULE}, got "X"`],
        ["namespace without Workload Identity", { cloudProxyNamespace: "castai-agent" }, "cloudProxyNamespace: is only used when cloudProxyWorkloadIdentity is true"],
        ["bad namespace", { cloudProxyWorkloadIdentity: true, cloudProxyNamespace: "Bad_ns" },
            "cloudProxyNamespace: must be a DNS-1123 label (lower-case letters, digits and '-', starting and ending with a letter or digit), got \"Bad_ns\""],
        ["switch not boolean", { cloudProxyWorkloadIdentity: "yes" }, 'cloudProxyWorkloadIdentity: must be true or false, got "yes"'],
        ["load balancer switch not boolean", { loadBalancersTargetBackendPools: "true" }, 'loadBalancersTargetBackendPools: must be true or false, got "true"'],
        ["negative delay", { propagationDelaySeconds: -1 }, `propagationDelaySeconds: ${SECONDS_RULE}, got -1`],
        ["fractional delay", { propagationDelaySeconds: 1.5 }, `propagationDelaySeconds: ${SECONDS_RULE}, got 1.5`],
        ["delay too long", { propagationDelaySeconds: 601 }, `propagationDelaySeconds: ${SECONDS_RULE}, got 601`],
        ["unknown key", { clustername: "x" },
            "clustername: is not an argument of CastAiGkeAccess (known: projectId, clusterName, location, mode, castaiServiceAccount, nodeServiceAccountIds, allowProjectWideServiceAccountUse, computeManagerProjectIds, cloudProxyWorkloadIdentity, cloudProxyNamespace, loadBalancersTargetBackendPools, loadBalancersUnmanagedInstanceGroups, propagationDelaySeconds, clusterRbac, kubernetesProvider)"],
    ];
    for (const [what, change, message] of bad) {
        it(`rejects ${what}`, () => {
            assert.throws(() => planCastAiGke({ ...GKE, ...change } as CastAiGkePlainArgs), (e: unknown) => {
                assert.ok(InputError.isInstance(e));
                assert.strictEqual(e.message, message);
                return true;
            });
        });
    }
});
