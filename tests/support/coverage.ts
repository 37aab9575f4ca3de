/**
 * Permission coverage: which grants the test suite proves, measured like code coverage.
 *
 * The judges (iam-simulate for AWS identity and trust policies, @bufbuild/cel for GCP binding
 * conditions, the kube-apiserver's SubjectAccessReview and our RBAC evaluator for Kubernetes
 * rules) report every decision here, and each decision is mapped to the grant that decided it:
 *
 * - iam-simulate: its own request analysis names the statements. An Allowed request proves the
 *   statements it lists as allowing. A denied request is a near miss of a statement when the
 *   statement's action matched and exactly one of its resource, condition and principal did not
 *   (one thing changed); the analysis says which.
 * - CEL: the grant is the condition expression; true proves it allowed, false is its near miss.
 * - Kubernetes: the grant is one rule. An allowed request proves the rules that match it
 *   (Kubernetes' RuleAllows, components/kubernetes/authorize.ts); a denied request is a near miss
 *   of each rule with resourceNames whose verb, group and resource match but not its names. The
 *   evaluator knows the objects it judged; a SubjectAccessReview does not name them, so its
 *   decision is attributed to the rendered rules it matches.
 *
 * Recording is off when KUBEGRANT_PERMISSION_COVERAGE=off (to time what the reporter adds).
 */
import { PolicyRuleObject } from "../../components/kubernetes/rbac";
import { Request as KubeRequest, ruleAllows } from "../../components/kubernetes/authorize";

export const COVERAGE_ENV = "KUBEGRANT_PERMISSION_COVERAGE";
export const coverageOn = (): boolean => process.env[COVERAGE_ENV] !== "off";

export type Judge = "iam-simulate" | "cel" | "subject-access-review" | "rbac-evaluator";
export const JUDGES: readonly Judge[] = ["iam-simulate", "cel", "subject-access-review", "rbac-evaluator"];

/** What one judge showed of one grant. */
export interface Evidence {
    allowed: number;
    /** Denied near misses, by what did not match (resource, condition, principal, name). */
    nearMiss: Map<string, number>;
}

/** Grant key → judge → evidence. */
const ledger = new Map<string, Map<Judge, Evidence>>();
/** Every decision a judge took, counted whether or not it maps to a rendered grant. */
export const decisions = new Map<Judge, number>(JUDGES.map((j) => [j, 0]));

function evidence(key: string, judge: Judge): Evidence {
    let byJudge = ledger.get(key);
    if (!byJudge) ledger.set(key, byJudge = new Map());
    let e = byJudge.get(judge);
    if (!e) byJudge.set(judge, e = { allowed: 0, nearMiss: new Map() });
    return e;
}

export function evidenceFor(key: string): ReadonlyMap<Judge, Evidence> {
    return ledger.get(key) ?? new Map();
}

/** Clears what was recorded (the reporter's own tests use it on a copy). */
export function resetCoverage(): void {
    ledger.clear();
    reviews.length = 0;
    for (const j of JUDGES) decisions.set(j, 0);
}

// ---------- grant keys ----------

const list = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const sortedList = (v: unknown): unknown[] => list(v).map((x) => (typeof x === "object" ? canonical(x) : x)).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

/** Objects with sorted keys, recursively (arrays keep their order unless the caller sorts them). */
function canonical(v: unknown): unknown {
    if (Array.isArray(v)) return v.map(canonical);
    if (typeof v === "object" && v !== null) {
        return Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])]));
    }
    return v;
}

/**
 * The key of an IAM statement: equal for statements IAM treats alike (a one-item list and a
 * string, any order of actions, resources, principals and condition values).
 */
export function awsStatementKey(st: Readonly<Record<string, unknown>>): string {
    const out: Record<string, unknown> = { Effect: st.Effect };
    if (st.Sid !== undefined) out.Sid = st.Sid;
    for (const k of ["Action", "NotAction", "Resource", "NotResource"]) if (st[k] !== undefined) out[k] = sortedList(st[k]);
    if (st.Principal !== undefined) {
        out.Principal = typeof st.Principal === "string" ? st.Principal
            : Object.fromEntries(Object.entries(st.Principal as Record<string, unknown>).sort().map(([k, v]) => [k, sortedList(v)]));
    }
    if (st.Condition !== undefined) {
        out.Condition = Object.fromEntries(Object.entries(st.Condition as Record<string, Record<string, unknown>>).sort()
            .map(([op, kv]) => [op, Object.fromEntries(Object.entries(kv).sort().map(([k, v]) => [k, sortedList(v)]))]));
    }
    return `aws ${JSON.stringify(canonical(out))}`;
}

export const celKey = (expression: string): string => `cel ${expression}`;

export function kubeRuleKey(rule: PolicyRuleObject): string {
    const r = rule as unknown as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const k of ["apiGroups", "resources", "verbs", "resourceNames", "nonResourceURLs"]) {
        if (r[k] !== undefined && list(r[k]).length > 0) out[k] = sortedList(r[k]);
    }
    return `k8s ${JSON.stringify(out)}`;
}

// ---------- iam-simulate ----------

interface StatementAnalysis {
    policyId: string;
    statement: { index(): number; toJSON(): unknown };
    actionMatch: boolean;
    resourceMatch: boolean;
    principalMatch: string;
    conditionMatch: string;
}
interface PolicyAnalysis {
    allowStatements?: StatementAnalysis[];
    denyStatements?: StatementAnalysis[];
    unmatchedStatements?: StatementAnalysis[];
}
interface RequestAnalysis {
    identityAnalysis?: PolicyAnalysis;
    resourceAnalysis?: PolicyAnalysis;
}

