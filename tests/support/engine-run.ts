/**
 * Runs one `pulumi up` or `pulumi preview` of a Pulumi project directory through the real `pulumi`
 * CLI (the engine, state, diff, secrets, providers), with the Node.js program hosted by the SDK's
 * Automation API: the proxy serves no `pulumi-language-nodejs` module, so the CLI is pointed with
 * `--client` at the Automation API's in-process language server, which runs the project's `main`
 * (from its Pulumi.yaml) as the language host would: its exports are the stack outputs.
 *
 *   node -r ts-node/register/transpile-only -r tests/support/self-reference.ts \
 *     tests/support/engine-run.ts <up|preview> <project dir> <stack> [<policy pack>]
 *
 * One process per operation (fresh module cache, fresh SDK runtime state), started by
 * tests/support/engine.ts with the CLI first on the PATH and PULUMI_HOME / the file backend in the
 * environment. Prints the engine's output on stderr and one JSON line on stdout:
 * { ok, steps: [{ op, urn, type }], changes, outputs, error }.
 */
import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";
import { EngineEvent, LocalWorkspace, OpType, Stack } from "@pulumi/pulumi/automation";

interface Result {
    ok: boolean;
    steps: { op: OpType; urn: string; type: string }[];
    changes?: Record<string, number>;
    outputs?: Record<string, { value: unknown; secret: boolean }>;
    error?: string;
}

async function main(): Promise<void> {
    const [op, dir, stackName, policyPack] = process.argv.slice(2);
    if (!["up", "preview"].includes(op) || !dir || !stackName) throw new Error("usage: engine-run.ts <up|preview> <project dir> <stack>");
    const project = parse(fs.readFileSync(path.join(dir, "Pulumi.yaml"), "utf8")) as { main?: string };
    const entry = path.resolve(dir, project.main ?? "index.js");
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the program is the project's entry file, a path known only at run time
    const program = async () => require(entry);
    const ws = await LocalWorkspace.create({ workDir: dir, program });
    const stack = await Stack.select(stackName, ws);
    const result: Result = { ok: true, steps: [] };
    const onEvent = (e: EngineEvent) => {
        const m = e.resourcePreEvent?.metadata;
        if (m) result.steps.push({ op: m.op, urn: m.urn, type: m.type });
    };
    const onOutput = (s: string) => process.stderr.write(s);
    try {
        if (op === "up") {
            const r = await stack.up({ onEvent, onOutput });
            result.changes = r.summary.resourceChanges as Record<string, number>;
            result.outputs = r.outputs;
        } else {
            const r = await stack.preview({ onEvent, onOutput, diff: true, ...(policyPack ? { policyPacks: [policyPack] } : {}) });
            result.changes = r.changeSummary as Record<string, number>;
        }
    } catch (e) {
        result.ok = false;
        result.error = e instanceof Error ? e.message : String(e);
    }
    process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((e) => {
    process.stdout.write(`${JSON.stringify({ ok: false, steps: [], error: e instanceof Error ? e.stack : String(e) })}\n`);
    process.exitCode = 1;
});
