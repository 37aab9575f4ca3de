/**
 * The public API surface, written down and checked: one API Extractor report per public entry point.
 *
 *   npm run api         regenerate docs/api/<entry>.api.md from the code
 *   npm run api:check   fail, printing the diff, when the surface changed and the report was not updated
 *
 * The entry points come from package.json `exports` (the `.js` file under tsconfig's outDir, mapped to
 * its source and to the declaration tsc emits for it), so moving a barrel needs only package.json.
 * Declarations are emitted in-process to a temporary folder (never bin/, never the repository), then
 * API Extractor analyses every entry point with one shared compiler state.
 */
import { execFileSync } from "child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, unlinkSync } from "fs";
import { tmpdir } from "os";
import { dirname, join, posix, relative, resolve } from "path";
import * as ts from "typescript";
import {
    CompilerState, Extractor, ExtractorConfig, ExtractorLogLevel, ExtractorMessage, IConfigFile,
} from "@microsoft/api-extractor";

/** Where the committed reports live, relative to the repository root. */
export const REPORT_FOLDER = "docs/api";

export interface EntryPoint {
    /** The import path a user writes: `kubegrant`, `kubegrant/aws`. */
    readonly name: string;
    /** The report's base name: `kubegrant`, `kubegrant-aws` (→ docs/api/kubegrant-aws.api.md). */
    readonly report: string;
    /** The source file tsc compiles to the entry's `.js`, relative to the root. */
    readonly source: string;
    /** The declaration tsc emits for it, relative to the emit folder. */
    readonly dts: string;
}

/**
 * The package's public entry points, read from package.json `exports` (string or conditional target;
 * `./package.json` and other non-JavaScript targets are not code; without `exports`, `main`). Throws when an entry's source is
 * missing or when `types`/`typesVersions` name another declaration file than tsc emits for it.
 */
export function entryPoints(root: string): EntryPoint[] {
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
        name: string; main?: string; types?: string; exports?: string | Record<string, unknown>; typesVersions?: Record<string, Record<string, string[]>>;
    };
    const exports = typeof pkg.exports === "string" ? { ".": pkg.exports } : pkg.exports ?? { ".": "./" + (pkg.main ?? "index.js") };
    const outDir = relative(root, compilerOptions(root).outDir ?? root).split("\\").join("/");
    const entries: EntryPoint[] = [];
    for (const [subpath, target] of Object.entries(exports)) {
        const js = exportTarget(target);
        if (js === undefined || !js.endsWith(".js")) continue;
        const built = posix.normalize(js);
        const underOut = outDir === "" ? built : posix.relative(outDir, built);
        if (underOut.startsWith("..")) throw new Error(`package.json exports["${subpath}"]: ${js} is not under tsconfig's outDir (${outDir})`);
        const stem = underOut.slice(0, -".js".length);
        const source = stem + ".ts";
        if (!existsSync(join(root, source))) throw new Error(`package.json exports["${subpath}"]: ${js} has no source ${source}`);
        const declared = posix.join(outDir, stem + ".d.ts");
        const rest = subpath === "." ? "" : subpath.replace(/^\.\//, "");
        const typed = rest === "" ? pkg.types : Object.values(pkg.typesVersions ?? {})[0]?.[rest]?.[0];
        if (typed !== undefined && posix.normalize(typed) !== declared) {
            throw new Error(`package.json ${rest === "" ? "types" : `typesVersions["${rest}"]`}: ${typed} is not ${declared}, the declaration of exports["${subpath}"]`);
        }
        const name = rest === "" ? pkg.name : `${pkg.name}/${rest}`;
        entries.push({ name, report: name.replace(/[^A-Za-z0-9._-]+/g, "-"), source, dts: stem + ".d.ts" });
    }
    if (entries.length === 0) throw new Error("package.json exports: no JavaScript entry point");
    return entries;
}

function exportTarget(target: unknown): string | undefined {
    if (typeof target === "string") return target;
    if (target !== null && typeof target === "object") {
        const conditions = target as Record<string, unknown>;
        for (const key of ["require", "node", "default"]) if (key in conditions) return exportTarget(conditions[key]);
    }
    return undefined;
}

function compilerOptions(root: string): ts.CompilerOptions {
    const parsed = ts.getParsedCommandLineOfConfigFile(join(root, "tsconfig.json"), {}, {
        ...ts.sys,
        onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n")); },
    });
    if (parsed === undefined) throw new Error("tsconfig.json: cannot be read");
    return parsed.options;
}

/**
 * Emits the declarations of the entry points (and everything they import) into `outDir` with the
 * repository's compiler options; throws on any compiler error, returns the program. `replace` swaps a
 * source file's text (path relative to the root → text), `only` emits just those files, and `reuse`
 * takes every other parsed file from an earlier program: the tests use them to prove that a surface
 * change is caught without touching the worktree or parsing and emitting everything again.
 */
