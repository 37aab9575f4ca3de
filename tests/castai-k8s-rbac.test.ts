/**
 * Behaviour of the rendered Cast AI RBAC, judged by evaluating the rendered Roles, ClusterRoles and
 * bindings the way Kubernetes' RBAC authorizer does (components/kubernetes/authorize.ts), row by
 * row of the seed (../shared/seeds/castai-kubernetes-permissions.txt), and by kubernetes-models'
 * schema validation of every object.
 */
import * as assert from "assert";
import { authorize, rulesFor, uncovered } from "../components/kubernetes/authorize";
import { KubeObject } from "../components/kubernetes/rbac";
import {
    CASTAI_RBAC_ENTRIES, CASTAI_SEED_ALIASES, CASTAI_SERVICE_ACCOUNTS, CASTAI_TABLES, CastAiComponent,
} from "../components/castai/cluster-rbac-catalog";
import { CASTAI_NS as NS, castAiRows, castAiServiceAccount as sa, phaseAliases, phaseRoles, renderedObjects } from "./support/castai-k8s";
import { assertValidObjects } from "./support/k8s-objects";
import { byRow, showCheck } from "./support/rbac-rows";

const phase = (extended: boolean, optIn = false) =>
    renderedObjects({ extendedPermissions: extended, ...(optIn ? { operatorClusterWidePodWrite: true } : {}) });

