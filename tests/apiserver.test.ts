/**
 * The rendered RBAC judged by a real Kubernetes API server (kube-apiserver + etcd, no nodes; see
 * tests/support/apiserver.ts). Every Kubernetes preset's YAML, exactly as `render --format yaml`
 * prints it, is applied with server-side apply (a dry run first, then for real); then every row
 * check the evaluator tests answer (tests/support/castai-k8s.ts castAiRows,
 * tests/support/cloudpilot-k8s.ts cloudPilotRowChecks) is asked of the
 * server's RBAC authorizer with a SubjectAccessReview; then the server's escalation check is run
 * by impersonating the operator and compared with components/kubernetes/authorize.ts uncovered().
 *
 * Needs the kube-apiserver binary (`bash scripts/kube-apiserver.sh`, cached outside the repo) and
 * etcd. Without them the tests are skipped with one line saying so, unless
 * KUBEGRANT_REQUIRE_APISERVER=1 (set by .ci/run), which makes the missing binary a failure.
 */
import * as assert from "assert";
import { parseAllDocuments } from "yaml";
import { render } from "../components/render/run";
import { presetNames } from "../components/render/preset";
import { toYaml } from "../components/render/yaml";
import { KubeObject, PolicyRuleObject } from "../components/kubernetes/rbac";
import { ServiceAccountRef, authorize, findRole, rulesFor, uncovered } from "../components/kubernetes/authorize";
import { ApiServer, binariesOrSkip, eventually, startApiServer } from "./support/apiserver";
import { castAiRows, castAiServiceAccount } from "./support/castai-k8s";
import { cloudPilotRowChecks, phaseValues } from "./support/cloudpilot-k8s";
import { RowCheck, showCheck } from "./support/rbac-rows";
import * as fixture from "./support/rbac-fixture";

/** One rendered object: the YAML document `render --format yaml` prints, and its content. */
interface Doc {
    readonly text: string;
    readonly object: KubeObject;
}

interface JudgedPhase {
    readonly title: string;
    readonly values: Record<string, unknown>;
    readonly rows: () => RowCheck[];
}

interface JudgedPreset {
    readonly preset: string;
    readonly phases: readonly JudgedPhase[];
    /**
     * The service account that installs the other components' roles without escalate or bind:
     * the server's escalation check is compared with uncovered() for every role and binding.
     */
    readonly installer?: ServiceAccountRef;
}

const castAi: JudgedPreset = {
    preset: "castai-kubernetes",
    installer: castAiServiceAccount("operator"),
    phases: [
        { title: "phase 1 (extendedPermissions=false)", values: { extendedPermissions: false }, rows: () => castAiRows(false) },
        { title: "phase 2 (extendedPermissions=true)", values: { extendedPermissions: true }, rows: () => castAiRows(true) },
        { title: "phase 2 with operatorClusterWidePodWrite", values: { extendedPermissions: true, operatorClusterWidePodWrite: true }, rows: () => castAiRows(true, true) },
    ],
};

/** CloudPilot AI in the cluster. No component installs another's roles: no escalation tests. */
const cloudPilot: JudgedPreset = {
    preset: "cloudpilot-kubernetes",
    phases: [[false, false], [true, false], [true, true]].map(([phase2, webhookUpdate]) => ({
        title: `phase ${phase2 ? 2 : 1} (${JSON.stringify(phaseValues(phase2, webhookUpdate))})`,
        values: phaseValues(phase2, webhookUpdate),
        rows: () => cloudPilotRowChecks(phase2, webhookUpdate),
    })),
};

const JUDGED: readonly JudgedPreset[] = [castAi, cloudPilot];

async function renderedDocs(preset: string, values: Record<string, unknown>): Promise<Doc[]> {
    const yaml = toYaml(await render(preset, values));
    return parseAllDocuments(yaml).map((d) => ({ text: d.toString({ lineWidth: 0 }), object: d.toJSON() as KubeObject }));
}

const key = (o: KubeObject) => `${o.kind}/${o.metadata.namespace ?? ""}/${o.metadata.name}`;
const isRole = (o: KubeObject) => o.kind === "ClusterRole" || o.kind === "Role";
const isBinding = (o: KubeObject) => o.kind === "ClusterRoleBinding" || o.kind === "RoleBinding";

/** The rules a binding grants (its roleRef's), from the rendered objects. */
function boundRules(objects: readonly KubeObject[], b: KubeObject): readonly PolicyRuleObject[] {
    const ref = b.roleRef!;
    const role = findRole(objects, ref.kind, ref.name, b.metadata.namespace);
    assert.ok(role, `${key(b)} refers to ${ref.kind} ${ref.name}, which is not rendered`);
    return role.rules ?? [];
}

