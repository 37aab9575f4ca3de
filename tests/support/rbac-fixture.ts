/**
 * The evaluator's own fixture (components/kubernetes/authorize.ts): hand-made RBAC objects, the
 * requests they must allow or deny, and the roles and bindings a service account may or may not
 * create without escalate or bind. tests/kubernetes-authorize.test.ts asks the evaluator;
 * tests/apiserver.test.ts applies the same objects to a real kube-apiserver and asks it, so every
 * semantic the evaluator claims is one the server has confirmed.
 */
import { KubeObject, PolicyRuleObject } from "../../components/kubernetes/rbac";
import { ServiceAccountRef } from "../../components/kubernetes/authorize";
import { RowCheck } from "./rbac-rows";

const rbac = "rbac.authorization.k8s.io/v1";
const ref = (kind: "ClusterRole" | "Role", name: string) => ({ apiGroup: "rbac.authorization.k8s.io", kind, name });

/** Namespaces the fixture's namespaced objects live in (created first on the server). */
export const FIXTURE_NAMESPACES = ["ops", "dev"];

export const who: ServiceAccountRef = { namespace: "ops", name: "bot" };
/** A service account of dev named like `who`: the subject of a RoleBinding that names no namespace. */
export const devBot: ServiceAccountRef = { namespace: "dev", name: "bot" };
/** Holds a non-resource URL through a RoleBinding only (the escalation check counts it in that namespace). */
export const urlHolder: ServiceAccountRef = { namespace: "dev", name: "url-holder" };
const subject = [{ kind: "ServiceAccount" as const, name: "bot", namespace: "ops" }];

export const objects: KubeObject[] = [
    { apiVersion: rbac, kind: "ClusterRole", metadata: { name: "c" }, rules: [
        { apiGroups: [""], resources: ["pods"], verbs: ["get", "list"] },
        { apiGroups: [""], resources: ["pods/eviction"], verbs: ["create"] },
        { apiGroups: ["apps"], resources: ["deployments"], resourceNames: ["web"], verbs: ["patch", "create", "watch"] },
        { apiGroups: ["x.io"], resources: ["*"], verbs: ["get"] },
        { apiGroups: [""], resources: ["*/status"], verbs: ["update"] },
        { nonResourceURLs: ["/healthz/*"], verbs: ["get"] },
        { apiGroups: ["batch"], resources: ["jobs/*"], verbs: ["get"] },
        // So that the escalation cases below are refused or allowed by the escalation check, not for lack of create.
        { apiGroups: ["rbac.authorization.k8s.io"], resources: ["clusterroles", "rolebindings"], verbs: ["create"] },
    ] },
    { apiVersion: rbac, kind: "ClusterRoleBinding", metadata: { name: "c" }, roleRef: ref("ClusterRole", "c"), subjects: subject },
    { apiVersion: rbac, kind: "ClusterRole", metadata: { name: "secrets" }, rules: [
        { apiGroups: [""], resources: ["secrets"], verbs: ["get"] }, { nonResourceURLs: ["/metrics"], verbs: ["get"] }] },
    { apiVersion: rbac, kind: "RoleBinding", metadata: { name: "s", namespace: "ops" }, roleRef: ref("ClusterRole", "secrets"), subjects: subject },
    { apiVersion: rbac, kind: "Role", metadata: { name: "r", namespace: "ops" }, rules: [{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }] },
    { apiVersion: rbac, kind: "RoleBinding", metadata: { name: "r", namespace: "ops" }, roleRef: ref("Role", "r"), subjects: [{ kind: "Group", name: "system:serviceaccounts:ops" }] },
    { apiVersion: rbac, kind: "Role", metadata: { name: "r", namespace: "dev" }, rules: [{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }] },
    { apiVersion: rbac, kind: "RoleBinding", metadata: { name: "r", namespace: "dev" }, roleRef: ref("Role", "r"), subjects: [{ kind: "ServiceAccount", name: "bot", namespace: "other" }] },
    // A ServiceAccount subject without a namespace, in a RoleBinding: the binding's namespace (dev).
    { apiVersion: rbac, kind: "Role", metadata: { name: "cm", namespace: "dev" }, rules: [{ apiGroups: [""], resources: ["configmaps"], verbs: ["get"] }] },
    { apiVersion: rbac, kind: "RoleBinding", metadata: { name: "cm", namespace: "dev" }, roleRef: ref("Role", "cm"), subjects: [{ kind: "ServiceAccount", name: "bot" }] },
    // A ClusterRole with a non-resource URL, bound in dev only.
    { apiVersion: rbac, kind: "ClusterRole", metadata: { name: "url" }, rules: [
        { nonResourceURLs: ["/kubegrant-fixture"], verbs: ["get"] }, { apiGroups: ["rbac.authorization.k8s.io"], resources: ["rolebindings"], verbs: ["create"] }] },
    { apiVersion: rbac, kind: "RoleBinding", metadata: { name: "url", namespace: "dev" }, roleRef: ref("ClusterRole", "url"),
        subjects: [{ kind: "ServiceAccount", name: urlHolder.name, namespace: urlHolder.namespace }] },
];

