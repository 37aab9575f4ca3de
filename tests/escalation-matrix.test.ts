/**
 * The escalation matrix (issue 13): every GCP, Azure and Kubernetes preset in every mode, asked
 * the published privilege-escalation patterns (DESIGN "Secure by default"; GCP: Rhino Security
 * Labs' GCP privilege escalation list; Kubernetes: the RBAC good-practice page's escalation list,
 * kubernetes.io/docs/concepts/security/rbac-good-practices; Azure: role assignment write, run
 * command on machines with identities, identity assign). A default holds none; each opt-in adds
 * exactly the findings it names. Judges: the RBAC evaluator and, when the binary is there, a real
 * kube-apiserver's SubjectAccessReview (Kubernetes); @bufbuild/cel on the rendered IAM conditions
 * (GCP); Azure's action matching (wildcards, notActions, case-insensitive) on the rendered role
 * definitions and the scopes of their assignments.
 */
import * as assert from "assert";
import { isCelError } from "@bufbuild/cel";
import { runCondition } from "./support/cel";
import { render, RenderedResource } from "../components/render/run";
import { KubeObject } from "../components/kubernetes/rbac";
import { Request, ServiceAccountRef, authorize } from "../components/kubernetes/authorize";
import { ApiServer, REQUIRE_ENV, eventually, findBinaries, startApiServer } from "./support/apiserver";
import { renderedObjectsOf } from "./support/k8s-objects";
import { CASTAI_SA, GKE, GKE_KEY } from "./support/gke-values";
import { AKS, AKS_CS, AKS_WI } from "./support/aks-values";
import { EKS } from "./support/values";

// ---------------------------------------------------------------- Kubernetes

/** Each published pattern, as the requests that would exercise it. Any allowed request is a finding. */
const K8S_PATTERNS: Readonly<Record<string, readonly Request[]>> = {
    "escalate": [
        { verb: "escalate", apiGroup: "rbac.authorization.k8s.io", resource: "clusterroles", name: "cluster-admin" },
        { verb: "escalate", apiGroup: "rbac.authorization.k8s.io", resource: "roles", name: "x", namespace: "kube-system" },
    ],
    "bind": [
        { verb: "bind", apiGroup: "rbac.authorization.k8s.io", resource: "clusterroles", name: "cluster-admin" },
        { verb: "bind", apiGroup: "rbac.authorization.k8s.io", resource: "roles", name: "x", namespace: "kube-system" },
    ],
    "impersonate": [
        { verb: "impersonate", apiGroup: "", resource: "users", name: "admin" },
        { verb: "impersonate", apiGroup: "", resource: "groups", name: "system:masters" },
        { verb: "impersonate", apiGroup: "", resource: "serviceaccounts", name: "default", namespace: "kube-system" },
    ],
    "CSR approval for any signer": [
        { verb: "approve", apiGroup: "certificates.k8s.io", resource: "signers", name: "kubernetes.io/kube-apiserver-client" },
        { verb: "approve", apiGroup: "certificates.k8s.io", resource: "signers", name: "example.com/any-signer" },
    ],
    "admission webhook control": [
        { verb: "update", apiGroup: "admissionregistration.k8s.io", resource: "validatingwebhookconfigurations", name: "gatekeeper-validating-webhook-configuration" },
        { verb: "patch", apiGroup: "admissionregistration.k8s.io", resource: "mutatingwebhookconfigurations", name: "istio-sidecar-injector" },
        { verb: "delete", apiGroup: "admissionregistration.k8s.io", resource: "validatingwebhookconfigurations", name: "gatekeeper-validating-webhook-configuration" },
        { verb: "create", apiGroup: "admissionregistration.k8s.io", resource: "mutatingwebhookconfigurations" },
    ],
    "nodes/proxy": [
        { verb: "get", apiGroup: "", resource: "nodes", subresource: "proxy", name: "node-1" },
        { verb: "create", apiGroup: "", resource: "nodes", subresource: "proxy", name: "node-1" },
    ],
    "serviceaccounts/token": [
        { verb: "create", apiGroup: "", resource: "serviceaccounts", subresource: "token", name: "default", namespace: "kube-system" },
    ],
    "pods/exec": [
        { verb: "create", apiGroup: "", resource: "pods", subresource: "exec", name: "coredns-0", namespace: "kube-system" },
        { verb: "get", apiGroup: "", resource: "pods", subresource: "exec", name: "coredns-0", namespace: "kube-system" },
    ],
    "secrets cluster-wide": [
        { verb: "list", apiGroup: "", resource: "secrets" },
        { verb: "get", apiGroup: "", resource: "secrets", name: "x", namespace: "kube-system" },
    ],
    // Not on the brief's list, asked anyway: a pod (or a workload's pod template) in kube-system
    // runs as any service account there, which is the same power as its token.
    "workloads in kube-system (run as any service account)": [
        { verb: "create", apiGroup: "", resource: "pods", namespace: "kube-system" },
        { verb: "update", apiGroup: "apps", resource: "deployments", name: "coredns", namespace: "kube-system" },
    ],
};