/** A copy of a role or binding under a name nothing else uses (created only in a dry run). */
function probe(o: KubeObject): KubeObject {
    return { ...o, metadata: { name: `kubegrant-probe-${o.metadata.name}`.slice(0, 63), ...(o.metadata.namespace ? { namespace: o.metadata.namespace } : {}) } };
}

const SAR_CONCURRENCY = 16;
/** Filled by the SAR tests, printed once at the end: what the server was asked. */
const tally = { allowed: 0, denied: 0, unique: 0, escalation: 0 };

describe("the rendered RBAC, judged by a real kube-apiserver", function () {
    const binaries = binariesOrSkip();
    if (binaries === undefined) return;
    this.timeout(120_000);
    let server: ApiServer;
    /** The rendered roles and bindings the installer may create, and may not, per preset and phase (server's answers). */
    const phaseCreatable = new Map<string, { allowed: string[]; refused: string[] }>();
    let stop: (() => Promise<void>) | undefined;

    let readyIn = 0;
    before(async () => {
        const t0 = Date.now();
        const started = await startApiServer(binaries);
        readyIn = (Date.now() - t0) / 1000;
        server = started.server;
        stop = started.stop;
    });
    after(async () => {
        await stop?.();
        if (tally.unique > 0) {
            console.log(`      (API server ready in ${readyIn.toFixed(1)} s; ${tally.unique} SubjectAccessReviews for ${tally.allowed + tally.denied} row checks, ` +
                `${tally.allowed} allowed and ${tally.denied} denied; ${tally.escalation} escalation probes)`);
        }
    });

    describe("server-side validation of what is applied", () => {
        const role = { apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRole", metadata: { name: "kubegrant-validation" },
            rules: [{ apiGroups: [""], resources: ["pods"], verbs: ["get"] }] };

        it("a dry run accepts a valid object and stores nothing", async () => {
            const r = await server.apply(role, { dryRun: true });
            assert.strictEqual(r.status, 201, JSON.stringify(r.body));
            assert.strictEqual((await server.request("GET", await server.pathOf(role))).status, 404);
        });

        it("rejects an unknown field (server-side apply checks the schema; fieldValidation=Strict on 1.23+)", async () => {
            const bad = { ...role, rules: [{ apiGroups: [""], resources: ["pods"], verbs: ["get"], resourceName: ["x"] }] };
            const r = await server.apply(bad, { dryRun: true });
            // v1.20 answers 500 "failed to create typed patch object: .rules[0].resourceName: field not declared in schema"; later versions 400.
            assert.ok(r.status === 400 || r.status === 422 || r.status === 500, `HTTP ${r.status}: ${JSON.stringify(r.body)}`);
            assert.match((r.body as { message: string }).message, /\.rules\[0\]\.resourceName: field not declared in schema|unknown field "rules\[0\]\.resourceName"/);
        });

        it("rejects an apiVersion that does not exist (rbac.authorization.k8s.io/v2)", async () => {
            const bad = { ...role, apiVersion: "rbac.authorization.k8s.io/v2" };
            const r = await server.apply(bad, { dryRun: true, path: await server.pathOf(role) });
            assert.strictEqual(r.status, 400, JSON.stringify(r.body));
            assert.match((r.body as { message: string }).message, /rbac\.authorization\.k8s\.io\/v2/);
            await assert.rejects(server.pathOf(bad), /HTTP 404/);
        });

        it("rejects an invalid value (a Role with nonResourceURLs)", async () => {
            const bad = { apiVersion: "rbac.authorization.k8s.io/v1", kind: "Role", metadata: { name: "kubegrant-validation", namespace: "default" },
                rules: [{ nonResourceURLs: ["/version"], verbs: ["get"] }] };
            const r = await server.apply(bad, { dryRun: true });
            assert.strictEqual(r.status, 422, JSON.stringify(r.body));
        });
    });

    describe("the evaluator's own fixture (tests/support/rbac-fixture.ts), asked of the server", () => {
        before(async () => {
            const docs: KubeObject[] = [
                ...fixture.FIXTURE_NAMESPACES.map((name) => ({ apiVersion: "v1", kind: "Namespace", metadata: { name } })),
                ...fixture.objects,
            ];
            for (const o of docs) {
                const r = await server.apply(o);
                assert.ok(r.status === 200 || r.status === 201, `${key(o)}: HTTP ${r.status} ${JSON.stringify(r.body)}`);
            }
        });

        it("the authorizer answers every fixture request as the evaluator test demands (SubjectAccessReview)", async () => {
            const answers = await ApiServer.pool(fixture.authorizeChecks, SAR_CONCURRENCY, (c) => server.allowed(c.who, c.request));
            const wrong = fixture.authorizeChecks.filter((c, i) => answers[i] !== c.allowed).map(showCheck);
            assert.deepStrictEqual(wrong, []);
        });

        it("the escalation check lets each fixture role or binding through exactly when the evaluator test demands", async () => {
            const wrong: string[] = [];
            for (const c of fixture.escalationCases) {
                const r = await server.create(c.object, { as: c.as, dryRun: true });
                assert.ok(r.status === 201 || r.status === 403, `${c.what}: HTTP ${r.status} ${JSON.stringify(r.body)}`);
                if (r.status === 403) assert.match((r.body as { message: string }).message, /attempting to grant RBAC permissions not currently held/, c.what);
                if ((r.status === 201) !== c.allowed) wrong.push(`${c.what}: server ${r.status === 201 ? "allows" : "refuses"}`);
            }
            assert.deepStrictEqual(wrong, []);
        });
    });

    for (const judged of JUDGED) {
        describe(judged.preset, () => {
            const applied: KubeObject[] = [];
            for (const phase of judged.phases) {
                describe(phase.title, () => {
                    let docs: Doc[] = [];
                    let objects: KubeObject[] = [];
                    before(async () => {
                        docs = await renderedDocs(judged.preset, phase.values);
                        objects = docs.map((d) => d.object);
                    });

                    it("keeps every object of the earlier phase (so applying this phase on top leaves exactly this phase)", () => {
                        const now = objects.map(key);
                        assert.deepStrictEqual(applied.map(key).filter((k) => !now.includes(k)), []);
                    });

                    it("server-side apply of every YAML document: a dry run first, then for real", async () => {
                        for (const d of docs) {
                            for (const dryRun of [true, false]) {
                                const r = await server.apply(d.object, { dryRun, yaml: d.text });
                                assert.ok(r.status === 200 || r.status === 201, `${dryRun ? "dry run" : "apply"} ${key(d.object)}: HTTP ${r.status} ${JSON.stringify(r.body)}`);
                            }
                            applied.push(d.object);
                        }
                    });

                    it("every row check: the server's RBAC authorizer answers as the row demands (SubjectAccessReview)", async () => {
                        const checks = phase.rows();
                        assert.ok(checks.length > 0);
                        const unique = new Map<string, RowCheck>();
                        for (const c of checks) unique.set(JSON.stringify([c.who, c.request]), c);
                        const asked = [...unique.values()];
                        const answers = await eventually(() => ApiServer.pool(asked, SAR_CONCURRENCY, (c) => server.allowed(c.who, c.request)),
                            (got) => got.every((a, i) => a === asked[i].allowed));
                        const answer = new Map(asked.map((c, i) => [JSON.stringify([c.who, c.request]), answers[i]]));
                        tally.unique += asked.length;
                        const wrong: string[] = [];
                        for (const c of checks) {
                            const got = answer.get(JSON.stringify([c.who, c.request]))!;
                            if (c.allowed) tally.allowed++;
                            else tally.denied++;
                            if (got !== c.allowed) {
                                wrong.push(`${showCheck(c)}: server says ${got ? "allowed" : "denied"}, evaluator says ${authorize(objects, c.who, c.request) ? "allowed" : "denied"}`);
                            }
                        }
                        assert.deepStrictEqual(wrong, []);
                    });

                    if (judged.installer) {
                        const installer = judged.installer;
                        it(`escalation: impersonating ${installer.name}, a ClusterRole granting more than it holds is refused (403)`, async () => {
                            const more: KubeObject[] = [
                                { apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRole", metadata: { name: "kubegrant-escalation-secrets" },
                                    rules: [{ apiGroups: [""], resources: ["secrets"], verbs: ["get", "list"] }] },
                                { apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRole", metadata: { name: "kubegrant-escalation-admin" },
                                    rules: [{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }] },
                            ];
                            for (const o of more) {
                                assert.notDeepStrictEqual(uncovered(rulesFor(objects, installer), o.rules!), [], `the evaluator says ${o.metadata.name} is covered`);
                                for (const dryRun of [true, false]) {
                                    const r = await server.create(o, { as: installer, dryRun });
                                    assert.strictEqual(r.status, 403, JSON.stringify(r.body));
                                    assert.match((r.body as { message: string }).message, /attempting to grant RBAC permissions not currently held/);
                                }
                            }
                            // Refused by the escalation check, not for lack of create.
                            assert.ok(await server.allowed(installer, { verb: "create", apiGroup: "rbac.authorization.k8s.io", resource: "clusterroles" }));
                        });

                        it(`escalation: for every rendered role and binding, the server lets ${installer.name} create it exactly when uncovered() is empty`, async () => {
                            const targets = objects.filter((o) => isRole(o) || isBinding(o));
                            const results = await ApiServer.pool(targets, 8, async (o) => {
                                const scope = o.metadata.namespace;
                                const predicted = uncovered(rulesFor(objects, installer, scope), isRole(o) ? o.rules ?? [] : boundRules(objects, o)).length === 0;
                                const r = await server.create(probe(o), { as: installer, dryRun: true });
                                assert.ok(r.status === 201 || r.status === 403, `${key(o)}: HTTP ${r.status} ${JSON.stringify(r.body)}`);
                                return { o, predicted, server: r.status === 201, message: (r.body as { message?: string }).message };
                            });
                            tally.escalation += results.length;
                            const differ = results.filter((x) => x.predicted !== x.server)
                                .map((x) => `${key(x.o)}: server ${x.server ? "allows" : `refuses (${x.message})`}, uncovered() ${x.predicted ? "is empty" : "is not empty"}`);
                            assert.deepStrictEqual(differ, []);
                            phaseCreatable.set(`${judged.preset} ${phase.title}`, {
                                allowed: results.filter((x) => x.server).map((x) => key(x.o)),
                                refused: results.filter((x) => !x.server).map((x) => key(x.o)).sort(),
                            });
                        });
                    }
                });
            }
        });
    }

    describe("castai-kubernetes: what the operator may install (the seed's reason for phase 2)", () => {
        const p1 = () => phaseCreatable.get(`castai-kubernetes ${castAi.phases[0].title}`);
        const p2 = () => phaseCreatable.get(`castai-kubernetes ${castAi.phases[1].title}`);

        it("phase 1 (the default): only the agent's and the operator's objects, every one of which the operator may install", function () {
            if (!p1()) this.skip();
            for (const k of ["ClusterRole//castai-agent", "Role/castai-agent/castai-agent", "Role/kube-system/castai-agent",
                "ClusterRoleBinding//castai-agent", "RoleBinding/castai-agent/castai-agent", "RoleBinding/kube-system/castai-agent"]) {
                assert.ok(p1()!.allowed.includes(k), k);
            }
            assert.deepStrictEqual(p1()!.refused, []);
            // The cluster controller, evictor and pod pinner are phase 2: not created by default (the
            // evaluator test shows the phase 1 operator could not install the controller's ClusterRole).
            assert.deepStrictEqual(p1()!.allowed.filter((k) => /castai-(cluster-controller|evictor|pod-pinner)/.test(k)), []);
        });

        it("phase 2: the cluster controller's ClusterRole, Role and bindings too; still not the evictor's or pod pinner's (the seed's phase 2 is the cluster controller's)", function () {
            if (!p2()) this.skip();
            for (const k of ["ClusterRole//castai-cluster-controller", "Role/castai-agent/castai-cluster-controller",
                "ClusterRoleBinding//castai-cluster-controller", "RoleBinding/castai-agent/castai-cluster-controller"]) {
                assert.ok(p2()!.allowed.includes(k), k);
            }
            // The evictor creates pods and writes leases of any name; the pod pinner creates nodes and pods/binding.
            assert.deepStrictEqual(p2()!.refused, [
                "ClusterRole//castai-evictor", "ClusterRole//castai-pod-pinner", "ClusterRoleBinding//castai-evictor", "ClusterRoleBinding//castai-pod-pinner",
            ]);
        });
    });

    describe("cloudpilot-kubernetes: certificate approval is pinned to the optimizer's signers (issue 13)", () => {
        const optimizer = { namespace: "cloudpilot", name: "cloudpilot-aws-optimizer" };
        const approve = (name: string) => ({ verb: "approve", apiGroup: "certificates.k8s.io", resource: "signers", name });

        it("the server lets the optimizer approve kubelet-serving and EKS app-serving requests, and refuses kube-apiserver-client (SubjectAccessReview)", async () => {
            // The cloudpilot-kubernetes phases above applied their objects for real (the last, with the opt-in, holds every rule).
            assert.strictEqual(await server.allowed(optimizer, approve("kubernetes.io/kubelet-serving")), true);
            assert.strictEqual(await server.allowed(optimizer, approve("beta.eks.amazonaws.com/app-serving")), true);
            assert.strictEqual(await server.allowed(optimizer, approve("kubernetes.io/kube-apiserver-client")), false);
            assert.strictEqual(await server.allowed(optimizer, approve("kubernetes.io/kube-apiserver-client-kubelet")), false);
            assert.strictEqual(await server.allowed(optimizer, { verb: "update", apiGroup: "certificates.k8s.io", resource: "certificatesigningrequests", subresource: "approval", name: "x" }), true);
        });
    });

    it("judges every registered Kubernetes preset (a new *-kubernetes preset must be added here)", () => {
        const judged = JUDGED.map((j) => j.preset);
        for (const name of presetNames().filter((n) => n.endsWith("-kubernetes"))) assert.ok(judged.includes(name), name);
    });
});