export function emitDeclarations(
    root: string, entries: readonly EntryPoint[], outDir: string,
    opts: { replace?: Record<string, string>; only?: readonly string[]; reuse?: ts.Program } = {},
): ts.Program {
    const options: ts.CompilerOptions = {
        ...compilerOptions(root),
        noEmit: false, declaration: true, emitDeclarationOnly: true, declarationMap: false, sourceMap: false,
        incremental: false, composite: false, outDir, rootDir: root,
    };
    const host = ts.createCompilerHost(options);
    const replaced = new Map(Object.entries(opts.replace ?? {}).map(([file, text]) => [resolve(root, file), text]));
    const getSourceFile = host.getSourceFile.bind(host);
    host.getSourceFile = (fileName, language, ...rest) => {
        const text = replaced.get(resolve(fileName));
        if (text !== undefined) return ts.createSourceFile(fileName, text, language);
        return opts.reuse?.getSourceFile(fileName) ?? getSourceFile(fileName, language, ...rest);
    };
    const program = ts.createProgram({ rootNames: entries.map((e) => join(root, e.source)), options, host, oldProgram: opts.reuse });
    const files = opts.only?.map((f) => {
        const file = program.getSourceFile(resolve(root, f));
        if (file === undefined) throw new Error(`${f}: not part of the program`);
        return file;
    });
    const diagnostics: ts.Diagnostic[] = [];
    for (const file of files ?? [undefined]) {
        diagnostics.push(...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file), ...program.emit(file).diagnostics);
    }
    const errors = diagnostics.filter((d) => d.category === ts.DiagnosticCategory.Error);
    if (errors.length > 0) {
        throw new Error(ts.formatDiagnostics(errors, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => root, getNewLine: () => "\n" }));
    }
    return program;
}

/**
 * API Extractor's messages, set deliberately (docs/api/README.md says the same):
 * - ae-forgotten-export: written into the report, not the console. A type that a public signature uses
 *   but no entry point exports shows as a warning line at the end of the report, so review sees it and
 *   exporting (or no longer using) it is a visible diff. Which types to export is the barrels' call.
 * - ae-missing-release-tag: off. kubegrant has no @alpha/@beta/@public policy: what a barrel exports
 *   is public, and the surface is trimmed in the barrels, not with release tags.
 * - ae-undocumented: off. The report already marks each undocumented item `// (undocumented)`.
 * - tsdoc-*: off. The doc comments are JSDoc for editors (`@default`, as DESIGN.md asks), not TSDoc for
 *   a documentation site; no doc model is generated, so TSDoc syntax has no reader here.
 * - everything else (other ae-* and compiler messages) is a warning, and any warning fails the check.
 */
const MESSAGES: IConfigFile["messages"] = {
    compilerMessageReporting: { default: { logLevel: ExtractorLogLevel.Warning } },
    extractorMessageReporting: {
        "default": { logLevel: ExtractorLogLevel.Warning },
        "ae-forgotten-export": { logLevel: ExtractorLogLevel.None, addToApiReportFile: true },
        "ae-missing-release-tag": { logLevel: ExtractorLogLevel.None },
        "ae-undocumented": { logLevel: ExtractorLogLevel.None },
    },
    tsdocMessageReporting: { default: { logLevel: ExtractorLogLevel.None } },
};

export interface EntryResult {
    readonly entry: EntryPoint;
    /** The committed report differs from the code's (or is missing). */
    readonly changed: boolean;
    /** Warnings and errors API Extractor printed, one line each. */
    readonly messages: readonly string[];
    /** `git diff` of the committed report against the code's, when changed. */
    readonly diff: string;
}

export interface ApiRun {
    readonly results: readonly EntryResult[];
    /** Reports in the report folder that belong to no entry point (deleted when writing). */
    readonly stale: readonly string[];
    readonly ok: boolean;
}

/**
 * Runs API Extractor over every entry point. `write` updates the committed reports (npm run api);
 * otherwise they are only compared (npm run api:check). `entries` narrows the run (default: every entry
 * point); `emitted` is a folder already holding the declarations (the tests reuse one emit); by default
 * they are emitted into a fresh temporary folder, removed afterwards.
 */