interface Mode {
    readonly title: string;
    readonly values: Record<string, unknown>;
    /** The mode it extends and the findings it adds (named by the opt-in or phase), or none for a default. */
    readonly extends?: string;
    readonly adds: readonly string[];
    /** Why the findings it adds are the vendor's job (an opt-in says so in its argument's docs). */
    readonly why?: string;
}

const K8S_MATRIX: Readonly<Record<string, readonly Mode[]>> = {
    "castai-kubernetes": [
        { title: "default (phase 1: agent, operator)", values: {}, adds: [] },
        {
            title: "extendedPermissions (phase 2: cluster controller, evictor, pod pinner)", values: { extendedPermissions: true },
            extends: "default (phase 1: agent, operator)", adds: ["workloads in kube-system (run as any service account)"],
            why: "the evictor creates pods in any namespace (seed: Evictor, core pods create); CSR approval stays pinned to the two kubelet signers, and webhook get and patch to the pod pinner's own configuration castai-pod-pinner (a risk in the report), never another product's",
        },
    ],
    "cloudpilot-kubernetes": [
        { title: "default (phase 1: agent)", values: {}, adds: [] },
        {
            title: "optimizer (phase 2)", values: { optimizer: true }, extends: "default (phase 1: agent)",
            adds: ["workloads in kube-system (run as any service account)"],
            why: "the optimizer updates every workload's pod template (cloudpilot-aws-optimizer-core, as documented); its CSR approval is pinned to two signers and its webhook rule is read-only",
        },
        {
            title: "optimizer, allowAnyWebhookConfigurationUpdate", values: { optimizer: true, allowAnyWebhookConfigurationUpdate: true },
            extends: "optimizer (phase 2)", adds: ["admission webhook control"],
            why: "the opt-in named for it: update of every webhook configuration, as CloudPilot documents it",
        },
    ],
};

function serviceAccounts(objects: readonly KubeObject[]): ServiceAccountRef[] {
    return objects.filter((o) => o.kind === "ServiceAccount").map((o) => ({ namespace: o.metadata.namespace!, name: o.metadata.name }));
}

async function k8sFindings(objects: readonly KubeObject[], allowed: (who: ServiceAccountRef, r: Request) => Promise<boolean> | boolean): Promise<string[]> {
    const out: string[] = [];
    for (const [pattern, requests] of Object.entries(K8S_PATTERNS)) {
        let hit = false;
        for (const who of serviceAccounts(objects)) {
            for (const r of requests) if (await allowed(who, r)) hit = true;
        }
        if (hit) out.push(pattern);
    }
    return out;
}

function expected(modes: readonly Mode[], m: Mode): string[] {
    const base = m.extends ? expected(modes, modes.find((x) => x.title === m.extends)!) : [];
    return Object.keys(K8S_PATTERNS).filter((p) => base.includes(p) || m.adds.includes(p));
}

