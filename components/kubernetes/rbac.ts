/**
 * The Kubernetes RBAC model every vendor catalog uses: policy rules as data, the roles that hold
 * them and the service accounts they are bound to, and one serializer to the exact objects
 * (`rbac.authorization.k8s.io/v1`, `v1`) the cluster receives. Pure: no Pulumi imports.
 */
import { Sourced } from "../core";
import { serviceAccountUsername } from "../core/kubernetes";

/** One rule of a Role or ClusterRole, as `rbac.authorization.k8s.io/v1` PolicyRule. */
export interface PolicyRule {
    /** API groups; `""` is the core group. Absent for a non-resource rule. */
    readonly apiGroups?: readonly string[];
    /** Lower-case plural resources, `res/sub` for a subresource, `*` for all. */
    readonly resources?: readonly string[];
    readonly verbs: readonly string[];
    /** Limits named verbs (get, update, patch, delete, custom verbs) to these objects. Never limits `create` or `deletecollection`. */
    readonly resourceNames?: readonly string[];
    /** Non-resource URLs such as `/version` (ClusterRoles only). */
    readonly nonResourceURLs?: readonly string[];
}

/** A rule in a vendor catalog: the rule, and which feature needs it, why, and from where. */
export interface RuleEntry extends Sourced {
    /** Stable ID: it names the rule in the review report (annotation `kubegrant.io/rules`). */
    readonly id: string;
    readonly rule: PolicyRule;
}

/** A subject of a binding. Only service accounts are created by kubegrant. */
export interface Subject {
    readonly kind: "ServiceAccount" | "User" | "Group";
    readonly name: string;
    /** Namespace of a ServiceAccount subject. */
    readonly namespace?: string;
}

/** A Role (namespaced) or ClusterRole, with the one binding that grants it. */
export interface RoleSpec {
    readonly kind: "ClusterRole" | "Role";
    /** `metadata.name`, explicit: vendor charts and operators refer to it. */
    readonly name: string;
    /** Namespace of a Role; for a ClusterRole, undefined. */
    readonly namespace?: string;
    /** The rules, each with its catalog entry ID (in the same order). */
    readonly rules: readonly { readonly id: string; readonly rule: PolicyRule }[];
    /** Name of its RoleBinding (in `namespace`) or ClusterRoleBinding. */
    readonly bindingName: string;
    readonly subjects: readonly Subject[];
}

export interface ServiceAccountSpec {
    readonly name: string;
    readonly namespace: string;
    /** e.g. IRSA `eks.amazonaws.com/role-arn`, GKE `iam.gke.io/gcp-service-account`, Azure `azure.workload.identity/client-id`. */
    readonly annotations?: Readonly<Record<string, string>>;
}

/** Everything a ServiceAccountRbac bundle creates, as plain data. */
export interface RbacBundle {
    /** Namespaces to create (an existing namespace is simply not listed). */
    readonly namespaces: readonly string[];
    readonly serviceAccounts: readonly ServiceAccountSpec[];
    readonly roles: readonly RoleSpec[];
    /** Labels on every object. */
    readonly labels?: Readonly<Record<string, string>>;
}

/** Annotation on every Role and ClusterRole: the catalog entry ID of each rule, in rule order. */
export const RULES_ANNOTATION = "kubegrant.io/rules";

/** The catalog IDs of a role's rules, in rule order, from its `kubegrant.io/rules` annotation ("" where it names none). */
export function ruleIdsOf(annotations: Readonly<Record<string, string>> | undefined): string[] {
    return (annotations?.[RULES_ANNOTATION] ?? "").split(",");
}
export const MANAGED_BY_LABEL = { "app.kubernetes.io/managed-by": "kubegrant" } as const;

export interface ObjectMeta {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
}

/** A Kubernetes object as the API server (and `kubectl apply`) takes it. */
export interface KubeObject {
    apiVersion: string;
    kind: string;
    metadata: ObjectMeta;
    rules?: PolicyRuleObject[];
    roleRef?: { apiGroup: string; kind: string; name: string };
    subjects?: SubjectObject[];
}

