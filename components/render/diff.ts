/**
 * `kubegrant diff`: what changes between two renders of one preset (`render --format json`), per
 * resource, as the grants a reviewer approves: IAM and RAM actions, resources and conditions,
 * trust principals, AWS-managed policies, GCP permissions, bindings and APIs, Azure actions,
 * scopes and assignments, federated credentials, Kubernetes RBAC rules (one per apiGroup,
 * resource, verb and name) and bindings. Every addition carries the catalog's entry (feature, why,
 * source) and a risk mark when it holds an escalation pattern (components/core/escalations.ts) or
 * its catalog entry names a risk. Resources are matched by type and name (the names Pulumi keys
 * them by); any other resource is compared input by input. Pure: no Pulumi imports.
 */
import { InputError, Sourced, show } from "../core";
import { EscalationPattern, Grant, escalationsOf } from "../core/escalations";
import { ramActionsKey } from "../alicloud/policy";
import { ruleIdsOf } from "../kubernetes/rbac";
import { cell, code } from "./report";
import { inert } from "./markdown";
import { RenderedResource, Rendering } from "./run";

/**
 * The render JSON format the diff reads. The render output has no version field: a file without
 * one is this format; a file with `formatVersion` other than this one is refused.
 */
export const RENDER_FORMAT_VERSION = 1;

/** One grant of one resource, as the diff compares it. */
interface Fact {
    readonly kind: string;
    /** Where in the resource: a statement, a role, a project (empty for the resource itself). */
    readonly where: string;
    readonly item: string;
    /** The catalog explanation's key (`sid:…`, `k8s-rule:…`, …), if the grant has one. */
    readonly explain?: string;
    readonly grants: readonly Grant[];
}

export interface Risk {
    readonly id: string;
    readonly what: string;
}

export interface Change {
    readonly kind: string;
    readonly where: string;
    readonly item: string;
    /** Additions only: the catalog entry that grants it. */
    readonly feature?: string;
    readonly why?: string;
    readonly source?: string;
    /** Escalation patterns an addition holds, and its catalog entry's risk; on a removal, the patterns what remains holds once it is gone. */
    readonly risks?: readonly Risk[];
}

export interface ResourceDiff {
    readonly type: string;
    readonly name: string;
    readonly status: "added" | "removed" | "changed";
    readonly added: readonly Change[];
    readonly removed: readonly Change[];
}

export interface DiffResult {
    readonly preset: string;
    readonly added: number;
    readonly removed: number;
    /** Changes marked risky: additions, and removals that widen what remains. */
    readonly risky: number;
    readonly resources: readonly ResourceDiff[];
}

type Json = Record<string, unknown>;
interface Statement {
    readonly Sid?: string;
    readonly Effect?: string;
    readonly Principal?: Json | string;
    readonly Action?: string | string[];
    readonly NotAction?: string | string[];
    readonly Resource?: string | string[];
    readonly NotResource?: string | string[];
    readonly Condition?: Record<string, Record<string, unknown>>;
}

const list = (v: unknown): string[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** What the facts of one resource depend on in the rest of its rendering. */
interface FactContext {
    /** Some allowed IAM statement of the rendering is conditioned on a resource tag (tagging can widen it). */
    readonly tagTrusted: boolean;
}

const policyDocuments = (r: RenderedResource) => Object.entries(r.inputs).filter((e): e is [string, { Statement: unknown }] => isObject(e[1]) && "Statement" in e[1]);
const statementsOf = (doc: { Statement: unknown }) => (Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement]) as Statement[];