describe("escalation matrix: Kubernetes (RBAC evaluator)", () => {
    for (const [preset, modes] of Object.entries(K8S_MATRIX)) {
        const objectsOf = renderedObjectsOf(preset);
        for (const m of modes) {
            it(`${preset} ${m.title}: ${m.adds.length === 0 && !m.extends ? "no finding" : `adds exactly ${m.adds.join(", ")}`}`, async () => {
                const objects = await objectsOf(m.values);
                assert.ok(serviceAccounts(objects).length > 0);
                assert.deepStrictEqual(await k8sFindings(objects, (who, r) => authorize(objects, who, r)), expected(modes, m));
            });
        }
    }

    for (const [preset, values] of [["castai-eks", EKS], ["castai-gke", GKE], ["castai-aks", AKS_WI]] as const) {
        for (const extendedPermissions of [false, true]) {
            it(`${preset} clusterRbac ${extendedPermissions ? "phase 2" : "default"}: the same RBAC, so the same findings, as castai-kubernetes`, async () => {
                const rbac = (objects: readonly KubeObject[]) => objects.filter((o) => o.kind !== "ServiceAccount" || o.metadata.name !== "castai-cloud-proxy");
                const bundled = rbac(await renderedObjectsOf(preset)({ ...values, clusterRbac: extendedPermissions ? { extendedPermissions } : {} }));
                const alone = await renderedObjectsOf("castai-kubernetes")(extendedPermissions ? { extendedPermissions } : {});
                const shape = (objects: readonly KubeObject[]) => objects.map((o) => JSON.stringify([o.kind, o.metadata.name, o.metadata.namespace, o.rules, o.subjects])).sort();
                assert.deepStrictEqual(shape(bundled), shape(alone));
                assert.deepStrictEqual(await k8sFindings(bundled, (who, r) => authorize(bundled, who, r)),
                    expected(K8S_MATRIX["castai-kubernetes"], K8S_MATRIX["castai-kubernetes"][extendedPermissions ? 1 : 0]));
            });
        }
    }

    it("every default holds none, and every non-default mode says why it adds what it adds", () => {
        for (const modes of Object.values(K8S_MATRIX)) {
            const defaults = modes.filter((m) => !m.extends);
            assert.strictEqual(defaults.length, 1);
            assert.deepStrictEqual(defaults[0].adds, []);
            for (const m of modes.filter((x) => x.extends)) assert.ok(m.why && m.adds.length > 0, m.title);
        }
    });

    it("the patterns are judged, not assumed: a cluster-admin binding holds every one", async () => {
        const admin: KubeObject[] = [
            { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "root", namespace: "default" } },
            { apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRole", metadata: { name: "all" }, rules: [{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }] },
            { apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRoleBinding", metadata: { name: "all" },
                roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "all" }, subjects: [{ kind: "ServiceAccount", name: "root", namespace: "default" }] },
        ];
        assert.deepStrictEqual(await k8sFindings(admin, (who, r) => authorize(admin, who, r)), Object.keys(K8S_PATTERNS));
    });
});

const binaries = findBinaries();

describe("escalation matrix: Kubernetes (real kube-apiserver, SubjectAccessReview)", function () {
    if ("missing" in binaries) {
        if (process.env[REQUIRE_ENV] === "1") it(`has a kube-apiserver (${REQUIRE_ENV} is set)`, () => assert.fail(binaries.missing));
        else it.skip(`SKIPPED: ${binaries.missing}`);
        return;
    }
    this.timeout(120_000);
    let server: ApiServer;
    let stop: (() => Promise<void>) | undefined;
    before(async () => {
        const started = await startApiServer(binaries);
        server = started.server;
        stop = started.stop;
    });
    after(async () => stop?.());

    // Modes applied in order: each extends the one before, so the server holds exactly the mode asked.
    for (const [preset, modes] of Object.entries(K8S_MATRIX)) {
        const objectsOf = renderedObjectsOf(preset);
        for (const m of modes) {
            it(`${preset} ${m.title}: the server's answers give the same findings`, async () => {
                const objects = await objectsOf(m.values);
                for (const o of objects) {
                    const r = await server.apply(o);
                    assert.ok(r.status === 200 || r.status === 201, `${o.kind} ${o.metadata.name}: HTTP ${r.status}`);
                }
                const want = expected(modes, m);
                const got = await eventually(() => k8sFindings(objects, (who, r) => server.allowed(who, r)),
                    (findings) => JSON.stringify(findings) === JSON.stringify(want));
                assert.deepStrictEqual(got, want);
            });
        }
    }
});

// ---------------------------------------------------------------- GCP

/** Predefined roles' escalation-relevant permissions (cloud.google.com/iam/docs/understanding-roles). */
const GCP_ROLE_PERMISSIONS: Readonly<Record<string, readonly string[]>> = {
    "roles/iam.serviceAccountUser": ["iam.serviceAccounts.actAs"],
    "roles/iam.serviceAccountTokenCreator": ["iam.serviceAccounts.getAccessToken", "iam.serviceAccounts.signBlob", "iam.serviceAccounts.signJwt", "iam.serviceAccounts.implicitDelegation"],
    "roles/iam.workloadIdentityUser": ["iam.serviceAccounts.getAccessToken", "iam.serviceAccounts.getOpenIdToken"],
};

/** A service account of the project that is none of the node pools' (the CEL request resource). */
const OTHER_SA = "projects/-/serviceAccounts/123456789012345678901";

