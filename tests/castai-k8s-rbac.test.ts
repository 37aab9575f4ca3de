/**
 * Behaviour of the rendered Cast AI RBAC, judged by evaluating the rendered Roles, ClusterRoles and
 * bindings the way Kubernetes' RBAC authorizer does (components/kubernetes/authorize.ts), row by
 * row of the seed (../shared/seeds/castai-kubernetes-permissions.txt), and by kubernetes-models'
 * schema validation of every object.
 */
import * as assert from "assert";
import { Request, ResourceRequest, authorize, ruleAllows, rulesFor, uncovered } from "../components/kubernetes/authorize";
import { roleNamespace, substituteNamespace } from "../components/kubernetes/catalog";
import { KubeObject, PolicyRule } from "../components/kubernetes/rbac";
import {
    CASTAI_RBAC_ENTRIES, CASTAI_ROLES, CASTAI_SEED_ALIASES, CASTAI_SERVICE_ACCOUNTS, CASTAI_TABLES, CastAiComponent,
    CastAiRoleDef,
} from "../components/castai/cluster-rbac-catalog";
import { renderedObjects } from "./support/castai-k8s";
import { assertValidObjects } from "./support/k8s-objects";
import { showRequest } from "./support/rbac-rows";

const NS = "castai-agent";
const sa = (c: CastAiComponent) => ({ namespace: NS, name: CASTAI_SERVICE_ACCOUNTS[c] });
const phase = (extended: boolean) => renderedObjects({ extendedPermissions: extended });
const UNNAMED = ["create", "list", "watch", "deletecollection"];

/** Resolves `{namespace}` as the plan does (default namespace). */
const resolve = (rule: PolicyRule): PolicyRule => substituteNamespace(rule, NS);

/** Where a role's rules apply: undefined = everywhere (ClusterRole), or one namespace. */
const scopeOf = (r: CastAiRoleDef): string | undefined => roleNamespace(r, NS);

/** One request per verb, group, resource (split into subresource) and name the rule lists. */
function requestsOf(rule: PolicyRule, namespace: string | undefined): Request[] {
    if (rule.nonResourceURLs) return rule.verbs.flatMap((verb) => rule.nonResourceURLs!.map((nonResourceURL) => ({ verb, nonResourceURL })));
    const out: Request[] = [];
    const verbs = rule.verbs.flatMap((v) => (v === "*" ? ["get", "update", "deletecollection"] : [v]));
    for (const verb of verbs) {
        for (const g of rule.apiGroups!.flatMap((x) => (x === "*" ? ["", "apps", "example.com"] : [x]))) {
            for (const res of rule.resources!.flatMap((x) => (x === "*" ? ["anythings"] : [x]))) {
                const [resource, subresource] = res.split("/");
                const names = rule.resourceNames ?? [UNNAMED.includes(verb) ? undefined : "some-object"];
                for (const name of names) {
                    out.push({ verb, apiGroup: g, resource, ...(subresource ? { subresource } : {}), ...(name ? { name } : {}), ...(namespace ? { namespace } : {}) });
                }
            }
        }
    }
    return out;
}

/** The catalog entries that grant `req` to `component` (the oracle for negatives). */
function grantingEntries(component: CastAiComponent, extended: boolean, req: Request): string[] {
    const ns = "nonResourceURL" in req ? undefined : req.namespace;
    return CASTAI_ROLES.filter((r) => r.component === component && (!r.extended || extended))
        .filter((r) => scopeOf(r) === undefined || scopeOf(r) === ns)
        .flatMap((r) => CASTAI_RBAC_ENTRIES.filter((e) => e.roles.includes(r.key) && ruleAllows(resolve(e.rule) as never, req)).map((e) => e.id));
}

/** Variants of a granted request that the row does not grant: another name, namespace, or resource. */
function negativesOf(req: Request, rule: PolicyRule, roleNamespace: string | undefined): Request[] {
    if ("nonResourceURL" in req) return [{ ...req, nonResourceURL: "/metrics" }];
    const out: ResourceRequest[] = [];
    if (rule.resourceNames && !UNNAMED.includes(req.verb)) out.push({ ...req, name: "kubegrant-other" });
    if (rule.resourceNames && UNNAMED.includes(req.verb)) out.push({ ...req, name: undefined });
    if (roleNamespace !== undefined) out.push({ ...req, namespace: roleNamespace === "kube-system" ? "default" : "kube-system" });
    if (!rule.resources!.includes("*")) out.push({ ...req, resource: "kubegrant-sentinels", subresource: undefined });
    if (!rule.apiGroups!.includes("*")) out.push({ ...req, apiGroup: "kubegrant.example.com" });
    return out;
}