export function runApi(root: string, opts: { write: boolean; entries?: readonly EntryPoint[]; emitted?: string }): ApiRun {
    const all = entryPoints(root);
    const entries = opts.entries ?? all;
    const reportFolder = resolve(root, REPORT_FOLDER);
    const work = mkdtempSync(join(tmpdir(), "kubegrant-api-"));
    try {
        const emitted = opts.emitted ?? join(work, "d");
        if (opts.emitted === undefined) emitDeclarations(root, entries, emitted);
        // The declarations import @pulumi/*: let module resolution from the emit folder find them.
        const modules = join(emitted, "node_modules");
        if (!existsSync(modules)) symlinkSync(join(root, "node_modules"), modules, "dir");
        // The package's folder for API Extractor, so the report names files relative to it, not the
        // temporary folder's absolute path (which would differ on every run).
        copyFileSync(join(root, "package.json"), join(emitted, "package.json"));
        if (opts.write) mkdirSync(reportFolder, { recursive: true });
        const configs = entries.map((entry) => ExtractorConfig.prepare({
            configObject: {
                projectFolder: emitted,
                mainEntryPointFilePath: join(emitted, entry.dts),
                compiler: {
                    overrideTsconfig: {
                        compilerOptions: {
                            target: "ES2022", module: "commonjs", moduleResolution: "node", lib: ["ES2022"], types: ["node"],
                            strict: true, esModuleInterop: true, resolveJsonModule: true,
                            // As in tsconfig.json: the declarations were type-checked as sources when emitted.
                            skipLibCheck: true,
                        },
                        files: entries.map((e) => join(emitted, e.dts)),
                    },
                },
                apiReport: {
                    enabled: true, reportFileName: entry.report, reportFolder, reportTempFolder: join(work, "reports"),
                    includeForgottenExports: false,
                },
                docModel: { enabled: false },
                dtsRollup: { enabled: false },
                tsdocMetadata: { enabled: false },
                newlineKind: "lf",
                messages: MESSAGES,
            },
            configObjectFullPath: undefined,
            packageJsonFullPath: join(emitted, "package.json"),
        }));
        const compilerState = CompilerState.create(configs[0], { additionalEntryPoints: entries.map((e) => join(emitted, e.dts)) });
        const results = entries.map((entry, i): EntryResult => {
            const messages: string[] = [];
            const result = Extractor.invoke(configs[i], {
                compilerState, localBuild: opts.write, showVerboseMessages: false,
                messageCallback: (m: ExtractorMessage) => {
                    m.handled = true;
                    if (m.logLevel === ExtractorLogLevel.Error || m.logLevel === ExtractorLogLevel.Warning) {
                        // The "report changed/created/copied" notices are said below, with the diff.
                        if (!m.messageId.startsWith("console-api-report-")) messages.push(formatMessage(m, emitted));
                    }
                },
            });
            const committed = join(reportFolder, `${entry.report}.api.md`);
            const fresh = join(work, "reports", `${entry.report}.api.md`);
            const changed = result.apiReportChanged;
            const diff = changed && !opts.write ? gitDiff(root, existsSync(committed) ? relative(root, committed) : "/dev/null", fresh) : "";
            return { entry, changed, messages, diff };
        });
        const known = new Set(all.map((e) => `${e.report}.api.md`));
        const stale = (existsSync(reportFolder) ? readdirSync(reportFolder) : []).filter((f) => f.endsWith(".api.md") && !known.has(f)).map((f) => posix.join(REPORT_FOLDER, f));
        if (opts.write) for (const f of stale) unlinkSync(join(root, f));
        const ok = results.every((r) => r.messages.length === 0 && (opts.write || !r.changed)) && (opts.write || stale.length === 0);
        return { results, stale, ok };
    } finally {
        rmSync(work, { recursive: true, force: true });
    }
}

function formatMessage(m: ExtractorMessage, emitted: string): string {
    const where = m.sourceFilePath ? `${relative(emitted, m.sourceFilePath)}:${m.sourceFileLine ?? 0}: ` : "";
    return `${where}(${m.messageId}) ${m.text}`;
}

function gitDiff(root: string, before: string, after: string): string {
    try {
        execFileSync("git", ["diff", "--no-index", "--no-color", "--", before, after], { cwd: root, encoding: "utf8" });
        return "";
    } catch (e) {
        const out = (e as { stdout?: string }).stdout;
        if (typeof out === "string" && out !== "") return out;
        throw e;
    }
}

/** The compiler API Extractor analyses with: its own pinned dependency, not necessarily the project's. */
function extractorTypeScript(): string {
    const own = require.resolve("typescript/package.json", { paths: [dirname(require.resolve("@microsoft/api-extractor"))] });
    return (JSON.parse(readFileSync(own, "utf8")) as { version: string }).version;
}

function main(argv: string[]): number {
    const check = argv.includes("--check");
    const root = resolve(__dirname, "..");
    const started = Date.now();
    const run = runApi(root, { write: !check });
    for (const r of run.results) {
        for (const m of r.messages) console.error(`${r.entry.name}: ${m}`);
        if (r.changed) {
            const file = posix.join(REPORT_FOLDER, `${r.entry.report}.api.md`);
            console.log(check ? `${r.entry.name}: the public API changed and ${file} was not updated (run \`npm run api\` and commit it)` : `${r.entry.name}: ${file} updated`);
            if (r.diff) console.log(r.diff);
        }
    }
    for (const f of run.stale) console.log(check ? `${f}: no entry point in package.json exports has this report (run \`npm run api\`)` : `${f}: removed (no such entry point)`);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`api${check ? ":check" : ""}: ${run.results.length} entry points, ${run.ok ? "ok" : "FAILED"} in ${seconds}s (API Extractor ${Extractor.version} analysing with TypeScript ${extractorTypeScript()}, declarations by TypeScript ${ts.version})`);
    return run.ok ? 0 : 1;
}

if (require.main === module) {
    try {
        process.exitCode = main(process.argv.slice(2));
    } catch (e) {
        console.error(`api: ${e instanceof Error ? e.message : String(e)}`);
        process.exitCode = 1;
    }
}
