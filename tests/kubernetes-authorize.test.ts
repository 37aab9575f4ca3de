import * as assert from "assert";
import { authorize, rulesFor, uncovered } from "../components/kubernetes/authorize";
import { KubeObject } from "../components/kubernetes/rbac";

const who = { namespace: "ops", name: "bot" };
const subject = [{ kind: "ServiceAccount", name: "bot", namespace: "ops" }];
const rbac = "rbac.authorization.k8s.io/v1";
const objects: KubeObject[] = [
    { apiVersion: rbac, kind: "ClusterRole", metadata: { name: "c" }, rules: [
        { apiGroups: [""], resources: ["pods"], verbs: ["get", "list"] },
        { apiGroups: [""], resources: ["pods/eviction"], verbs: ["create"] },
        { apiGroups: ["apps"], resources: ["deployments"], resourceNames: ["web"], verbs: ["patch", "create", "watch"] },
        { apiGroups: ["x.io"], resources: ["*"], verbs: ["get"] },
        { apiGroups: [""], resources: ["*/status"], verbs: ["update"] },
        { nonResourceURLs: ["/healthz/*"], verbs: ["get"] },
    ] },
    { apiVersion: rbac, kind: "ClusterRoleBinding", metadata: { name: "c" }, roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "c" }, subjects: subject },
    { apiVersion: rbac, kind: "ClusterRole", metadata: { name: "secrets" }, rules: [
        { apiGroups: [""], resources: ["secrets"], verbs: ["get"] }, { nonResourceURLs: ["/metrics"], verbs: ["get"] }] },
    { apiVersion: rbac, kind: "RoleBinding", metadata: { name: "s", namespace: "ops" }, roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "secrets" }, subjects: subject },
    { apiVersion: rbac, kind: "Role", metadata: { name: "r", namespace: "ops" }, rules: [{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }] },
    { apiVersion: rbac, kind: "RoleBinding", metadata: { name: "r", namespace: "ops" }, roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "r" }, subjects: [{ kind: "Group", name: "system:serviceaccounts:ops" }] },
    { apiVersion: rbac, kind: "Role", metadata: { name: "r", namespace: "dev" }, rules: [{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }] },
    { apiVersion: rbac, kind: "RoleBinding", metadata: { name: "r", namespace: "dev" }, roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "r" }, subjects: [{ kind: "ServiceAccount", name: "bot", namespace: "other" }] },
];

describe("authorize (Kubernetes RBAC authorizer semantics)", () => {
    const cases: [string, boolean, Parameters<typeof authorize>[2]][] = [
        ["ClusterRoleBinding grants cluster-wide", true, { verb: "list", apiGroup: "", resource: "pods" }],
        ["ClusterRoleBinding grants in any namespace", true, { verb: "get", apiGroup: "", resource: "pods", name: "p", namespace: "kube-system" }],
        ["other verb", false, { verb: "delete", apiGroup: "", resource: "pods", name: "p" }],
        ["subresource needs its own rule", false, { verb: "get", apiGroup: "", resource: "pods", subresource: "log", name: "p" }],
        ["subresource rule", true, { verb: "create", apiGroup: "", resource: "pods", subresource: "eviction", name: "p", namespace: "a" }],
        ["resource rule does not grant the subresource", false, { verb: "create", apiGroup: "", resource: "pods", namespace: "a" }],
        ["*/status matches any status", true, { verb: "update", apiGroup: "", resource: "nodes", subresource: "status", name: "n" }],
        ["resourceNames: the named object", true, { verb: "patch", apiGroup: "apps", resource: "deployments", name: "web", namespace: "a" }],
        ["resourceNames: another object", false, { verb: "patch", apiGroup: "apps", resource: "deployments", name: "api", namespace: "a" }],
        ["resourceNames never authorize a create (no name)", false, { verb: "create", apiGroup: "apps", resource: "deployments", namespace: "a" }],
        ["resourceNames: watch only with a name", false, { verb: "watch", apiGroup: "apps", resource: "deployments", namespace: "a" }],
        ["resourceNames: single-object watch", true, { verb: "watch", apiGroup: "apps", resource: "deployments", name: "web", namespace: "a" }],
        ["other API group", false, { verb: "patch", apiGroup: "extensions", resource: "deployments", name: "web" }],
        ["resource * matches subresources too", true, { verb: "get", apiGroup: "x.io", resource: "things", subresource: "scale", name: "t" }],
        ["RoleBinding to a ClusterRole: its namespace", true, { verb: "get", apiGroup: "", resource: "secrets", name: "s", namespace: "ops" }],
        ["RoleBinding to a ClusterRole: not another namespace", false, { verb: "get", apiGroup: "", resource: "secrets", name: "s", namespace: "dev" }],
        ["RoleBinding to a ClusterRole: not cluster-wide", false, { verb: "get", apiGroup: "", resource: "secrets", name: "s" }],
        ["RoleBinding grants no non-resource URL", false, { verb: "get", nonResourceURL: "/metrics" }],
        ["non-resource prefix", true, { verb: "get", nonResourceURL: "/healthz/ready" }],
        ["group subject system:serviceaccounts:<ns>", true, { verb: "escalate", apiGroup: "rbac.authorization.k8s.io", resource: "roles", name: "x", namespace: "ops" }],
        ["service account of another namespace is another subject", false, { verb: "get", apiGroup: "", resource: "pods", subresource: "log", name: "p", namespace: "dev" }],
    ];
    for (const [what, allowed, req] of cases) it(`${what}: ${allowed ? "allowed" : "denied"}`, () => assert.strictEqual(authorize(objects, who, req), allowed));

    it("gathers rules per scope", () => {
        assert.strictEqual(rulesFor(objects, who).length, 6);
        assert.strictEqual(rulesFor(objects, who, "ops").length, 8);
        assert.strictEqual(rulesFor(objects, who, "dev").length, 6);
    });

    it("covers the way the escalation check does", () => {
        const owner = rulesFor(objects, who);
        assert.deepStrictEqual(uncovered(owner, [{ apiGroups: [""], resources: ["pods"], verbs: ["get"] }]), []);
        assert.deepStrictEqual(uncovered(owner, [{ apiGroups: ["apps"], resources: ["deployments"], resourceNames: ["web"], verbs: ["patch"] }]), []);
        assert.deepStrictEqual(uncovered(owner, [{ apiGroups: ["apps"], resources: ["deployments"], verbs: ["patch"] }]),
            [{ apiGroups: ["apps"], resources: ["deployments"], verbs: ["patch"] }], "named rules do not cover an unnamed one");
        assert.deepStrictEqual(uncovered(owner, [{ apiGroups: [""], resources: ["nodes/status"], verbs: ["update"] }]), []);
        assert.deepStrictEqual(uncovered(owner, [{ apiGroups: ["x.io"], resources: ["*"], verbs: ["get"] }]), []);
        assert.strictEqual(uncovered(owner, [{ apiGroups: ["x.io"], resources: ["*"], verbs: ["*"] }]).length, 1, "only * covers *");
        assert.deepStrictEqual(uncovered(owner, [{ nonResourceURLs: ["/healthz/live"], verbs: ["get"] }]), []);
        assert.strictEqual(uncovered(owner, [{ nonResourceURLs: ["/metrics"], verbs: ["get"] }]).length, 1);
    });
});
