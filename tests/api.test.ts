/**
 * The public API surface (scripts/api.ts, docs/api/): the committed API Extractor reports match the
 * code, a removed export makes the check fail naming it, and the entry points follow package.json.
 * The judge is API Extractor itself over declarations the real compiler emits.
 */
import * as assert from "assert";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { dirname, join, resolve } from "path";
import * as ts from "typescript";
import { EntryPoint, REPORT_FOLDER, emitDeclarations, entryPoints, runApi } from "../scripts/api";

const ROOT = resolve(__dirname, "..");

function scratch(): string {
    return mkdtempSync(join(tmpdir(), "kubegrant-api-test-"));
}

describe("public API surface (docs/api, npm run api:check)", function () {
    // One declaration emit of every entry point plus two API Extractor runs: about 40 s of CPU, minutes on a busy machine.
    this.timeout(20 * 60_000);
    let work: string;
    let emitted: string;
    let entries: EntryPoint[];
    let program: ts.Program | undefined;

    before(() => {
        work = scratch();
        emitted = join(work, "d");
        entries = entryPoints(ROOT);
        program = emitDeclarations(ROOT, entries, emitted);
    });
    after(() => {
        program = undefined;
        rmSync(work, { recursive: true, force: true });
    });

    it("has one report per JavaScript entry point of package.json exports", () => {
        const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { exports: Record<string, string> };
        const code = Object.keys(pkg.exports).filter((k) => pkg.exports[k].endsWith(".js"));
        assert.deepStrictEqual(entries.map((e) => e.name), code.map((k) => (k === "." ? "kubegrant" : `kubegrant/${k.slice(2)}`)));
        assert.deepStrictEqual(entries.map((e) => e.report), code.map((k) => (k === "." ? "kubegrant" : `kubegrant-${k.slice(2)}`)));
    });

    it("removing one export from an entry point fails the check, and the diff names it", () => {
        const aws = entries.find((e) => e.name === "kubegrant/aws");
        assert.ok(aws, "kubegrant/aws is an entry point");
        const report = readFileSync(join(ROOT, REPORT_FOLDER, `${aws.report}.api.md`), "utf8");
        const text = readFileSync(join(ROOT, aws.source), "utf8");
        // The first re-exported name that the report declares at top level and mentions nowhere else.
        const source = ts.createSourceFile(aws.source, text, ts.ScriptTarget.ES2022, true);
        const specifiers = source.statements.filter(ts.isExportDeclaration)
            .flatMap((d) => (d.exportClause && ts.isNamedExports(d.exportClause) ? [...d.exportClause.elements] : []));
        const declared = (name: string) => new RegExp(`^export (declare )?(const|function|class|interface|type|enum) ${name}\\b`, "m");
        const victim = specifiers.find((s) => declared(s.name.text).test(report) && !new RegExp(`\\b${s.name.text}\\b`).test(report.replace(declared(s.name.text), "")));
        assert.ok(victim, "an export the report declares once and uses nowhere else");
        const name = victim.name.text;
        const comma = text.slice(victim.getEnd()).match(/^\s*,/)?.[0] ?? "";
        const without = text.slice(0, victim.getStart()) + text.slice(victim.getEnd() + comma.length);

        // A copy of the declarations with only the changed barrel emitted again (the rest parsed once, in before()).
        const copy = join(work, "without");
        cpSync(emitted, copy, { recursive: true });
        emitDeclarations(ROOT, entries, copy, { replace: { [aws.source]: without }, only: [aws.source], reuse: program });
        program = undefined; // about a gigabyte: not kept while API Extractor builds its own
        assert.doesNotMatch(readFileSync(join(copy, aws.dts), "utf8"), new RegExp(`\\b${name}\\b`));

        const run = runApi(ROOT, { write: false, entries: [aws], emitted: copy });
        assert.strictEqual(run.ok, false);
        const [result] = run.results;
        assert.strictEqual(result.changed, true);
        const removed = result.diff.split("\n").filter((l) => l.startsWith("-") && !l.startsWith("---"));
        assert.ok(removed.some((l) => declared(name).test(l.slice(1))), `the diff removes ${name}:\n${result.diff}`);
        assert.ok(!result.diff.split("\n").some((l) => l.startsWith("+") && !l.startsWith("+++")), `nothing added:\n${result.diff}`);
        // The committed report is untouched by a check.
        assert.strictEqual(readFileSync(join(ROOT, REPORT_FOLDER, `${aws.report}.api.md`), "utf8"), report);
    });
    it("the committed reports match the code, with no API Extractor warning (else: npm run api)", () => {
        const run = runApi(ROOT, { write: false, emitted });
        const problems = run.results.flatMap((r) => [
            ...r.messages.map((m) => `${r.entry.name}: ${m}`),
            ...(r.changed ? [`${r.entry.name}: docs/api/${r.entry.report}.api.md differs from the code:\n${r.diff}`] : []),
        ]);
        problems.push(...run.stale.map((f) => `${f}: no entry point`));
        assert.deepStrictEqual(problems, []);
        assert.strictEqual(run.ok, true);
    });

});

