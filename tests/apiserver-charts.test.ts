/**
 * The real API server's escalation check as the judge of what phase 1 and phase 2 of Cast AI's
 * Operator may install: the Roles, ClusterRoles and bindings of the cluster controller's, evictor's
 * and pod pinner's charts (tests/fixtures/castai-charts-rbac.yaml, rendered from castai/helm-charts
 * at the commits its header names), server-side applied while impersonating the Operator's
 * service account, after castai-kubernetes itself has been applied by the admin.
 *
 * - phase 1 (extendedPermissions=false): every ClusterRole and binding, and the cluster
 *   controller's Role, is refused ("attempting to grant RBAC permissions not currently held");
 * - phase 2 (extendedPermissions=true): every object of the cluster controller's chart is accepted
 *   (its Role grants `*`, so the Operator's namespace admin must be `*`); the evictor's and pod
 *   pinner's ClusterRoles are still refused (they need what only the opt-in grants);
 * - phase 2 with operatorClusterWidePodWrite: every object of the three charts is applied for real.
 *
 * Every apply is for real, in the fixture's order (a role before its binding), so a binding is
 * judged against the role as stored; what the Operator applied stays its own (kubegrant's next
 * phase leaves it alone, as after a Helm upgrade). Each answer is also compared with the
 * evaluator's uncovered() (components/kubernetes/authorize.ts).
 * Same binaries and skip rule as tests/apiserver.test.ts.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { parseAllDocuments } from "yaml";
import { render } from "../components/render/run";
import { toYaml } from "../components/render/yaml";
import { KubeObject } from "../components/kubernetes/rbac";
import { findRole, rulesFor, uncovered } from "../components/kubernetes/authorize";
import { ApiServer, binariesOrSkip, startApiServer } from "./support/apiserver";
import { castAiServiceAccount } from "./support/castai-k8s";

const FIXTURE = path.join(__dirname, "fixtures", "castai-charts-rbac.yaml");
const OPERATOR = castAiServiceAccount("operator");

interface ChartDoc {
    readonly text: string;
    readonly object: KubeObject;
}

/** The fixture's documents (the header comment is not a document). */
export function chartDocs(): ChartDoc[] {
    return parseAllDocuments(fs.readFileSync(FIXTURE, "utf8"))
        .filter((d) => d.contents !== null)
        .map((d) => ({ text: d.toString({ lineWidth: 0 }), object: d.toJSON() as KubeObject }));
}

const key = (o: KubeObject) => `${o.kind}/${o.metadata.namespace ?? ""}/${o.metadata.name}`;
const isRole = (o: KubeObject) => o.kind === "ClusterRole" || o.kind === "Role";

async function renderedObjects(values: Record<string, unknown>): Promise<KubeObject[]> {
    return parseAllDocuments(toYaml(await render("castai-kubernetes", values))).map((d) => d.toJSON() as KubeObject);
}

/** Server-side apply as the Operator (its own field manager, taking over kubegrant's fields as a Helm upgrade would). */
async function applyAsOperator(server: ApiServer, d: ChartDoc, dryRun: boolean) {
    const q = new URLSearchParams({ fieldManager: "castware-operator", force: "true", ...(dryRun ? { dryRun: "All" } : {}) });
    return server.request<{ message?: string }>("PATCH", `${await server.pathOf(d.object)}?${q}`, undefined,
        { contentType: "application/apply-patch+yaml", as: OPERATOR, rawBody: d.text });
}