const as = (w: ServiceAccountRef, row: string, allowed: boolean, request: RowCheck["request"]): RowCheck => ({ row, who: w, request, allowed });

/** What the RBAC authorizer answers (SubjectAccessReview on the server). */
export const authorizeChecks: readonly RowCheck[] = [
    as(who, "ClusterRoleBinding grants cluster-wide", true, { verb: "list", apiGroup: "", resource: "pods" }),
    as(who, "ClusterRoleBinding grants in any namespace", true, { verb: "get", apiGroup: "", resource: "pods", name: "p", namespace: "kube-system" }),
    as(who, "other verb", false, { verb: "delete", apiGroup: "", resource: "pods", name: "p" }),
    as(who, "subresource needs its own rule", false, { verb: "get", apiGroup: "", resource: "pods", subresource: "log", name: "p" }),
    as(who, "subresource rule", true, { verb: "create", apiGroup: "", resource: "pods", subresource: "eviction", name: "p", namespace: "a" }),
    as(who, "resource rule does not grant the subresource", false, { verb: "create", apiGroup: "", resource: "pods", namespace: "a" }),
    as(who, "*/status matches any status", true, { verb: "update", apiGroup: "", resource: "nodes", subresource: "status", name: "n" }),
    as(who, "res/* is no wildcard: jobs/* does not match jobs/status", false, { verb: "get", apiGroup: "batch", resource: "jobs", subresource: "status", name: "j", namespace: "a" }),
    as(who, "res/* is no wildcard: jobs/* does not match jobs", false, { verb: "get", apiGroup: "batch", resource: "jobs", name: "j", namespace: "a" }),
    as(who, "resourceNames: the named object", true, { verb: "patch", apiGroup: "apps", resource: "deployments", name: "web", namespace: "a" }),
    as(who, "resourceNames: another object", false, { verb: "patch", apiGroup: "apps", resource: "deployments", name: "api", namespace: "a" }),
    as(who, "resourceNames never authorize a create (no name)", false, { verb: "create", apiGroup: "apps", resource: "deployments", namespace: "a" }),
    as(who, "resourceNames: watch only with a name", false, { verb: "watch", apiGroup: "apps", resource: "deployments", namespace: "a" }),
    as(who, "resourceNames: single-object watch", true, { verb: "watch", apiGroup: "apps", resource: "deployments", name: "web", namespace: "a" }),
    as(who, "other API group", false, { verb: "patch", apiGroup: "extensions", resource: "deployments", name: "web" }),
    as(who, "resource * matches subresources too", true, { verb: "get", apiGroup: "x.io", resource: "things", subresource: "scale", name: "t" }),
    as(who, "RoleBinding to a ClusterRole: its namespace", true, { verb: "get", apiGroup: "", resource: "secrets", name: "s", namespace: "ops" }),
    as(who, "RoleBinding to a ClusterRole: not another namespace", false, { verb: "get", apiGroup: "", resource: "secrets", name: "s", namespace: "dev" }),
    as(who, "RoleBinding to a ClusterRole: not cluster-wide", false, { verb: "get", apiGroup: "", resource: "secrets", name: "s" }),
    as(who, "RoleBinding grants no non-resource URL", false, { verb: "get", nonResourceURL: "/metrics" }),
    as(urlHolder, "RoleBinding grants no non-resource URL (even to its only holder)", false, { verb: "get", nonResourceURL: "/kubegrant-fixture" }),
    as(who, "non-resource prefix", true, { verb: "get", nonResourceURL: "/healthz/ready" }),
    as(who, "group subject system:serviceaccounts:<ns>", true, { verb: "escalate", apiGroup: "rbac.authorization.k8s.io", resource: "roles", name: "x", namespace: "ops" }),
    as(who, "service account of another namespace is another subject", false, { verb: "get", apiGroup: "", resource: "pods", subresource: "log", name: "p", namespace: "dev" }),
    as(devBot, "ServiceAccount subject without namespace: the RoleBinding's namespace", true, { verb: "get", apiGroup: "", resource: "configmaps", name: "x", namespace: "dev" }),
    as(who, "ServiceAccount subject without namespace: not a namesake of another namespace", false, { verb: "get", apiGroup: "", resource: "configmaps", name: "x", namespace: "dev" }),
];

