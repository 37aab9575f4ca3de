/**
 * Third-party judges of escalation, run on what the render CLI prints: cloudsplaining and
 * parliament on every AWS identity policy document, checkov's Kubernetes checks on the rendered
 * YAML. The tools are pinned in scripts/scanners-requirements.txt and installed by
 * scripts/scanners.sh into a virtual environment cached outside the repository.
 *
 * - Tools: $KUBEGRANT_SCANNERS (the venv's bin directory), else the venv scripts/scanners.sh made
 *   for the current requirements file (${KUBEGRANT_CACHE:-~/.cache/kubegrant}/scanners/py*-<hash>).
 * - Each tool runs once over all the documents of all the cases: parliament --files, checkov -d,
 *   and cloudsplaining through cloudsplaining-scan.py, which calls the function behind
 *   `cloudsplaining scan-policy-file` (one file per run, text output) for every file in one
 *   process, with the same default exclusions.
 * - No network: checkov runs with --skip-download (no guidelines, no version check).
 * - A finding is one line, `judge | where | what`, stable across runs (no line numbers): the
 *   expected table (tests/scanners-expected.ts) lists them with the reason each is accepted.
 */
import { execFile } from "child_process";
import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { cacheDir, executable } from "./tools";

/** Set by .ci/run: missing scanners are a test failure, not a skip. */
export const REQUIRE_ENV = "KUBEGRANT_REQUIRE_SCANNERS";
/** Set to 1 to print the current findings in the expected table's format. */
export const RECORD_ENV = "KUBEGRANT_SCANNERS_RECORD";
export const HOW_TO_GET = "bash scripts/scanners.sh";
export const TOOLS = ["cloudsplaining", "parliament", "checkov"] as const;

const REQUIREMENTS = path.join(__dirname, "..", "..", "scripts", "scanners-requirements.txt");


/** The venv's bin directory, or why it is missing (one line, naming the way to get it). */
export function findScanners(): { bin: string } | { missing: string } {
    let bin = process.env.KUBEGRANT_SCANNERS;
    const cache = cacheDir("scanners");
    if (!bin) {
        // scripts/scanners.sh keys the venv by Python version and the requirements file's hash.
        const hash = createHash("sha256").update(fs.readFileSync(REQUIREMENTS)).digest("hex").slice(0, 16);
        const dir = (fs.existsSync(cache) ? fs.readdirSync(cache) : [])
            .filter((d) => d.endsWith(`-${hash}`) && fs.existsSync(path.join(cache, d, ".complete")))
            .sort().pop();
        bin = dir ? path.join(cache, dir, "bin") : undefined;
    }
    const where = process.env.KUBEGRANT_SCANNERS ? `$KUBEGRANT_SCANNERS=${bin}` : `no venv for the pinned versions in ${cache}`;
    const missing = bin ? TOOLS.filter((t) => !executable(path.join(bin!, t))) : [...TOOLS];
    if (missing.length > 0) return { missing: `${missing.join(", ")} missing (${where}): run \`${HOW_TO_GET}\` to install them once (or set KUBEGRANT_SCANNERS)` };
    return { bin: bin! };
}

/** Runs a tool; resolves with its output whatever the exit code (the tools exit 1 on findings). */
function exec(file: string, args: readonly string[], cwd?: string): Promise<{ code: number; out: string; err: string }> {
    return new Promise((resolve, reject) => {
        execFile(file, args, { cwd, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: "1", PYTHONWARNINGS: "ignore" } },
            (e, out, err) => {
                const code = e ? (typeof (e as { code?: unknown }).code === "number" ? (e as { code: number }).code : -1) : 0;
                if (code === -1) reject(new Error(`${path.basename(file)} ${args.join(" ")}: ${e!.message}\n${err}`));
                else resolve({ code, out, err });
            });
    });
}

export type Judge = "cloudsplaining" | "parliament" | "checkov";

export interface Finding {
    readonly judge: Judge;
    /** The rendered document (AWS: `<Type> <resource name> <Sid>`) or object (Kubernetes: checkov's resource id). */
    readonly where: string;
    readonly what: string;
}