describe("fixture: the charts' RBAC objects (tests/fixtures/castai-charts-rbac.yaml)", () => {
    it("names each chart's source file and commit, and holds the three charts' Roles, ClusterRoles and bindings", () => {
        const text = fs.readFileSync(FIXTURE, "utf8");
        for (const commit of ["70e9b96e7b807b2e825581cf5b3882357d00cd53", "c2de1e1790729123e0fb803402df4b4f0f54de0b", "dd724ff30dd175ce066e37c7615a70cb67a08821"]) {
            assert.ok(text.includes(commit), commit);
        }
        const docs = chartDocs();
        for (const d of docs) assert.match(d.text, /^# castai\/helm-charts charts\/castai-[a-z-]+\/\S+ @ [0-9a-f]{12}/m, key(d.object));
        assert.deepStrictEqual(docs.map((d) => key(d.object)), [
            "ClusterRole//castai-cluster-controller", "Role/castai-agent/castai-cluster-controller",
            "RoleBinding/castai-agent/castai-cluster-controller", "ClusterRoleBinding//castai-cluster-controller",
            "ClusterRole//castai-cluster-controller-ext", "ClusterRoleBinding//castai-cluster-controller-ext",
            "ClusterRole//castai-evictor", "ClusterRoleBinding//castai-evictor", "Role/castai-agent/castai-evictor", "RoleBinding/castai-agent/castai-evictor",
            "ClusterRole//castai-evictor-ext", "ClusterRoleBinding//castai-evictor-ext",
            "ClusterRole//castai-pod-pinner", "ClusterRoleBinding//castai-pod-pinner", "Role/castai-agent/castai-pod-pinner", "RoleBinding/castai-agent/castai-pod-pinner",
            "ClusterRole//castai-pod-pinner-ext", "ClusterRoleBinding//castai-pod-pinner-ext",
        ]);
    });
});

describe("the Operator installs the vendor charts' RBAC, judged by a real kube-apiserver's escalation check", function () {
    const binaries = binariesOrSkip();
    if (binaries === undefined) return;
    this.timeout(120_000);
    let server: ApiServer;
    let stop: (() => Promise<void>) | undefined;
    /** What the server stores, as far as these tests know (kubegrant's render, then the charts' objects applied for real). */
    let stored: KubeObject[] = [];
    /** Objects the Operator took over (as a Helm upgrade would): kubegrant's later applies leave them to it. */
    const operatorOwned = new Set<string>();

    before(async () => {
        const started = await startApiServer(binaries);
        server = started.server;
        stop = started.stop;
    });
    after(async () => stop?.());

    /** Applies castai-kubernetes with `values` as the admin; returns its objects. */
    async function applyRender(values: Record<string, unknown>): Promise<KubeObject[]> {
        const objects = await renderedObjects(values);
        for (const o of objects.filter((x) => !operatorOwned.has(key(x)))) {
            const r = await server.apply(o);
            assert.ok(r.status === 200 || r.status === 201, `${key(o)}: HTTP ${r.status} ${JSON.stringify(r.body)}`);
        }
        stored = [...stored.filter((s) => operatorOwned.has(key(s)) || !objects.some((o) => key(o) === key(s))),
            ...objects.filter((o) => !operatorOwned.has(key(o)))];
        // The escalation check reads the authorizer's caches: wait until they hold the Operator's new rules.
        assert.ok(await server.awaitRules(objects, OPERATOR), "the authorizer never granted the Operator its rules");
        return objects;
    }

    /**
     * Applies every chart document as the Operator; returns the keys the server accepted and
     * refused, after checking each answer against uncovered() over what the Operator holds (for a
     * binding: the rules of the role it refers to, as stored).
     */
    async function operatorApplies(objects: readonly KubeObject[]): Promise<{ accepted: string[]; refused: string[] }> {
        const accepted: string[] = [];
        const refused: string[] = [];
        const differ: string[] = [];
        for (const d of chartDocs()) {
            const o = d.object;
            const held = rulesFor(objects, OPERATOR, o.metadata.namespace);
            // A binding is judged against the role it refers to as stored; one whose role was refused
            // (so is not stored) cannot be created: the server answers 404 for the role.
            const target = isRole(o) ? o : findRole(stored, o.roleRef!.kind, o.roleRef!.name, o.metadata.namespace);
            // The server skips the escalation check for an update that leaves a role's rules, or a
            // binding's roleRef, as stored (Kubernetes pkg/registry/rbac/*/policybased).
            const before = stored.find((x) => key(x) === key(o));
            const unchanged = before !== undefined && (isRole(o)
                ? JSON.stringify(before.rules ?? []) === JSON.stringify(o.rules ?? [])
                : JSON.stringify(before.roleRef) === JSON.stringify(o.roleRef));
            const predicted = unchanged || (target !== undefined && uncovered(held, target.rules ?? []).length === 0);
            const r = await applyAsOperator(server, d, false);
            const ok = r.status === 200 || r.status === 201;
            assert.ok(ok || r.status === 403 || (r.status === 404 && target === undefined), `${key(o)}: HTTP ${r.status} ${JSON.stringify(r.body)}`);
            if (r.status === 403) assert.match(r.body.message ?? "", /attempting to grant RBAC permissions not currently held/, key(o));
            if (ok) {
                accepted.push(key(o));
                operatorOwned.add(key(o));
                stored = [...stored.filter((x) => key(x) !== key(o)), o];
            } else {
                refused.push(key(o));
            }
            if (predicted !== ok) differ.push(`${key(o)}: server ${ok ? "accepts" : `refuses (HTTP ${r.status})`}, uncovered() ${predicted ? "is empty" : "is not"}`);
        }
        assert.deepStrictEqual(differ, []);
        return { accepted, refused };
    }

    const CLUSTER_CONTROLLER = [
        "ClusterRole//castai-cluster-controller", "Role/castai-agent/castai-cluster-controller",
        "RoleBinding/castai-agent/castai-cluster-controller", "ClusterRoleBinding//castai-cluster-controller",
        "ClusterRole//castai-cluster-controller-ext", "ClusterRoleBinding//castai-cluster-controller-ext",
    ];

    it("phase 1 (a cluster with the agent and the Operator): the Operator is refused every ClusterRole and ClusterRoleBinding of the three charts, the cluster controller's Role and the pod pinner's", async () => {
        const objects = await applyRender({ extendedPermissions: false, components: ["agent", "operator"] });
        const { accepted, refused } = await operatorApplies(objects);
        for (const k of chartDocs().map((d) => key(d.object)).filter((k) => k.startsWith("Cluster") || k.includes("castai-cluster-controller") || k.includes("castai-pod-pinner"))) {
            assert.ok(refused.includes(k), `${k} accepted`);
        }
        // All phase 1 may apply: the evictor's Role (patch of its own deployment, which phase 1's namespace role holds) and its binding.
        assert.deepStrictEqual(accepted, ["Role/castai-agent/castai-evictor", "RoleBinding/castai-agent/castai-evictor"]);
    });

    it("phase 2: the cluster controller's chart is accepted whole (its Role's `*` included); the evictor's and pod pinner's ClusterRoles are refused", async () => {
        const objects = await applyRender({ extendedPermissions: true });
        const { accepted, refused } = await operatorApplies(objects);
        for (const k of CLUSTER_CONTROLLER) assert.ok(accepted.includes(k), `${k} refused`);
        // Namespaced Roles are within the namespace admin `*` (the pod pinner's too). kubegrant's own
        // castai-evictor and castai-pod-pinner ClusterRoleBindings are stored with the same roleRef,
        // so re-applying them is no escalation; the chart ClusterRoles' rules are.
        assert.deepStrictEqual(refused, [
            "ClusterRole//castai-evictor", "ClusterRole//castai-evictor-ext", "ClusterRoleBinding//castai-evictor-ext",
            "ClusterRole//castai-pod-pinner", "ClusterRole//castai-pod-pinner-ext", "ClusterRoleBinding//castai-pod-pinner-ext",
        ]);
    });

    it("phase 2 with operatorClusterWidePodWrite: every object of the three charts is server-side applied for real", async () => {
        const objects = await applyRender({ extendedPermissions: true, operatorClusterWidePodWrite: true });
        const { accepted, refused } = await operatorApplies(objects);
        assert.deepStrictEqual(refused, []);
        assert.deepStrictEqual(accepted, chartDocs().map((d) => key(d.object)));
        // Every chart object is stored now, as the chart renders it.
        for (const d of chartDocs()) {
            const got = await server.request<KubeObject>("GET", await server.pathOf(d.object));
            assert.strictEqual(got.status, 200, key(d.object));
            assert.deepStrictEqual(got.body.rules ?? got.body.subjects, d.object.rules ?? d.object.subjects, key(d.object));
        }
        // Stored as the chart has it: the cluster controller's Role with `*`.
        const r = await server.request<KubeObject>("GET", "/apis/rbac.authorization.k8s.io/v1/namespaces/castai-agent/roles/castai-cluster-controller");
        assert.deepStrictEqual(r.body.rules, [{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }]);
    });
});
