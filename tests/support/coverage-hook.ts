/**
 * Mocha root hook (loaded by .mocharc.json): prints the permission-coverage table after the run,
 * and, when the whole suite ran, fails it if a scoped grant is unproven (below 100%), if an Azure
 * grant is not traced, or if
 * docs/permission-coverage.md differs from what the run measured (compared when every judge ran,
 * the kube-apiserver's SubjectAccessReview included).
 *
 * Design: the run measures, the file is its committed record. scripts/permission-coverage.sh
 * writes it; a full run compares, so the file can never claim more than the suite proves.
 *
 * "The whole suite ran" means every spec file the .mocharc.json patterns name was loaded and no
 * --grep/--fgrep/--invert narrowed it: a run of some files only prints the table (enforcing would
 * fail every partial run). KUBEGRANT_PERMISSION_COVERAGE=off records nothing and prints nothing
 * (to time what the reporter adds); =write writes docs/permission-coverage.md from the run.
 */
import * as fs from "fs";
import * as path from "path";
import * as authorizeModule from "../../components/kubernetes/authorize";
import { COVERAGE_ENV, coverageOn, recordRbacEvaluation } from "./coverage";

const ROOT = path.resolve(__dirname, "../..");
export const COVERAGE_DOC = path.join(ROOT, "docs/permission-coverage.md");

// Our RBAC evaluator reports each decision with the rules that applied to the subject. Test files
// call it through the module's exports, so wrapping the export records every call.
if (coverageOn()) {
    const m = authorizeModule as { authorize: typeof authorizeModule.authorize };
    const original = m.authorize;
    m.authorize = (objects, who, req) => {
        const allowed = original(objects, who, req);
        const ns = "nonResourceURL" in req ? undefined : req.namespace;
        recordRbacEvaluation(authorizeModule.rulesFor(objects, who, ns === "" ? undefined : ns), req, allowed);
        return allowed;
    };
}

/** Spec files the .mocharc.json patterns match (tests/**\/*.test.ts, examples/**\/*.test.ts). */
export function specFiles(): string[] {
    const out: string[] = [];
    const walk = (dir: string) => {
        if (!fs.existsSync(dir)) return;
        for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
            if (e.name === "node_modules") continue;
            const p = path.join(dir, e.name);
            if (e.isDirectory()) walk(p);
            else if (e.name.endsWith(".test.ts")) out.push(p);
        }
    };
    walk(path.join(ROOT, "tests"));
    walk(path.join(ROOT, "examples"));
    return out.sort();
}

interface SuiteLike { file?: string; suites: SuiteLike[]; tests: { file?: string }[] }
function loadedFiles(root: SuiteLike): Set<string> {
    const out = new Set<string>();
    const walk = (s: SuiteLike) => {
        if (s.file) out.add(path.resolve(s.file));
        for (const t of s.tests) if (t.file) out.add(path.resolve(t.file)); // a file with top-level it() only
        s.suites.forEach(walk);
    };
    walk(root);
    return out;
}

/** Why the run is not the whole suite (undefined: it is). */
export function partialBecause(root: SuiteLike, argv: readonly string[] = process.argv): string | undefined {
    const narrowed = argv.find((a) => /^(-g|-f|-i|--grep|--fgrep|--invert)(=|$)/.test(a));
    if (narrowed) return `${narrowed} narrows it`;
    const loaded = loadedFiles(root);
    const missing = specFiles().filter((f) => !loaded.has(f));
    return missing.length ? `${missing.length} of ${specFiles().length} spec files not loaded (${missing.slice(0, 3).map((f) => path.relative(ROOT, f)).join(", ")}${missing.length > 3 ? ", …" : ""})` : undefined;
}

export function wholeSuite(root: SuiteLike, argv: readonly string[] = process.argv): boolean {
    return partialBecause(root, argv) === undefined;
}

export const mochaHooks = {
    async afterAll(this: Mocha.Context) {
        if (!coverageOn()) return;
        this.timeout(120_000);
        // Loaded late: the report renders every preset, which the hook needs only at the end.
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded late: the report renders every preset, needed only at the end of the run
        const { buildReport, toMarkdown, decisionLine } = require("./coverage-report") as typeof import("./coverage-report");
        const started = Date.now();
        const report = await buildReport();
        const markdown = toMarkdown(report);
        let root = this.test!.parent! as unknown as SuiteLike & { parent?: SuiteLike };
        while (root.parent) root = root.parent as SuiteLike & { parent?: SuiteLike };
        const partial = partialBecause(root);
        const whole = partial === undefined;
        console.log(`\n${markdown.split("\n## Broad grants")[0]}`);
        console.log(`${decisionLine(report)}; report built in ${Date.now() - started} ms; ${whole ? "whole suite: enforced" : `partial run, not enforced: ${partial}`}`);
        if (process.env[COVERAGE_ENV] === "write") {
            fs.writeFileSync(COVERAGE_DOC, markdown);
            console.log(`wrote ${path.relative(ROOT, COVERAGE_DOC)}`);
        }
        if (!whole) return;
        const problems: string[] = [];
        const unproven = report.rows.flatMap((r) => r.scoped.missing.map((g) => `${r.mode.preset} (${r.mode.mode}) ${g.where}`));
        if (unproven.length) problems.push(`${unproven.length} scoped grant(s) not proven both ways (need 100%):\n  ${unproven.join("\n  ")}`);
        const untraced = report.rows.flatMap((r) => r.traced.missing.map((g) => `${r.mode.preset} (${r.mode.mode}) ${g.where}`));
        if (untraced.length) problems.push(`${untraced.length} Azure grant(s) not traced:\n  ${untraced.join("\n  ")}`);
        const committed = fs.existsSync(COVERAGE_DOC) ? fs.readFileSync(COVERAGE_DOC, "utf8") : "";
        // The file is written by a run with every judge; without the API server (its tests skip) the
        // SubjectAccessReview column cannot match, so the file is compared only when that judge ran.
        const allJudges = (report.decisions.get("subject-access-review") ?? 0) > 0;
        if (!allJudges) console.log("docs/permission-coverage.md not compared: no SubjectAccessReview ran (set KUBEGRANT_KUBE_APISERVER)");
        if (allJudges && committed !== markdown) problems.push(`docs/permission-coverage.md differs from what this run measured: run bash scripts/permission-coverage.sh and commit it`);
        if (problems.length) throw new Error(`permission coverage:\n${problems.join("\n")}`);
    },
};
