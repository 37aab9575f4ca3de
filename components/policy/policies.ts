/**
 * `kubegrant/policy`: CrossGuard policies a user adds to a stack that uses kubegrant, so a later
 * edit of the stack cannot quietly widen what the vendor gets (`pulumi preview --policy-pack`).
 * Written against resource types and properties as the engine passes them (no provider package is
 * loaded), and only type-imports @pulumi/policy (an optional peer): the pack itself
 * (./pack.ts) is what needs it at run time.
 *
 * A resource is "kubegrant's" when a kubegrant component is among its parents (its URN's type
 * chain holds a `kubegrant:` type).
 */
import type { ReportViolation, ResourceValidationPolicy, StackValidationPolicy, PolicyResource } from "@pulumi/policy";
import { AWS_LIMITS } from "../aws/limits";
import { ruleIdsOf } from "../kubernetes/rbac";
import { Grant, escalationsOf } from "../core/escalations";
import { Sourced } from "../core/catalog";
import { catalogCard, presetNames } from "../render/preset";

/** The URN's type chain (`kubegrant:castai:CastAiEksAccess$kubegrant:aws:PolicyRole$aws:iam/role:Role`) holds a kubegrant component. */
export function isKubegrants(urn: string): boolean {
    return (urn.split("::")[2] ?? "").split("$").some((t) => t.startsWith("kubegrant:"));
}

type Json = Record<string, unknown>;
interface Statement {
    readonly Effect?: string;
    readonly Principal?: Json | string;
    readonly Action?: string | string[];
    readonly Condition?: Record<string, Record<string, unknown>>;
}

const list = (v: unknown): string[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);

/** A policy document as a property holds it: a JSON string (what the engine passes) or an object. */
function document(value: unknown): { Statement?: Statement | Statement[] } | undefined {
    if (typeof value === "string") {
        try {
            return JSON.parse(value) as { Statement?: Statement[] };
        } catch {
            return undefined;
        }
    }
    return typeof value === "object" && value !== null ? value as { Statement?: Statement[] } : undefined;
}

function statements(value: unknown): Statement[] {
    const s = document(value)?.Statement;
    return s === undefined ? [] : Array.isArray(s) ? s : [s];
}

/** Condition values of `key` (any operator, case-insensitive key) in `s`, with the operators they come with. */
function conditionValues(s: Statement, test: (key: string) => boolean): { op: string; values: string[] }[] {
    return Object.entries(s.Condition ?? {}).flatMap(([op, kv]) =>
        Object.entries(kv ?? {}).filter(([k]) => test(k.toLowerCase())).map(([, v]) => ({ op, values: list(v) })));
}

/** One exact value, compared for equality (StringEquals, not StringLike, no wildcard). */
const exact = (c: { op: string; values: string[] }[]) =>
    c.some((x) => /^StringEquals$/i.test(x.op) && x.values.length > 0 && x.values.every((v) => v !== "" && !/[*?]/.test(v)));

/** What is wrong with one trust statement of a kubegrant role, or undefined. */
export function trustProblem(s: Statement): string | undefined {
    if (s.Effect === "Deny") return undefined;
    const principals = typeof s.Principal === "string" ? { AWS: s.Principal } : s.Principal ?? {};
    const aws = list(principals.AWS);
    const ram = list(principals.RAM);
    const federated = list(principals.Federated);
    const services = list(principals.Service);
    if (aws.length > 0 || ram.length > 0) {
        if (!exact(conditionValues(s, (k) => k === "sts:externalid"))) {
            return `trusts ${[...aws, ...ram].join(", ")} without a StringEquals sts:ExternalId condition (the external ID kubegrant sets is gone)`;
        }
    }
    if (federated.length > 0 && !exact(conditionValues(s, (k) => k.endsWith(":sub")))) {
        return `trusts ${federated.join(", ")} without a StringEquals condition on the token's exact subject (<issuer>:sub)`;
    }
    if (services.some((p) => p.startsWith("pods.eks."))) {
        const tags = ["kubernetes-namespace", "kubernetes-service-account", "eks-cluster-arn"];
        const missing = tags.filter((t) => !exact(conditionValues(s, (k) => k === `aws:requesttag/${t}`)));
        if (missing.length > 0) return `trusts EKS Pod Identity without StringEquals conditions on the session tags ${missing.map((t) => `aws:RequestTag/${t}`).join(", ")} (any pod of any cluster in the account could assume it)`;
    }
    return undefined;
}