export interface PolicyRuleObject {
    apiGroups?: string[];
    resources?: string[];
    verbs: string[];
    resourceNames?: string[];
    nonResourceURLs?: string[];
}

export interface SubjectObject {
    kind: string;
    name: string;
    namespace?: string;
    apiGroup?: string;
}

export const RBAC_API_VERSION = "rbac.authorization.k8s.io/v1";

/** A rule as the API takes it: absent fields left out, lists copied. */
export function ruleObject(r: PolicyRule): PolicyRuleObject {
    const out: PolicyRuleObject = { verbs: [...r.verbs] };
    if (r.apiGroups) out.apiGroups = [...r.apiGroups];
    if (r.resources) out.resources = [...r.resources];
    if (r.resourceNames && r.resourceNames.length > 0) out.resourceNames = [...r.resourceNames];
    if (r.nonResourceURLs) out.nonResourceURLs = [...r.nonResourceURLs];
    // Keep the API's field order: apiGroups, resources, resourceNames, nonResourceURLs, verbs.
    const ordered: PolicyRuleObject = {} as PolicyRuleObject;
    for (const k of ["apiGroups", "resources", "resourceNames", "nonResourceURLs", "verbs"] as const) {
        if (out[k] !== undefined) (ordered as unknown as Record<string, unknown>)[k] = out[k];
    }
    return ordered;
}

function subjectObject(s: Subject): SubjectObject {
    return s.kind === "ServiceAccount"
        ? { kind: s.kind, name: s.name, namespace: s.namespace }
        : { kind: s.kind, name: s.name, apiGroup: "rbac.authorization.k8s.io" };
}

function meta(name: string, namespace: string | undefined, labels: Readonly<Record<string, string>> | undefined,
    annotations?: Readonly<Record<string, string>>): ObjectMeta {
    const m: ObjectMeta = { name };
    if (namespace !== undefined) m.namespace = namespace;
    m.labels = { ...MANAGED_BY_LABEL, ...(labels ?? {}) };
    if (annotations && Object.keys(annotations).length > 0) m.annotations = { ...annotations };
    return m;
}

/** The objects of one role: the Role or ClusterRole, then its binding. */
export function roleObjects(role: RoleSpec, labels?: Readonly<Record<string, string>>): [KubeObject, KubeObject] {
    const cluster = role.kind === "ClusterRole";
    return [{
        apiVersion: RBAC_API_VERSION,
        kind: role.kind,
        metadata: meta(role.name, cluster ? undefined : role.namespace, labels,
            { [RULES_ANNOTATION]: role.rules.map((r) => r.id).join(",") }),
        rules: role.rules.map((r) => ruleObject(r.rule)),
    }, {
        apiVersion: RBAC_API_VERSION,
        kind: cluster ? "ClusterRoleBinding" : "RoleBinding",
        metadata: meta(role.bindingName, cluster ? undefined : role.namespace, labels),
        roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: role.kind, name: role.name },
        subjects: role.subjects.map(subjectObject),
    }];
}

/** Every object of a bundle, in creation order: namespaces, service accounts, then each role and its binding. */
export function bundleObjects(b: RbacBundle): KubeObject[] {
    return [
        ...b.namespaces.map((ns) => ({ apiVersion: "v1", kind: "Namespace", metadata: meta(ns, undefined, b.labels) })),
        ...b.serviceAccounts.map((sa) => ({
            apiVersion: "v1", kind: "ServiceAccount", metadata: meta(sa.name, sa.namespace, b.labels, sa.annotations),
        })),
        ...b.roles.flatMap((r) => roleObjects(r, b.labels)),
    ];
}

// In core: a cloud's OIDC trust (aws/trust.ts) names the same username, and a cloud imports no other cloud.
export { serviceAccountUsername };