/** The GCP condition engine's decision: the expression, run by @bufbuild/cel, must be the boolean true; no condition admits all. */
function conditionAdmits(condition: unknown, resourceName: string): boolean {
    if (!condition) return true;
    const expr = (condition as { expression: string }).expression;
    const result = runCondition(expr, {
        resource: { name: resourceName, type: "iam.googleapis.com/ServiceAccount", service: "iam.googleapis.com" },
        request: { auth: { claims: { email: "attacker@example.iam.gserviceaccount.com" } }, time: new Date(0).toISOString() },
    });
    if (isCelError(result)) throw new Error(`CEL error in ${expr}: ${String(result)}`);
    return result === true;
}

/** Project-wide grants of the vendor's service account: permissions, each with the condition it holds under. */
function projectGrants(resources: readonly RenderedResource[]): { permission: string; condition: unknown }[] {
    const custom = new Map(resources.filter((r) => r.type === "gcp:projects/iAMCustomRole:IAMCustomRole")
        .map((r) => [`projects/${r.inputs.project}/roles/${r.inputs.roleId}`, r.inputs.permissions as string[]]));
    return resources.filter((r) => r.type === "gcp:projects/iAMMember:IAMMember").flatMap((r) => {
        const role = String(r.inputs.role);
        const perms = custom.get(role) ?? GCP_ROLE_PERMISSIONS[role] ?? [`(unknown role ${role})`];
        return perms.map((permission) => ({ permission, condition: r.inputs.condition }));
    });
}

const GCP_PATTERNS: Readonly<Record<string, (g: ReturnType<typeof projectGrants>) => boolean>> = {
    "actAs project-wide with compute create": (g) => g.some((x) => x.permission === "iam.serviceAccounts.actAs" && conditionAdmits(x.condition, OTHER_SA))
        && g.some((x) => x.permission === "compute.instances.create"),
    "setIamPolicy": (g) => g.some((x) => x.permission.endsWith(".setIamPolicy")),
    "iam.roles.update or create": (g) => g.some((x) => x.permission === "iam.roles.update" || x.permission === "iam.roles.create"),
    "iam.serviceAccountKeys.create": (g) => g.some((x) => x.permission === "iam.serviceAccountKeys.create"),
    "access tokens or signing project-wide": (g) => g.some((x) => ["iam.serviceAccounts.getAccessToken", "iam.serviceAccounts.signBlob",
        "iam.serviceAccounts.signJwt", "iam.serviceAccounts.implicitDelegation"].includes(x.permission) && conditionAdmits(x.condition, OTHER_SA)),
};

const ALL_FEATURES = { cloudProxyWorkloadIdentity: true, computeManagerProjectIds: ["acme-sole-tenant"], loadBalancersTargetBackendPools: true,
    loadBalancersUnmanagedInstanceGroups: true };
const GKE_MODES: readonly (Mode & { values: Record<string, unknown> })[] = [
    { title: "impersonation (default)", values: { ...GKE }, adds: [] },
    { title: "key", values: { ...GKE_KEY }, adds: [] },
    { title: "impersonation, every feature switch", values: { ...GKE, ...ALL_FEATURES }, adds: [] },
    {
        title: "allowProjectWideServiceAccountUse", values: { ...GKE, nodeServiceAccountIds: undefined, allowProjectWideServiceAccountUse: true },
        extends: "impersonation (default)", adds: ["actAs project-wide with compute create"],
        why: "the opt-in named for it: roles/iam.serviceAccountUser with no condition",
    },
];

describe("escalation matrix: GCP (castai-gke; conditions judged by @bufbuild/cel)", () => {
    for (const m of GKE_MODES) {
        it(`castai-gke ${m.title}: ${m.adds.length ? `adds exactly ${m.adds.join(", ")}` : "no finding"}`, async () => {
            const r = await render("castai-gke", m.values);
            const grants = projectGrants(r.resources);
            assert.ok(grants.some((x) => x.permission === "compute.instances.create"), "the custom role is granted project-wide");
            const found = Object.entries(GCP_PATTERNS).filter(([, hit]) => hit(grants)).map(([p]) => p);
            assert.deepStrictEqual(found, m.adds);
            // Cast AI's own access to this account (token creator, impersonation) is on this account only, never project-wide.
            const castai = r.resources.filter((x) => x.type === "gcp:projects/iAMMember:IAMMember" && String(x.inputs.member).includes(CASTAI_SA));
            assert.deepStrictEqual(castai, []);
        });
    }

    it("the node pools' accounts stay usable: the default's condition admits a listed node account (CEL)", async () => {
        const r = await render("castai-gke", { ...GKE });
        const saUser = r.resources.find((x) => x.type === "gcp:projects/iAMMember:IAMMember" && x.inputs.role === "roles/iam.serviceAccountUser")!;
        assert.strictEqual(conditionAdmits(saUser.inputs.condition, `projects/-/serviceAccounts/${GKE.nodeServiceAccountIds[0]}`), true);
        assert.strictEqual(conditionAdmits(saUser.inputs.condition, OTHER_SA), false);
    });
});