describe("public API entry points follow package.json", () => {
    let root: string;
    beforeEach(() => {
        root = scratch();
        writeFileSync(join(root, "tsconfig.json"), JSON.stringify({ compilerOptions: { outDir: "bin", rootDir: "." } }));
    });
    afterEach(() => rmSync(root, { recursive: true, force: true }));

    function write(file: string, text = "export {};\n"): void {
        mkdirSync(dirname(join(root, file)), { recursive: true });
        writeFileSync(join(root, file), text);
    }
    function pkg(fields: object): void {
        write("package.json", JSON.stringify({ name: "kubegrant", ...fields }));
    }

    it("maps each exports target under outDir to its source and declaration (barrels moved)", () => {
        write("index.ts");
        write("components/exports/aws.ts");
        pkg({
            types: "bin/index.d.ts",
            exports: {
                ".": "./bin/index.js", "./aws": { types: "./bin/components/exports/aws.d.ts", require: "./bin/components/exports/aws.js" },
                "./package.json": "./package.json",
            },
            typesVersions: { "*": { aws: ["bin/components/exports/aws.d.ts"] } },
        });
        assert.deepStrictEqual(entryPoints(root), [
            { name: "kubegrant", report: "kubegrant", source: "index.ts", dts: "index.d.ts" },
            { name: "kubegrant/aws", report: "kubegrant-aws", source: "components/exports/aws.ts", dts: "components/exports/aws.d.ts" },
        ]);
    });

    it("takes main as the only entry point when there is no exports field", () => {
        write("index.ts");
        pkg({ main: "bin/index.js", types: "bin/index.d.ts" });
        assert.deepStrictEqual(entryPoints(root), [{ name: "kubegrant", report: "kubegrant", source: "index.ts", dts: "index.d.ts" }]);
    });

    it("rejects an entry point without a source", () => {
        pkg({ exports: { "./aws": "./bin/components/exports/aws.js" } });
        assert.throws(() => entryPoints(root), {
            message: 'package.json exports["./aws"]: ./bin/components/exports/aws.js has no source components/exports/aws.ts',
        });
    });

    it("rejects an entry point outside tsconfig's outDir", () => {
        write("lib/aws.ts");
        pkg({ exports: { "./aws": "./lib/aws.js" } });
        assert.throws(() => entryPoints(root), { message: 'package.json exports["./aws"]: ./lib/aws.js is not under tsconfig\'s outDir (bin)' });
    });

    it("rejects typesVersions that name another declaration than the entry point's", () => {
        write("components/exports/aws.ts");
        pkg({ exports: { "./aws": "./bin/components/exports/aws.js" }, typesVersions: { "*": { aws: ["bin/components/aws/index.d.ts"] } } });
        assert.throws(() => entryPoints(root), {
            message: 'package.json typesVersions["aws"]: bin/components/aws/index.d.ts is not bin/components/exports/aws.d.ts, the declaration of exports["./aws"]',
        });
    });

    it("rejects types that name another declaration than the root entry point's", () => {
        write("index.ts");
        pkg({ types: "bin/main.d.ts", exports: { ".": "./bin/index.js" } });
        assert.throws(() => entryPoints(root), {
            message: 'package.json types: bin/main.d.ts is not bin/index.d.ts, the declaration of exports["."]',
        });
    });

    it("rejects a package without a JavaScript entry point", () => {
        pkg({ exports: { "./package.json": "./package.json" } });
        assert.throws(() => entryPoints(root), { message: "package.json exports: no JavaScript entry point" });
    });
});