/** The analyses a runSimulation result holds (one, or one per pattern of a wildcard resource). */
function analyses(result: unknown): RequestAnalysis[] {
    const r = result as { resultType: string; result?: { analysis: RequestAnalysis }; results?: { analysis: RequestAnalysis }[] };
    if (r.resultType === "single") return [r.result!.analysis];
    if (r.resultType === "wildcard") return (r.results ?? []).map((x) => x.analysis);
    return [];
}

/**
 * Records one iam-simulate decision. `identity` maps each identity policy's name to the document
 * the test passed (undefined: not a grant under test, e.g. the caller's own Allow in a trust
 * check); `resource` is the trust policy, if the request was judged against one. Statements are
 * taken from the documents passed, by index, so a judge that rewrote a document (decideWebIdentity
 * renames the issuer) still credits the statement as rendered.
 */
export function recordIamSimulation(result: unknown, overall: string,
    identity: Readonly<Record<string, unknown>>, resource?: unknown): void {
    if (!coverageOn()) return;
    decisions.set("iam-simulate", decisions.get("iam-simulate")! + 1);
    const original = (doc: unknown, i: number) => list((doc as { Statement?: unknown }).Statement)[i] as Record<string, unknown> | undefined;
    const credit = (a: PolicyAnalysis | undefined, docOf: (s: StatementAnalysis) => unknown) => {
        if (!a) return;
        const seen = new Set<string>();
        const key = (s: StatementAnalysis) => {
            const doc = docOf(s);
            if (doc === undefined) return undefined;
            const st = original(doc, s.statement.index() - 1) ?? (s.statement.toJSON() as Record<string, unknown>);
            return awsStatementKey(st);
        };
        if (overall === "Allowed") {
            for (const s of a.allowStatements ?? []) {
                const k = key(s);
                if (k && !seen.has(k)) { seen.add(k); evidence(k, "iam-simulate").allowed++; }
            }
            return;
        }
        for (const s of a.unmatchedStatements ?? []) {
            if (!s.actionMatch) continue;
            const failed = [
                ...(s.resourceMatch ? [] : ["resource"]),
                ...(s.conditionMatch === "Match" ? [] : ["condition"]),
                ...(s.principalMatch === "NoMatch" ? ["principal"] : []),
            ];
            if (failed.length !== 1) continue; // not a near miss: more than one thing differs
            const k = key(s);
            if (k && !seen.has(k)) {
                seen.add(k);
                const e = evidence(k, "iam-simulate");
                e.nearMiss.set(failed[0], (e.nearMiss.get(failed[0]) ?? 0) + 1);
            }
        }
        // A Deny statement that denied is proven by that denial.
        if (overall === "ExplicitlyDenied") {
            for (const s of a.denyStatements ?? []) {
                const k = key(s);
                if (k) evidence(k, "iam-simulate").allowed++;
            }
        }
    };
    for (const a of analyses(result)) {
        credit(a.identityAnalysis, (s) => identity[s.policyId]);
        if (resource !== undefined) credit(a.resourceAnalysis, () => resource);
    }
}

// ---------- CEL ----------

export function recordCel(expression: string, result: boolean): void {
    if (!coverageOn()) return;
    decisions.set("cel", decisions.get("cel")! + 1);
    const e = evidence(celKey(expression), "cel");
    if (result) e.allowed++;
    else e.nearMiss.set("request", (e.nearMiss.get("request") ?? 0) + 1);
}

// ---------- Kubernetes ----------

function isResourceRequest(r: KubeRequest): r is Extract<KubeRequest, { resource: string }> {
    return (r as { resource?: string }).resource !== undefined;
}

/** The request with its name dropped: a rule with resourceNames it matches but for the name. */
function matchesButName(rule: PolicyRuleObject, req: KubeRequest): boolean {
    if (!isResourceRequest(req) || !rule.resourceNames || rule.resourceNames.length === 0) return false;
    const r = { ...rule, resourceNames: undefined } as PolicyRuleObject;
    return ruleAllows(r, req) && !ruleAllows(rule, req);
}

/** SubjectAccessReviews, attributed to the rendered rules when the report is made. */
const reviews: { req: KubeRequest; allowed: boolean }[] = [];

export function recordSubjectAccessReview(req: KubeRequest, allowed: boolean): void {
    if (!coverageOn()) return;
    decisions.set("subject-access-review", decisions.get("subject-access-review")! + 1);
    reviews.push({ req, allowed });
}

/** Credits the SubjectAccessReviews recorded so far to the rules of `rules` they match. */
export function attributeSubjectAccessReviews(rules: readonly PolicyRuleObject[]): void {
    for (const { req, allowed } of reviews) creditKube("subject-access-review", rules, req, allowed);
    reviews.length = 0;
}

/** Records one decision of our RBAC evaluator, judged against the rules that apply to the subject. */
export function recordRbacEvaluation(rules: readonly PolicyRuleObject[], req: KubeRequest, allowed: boolean): void {
    if (!coverageOn()) return;
    decisions.set("rbac-evaluator", decisions.get("rbac-evaluator")! + 1);
    creditKube("rbac-evaluator", rules, req, allowed);
}

function creditKube(judge: "subject-access-review" | "rbac-evaluator", rules: readonly PolicyRuleObject[],
    req: KubeRequest, allowed: boolean): void {
    const seen = new Set<string>();
    for (const rule of rules) {
        const k = kubeRuleKey(rule);
        if (seen.has(k)) continue;
        if (allowed && ruleAllows(rule, req)) {
            seen.add(k);
            evidence(k, judge).allowed++;
        } else if (!allowed && matchesButName(rule, req)) {
            seen.add(k);
            const e = evidence(k, judge);
            e.nearMiss.set("name", (e.nearMiss.get("name") ?? 0) + 1);
        }
    }
}