export function factContext(rendering: Rendering): FactContext {
    const tagTrusted = rendering.resources.some((r) => policyDocuments(r).some(([, doc]) => statementsOf(doc).some((s) => s.Effect !== "Deny"
        && Object.values(s.Condition ?? {}).some((kv) => Object.keys(kv ?? {}).some((k) => /^(ec2|aws):ResourceTag\//i.test(k))))));
    return { tagTrusted };
}

/** Facts of a parsed IAM or RAM policy document found at input `key`. */
function documentFacts(r: RenderedResource, key: string, doc: { Statement: unknown }, ctx: FactContext): Fact[] {
    const cloud = r.type.startsWith("alicloud:") ? "alicloud" : "aws";
    const trust = /assumerole/i.test(key);
    const policyName = String(r.inputs.name ?? r.inputs.policyName ?? "");
    const facts: Fact[] = [];
    for (const s of statementsOf(doc)) {
        const actions = list(s.Action);
        const resources = list(s.Resource);
        const conditions = Object.entries(s.Condition ?? {}).flatMap(([op, kv]) => Object.entries(kv ?? {}).map(([k, v]) => [op, k, list(v)] as const));
        const conditionKeys = conditions.map(([, k]) => k);
        const label = s.Sid ? `statement ${s.Sid}` : trust ? "trust" : `statement ${actions.join(",") || list(s.NotAction).join(",")}`;
        const where = `${key} ${label}${s.Effect === "Deny" ? " (Deny)" : ""}`;
        const explain = s.Sid ? `sid:${s.Sid}` : cloud === "alicloud" ? ramActionsKey(actions) : `policy:${policyName.replace(/-\d+$/, "")}`;
        const grant = (action: string, res: readonly string[]): Grant => ({ cloud, action, resources: res, conditionKeys, tagTrusted: ctx.tagTrusted });
        const allow = s.Effect !== "Deny";
        const prefix = trust ? "trust " : "";
        for (const a of actions) facts.push({ kind: `${prefix}action`, where, item: a, explain, grants: allow && !trust ? [grant(a, resources)] : [] });
        for (const a of list(s.NotAction)) facts.push({ kind: `${prefix}not-action`, where, item: a, explain, grants: [] });
        for (const x of resources) facts.push({ kind: "resource", where, item: x, explain, grants: allow && !trust ? actions.map((a) => grant(a, [x])) : [] });
        for (const x of list(s.NotResource)) facts.push({ kind: "not-resource", where, item: x, explain, grants: [] });
        const principals = typeof s.Principal === "string" ? [["", [s.Principal]] as const] : Object.entries(s.Principal ?? {}).map(([t, ids]) => [t, list(ids)] as const);
        for (const [t, ids] of principals) for (const id of ids) facts.push({ kind: "trust principal", where, item: t ? `${t} ${id}` : id, explain, grants: [] });
        for (const [op, k, vs] of conditions) for (const v of vs) facts.push({ kind: `${prefix}condition`, where, item: `${op} ${k} = ${v}`, explain, grants: [] });
    }
    return facts;
}

interface PolicyRule {
    readonly apiGroups?: string[];
    readonly resources?: string[];
    readonly nonResourceURLs?: string[];
    readonly verbs?: string[];
    readonly resourceNames?: string[];
}

function kubernetesRoleFacts(r: RenderedResource): Fact[] {
    const meta = (r.inputs.metadata ?? {}) as { name?: string; namespace?: string; annotations?: Record<string, string> };
    const clusterWide = r.type.endsWith(":ClusterRole");
    const where = `${clusterWide ? "ClusterRole" : "Role"} ${meta.namespace ? `${meta.namespace}/` : ""}${meta.name ?? r.name}`;
    const ids = ruleIdsOf(meta.annotations);
    return ((r.inputs.rules ?? []) as PolicyRule[]).flatMap((rule, i) => {
        const explain = ids[i] ? `k8s-rule:${ids[i]}` : undefined;
        const names = rule.resourceNames ?? [];
        const facts: Fact[] = [];
        for (const url of rule.nonResourceURLs ?? []) {
            for (const verb of rule.verbs ?? []) facts.push({ kind: "rule", where, item: `nonResourceURL ${url} ${verb}`, explain, grants: [] });
        }
        for (const apiGroup of rule.apiGroups ?? []) {
            for (const resource of rule.resources ?? []) {
                for (const verb of rule.verbs ?? []) {
                    const base = `${apiGroup === "" ? "core" : apiGroup} ${resource} ${verb}`;
                    const grants: Grant[] = [{ cloud: "kubernetes", apiGroup, resource, verb, names, clusterWide }];
                    if (names.length === 0) facts.push({ kind: "rule", where, item: base, explain, grants });
                    for (const n of names) facts.push({ kind: "rule", where, item: `${base} (name ${n})`, explain, grants });
                }
            }
        }
        return facts;
    });
}

function kubernetesBindingFacts(r: RenderedResource): Fact[] {
    const meta = (r.inputs.metadata ?? {}) as { name?: string; namespace?: string };
    const ref = (r.inputs.roleRef ?? {}) as { kind?: string; name?: string };
    const subjects = (r.inputs.subjects ?? []) as { kind?: string; name?: string; namespace?: string }[];
    const where = `${r.type.endsWith(":ClusterRoleBinding") ? "ClusterRoleBinding" : "RoleBinding"} ${meta.namespace ? `${meta.namespace}/` : ""}${meta.name ?? r.name}`;
    return subjects.map((s) => ({
        kind: "binding", where, item: `${s.kind} ${s.namespace ? `${s.namespace}/` : ""}${s.name} to ${ref.kind} ${ref.name}`, grants: [],
    }));
}

function gcpBindingFacts(r: RenderedResource, projectWide: boolean): Fact[] {
    const role = String(r.inputs.role);
    const cond = r.inputs.condition as { title?: string; expression?: string } | undefined;
    const scope = projectWide ? "project" : "account";
    const where = projectWide ? `project ${String(r.inputs.project ?? "")}` : `service account ${String(r.inputs.serviceAccountId ?? "")}`;
    return [{
        kind: "binding", where, item: `${role} to ${String(r.inputs.member)}${cond ? ` if ${cond.expression}` : " (no condition)"}`,
        explain: cond ? `gcp-${scope}-role:${role}` : `gcp-${scope}-role:${role} unconditional|gcp-${scope}-role:${role}`,
        grants: [{ cloud: "gcp", role, projectWide, conditioned: cond !== undefined }],
    }];
}

function azureRoleFacts(r: RenderedResource): Fact[] {
    const facts: Fact[] = [];
    const name = String(r.inputs.roleName ?? r.name);
    for (const p of (r.inputs.permissions ?? []) as Record<string, string[] | undefined>[]) {
        for (const [field, kind] of [["actions", "action"], ["notActions", "not-action"], ["dataActions", "data action"], ["notDataActions", "not-data action"]] as const) {
            for (const a of p[field] ?? []) {
                facts.push({ kind, where: `role definition ${name}`, item: a, explain: `azure-action:${a}`, grants: kind === "action" || kind === "data action" ? [{ cloud: "azure", action: a }] : [] });
            }
        }
    }
    for (const s of list(r.inputs.assignableScopes)) facts.push({ kind: "assignable scope", where: `role definition ${name}`, item: s, grants: [] });
    return facts;
}

/** Every leaf of an input, `path = value` (for resources the diff has no grant model of). */
function inputFacts(value: unknown, path = ""): Fact[] {
    if (Array.isArray(value)) return value.length === 0 ? [{ kind: "input", where: "", item: `${path} = []`, grants: [] }] : value.flatMap((v) => inputFacts(v, `${path}[]`));
    if (isObject(value)) {
        const entries = Object.entries(value);
        return entries.length === 0 && path ? [{ kind: "input", where: "", item: `${path} = {}`, grants: [] }] : entries.flatMap(([k, v]) => inputFacts(v, path ? `${path}.${k}` : k));
    }
    return [{ kind: "input", where: "", item: `${path} = ${JSON.stringify(value)}`, grants: [] }];
}

/** The grants of one resource (`ctx`: of its rendering, factContext). */
export function factsOf(r: RenderedResource, ctx: FactContext = { tagTrusted: true }): Fact[] {
    const t = r.type;
    if (t.startsWith("kubegrant:")) return [];
    if (t.endsWith("rbac.authorization.k8s.io/v1:ClusterRole") || t.endsWith("rbac.authorization.k8s.io/v1:Role")) return kubernetesRoleFacts(r);
    if (t.endsWith("rbac.authorization.k8s.io/v1:ClusterRoleBinding") || t.endsWith("rbac.authorization.k8s.io/v1:RoleBinding")) return kubernetesBindingFacts(r);
    if (t === "gcp:projects/iAMMember:IAMMember") return gcpBindingFacts(r, true);
    if (t === "gcp:serviceaccount/iAMMember:IAMMember") return gcpBindingFacts(r, false);
    if (t === "gcp:projects/iAMCustomRole:IAMCustomRole" || t === "gcp:organizations/iAMCustomRole:IAMCustomRole") {
        return list(r.inputs.permissions).map((p) => ({ kind: "permission", where: `custom role ${String(r.inputs.roleId ?? r.name)}`, item: p, explain: `gcp-permission:${p}`, grants: [{ cloud: "gcp", permission: p }] }));
    }
    if (t === "gcp:projects/service:Service") return [{ kind: "api", where: `project ${String(r.inputs.project)}`, item: String(r.inputs.service), explain: `gcp-api:${r.inputs.service}`, grants: [] }];
    if (t === "azure-native:authorization:RoleDefinition") return azureRoleFacts(r);
    if (t === "azure-native:authorization:RoleAssignment") {
        return [{ kind: "assignment", where: `scope ${String(r.inputs.scope)}`, item: `${String(r.inputs.roleDefinitionId)} to ${String(r.inputs.principalType ?? "")} ${String(r.inputs.principalId)}`, grants: [] }];
    }
    if (/^(aws|alicloud):.*(olicyAttachment)$/.test(t) && r.inputs.policyArn !== undefined) {
        const arn = String(r.inputs.policyArn);
        const managed = /^arn:[\w-]+:iam::aws:policy\/(.+)$/.exec(arn);
        const to = r.inputs.role ?? r.inputs.user ?? r.inputs.group;
        return [{ kind: managed ? "AWS-managed policy" : "policy", where: `attached to ${String(to)}`, item: arn, explain: managed ? `aws-managed:${managed[1]}` : undefined, grants: [] }];
    }
    const documents = policyDocuments(r);
    if (documents.length > 0) {
        return [
            ...documents.flatMap(([k, v]) => documentFacts(r, k, v, ctx)),
            ...Object.entries(r.inputs).filter(([, v]) => !(isObject(v) && "Statement" in v)).flatMap(([k, v]) => inputFacts(v, k)),
        ].filter((f) => f.kind !== "input" || !/^(description|name|policyName|roleName) = /.test(f.item));
    }
    return inputFacts(r.inputs);
}

/** The catalog entry behind a fact: the first of its `|`-separated keys that has one. */
function explanation(f: Fact, explanations: ReadonlyMap<string, Sourced>): Sourced | undefined {
    for (const key of (f.explain ?? "").split("|")) {
        const e = key ? explanations.get(key) : undefined;
        if (e) return e;
    }
    return undefined;
}

const identity = (f: Fact) => JSON.stringify([f.kind, f.where, f.item]);

function change(f: Fact, explanations?: ReadonlyMap<string, Sourced>): Change {
    const base = { kind: f.kind, where: f.where, item: f.item };
    if (!explanations) return base;
    const e = explanation(f, explanations);
    const patterns = new Map<string, EscalationPattern>();
    for (const g of f.grants) for (const p of escalationsOf(g)) patterns.set(p.id, p);
    const risks: Risk[] = [...patterns.values()].map((p) => ({ id: p.id, what: p.what }));
    if (e?.risk) risks.push({ id: "catalog", what: e.risk });
    return { ...base, ...(e ? { feature: e.feature, why: e.why, source: e.source } : {}), risks };
}

/** Compares two renders of one preset; `explanations` are the preset's catalog entries (this kubegrant's). */
export function diffRenderings(before: Rendering, after: Rendering, explanations: ReadonlyMap<string, Sourced>): DiffResult {
    if (before.preset !== after.preset) {
        throw new InputError("diff", `compares two renders of one preset, got ${show(before.preset)} and ${show(after.preset)}`);
    }
    const key = (r: RenderedResource) => `${r.type}\u0000${r.name}`;
    const a = new Map(before.resources.map((r) => [key(r), r]));
    const b = new Map(after.resources.map((r) => [key(r), r]));
    const resources: ResourceDiff[] = [];
    const ctxA = factContext(before);
    const ctxB = factContext(after);
    for (const k of [...new Set([...b.keys(), ...a.keys()])]) {
        const ra = a.get(k);
        const rb = b.get(k);
        const fa = ra ? factsOf(ra, ctxA) : [];
        const fb = rb ? factsOf(rb, ctxB) : [];
        const ia = new Set(fa.map(identity));
        const ib = new Set(fb.map(identity));
        const added = fb.filter((f) => !ia.has(identity(f))).map((f) => change(f, explanations));
        const removed = fa.filter((f) => !ib.has(identity(f))).map((f) => change(f));
        // A removal can widen what stays (a condition dropped from CreateTags): a pattern the
        // place holds now and did not before, and no addition there carries, marks its removals.
        for (const place of new Set(removed.map((c) => c.where))) {
            const held = (facts: readonly Fact[]) => new Map(facts.filter((f) => f.where === place).flatMap((f) => f.grants.flatMap(escalationsOf)).map((p) => [p.id, p] as const));
            const before = held(fa);
            const carried = new Set(added.filter((c) => c.where === place).flatMap((c) => (c.risks ?? []).map((x) => x.id)));
            const widened = [...held(fb).values()].filter((p) => !before.has(p.id) && !carried.has(p.id)).map((p) => ({ id: p.id, what: `${p.what} (what remains holds it once this is removed)` }));
            if (widened.length === 0) continue;
            removed.forEach((c, i) => { if (c.where === place) removed[i] = { ...c, risks: widened }; });
        }
        const r = (rb ?? ra)!;
        const status = !ra ? "added" : !rb ? "removed" : "changed";
        if (status !== "changed" || added.length > 0 || removed.length > 0) resources.push({ type: r.type, name: r.name, status, added, removed });
    }
    const all = resources.flatMap((r) => r.added);
    return {
        preset: after.preset,
        added: all.length,
        removed: resources.reduce((n, r) => n + r.removed.length, 0),
        risky: [...all, ...resources.flatMap((r) => r.removed)].filter((c) => (c.risks ?? []).length > 0).length,
        resources,
    };
}

/** Checks that `value` (read from `file`) is a render's JSON output, and returns it. */
export function asRendering(value: unknown, file: string): Rendering {
    const not = (why: string) => new InputError(file, `is not the output of kubegrant render --format json: ${why}`);
    if (!isObject(value)) throw not("not a JSON object");
    if ("formatVersion" in value && value.formatVersion !== RENDER_FORMAT_VERSION) {
        throw new InputError(file, `is render JSON format version ${show(value.formatVersion)}; this kubegrant reads version ${RENDER_FORMAT_VERSION} (render both files with one kubegrant version)`);
    }
    const unknown = Object.keys(value).filter((k) => !["preset", "resources", "outputs", "formatVersion"].includes(k));
    if (unknown.length > 0) throw not(`unknown field ${show(unknown[0])} (another version of the format?)`);
    if (typeof value.preset !== "string") throw not("no \"preset\" string");
    if (!Array.isArray(value.resources)) throw not("no \"resources\" list");
    if (!isObject(value.outputs)) throw not("no \"outputs\" object");
    value.resources.forEach((r, i) => {
        if (!isObject(r) || typeof r.type !== "string" || typeof r.name !== "string" || !isObject(r.inputs) || !(r.parent === null || typeof r.parent === "string")) {
            throw not(`resources[${i}] is not {"type", "name", "parent", "inputs"}`);
        }
    });
    return value as unknown as Rendering;
}

export const DIFF_FORMATS = ["text", "markdown", "json"] as const;
export type DiffFormat = typeof DIFF_FORMATS[number];

const summary = (d: DiffResult) =>
    `${d.added} added (${d.risky} risky), ${d.removed} removed, in ${d.resources.length} resource${d.resources.length === 1 ? "" : "s"}`;
const sign = { added: "+", removed: "-", changed: "~" } as const;
const whyOf = (c: Change) => (c.why ? `${c.feature}: ${c.why} (source: ${c.source})` : "no catalog entry");
const risky = (c: Change) => (c.risks ?? []).length > 0;

/** Consecutive changes of one place with one explanation and one risk, shown together. */
function runs(changes: readonly Change[]): Change[][] {
    const out: Change[][] = [];
    for (const c of changes) {
        const last = out[out.length - 1]?.[0];
        if (last && last.where === c.where && last.why === c.why && JSON.stringify(last.risks) === JSON.stringify(c.risks)) out[out.length - 1].push(c);
        else out.push([c]);
    }
    return out;
}

/** The diff as text, for a terminal or a CI log: per resource, per place, what was added (with why and risk) and removed. */
export function diffText(d: DiffResult, title: string): string {
    const lines = [`kubegrant diff ${d.preset} (${title}): ${d.resources.length === 0 ? "no change" : summary(d)}`];
    for (const r of d.resources) {
        lines.push("", `${sign[r.status]} ${r.type} ${r.name}${r.status === "changed" ? "" : ` (resource ${r.status})`}`);
        let place: string | undefined;
        const at = (c: Change) => {
            if (c.where !== place) lines.push(`    ${c.where || "inputs"}:`);
            place = c.where;
        };
        for (const run of runs(r.added)) {
            for (const c of run) {
                at(c);
                lines.push(`      + ${c.kind} ${c.item}`);
            }
            for (const risk of run[0].risks ?? []) lines.push(`        RISK ${risk.id}: ${risk.what}`);
            lines.push(`        why: ${whyOf(run[0])}`);
        }
        place = undefined;
        for (const run of runs(r.removed)) {
            for (const c of run) {
                at(c);
                lines.push(`      - ${c.kind} ${c.item}`);
            }
            for (const risk of run[0].risks ?? []) lines.push(`        RISK ${risk.id}: ${risk.what}`);
        }
    }
    return `${lines.join("\n")}\n`;
}

/** The diff as markdown, for a pull request comment: risky changes first, then a table per resource. */
export function diffMarkdown(d: DiffResult, title: string): string {
    const lines = [`## kubegrant diff: ${inert(title)} (\`${inert(d.preset)}\`)`, ""];
    if (d.resources.length === 0) return `${[...lines, "No change: both renders grant the same."].join("\n")}\n`;
    lines.push(`${summary(d)}.`, "");
    const items = (run: readonly Change[]) => run.map((c) => `${c.kind} ${code(inert(c.item))}`).join(", ");
    const riskyRuns = d.resources.flatMap((r) => [...runs(r.added.filter(risky)).map((run) => [r, "added", run] as const),
        ...runs(r.removed.filter(risky)).map((run) => [r, "removed", run] as const)]);
    if (riskyRuns.length > 0) {
        lines.push("### Risky changes", "");
        for (const [r, what, run] of riskyRuns) {
            lines.push(`- \`${inert(r.name)}\` ${inert(run[0].where)}, ${what}: ${items(run)}. ${(run[0].risks ?? []).map((x) => `**${x.id}**: ${inert(x.what)}`).join("; ")}`);
        }
        lines.push("");
    }
    for (const r of d.resources) {
        lines.push(`### ${sign[r.status]} \`${inert(r.name)}\` (${inert(r.type)})${r.status === "changed" ? "" : `: resource ${r.status}`}`, "");
        if (r.added.length + r.removed.length === 0) {
            lines.push("No grants (the resource itself only).", "");
            continue;
        }
        lines.push("| | Where | Grants | Why (source) |", "| --- | --- | --- | --- |");
        for (const run of runs(r.added)) lines.push(`| ${run.some(risky) ? "+ **RISK**" : "+"} | ${cell(inert(run[0].where))} | ${cell(items(run))} | ${cell(inert(whyOf(run[0])))} |`);
        for (const run of runs(r.removed)) lines.push(`| ${run.some(risky) ? "- **RISK**" : "-"} | ${cell(inert(run[0].where))} | ${cell(items(run))} | |`);
        lines.push("");
    }
    return `${lines.join("\n").trimEnd()}\n`;
}

export function formatDiff(d: DiffResult, format: DiffFormat, title: string): string {
    if (format === "json") return `${JSON.stringify(d, null, 2)}\n`;
    return format === "markdown" ? diffMarkdown(d, title) : diffText(d, title);
}