const TRUST_PROPERTIES: Readonly<Record<string, string>> = {
    "aws:iam/role:Role": "assumeRolePolicy",
    "alicloud:ram/role:Role": "assumeRolePolicyDocument",
};

export const vendorTrustConditions: ResourceValidationPolicy = {
    name: "kubegrant-vendor-trust-conditions",
    description: "Every role kubegrant creates for a vendor keeps the condition that pins who may assume it: the external ID (AWS, Alibaba), the OIDC token's exact subject (IRSA, RRSA), or the EKS Pod Identity namespace, service account and cluster tags. Without it, anyone the trust names (every customer of the vendor, every pod of the account) could assume the role.",
    enforcementLevel: "mandatory",
    validateResource: (args, report) => {
        const property = TRUST_PROPERTIES[args.type];
        if (!property || !isKubegrants(args.urn)) return;
        for (const s of statements(args.props[property])) {
            const problem = trustProblem(s);
            if (problem) report(`${args.name}: ${problem}.`);
        }
    },
};

/** Every action string of kubegrant's catalogs that holds a wildcard: the only wildcards a kubegrant policy may carry. */
export const CATALOG_WILDCARD_ACTIONS: ReadonlySet<string> = new Set(
    presetNames().flatMap((preset) => catalogCard(preset).actions).filter((a) => /[*?]/.test(a)));

/** The action strings of a policy-holding resource (IAM/RAM policy documents, Azure role definitions, GCP custom roles). */
function actionsOf(type: string, props: Json): string[] {
    if (type === "aws:iam/policy:Policy" || type === "aws:iam/rolePolicy:RolePolicy" || type === "aws:iam/userPolicy:UserPolicy") {
        return statements(props.policy).filter((s) => s.Effect !== "Deny").flatMap((s) => list(s.Action));
    }
    if (type === "alicloud:ram/policy:Policy") return statements(props.policyDocument).filter((s) => s.Effect !== "Deny").flatMap((s) => list(s.Action));
    if (type === "azure-native:authorization:RoleDefinition") {
        return ((props.permissions ?? []) as { actions?: string[]; dataActions?: string[] }[]).flatMap((p) => [...(p.actions ?? []), ...(p.dataActions ?? [])]);
    }
    if (type === "gcp:projects/iAMCustomRole:IAMCustomRole" || type === "gcp:organizations/iAMCustomRole:IAMCustomRole") return list(props.permissions);
    return [];
}

export const noWildcardAction: ResourceValidationPolicy = {
    name: "kubegrant-no-wildcard-action",
    description: "No policy, role definition or custom role that kubegrant creates grants an action wildcard that kubegrant's catalogs do not (`*`, `iam:*`, `ec2:Delete*`, `Microsoft.Authorization/*`, …). A wildcard grants every action it matches, those the service adds later included; kubegrant grants listed actions and a few reviewed wildcards (e.g. `eks:Describe*`).",
    enforcementLevel: "mandatory",
    validateResource: (args, report) => {
        if (!isKubegrants(args.urn)) return;
        const added = actionsOf(args.type, args.props).filter((a) => /[*?]/.test(a) && !CATALOG_WILDCARD_ACTIONS.has(a));
        if (added.length > 0) report(`${args.name}: grants the wildcard action${added.length > 1 ? "s" : ""} ${added.map((a) => `"${a}"`).join(", ")}, which kubegrant's catalogs do not; list the actions the vendor needs instead.`);
    },
};

/** Authoritative GCP IAM resources: each replaces every member of a role (or the whole policy) of its resource. */
export const AUTHORITATIVE_GCP_IAM = /^gcp:[\w]+\/iAM(Binding|Policy):IAM(Binding|Policy)$/;

export const noAuthoritativeGcpIam: StackValidationPolicy = {
    name: "kubegrant-no-authoritative-gcp-iam",
    description: "A stack that uses kubegrant has no authoritative GCP IAM resource (IAMBinding, IAMPolicy of a project, folder, organization or service account). An authoritative binding sets the complete member list of a role, so it removes the members kubegrant adds (IAMMember) on every update, or grants them back to whoever the binding lists: the vendor's access flips with each apply. Use IAMMember.",
    enforcementLevel: "mandatory",
    validateStack: (args, report) => {
        if (!args.resources.some((r) => isKubegrants(r.urn) || r.type.startsWith("kubegrant:"))) return;
        for (const r of args.resources) {
            if (AUTHORITATIVE_GCP_IAM.test(r.type)) report(`${r.name} (${r.type}) is authoritative: it replaces the members kubegrant grants; use the IAMMember resource instead.`, r.urn);
        }
    },
};