export interface EscalationCase {
    readonly what: string;
    /** Who creates it, without escalate or bind. */
    readonly as: ServiceAccountRef;
    /** The role or binding created (a dry run on the server). */
    readonly object: KubeObject;
    /** Its rules (a binding's: the referenced role's). */
    readonly rules: readonly PolicyRuleObject[];
    /** The server's escalation check lets it through (uncovered() is empty). */
    readonly allowed: boolean;
}

const clusterRole = (name: string, rules: PolicyRuleObject[]): Omit<EscalationCase, "what" | "allowed"> => ({
    as: who, rules, object: { apiVersion: rbac, kind: "ClusterRole", metadata: { name: `kubegrant-fixture-${name}` }, rules },
});

/** What the escalation check answers (a ClusterRole, or a RoleBinding, created without escalate or bind). */
export const escalationCases: readonly EscalationCase[] = [
    { what: "a rule it holds", allowed: true, ...clusterRole("held", [{ apiGroups: [""], resources: ["pods"], verbs: ["get"] }]) },
    { what: "a named rule it holds", allowed: true, ...clusterRole("named", [{ apiGroups: ["apps"], resources: ["deployments"], resourceNames: ["web"], verbs: ["patch"] }]) },
    { what: "named rules do not cover an unnamed one", allowed: false, ...clusterRole("unnamed", [{ apiGroups: ["apps"], resources: ["deployments"], verbs: ["patch"] }]) },
    { what: "*/status covers nodes/status", allowed: true, ...clusterRole("status", [{ apiGroups: [""], resources: ["nodes/status"], verbs: ["update"] }]) },
    { what: "jobs/* does not cover jobs/status (res/* is no wildcard)", allowed: false, ...clusterRole("jobs-status", [{ apiGroups: ["batch"], resources: ["jobs/status"], verbs: ["get"] }]) },
    { what: "jobs/* covers jobs/* itself", allowed: true, ...clusterRole("jobs-star", [{ apiGroups: ["batch"], resources: ["jobs/*"], verbs: ["get"] }]) },
    { what: "resources * covers resources *", allowed: true, ...clusterRole("star", [{ apiGroups: ["x.io"], resources: ["*"], verbs: ["get"] }]) },
    { what: "only verbs * covers verbs *", allowed: false, ...clusterRole("star-verbs", [{ apiGroups: ["x.io"], resources: ["*"], verbs: ["*"] }]) },
    { what: "a URL under a held prefix", allowed: true, ...clusterRole("healthz", [{ nonResourceURLs: ["/healthz/live"], verbs: ["get"] }]) },
    { what: "a URL held only through a RoleBinding does not count cluster-wide", allowed: false, ...clusterRole("metrics", [{ nonResourceURLs: ["/metrics"], verbs: ["get"] }]) },
    {
        what: "binding a ClusterRole with a URL in the namespace where it holds it through a RoleBinding",
        allowed: true,
        as: urlHolder,
        rules: (objects.find((o) => o.kind === "ClusterRole" && o.metadata.name === "url")!).rules!,
        object: { apiVersion: rbac, kind: "RoleBinding", metadata: { name: "kubegrant-fixture-url", namespace: "dev" }, roleRef: ref("ClusterRole", "url"),
            subjects: [{ kind: "ServiceAccount", name: "someone", namespace: "dev" }] },
    },
];