export const findingKey = (f: Finding): string => `${f.judge} | ${f.where} | ${f.what}`;

// ---------------------------------------------------------------------------------------------
// AWS: the policy documents of a render

interface Statement {
    readonly Sid?: string;
    readonly Action?: string | string[];
    readonly NotAction?: string | string[];
    readonly Resource?: string | string[];
    readonly Condition?: unknown;
}

export interface PolicyDocument {
    readonly Version?: string;
    readonly Statement: Statement[] | Statement;
}

/** One policy document of a render: `<Type> <resource name>` and the parsed document. */
export interface RenderedPolicy {
    readonly name: string;
    readonly field: string;
    readonly document: PolicyDocument;
}

interface Rendered {
    readonly resources: readonly { type: string; name: string; inputs: Record<string, unknown> }[];
}

const isPolicy = (v: unknown): v is PolicyDocument => typeof v === "object" && v !== null && "Statement" in v;

/** Every input of every resource that holds a policy document (render emits them parsed). */
export function policyDocuments(r: Rendered): RenderedPolicy[] {
    return r.resources.flatMap((res) => Object.entries(res.inputs).filter(([, v]) => isPolicy(v))
        .map(([field, v]) => ({ name: `${res.type.split(":").pop()} ${res.name}`, field, document: v as PolicyDocument })));
}

/** The documents the AWS judges take: identity policies (the `policy` input of Policy, RolePolicy, UserPolicy). */
export const IDENTITY_FIELD = "policy";
/**
 * Trust policies (Role `assumeRolePolicy`) are not given to the judges: cloudsplaining's
 * scan-policy-file reads only Action and Resource (a trust policy has neither a Resource nor the
 * actions it judges), and parliament reads every document as an identity policy and reports a
 * trust policy MALFORMED ("neither Resource nor NotResource"). The tests check that no other
 * field holds a document.
 */
export const TRUST_FIELD = "assumeRolePolicy";

const statements = (d: PolicyDocument): Statement[] => (Array.isArray(d.Statement) ? d.Statement : [d.Statement]);
const list = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const sidOf = (d: PolicyDocument, i: number): string => statements(d)[i].Sid ?? `#${i}`;

/** IAM's action match: case-insensitive, `*` and `?` wildcards. */
function actionMatches(pattern: string, action: string): boolean {
    const re = new RegExp(`^${pattern.split("").map((c) => (c === "*" ? ".*" : c === "?" ? "." : c.replace(/[.+^${}()|[\]\\]/g, "\\$&"))).join("")}$`, "i");
    return re.test(action);
}

/**
 * The statements an action cloudsplaining reports comes from: by default it flags only actions
 * allowed on Resource "*" without a condition, so those statements (a label for the table; the
 * finding itself is the tool's).
 */
function sidsFor(d: PolicyDocument, action: string): string[] {
    const sids = statements(d).map((s, i) => ({ s, i })).filter(({ s }) => list(s.Resource).includes("*") && s.Condition === undefined
        && (list(s.Action).some((a) => actionMatches(a, action)) || (s.NotAction !== undefined && !list(s.NotAction).some((a) => actionMatches(a, action)))))
        .map(({ i }) => sidOf(d, i));
    return sids.length > 0 ? sids : ["?"];
}

// ---------------------------------------------------------------------------------------------
// cloudsplaining (scan-policy-file's function, all files in one process: cloudsplaining-scan.py)

const CLOUDSPLAINING_SCAN = path.join(__dirname, "cloudsplaining-scan.py");

type SplainFindings = Record<string, (string | { type: string; actions: string[] })[]>;

/** Category (PrivilegeEscalation/<method> for each escalation method) -> actions. */
function splained(found: SplainFindings): { category: string; actions: string[] }[] {
    return Object.entries(found).flatMap(([category, items]) => {
        const methods = items.filter((i): i is { type: string; actions: string[] } => typeof i === "object");
        const actions = items.filter((i): i is string => typeof i === "string");
        return [
            ...methods.map((m) => ({ category: `${category}/${m.type}`, actions: m.actions })),
            ...(actions.length > 0 ? [{ category, actions }] : []),
        ];
    });
}