describe("castai-kubernetes RBAC, evaluated as Kubernetes' RBAC authorizer does", () => {
    describe("every rendered object is valid (kubernetes-models 4.5.1)", () => {
        for (const extended of [false, true]) {
            it(`phase ${extended ? 2 : 1}: apiVersion, kind, metadata.name, namespace where namespaced, and the schema`, async () => {
                const objects = await phase(extended);
                assert.strictEqual(objects.length, extended ? 32 : 17);
                assertValidObjects(objects);
            });
        }
    });

    // The rows (allowed requests, near misses, critical denials) are shared with the API server judge
    // (tests/apiserver.test.ts): castAiRows in tests/support/castai-k8s.ts.
    for (const [extended, optIn] of [[false, false], [true, false], [true, true]]) {
        describe(`phase ${extended ? 2 : 1} (extendedPermissions=${extended}${optIn ? ", operatorClusterWidePodWrite=true" : ""}): one test per seed table row and near miss`, () => {
            for (const [row, checks] of byRow(castAiRows(extended, optIn))) {
                it(row, async () => {
                    const objects = await phase(extended, optIn);
                    const wrong = checks.filter((c) => authorize(objects, c.who, c.request) !== c.allowed);
                    assert.deepStrictEqual(wrong.map(showCheck), []);
                });
            }
        });
    }

    it("the rows cover every catalog entry of each role, every seed alias, and every critical denial", () => {
        for (const [extended, optIn] of [[false, false], [true, false], [true, true]]) {
            const rows = [...byRow(castAiRows(extended, optIn)).keys()];
            for (const entry of CASTAI_RBAC_ENTRIES) {
                for (const role of phaseRoles(extended, optIn).filter((r) => entry.roles.includes(r.key))) {
                    assert.ok(rows.includes(`${entry.table} | ${entry.seedRow} → ${role.component} (${role.kind} ${role.name})`), entry.id);
                }
            }
            assert.strictEqual(rows.filter((r) => r.includes("(granted by ")).length, phaseAliases(extended).length);
            if (extended) assert.strictEqual(phaseAliases(true).length, CASTAI_SEED_ALIASES.length);
        }
    });

    it("enforces every scoped seed row with resourceNames (create, which cannot be scoped, is documented)", () => {
        const scoped = CASTAI_RBAC_ENTRIES.filter((e) => /\((scoped|applicable|delete scoped)/i.test(e.seedRow));
        assert.deepStrictEqual(scoped.map((e) => e.id), [
            "shared-ns-agent-deployment", "operator-kube-system-rbac", "operator-crds-named", "operator-clusterrbac-delete",
            "phase2-signers", "phase2-llms-namespace", "phase2-own-namespace-delete", "phase2-cluster-controller-ext-rbac", "phase2-pod-pinner-webhook",
            "cluster-controller-rbac", "pod-pinner-own-webhook", "charts-pod-pinner-webhook-update",
        ]);
        for (const e of scoped) assert.ok(e.rule.resourceNames && e.rule.resourceNames.length > 0 && !e.rule.verbs.includes("create"), e.id);
        const create = CASTAI_RBAC_ENTRIES.find((e) => e.id === "operator-crds-create")!;
        assert.deepStrictEqual(create.rule.verbs, ["create"]);
        assert.match(create.why, /cannot limit create by resourceNames/);
    });

    it("covers every table of the seed", () => {
        const tables = new Set([...CASTAI_RBAC_ENTRIES.map((e) => e.table), ...CASTAI_SEED_ALIASES.map((a) => a.table)]);
        assert.deepStrictEqual([...tables].sort(), Object.values(CASTAI_TABLES).sort());
        for (const e of CASTAI_RBAC_ENTRIES) {
            // A seed row cites the seed's table; an addition says it is not in the seed and cites the vendor's code by commit.
            const fromSeed = e.source.includes(e.table) && e.source.startsWith("seed castai-kubernetes-permissions.txt");
            const fromVendor = e.seedRow.startsWith("(not in the seed) ") && /^castai\/[\w-]+ \S+ @ main [0-9a-f]{12}/.test(e.source);
            assert.ok(fromSeed || fromVendor, `${e.id}: ${e.source}`);
        }
    });

    for (const extended of [false, true]) {
        it(`no rule of the operator lists *, escalate, bind or impersonate, but phase 2's namespace admin \`*\` in its own namespace (phase ${extended ? 2 : 1}; the requests are rows)`, async () => {
            const objects = await phase(extended);
            const op = sa("operator");
            const nsAdmin = JSON.stringify({ apiGroups: ["*"], resources: ["*"], verbs: ["*"] });
            const inNs = rulesFor(objects, op, NS).filter((r) => JSON.stringify(r) === nsAdmin);
            assert.strictEqual(inNs.length, extended ? 1 : 0);
            assert.ok(rulesFor(objects, op, undefined).every((r) => JSON.stringify(r) !== nsAdmin));
            for (const namespace of [undefined, NS, "kube-system", "default"]) {
                for (const rule of rulesFor(objects, op, namespace).filter((r) => namespace !== NS || JSON.stringify(r) !== nsAdmin)) {
                    for (const verb of ["*", "escalate", "bind", "impersonate"]) assert.ok(!rule.verbs.includes(verb), `${verb} in ${JSON.stringify(rule)}`);
                }
            }
        });
    }

    it("phase 1 is a subset of phase 2 for every service account, at every scope", async () => {
        const [p1, p2] = await Promise.all([phase(false), phase(true)]);
        const names = (objs: KubeObject[]) => objs.map((o) => `${o.kind}/${o.metadata.namespace ?? ""}/${o.metadata.name}`);
        assert.ok(names(p1).every((n) => names(p2).includes(n)));
        for (const c of Object.keys(CASTAI_SERVICE_ACCOUNTS) as CastAiComponent[]) {
            for (const ns of [undefined, NS, "kube-system", "default"]) {
                assert.deepStrictEqual(uncovered(rulesFor(p2, sa(c), ns), rulesFor(p1, sa(c), ns)), [], `${c} in ${ns ?? "cluster"}`);
            }
        }
        assert.notDeepStrictEqual(uncovered(rulesFor(p1, sa("operator"), undefined), rulesFor(p2, sa("operator"), undefined)), []);
    });

    it("phase 2: the operator holds every rule of the cluster controller's roles, so it can create and bind them without escalate or bind", async () => {
        const objects = await phase(true);
        const op = sa("operator");
        const cc = objects.filter((o) => (o.kind === "ClusterRole" || o.kind === "Role") && o.metadata.name === "castai-cluster-controller");
        assert.deepStrictEqual(cc.map((o) => o.kind).sort(), ["ClusterRole", "Role"]);
        for (const role of cc) {
            const held = rulesFor(objects, op, role.kind === "Role" ? role.metadata.namespace : undefined);
            assert.deepStrictEqual(uncovered(held, role.rules!), [], `${role.kind} ${role.metadata.name}`);
        }
        // In phase 1 it cannot: the controller is installed in phase 2.
        const p1 = await phase(false);
        const clusterRole = cc.find((o) => o.kind === "ClusterRole")!;
        assert.notDeepStrictEqual(uncovered(rulesFor(p1, op, undefined), clusterRole.rules!), []);
    });

    it("phase 1: the operator holds every rule of the agent's roles, so it can install the agent without escalate", async () => {
        const objects = await phase(false);
        const agentRoles = objects.filter((o) => (o.kind === "ClusterRole" || o.kind === "Role") && o.metadata.name === "castai-agent");
        assert.strictEqual(agentRoles.length, 3);
        for (const role of agentRoles) {
            const held = rulesFor(objects, sa("operator"), role.kind === "Role" ? role.metadata.namespace : undefined);
            assert.deepStrictEqual(uncovered(held, role.rules!), [], `${role.kind} ${role.metadata.namespace ?? ""}/${role.metadata.name}`);
        }
    });
});