/** Every in-cluster catalog's rule entries by ID (the \`kubegrant.io/rules\` annotation names them). */
const RULE_ENTRIES: ReadonlyMap<string, Sourced> = new Map<string, Sourced>(presetNames().map(catalogCard)
    .filter((card) => card.target === "Kubernetes").flatMap((card) => card.items.map((e) => [e.name, e] as const)));
const RBAC = "kubernetes:rbac.authorization.k8s.io/v1:";

interface KubeMeta { name?: string; namespace?: string; annotations?: Record<string, string> }
interface Rule { apiGroups?: string[]; resources?: string[]; verbs?: string[]; resourceNames?: string[] }
const meta = (r: PolicyResource) => (r.props.metadata ?? {}) as KubeMeta;

/** The rules of `role` that hold escalate, bind or impersonate, but those its kubegrant catalog entry grants as a named risk (an opt-in). */
export function escalatingRules(role: PolicyResource): string[] {
    const clusterWide = role.type === `${RBAC}ClusterRole`;
    const ids = isKubegrants(role.urn) ? ruleIdsOf(meta(role).annotations) : [];
    return ((role.props.rules ?? []) as Rule[]).flatMap((rule, i) => {
        if (RULE_ENTRIES.get(ids[i] ?? "")?.risk) return [];
        const grants: Grant[] = (rule.apiGroups ?? []).flatMap((apiGroup) => (rule.resources ?? []).flatMap((resource) => (rule.verbs ?? []).map((verb) =>
            ({ cloud: "kubernetes" as const, apiGroup, resource, verb, names: rule.resourceNames ?? [], clusterWide }))));
        const held = grants.filter((g) => escalationsOf(g).some((p) => p.id === "k8s-escalate-bind-impersonate"));
        return held.length > 0 ? [`${(rule.apiGroups ?? []).map((g) => g || "core").join(",")} ${(rule.resources ?? []).join(",")}: ${(rule.verbs ?? []).join(",")}`] : [];
    });
}

export const noEscalatingRoleForVendor: StackValidationPolicy = {
    name: "kubegrant-no-escalating-role-for-vendor",
    description: "No Role or ClusterRole that holds escalate, bind or impersonate (a `*` verb or resource included) is bound to a service account kubegrant creates for a vendor. With them the vendor's component can grant itself any permission or act as any user: the RBAC kubegrant keeps least-privilege would no longer bound it. The grants kubegrant's catalogs make only on an opt-in named for the risk (e.g. Cast AI phase 2's namespace admin) are listed in the render's Risks and are not reported.",
    enforcementLevel: "mandatory",
    validateStack: (args, report) => {
        const vendorAccounts = new Set(args.resources.filter((r) => r.type === "kubernetes:core/v1:ServiceAccount" && isKubegrants(r.urn))
            .map((r) => `${meta(r).namespace ?? "default"}/${meta(r).name}`));
        const roles = args.resources.filter((r) => r.type === `${RBAC}ClusterRole` || r.type === `${RBAC}Role`);
        for (const b of args.resources.filter((r) => r.type === `${RBAC}ClusterRoleBinding` || r.type === `${RBAC}RoleBinding`)) {
            const ref = (b.props.roleRef ?? {}) as { kind?: string; name?: string };
            const subjects = ((b.props.subjects ?? []) as { kind?: string; name?: string; namespace?: string }[])
                .filter((s) => s.kind === "ServiceAccount" && vendorAccounts.has(`${s.namespace ?? meta(b).namespace ?? "default"}/${s.name}`));
            if (subjects.length === 0) continue;
            const role = roles.find((r) => r.type === `${RBAC}${ref.kind}` && meta(r).name === ref.name
                && (ref.kind === "ClusterRole" || (meta(r).namespace ?? "default") === (meta(b).namespace ?? "default")));
            const rules = role ? escalatingRules(role) : [];
            if (rules.length > 0) {
                report(`${b.name} binds ${ref.kind} ${ref.name} (rules ${rules.map((x) => `"${x}"`).join("; ")}: escalate, bind or impersonate) to the vendor's service account ${subjects.map((s) => `${s.namespace ?? meta(b).namespace}/${s.name}`).join(", ")}.`, b.urn);
            }
        }
    },
};

