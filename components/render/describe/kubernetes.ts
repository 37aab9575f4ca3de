/** Markdown describers for the Kubernetes objects kubegrant creates (any vendor). */
import { Sourced } from "../../core";
import { Describer, ReportContext, cell, code, sourceText } from "../report";
import { RenderedResource } from "../run";
import { findRole } from "../../kubernetes/authorize";
import { KubeObject, PolicyRuleObject, ruleIdsOf, serviceAccountUsername } from "../../kubernetes/rbac";

const T = {
    namespace: "kubernetes:core/v1:Namespace",
    serviceAccount: "kubernetes:core/v1:ServiceAccount",
    clusterRole: "kubernetes:rbac.authorization.k8s.io/v1:ClusterRole",
    role: "kubernetes:rbac.authorization.k8s.io/v1:Role",
    clusterRoleBinding: "kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding",
    roleBinding: "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding",
} as const;

function obj(r: RenderedResource): KubeObject {
    return r.inputs as unknown as KubeObject;
}

/** The catalog entry of each rule of a role, from its `kubegrant.io/rules` annotation. */
function entriesOf(role: KubeObject, ctx: ReportContext): (Sourced | undefined)[] {
    const ids = ruleIdsOf(role.metadata.annotations);
    return (role.rules ?? []).map((_, i) => (ids[i] ? ctx.explanations.get(`k8s-rule:${ids[i]}`) : undefined));
}

function ruleCells(r: PolicyRuleObject): string {
    if (r.nonResourceURLs) return `| (non-resource URL) | ${cell(code(r.nonResourceURLs))} | ${cell(code(r.verbs))} | – |`;
    const groups = (r.apiGroups ?? []).map((g) => (g === "" ? "core" : g));
    const names = r.resourceNames ? cell(code(r.resourceNames)) : "any";
    return `| ${cell(code(groups))} | ${cell(code(r.resources ?? []))} | ${cell(code(r.verbs))} | ${names} |`;
}

function whyCell(e: Sourced | undefined): string {
    return cell(e ? `${e.feature}: ${e.why}` : "no catalog entry (not granted by kubegrant's catalog)");
}

const serviceAccount: Describer = (r, ctx) => {
    const sa = obj(r);
    const ns = sa.metadata.namespace ?? "default";
    const annotations = Object.entries(sa.metadata.annotations ?? {});
    const lines = [
        `Service account \`${sa.metadata.name}\` in namespace \`${ns}\` (username \`${serviceAccountUsername(ns, sa.metadata.name)}\`).`
        + (annotations.length > 0 ? ` Annotations: ${annotations.map(([k, v]) => `\`${k}: ${v}\``).join(", ")}.` : ""),
        "",
        "What it can do, grouped as the vendor document groups it:",
    ];
    // Gather (scope, rule, entry) for every binding naming this service account.
    const groups = new Map<string, string[]>();
    const roles = ctx.all.filter((x) => x.type === T.clusterRole || x.type === T.role).map(obj);
    for (const b of ctx.all.filter((x) => x.type === T.clusterRoleBinding || x.type === T.roleBinding).map(obj)) {
        const bound = (b.subjects ?? []).some((s) => s.kind === "ServiceAccount" && s.name === sa.metadata.name && s.namespace === ns);
        if (!bound || !b.roleRef) continue;
        const role = findRole(roles, b.roleRef.kind, b.roleRef.name, b.metadata.namespace);
        if (!role) continue;
        const scope = b.kind === "ClusterRoleBinding" ? "cluster-wide" : `namespace \`${b.metadata.namespace}\``;
        const entries = entriesOf(role, ctx);
        (role.rules ?? []).forEach((rule, i) => {
            const group = entries[i]?.source ?? "not in the catalog";
            const rows = groups.get(group) ?? [];
            rows.push(`| ${scope} (${role.kind} \`${role.metadata.name}\`) ${ruleCells(rule)} ${whyCell(entries[i])} |`);
            groups.set(group, rows);
        });
    }
    if (groups.size === 0) return [...lines, "", "Nothing: no binding names it."];
    for (const [group, rows] of groups) {
        lines.push("", `**${sourceText(group)}**`, "", "| Where | API groups | Resources | Verbs | Names | Why |", "| --- | --- | --- | --- | --- | --- |", ...rows);
    }
    return lines;
};

const role: Describer = (r, ctx) => {
    const o = obj(r);
    const where = o.kind === "ClusterRole" ? "ClusterRole" : `Role in namespace \`${o.metadata.namespace}\``;
    const entries = entriesOf(o, ctx);
    return [`${where} \`${o.metadata.name}\`. Its rules:`, "",
        "| API groups | Resources | Verbs | Names | Why |", "| --- | --- | --- | --- | --- |",
        ...(o.rules ?? []).map((rule, i) => `${ruleCells(rule)} ${whyCell(entries[i])} |`)];
};

const binding: Describer = (r) => {
    const o = obj(r);
    const where = o.kind === "ClusterRoleBinding" ? "everywhere in the cluster" : `in namespace \`${o.metadata.namespace}\` only`;
    const who = (o.subjects ?? []).map((s) => `${s.kind} \`${s.namespace ? `${s.namespace}/` : ""}${s.name}\``).join(", ");
    return [`${o.kind} \`${o.metadata.name}\`: grants ${o.roleRef?.kind} \`${o.roleRef?.name}\` to ${who}, ${where}.`];
};

const namespace: Describer = (r) => [`Namespace \`${obj(r).metadata.name}\`.`];

export const KUBERNETES_DESCRIBERS: Readonly<Record<string, Describer>> = {
    [T.namespace]: namespace,
    [T.serviceAccount]: serviceAccount,
    [T.clusterRole]: role,
    [T.role]: role,
    [T.clusterRoleBinding]: binding,
    [T.roleBinding]: binding,
};