describe("castai-kubernetes RBAC, evaluated as Kubernetes' RBAC authorizer does", () => {
    describe("every rendered object is valid (kubernetes-models 4.5.1)", () => {
        for (const extended of [false, true]) {
            it(`phase ${extended ? 2 : 1}: apiVersion, kind, metadata.name, namespace where namespaced, and the schema`, async () => {
                const objects = await phase(extended);
                assert.strictEqual(objects.length, extended ? 32 : 28);
                assertValidObjects(objects);
            });
        }
    });

    for (const extended of [false, true]) {
        describe(`phase ${extended ? 2 : 1} (extendedPermissions=${extended}): one row per seed table row`, () => {
            for (const entry of CASTAI_RBAC_ENTRIES) {
                const roles = CASTAI_ROLES.filter((r) => entry.roles.includes(r.key) && (!r.extended || extended));
                for (const role of roles) {
                    const ns = scopeOf(role);
                    const rule = resolve(entry.rule);
                    it(`${entry.table} | ${entry.seedRow} → ${role.component} (${role.kind} ${role.name})`, async () => {
                        const objects = await phase(extended);
                        const who = sa(role.component);
                        const reqs = role.kind === "ClusterRole" && !rule.nonResourceURLs
                            ? [...requestsOf(rule, undefined), ...requestsOf(rule, "default")] : requestsOf(rule, ns);
                        for (const req of reqs) {
                            assert.ok(authorize(objects, who, req), `${role.component} is not allowed: ${showRequest(req)}`);
                            for (const neg of negativesOf(req, rule, ns)) {
                                // Granted anyway only when another row grants it (never by this row itself).
                                const others = grantingEntries(role.component, extended, neg).filter((id) => id !== entry.id);
                                assert.strictEqual(authorize(objects, who, neg), others.length > 0,
                                    `${role.component}: ${showRequest(neg)} (granted by the catalog through: ${others.join(", ") || "nothing"})`);
                            }
                        }
                    });
                }
            }
            for (const alias of CASTAI_SEED_ALIASES) {
                it(`${alias.table} | ${alias.seedRow} → ${alias.components.join(", ")} (granted by ${alias.implementedBy.join(", ")})`, async () => {
                    const objects = await phase(extended);
                    for (const c of alias.components) {
                        for (const req of requestsOf(resolve(alias.rule), alias.scope === "release" ? NS : undefined)) {
                            assert.ok(authorize(objects, sa(c), req), `${c} is not allowed: ${showRequest(req)}`);
                        }
                    }
                });
            }
        });
    }

    it("enforces every scoped seed row with resourceNames (create, which cannot be scoped, is documented)", () => {
        const scoped = CASTAI_RBAC_ENTRIES.filter((e) => /\((scoped|applicable|delete scoped)/i.test(e.seedRow));
        assert.deepStrictEqual(scoped.map((e) => e.id), [
            "shared-ns-agent-deployment", "operator-kube-system-rbac", "operator-crds-named", "operator-clusterrbac-delete",
            "phase2-signers", "phase2-llms-namespace", "phase2-own-namespace-delete", "cluster-controller-rbac", "pod-pinner-own-webhook",
        ]);
        for (const e of scoped) assert.ok(e.rule.resourceNames && e.rule.resourceNames.length > 0 && !e.rule.verbs.includes("create"), e.id);
        const create = CASTAI_RBAC_ENTRIES.find((e) => e.id === "operator-crds-create")!;
        assert.deepStrictEqual(create.rule.verbs, ["create"]);
        assert.match(create.why, /cannot limit create by resourceNames/);
    });

    it("covers every table of the seed", () => {
        const tables = new Set([...CASTAI_RBAC_ENTRIES.map((e) => e.table), ...CASTAI_SEED_ALIASES.map((a) => a.table)]);
        assert.deepStrictEqual([...tables].sort(), Object.values(CASTAI_TABLES).sort());
        for (const e of CASTAI_RBAC_ENTRIES) assert.ok(e.source.includes(e.table) && e.source.startsWith("seed castai-kubernetes-permissions.txt"), e.id);
    });

    const critical: [string, CastAiComponent, boolean, Request][] = [
        ["the agent patches no other deployment", "agent", false, { verb: "patch", apiGroup: "apps", resource: "deployments", name: "castai-evictor", namespace: NS }],
        ["the agent reads no configmaps outside its namespace and kube-system", "agent", false, { verb: "get", apiGroup: "", resource: "configmaps", name: "x", namespace: "default" }],
        ["the agent reads no secrets", "agent", false, { verb: "list", apiGroup: "", resource: "secrets", namespace: NS }],
        ["the cluster controller deletes no other namespace", "cluster-controller", true, { verb: "delete", apiGroup: "", resource: "namespaces", name: "kube-system" }],
        ["the operator (phase 2) deletes no other namespace", "operator", true, { verb: "delete", apiGroup: "", resource: "namespaces", name: "default" }],
        ["the cluster controller approves no non-kubelet signer", "cluster-controller", true, { verb: "approve", apiGroup: "certificates.k8s.io", resource: "signers", name: "kubernetes.io/kube-apiserver-client" }],
        ["the cluster controller updates no non-Cast AI ClusterRole", "cluster-controller", true, { verb: "update", apiGroup: "rbac.authorization.k8s.io", resource: "clusterroles", name: "cluster-admin" }],
        ["the cluster controller has no escalate (seed row's escalate left out)", "cluster-controller", true, { verb: "escalate", apiGroup: "rbac.authorization.k8s.io", resource: "clusterroles", name: "castai-agent" }],
        ["the cluster controller has no bind in its namespace", "cluster-controller", true, { verb: "bind", apiGroup: "rbac.authorization.k8s.io", resource: "roles", name: "x", namespace: NS }],
        ["the operator deletes no ClusterRole but the agent's (phase 1)", "operator", false, { verb: "delete", apiGroup: "rbac.authorization.k8s.io", resource: "clusterroles", name: "cluster-admin" }],
        ["the operator deletes no ClusterRole but Cast AI's (phase 2)", "operator", true, { verb: "delete", apiGroup: "rbac.authorization.k8s.io", resource: "clusterroles", name: "cluster-admin" }],
        ["the operator deletes no other kube-system Role", "operator", false, { verb: "delete", apiGroup: "rbac.authorization.k8s.io", resource: "roles", name: "extension-apiserver-authentication-reader", namespace: "kube-system" }],
        ["the operator updates no other CRD (phase 1)", "operator", false, { verb: "update", apiGroup: "apiextensions.k8s.io", resource: "customresourcedefinitions", name: "certificates.cert-manager.io" }],
        ["the operator reads no secrets outside its namespace", "operator", true, { verb: "get", apiGroup: "", resource: "secrets", name: "x", namespace: "kube-system" }],
        ["the pod pinner patches no other webhook", "pod-pinner", false, { verb: "patch", apiGroup: "admissionregistration.k8s.io", resource: "mutatingwebhookconfigurations", name: "istio-sidecar-injector" }],
        ["a named rule never authorizes create: CRD create comes from the unscoped create row", "operator", false, { verb: "create", apiGroup: "apiextensions.k8s.io", resource: "customresourcedefinitions" }],
    ];
    for (const [what, c, extended, req] of critical) {
        it(what, async () => {
            const allowed = authorize(await phase(extended), sa(c), req);
            assert.strictEqual(allowed, what.startsWith("a named rule"), showRequest(req));
        });
    }

    for (const extended of [false, true]) {
        it(`the operator never holds escalate, bind or impersonate (phase ${extended ? 2 : 1})`, async () => {
            const objects = await phase(extended);
            const op = sa("operator");
            for (const namespace of [undefined, NS, "kube-system", "default"]) {
                for (const rule of rulesFor(objects, op, namespace)) {
                    for (const verb of ["*", "escalate", "bind", "impersonate"]) assert.ok(!rule.verbs.includes(verb), `${verb} in ${JSON.stringify(rule)}`);
                }
                for (const name of [undefined, "castai-agent", "castai-cluster-controller", "cluster-admin"]) {
                    for (const resource of ["roles", "clusterroles"]) {
                        for (const verb of ["escalate", "bind"]) {
                            assert.ok(!authorize(objects, op, { verb, apiGroup: "rbac.authorization.k8s.io", resource, name, namespace }), `${verb} ${resource} ${name} ${namespace}`);
                        }
                    }
                }
                for (const [apiGroup, resource] of [["", "users"], ["", "groups"], ["", "serviceaccounts"], ["authentication.k8s.io", "uids"], ["authentication.k8s.io", "userextras"]]) {
                    assert.ok(!authorize(objects, op, { verb: "impersonate", apiGroup, resource, name: "castai-cluster-controller", namespace }), `impersonate ${resource} ${namespace}`);
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
