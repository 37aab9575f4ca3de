/**
 * `node -r ts-node/register/transpile-only consumer-typecheck.ts <project> <tsconfig>...`: type-checks
 * a consumer project (tests/consumer.test.ts) once per tsconfig with the project's own TypeScript,
 * and prints one JSON line per tsconfig: `{ config, seconds, files, checked, errors }`.
 *
 * skipLibCheck stays as the tsconfig has it (off): every file is parsed, every module resolved, and
 * every diagnostic of the project's files and of kubegrant's declarations is reported, as `tsc` would
 * (a `Cannot find module '@pulumi/kubernetes'` in kubegrant's .d.ts included). Only the semantic
 * diagnostics inside other packages' declarations (@pulumi/aws's own 3,000 files, which kubegrant
 * does not change) are left out, unless KUBEGRANT_CONSUMER_FULL_TSC=1: then every file is checked,
 * exactly as `tsc --noEmit` does, at about three times the cost.
 */
import * as path from "path";

const [project, ...configs] = process.argv.slice(2);
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the consumer project's own TypeScript, a path known only at run time
const ts = require(path.join(project, "node_modules", "typescript")) as typeof import("typescript");
const full = process.env.KUBEGRANT_CONSUMER_FULL_TSC === "1";
const ours = (f: string) => !f.includes("/node_modules/") || f.includes("/node_modules/kubegrant/");

for (const config of configs) {
    const t0 = Date.now();
    const parsed = ts.getParsedCommandLineOfConfigFile(path.join(project, config), {}, {
        ...ts.sys,
        onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n")); },
    });
    if (!parsed) throw new Error(`${config}: not parsed`);
    const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options, configFileParsingDiagnostics: parsed.errors });
    const files = program.getSourceFiles();
    const checked = files.filter((f) => full || ours(f.fileName));
    const diagnostics = [
        ...program.getConfigFileParsingDiagnostics(), ...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics(),
        ...files.flatMap((f) => program.getSyntacticDiagnostics(f)),
        ...checked.flatMap((f) => program.getSemanticDiagnostics(f)),
    ];
    const errors = ts.formatDiagnostics(diagnostics, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => project, getNewLine: () => "\n" });
    process.stdout.write(`${JSON.stringify({ config, seconds: (Date.now() - t0) / 1000, files: files.length, checked: checked.length, full, errors })}\n`);
}