// ---------------------------------------------------------------- Azure

/** Azure's action match: `*` matches any characters, case-insensitive. */
function azureMatches(pattern: string, action: string): boolean {
    const re = new RegExp(`^${pattern.split("*").map((s) => s.replace(/[.+?^${}()|[\]\\/]/g, "\\$&")).join(".*")}$`, "i");
    return re.test(action);
}

function azureAllows(permissions: { actions?: string[]; notActions?: string[] }[], action: string): boolean {
    return permissions.some((p) => (p.actions ?? []).some((a) => azureMatches(a, action)) && !(p.notActions ?? []).some((n) => azureMatches(n, action)));
}

const AZURE_PATTERNS: Readonly<Record<string, readonly string[]>> = {
    "roleAssignments/write": ["Microsoft.Authorization/roleAssignments/write", "Microsoft.Authorization/roleDefinitions/write"],
    "runCommand on machines with identities": [
        "Microsoft.Compute/virtualMachines/runCommand/action", "Microsoft.Compute/virtualMachines/runCommands/write",
        "Microsoft.Compute/virtualMachineScaleSets/virtualMachines/runCommand/action",
        "Microsoft.Compute/virtualMachineScaleSets/virtualMachines/runCommands/write",
    ],
    "AKS runCommand (kubectl with the cluster's credentials)": ["Microsoft.ContainerService/managedClusters/runCommand/action"],
    "identity assign beyond the node resource group": ["Microsoft.ManagedIdentity/userAssignedIdentities/assign/action"],
};

/**
 * What castai-aks grants today that a published list names, in every mode (the role is the same in
 * both authentication modes). Run command on node VMs is subtracted (notActions); NOT fixed by this
 * change: `managedClusters/runCommand/action` (Cast AI lists it for node bootstrap) and identity
 * assign at every assigned resource group (the cluster's group too, not only the node group).
 * Pinned here so any change shows; follow-up in issue 13.
 */
const AKS_KNOWN: readonly string[] = [
    "AKS runCommand (kubectl with the cluster's credentials)", "identity assign beyond the node resource group",
];

describe("escalation matrix: Azure (castai-aks role definitions and assignment scopes)", () => {
    for (const [title, values] of [["workload identity (default)", AKS_WI], ["client secret", AKS_CS]] as const) {
        it(`castai-aks ${title}: no role assignment write, no VM run command; the known findings exactly`, async () => {
            const r = await render("castai-aks", { ...values });
            const roles = r.resources.filter((x) => x.type === "azure-native:authorization:RoleDefinition");
            assert.strictEqual(roles.length, 1);
            const perms = roles[0].inputs.permissions as { actions?: string[]; notActions?: string[] }[];
            const scopes = r.resources.filter((x) => x.type === "azure-native:authorization:RoleAssignment").map((x) => String(x.inputs.scope));
            const nodeRg = `/subscriptions/${AKS.subscriptionId}/resourceGroups/${AKS.nodeResourceGroup}`;
            const found = Object.entries(AZURE_PATTERNS).filter(([p, actions]) => actions.some((a) => azureAllows(perms, a))
                && (p !== "identity assign beyond the node resource group" || scopes.some((s) => s !== nodeRg))).map(([p]) => p);
            assert.deepStrictEqual(found, AKS_KNOWN);
            assert.ok(!found.includes("roleAssignments/write"));
        });
    }

    it("the Azure matcher is Azure's: wildcards match across segments, notActions subtract, case is ignored", () => {
        assert.ok(azureAllows([{ actions: ["Microsoft.Compute/virtualMachines/*"] }], "microsoft.compute/virtualmachines/runcommand/action"));
        assert.ok(!azureAllows([{ actions: ["Microsoft.Compute/virtualMachines/*"], notActions: ["Microsoft.Compute/virtualMachines/runCommand/*"] }],
            "Microsoft.Compute/virtualMachines/runCommand/action"));
        assert.ok(!azureAllows([{ actions: ["Microsoft.Compute/*/read"] }], "Microsoft.Compute/virtualMachines/write"));
    });
});