export interface AwsCase {
    readonly name: string;
    readonly policies: readonly RenderedPolicy[];
}

/**
 * Judges the identity policies of every case: cloudsplaining and parliament, each once over all
 * of them (in parallel). Returns the findings per case name.
 */
export async function judgeAws(bin: string, cases: readonly AwsCase[]): Promise<Map<string, Finding[]>> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kubegrant-scanners-aws-"));
    try {
        const byCase = new Map<string, Finding[]>(cases.map((c) => [c.name, []]));
        // One file per document and case: both tools report findings by file.
        const files: { file: string; case: string; policy: RenderedPolicy; text: string }[] = [];
        cases.forEach((c, ci) => c.policies.filter((p) => p.field === IDENTITY_FIELD).forEach((p, pi) => {
            const text = `${JSON.stringify(p.document, null, 2)}\n`;
            const file = path.join(dir, `${ci}-${pi}.json`);
            fs.writeFileSync(file, text);
            files.push({ file, case: c.name, policy: p, text });
        }));
        const [cs, pa] = await Promise.all([
            exec(path.join(bin, "python"), [CLOUDSPLAINING_SCAN, ...files.map((f) => f.file)]),
            exec(path.join(bin, "parliament"), ["--files", files.map((f) => f.file).join(","), "--json"]),
        ]);
        if (cs.code !== 0) throw new Error(`cloudsplaining exited ${cs.code}: ${cs.err}`);
        const splainedByFile = JSON.parse(cs.out) as Record<string, SplainFindings>;
        for (const f of files) {
            if (!splainedByFile[f.file]) throw new Error(`cloudsplaining: no result for ${f.file}`);
            for (const { category, actions } of splained(splainedByFile[f.file])) {
                // One finding per statement the actions come from, listing the actions (sorted).
                const bySid = new Map<string, string[]>();
                for (const a of actions) for (const sid of sidsFor(f.policy.document, a)) bySid.set(sid, [...bySid.get(sid) ?? [], a]);
                for (const [sid, acts] of bySid) {
                    byCase.get(f.case)!.push({ judge: "cloudsplaining", where: `${f.policy.name} ${sid}`, what: `${category}: ${[...new Set(acts)].sort().join(" ")}` });
                }
            }
        }

        {
            if (pa.code !== 0 && pa.code !== 1) throw new Error(`parliament exited ${pa.code}: ${pa.err}`);
            const byFile = new Map(files.map((f) => [f.file, f]));
            for (const line of pa.out.split("\n").filter((l) => l.trim() !== "")) {
                const p = JSON.parse(line) as { issue: string; detail: unknown; location: { line?: number; filepath?: string } };
                const f = byFile.get(p.location.filepath ?? "");
                if (!f) throw new Error(`parliament: finding for an unknown file: ${line}`);
                byCase.get(f.case)!.push({ judge: "parliament", where: `${f.policy.name} ${statementAt(f.text, f.policy.document, p.location.line)}`, what: `${p.issue}: ${detail(p.detail)}` });
            }
        }
        for (const [k, v] of byCase) byCase.set(k, sortFindings(v));
        return byCase;
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

/** The Sid of the statement at a line of the file written with JSON.stringify(doc, null, 2). */
function statementAt(text: string, d: PolicyDocument, line: number | undefined): string {
    if (line === undefined) return "(document)";
    const lines = text.split("\n");
    // A statement opens with `    {` (array of statements) or is the object after `"Statement": {`.
    const starts = lines.map((l, i) => ({ l, i: i + 1 })).filter(({ l }) => l === "    {" || l === "  \"Statement\": {").map(({ i }) => i);
    const idx = starts.filter((s) => s <= line).length - 1;
    return idx < 0 ? "(document)" : sidOf(d, idx);
}

function detail(d: unknown): string {
    if (Array.isArray(d)) {
        const items = d.map((x) => (typeof x === "object" && x !== null && "action" in x ? String((x as { action: unknown }).action) : typeof x === "string" ? x : JSON.stringify(x)));
        return [...new Set(items)].sort().join(" ");
    }
    return typeof d === "string" ? d : JSON.stringify(d);
}

// ---------------------------------------------------------------------------------------------
// checkov on the rendered Kubernetes YAML

export interface KubeCase {
    readonly name: string;
    readonly yaml: string;
}

interface CheckovReport {
    readonly check_type: string;
    readonly summary: { parsing_errors: number; resource_count: number };
    readonly results: { failed_checks: { check_id: string; check_name: string; file_path: string; resource: string }[] };
}

/** One checkov run over a directory holding every case's YAML; findings per case name. */
export async function judgeKubernetes(bin: string, cases: readonly KubeCase[]): Promise<{ findings: Map<string, Finding[]>; resources: number }> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kubegrant-scanners-k8s-"));
    try {
        const byFile = new Map<string, string>();
        cases.forEach((c, i) => {
            fs.writeFileSync(path.join(dir, `${i}.yaml`), c.yaml);
            byFile.set(`/${i}.yaml`, c.name);
        });
        const r = await exec(path.join(bin, "checkov"), ["-d", dir, "--framework", "kubernetes", "-o", "json", "--quiet", "--skip-download"]);
        if (r.code !== 0 && r.code !== 1) throw new Error(`checkov exited ${r.code}: ${r.err}`);
        const parsed = JSON.parse(r.out) as CheckovReport | CheckovReport[];
        const reports = Array.isArray(parsed) ? parsed : [parsed];
        const findings = new Map<string, Finding[]>(cases.map((c) => [c.name, []]));
        let resources = 0;
        for (const rep of reports) {
            if (rep.summary.parsing_errors !== 0) throw new Error(`checkov: ${rep.summary.parsing_errors} parsing errors`);
            resources += rep.summary.resource_count;
            for (const f of rep.results.failed_checks) {
                const name = byFile.get(f.file_path);
                if (!name) throw new Error(`checkov: finding for an unknown file ${f.file_path}`);
                findings.get(name)!.push({ judge: "checkov", where: f.resource, what: `${f.check_id}: ${f.check_name}` });
            }
        }
        for (const [k, v] of findings) findings.set(k, sortFindings(v));
        return { findings, resources };
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

function sortFindings(fs_: Finding[]): Finding[] {
    return [...new Map(fs_.map((f) => [findingKey(f), f])).values()].sort((a, b) => findingKey(a).localeCompare(findingKey(b)));
}

// ---------------------------------------------------------------------------------------------
// The expected table

/** Expected findings of one case: finding key -> why it is accepted. */
export type Expected = Readonly<Record<string, string>>;

/** Unexpected and disappeared findings, as one message per line (empty when the table is true). */
export function compare(caseName: string, found: readonly Finding[], expected: Expected): string[] {
    const keys = new Set(found.map(findingKey));
    return [
        ...found.filter((f) => !(findingKey(f) in expected)).map((f) => `${caseName}: unexpected finding ${findingKey(f)}`),
        ...Object.keys(expected).filter((k) => !keys.has(k)).map((k) => `${caseName}: expected finding no longer reported (update the table): ${k}`),
    ];
}

/** The current findings in the table's format, for KUBEGRANT_SCANNERS_RECORD=1. */
export function record(caseName: string, found: readonly Finding[], expected: Expected | undefined): string {
    const lines = found.map((f) => {
        const k = findingKey(f);
        const why = expected?.[k];
        return `        ${JSON.stringify(k)}: ${why === undefined ? "TODO" : JSON.stringify(why)},`;
    });
    return `    ${JSON.stringify(caseName)}: {\n${lines.join("\n")}\n    },`;
}

/** Findings per judge, e.g. `cloudsplaining 3, parliament 5`. */
export function countByJudge(found: readonly Finding[]): Record<Judge, number> {
    const out: Record<Judge, number> = { cloudsplaining: 0, parliament: 0, checkov: 0 };
    for (const f of found) out[f.judge]++;
    return out;
}