/** IAM counts a policy's size without white space. */
const nonWhitespace = (value: unknown) => (typeof value === "string" ? value : JSON.stringify(value ?? "")).replace(/\s/g, "").length;

export const awsPolicySize: StackValidationPolicy = {
    name: "kubegrant-aws-policy-size",
    description: `The IAM policies of the roles kubegrant creates stay within AWS's size quotas, which kubegrant checks when it builds them: a managed policy ${AWS_LIMITS.managedPolicyChars} characters, a role's inline policies ${AWS_LIMITS.inlinePolicyCharsPerRole} together, a trust policy ${AWS_LIMITS.trustPolicyChars} (white space not counted). A statement added to a kubegrant policy or role later can push it over: IAM refuses the update mid-apply and the vendor is left with the old policy.`,
    enforcementLevel: "mandatory",
    validateStack: (args, report) => {
        const inline = new Map<string, { size: number; urn: string }>();
        for (const r of args.resources.filter((x) => isKubegrants(x.urn))) {
            if (r.type === "aws:iam/policy:Policy" && nonWhitespace(r.props.policy) > AWS_LIMITS.managedPolicyChars) {
                report(`${r.name}: the managed policy is ${nonWhitespace(r.props.policy)} characters; IAM allows ${AWS_LIMITS.managedPolicyChars}.`, r.urn);
            }
            if (r.type === "aws:iam/role:Role" && nonWhitespace(r.props.assumeRolePolicy) > AWS_LIMITS.trustPolicyChars) {
                report(`${r.name}: the trust policy is ${nonWhitespace(r.props.assumeRolePolicy)} characters; IAM allows ${AWS_LIMITS.trustPolicyChars}.`, r.urn);
            }
            if (r.type === "aws:iam/rolePolicy:RolePolicy") {
                const role = String(r.props.role);
                const before = inline.get(role)?.size ?? 0;
                inline.set(role, { size: before + nonWhitespace(r.props.policy), urn: r.urn });
            }
        }
        for (const [role, { size, urn }] of inline) {
            if (size > AWS_LIMITS.inlinePolicyCharsPerRole) report(`role ${role}: its inline policies are ${size} characters together; IAM allows ${AWS_LIMITS.inlinePolicyCharsPerRole} per role.`, urn);
        }
    },
};

export const awsManagedPoliciesPerRole: StackValidationPolicy = {
    name: "kubegrant-aws-managed-policies-per-role",
    description: `A role kubegrant creates has at most ${AWS_LIMITS.managedPoliciesPerRole} managed policies attached (AWS's default quota per role; set maxManagedPoliciesPerRole when the account's quota is raised, up to 20), counting attachments made outside kubegrant too. Over the quota, IAM refuses the attachment mid-apply.`,
    enforcementLevel: "advisory",
    configSchema: { properties: { maxManagedPoliciesPerRole: { type: "integer", minimum: 1, maximum: 20, default: AWS_LIMITS.managedPoliciesPerRole } } },
    validateStack: (args, report) => {
        const max = args.getConfig<{ maxManagedPoliciesPerRole?: number }>().maxManagedPoliciesPerRole ?? AWS_LIMITS.managedPoliciesPerRole;
        const roles = new Map(args.resources.filter((r) => r.type === "aws:iam/role:Role" && isKubegrants(r.urn)).map((r) => [String(r.props.name), r] as const));
        const count = new Map<string, number>();
        for (const a of args.resources.filter((r) => r.type === "aws:iam/rolePolicyAttachment:RolePolicyAttachment")) {
            const role = String(a.props.role).replace(/^arn:[^:]+:iam::\d+:role\/(?:.*\/)?/, "");
            if (roles.has(role)) count.set(role, (count.get(role) ?? 0) + 1);
        }
        for (const [role, n] of count) {
            if (n > max) report(`role ${role}: ${n} managed policies attached; the quota is ${max} per role (maxManagedPoliciesPerRole).`, roles.get(role)!.urn);
        }
    },
};

/** Every policy of the pack, in the order `pulumi preview` lists them. */
export const KUBEGRANT_POLICIES: readonly (ResourceValidationPolicy | StackValidationPolicy)[] = [
    vendorTrustConditions,
    noWildcardAction,
    noAuthoritativeGcpIam,
    noEscalatingRoleForVendor,
    awsPolicySize,
    awsManagedPoliciesPerRole,
];

export type { ReportViolation };
