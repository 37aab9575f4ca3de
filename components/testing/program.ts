/**
 * Unit tests of a whole Pulumi program in a few lines: run it under `KubegrantMocks` with stack
 * config (and other stacks' outputs), and get back what it registered and what it exports.
 */
import * as pulumi from "@pulumi/pulumi";
import { existsSync, readFileSync } from "fs";
import { dirname, isAbsolute, join } from "path";
import { parse } from "yaml";
import { MockOptions, RegisteredResource, installMocks, outputValues } from "./mocks";

export interface ProgramOptions extends MockOptions {
    /**
     * Project name: the namespace of config keys given without one, and what `new pulumi.Config()`
     * reads. @default the `name` of the Pulumi.yaml next to (or above) the program file, else "project"
     */
    readonly project?: string;
    /** Stack name (`pulumi.getStack()`). @default "test" */
    readonly stack?: string;
    /**
     * Stack config, as `pulumi config set` takes it: `key` (the project's) or `namespace:key`.
     * Strings are used as they are; numbers, booleans, lists and objects as JSON (what
     * `config.requireObject`, `requireNumber` and `requireBoolean` parse).
     */
    readonly config?: Readonly<Record<string, unknown>>;
    /** Secret stack config (`pulumi config set --secret`), the same way. */
    readonly secretConfig?: Readonly<Record<string, unknown>>;
}

/** What a program run under mocks did. */
export interface ProgramRun {
    /** Every resource it registered or read, in order (see `RegisteredResource`). */
    readonly resources: RegisteredResource[];
    /**
     * Its stack outputs, resolved. Secret outputs are wrapped the way the mocks see secrets:
     * `redactSecrets(outputs)` shows them as `"[secret]"`, `revealSecrets(outputs)` unwraps them,
     * and the object can be another stack's outputs in `MockOptions.stacks` as it is.
     */
    readonly outputs: Record<string, unknown>;
}

/** Finds the project name in the Pulumi.yaml nearest to `file`. */
function projectOf(file: string): string | undefined {
    for (let dir = dirname(file); ; dir = dirname(dir)) {
        for (const name of ["Pulumi.yaml", "Pulumi.yml"]) {
            const path = join(dir, name);
            if (existsSync(path)) {
                const project = (parse(readFileSync(path, "utf8")) as { name?: unknown } | null)?.name;
                return typeof project === "string" ? project : undefined;
            }
        }
        if (dirname(dir) === dir) return undefined;
    }
}

function configEntries(project: string, config: Readonly<Record<string, unknown>> = {}): [string, string][] {
    return Object.entries(config).map(([k, v]) => [
        k.includes(":") ? k : `${project}:${k}`,
        typeof v === "string" ? v : JSON.stringify(v),
    ]);
}

/**
 * Runs a Pulumi program under `KubegrantMocks` and returns what it registered and exported.
 * `program` is the program's file, as an absolute path (`require.resolve("../index")`; loaded
 * afresh on every run; a module that exports a function is run as Pulumi runs it), or a function
 * that runs the program and returns its exports. Config is replaced for the run and cleared
 * after it. Rejects with the program's error, or the first failing output's.
 */
export async function runProgram(program: string | (() => unknown), options: ProgramOptions = {}): Promise<ProgramRun> {
    if (typeof program === "string" && !isAbsolute(program)) {
        throw new Error(`runProgram: give the program's absolute path, e.g. require.resolve("./index"), got ${JSON.stringify(program)}`);
    }
    const { project: projectOption, stack = "test", config, secretConfig, ...mockOptions } = options;
    const project = projectOption ?? (typeof program === "string" ? projectOf(program) : undefined) ?? "project";
    const recorder = installMocks(mockOptions, undefined, project, stack);
    const secrets = configEntries(project, secretConfig);
    pulumi.runtime.setAllConfig(Object.fromEntries([...configEntries(project, config), ...secrets]), secrets.map(([k]) => k));
    try {
        let exported: unknown;
        if (typeof program === "string") {
            delete require.cache[require.resolve(program)];
            // eslint-disable-next-line @typescript-eslint/no-require-imports -- the program is a path known only at run time, loaded afresh on each run
            exported = require(program);
            // As Pulumi does: a program that exports a function is that function's result.
            if (typeof exported === "function") exported = (exported as () => unknown)();
        } else {
            exported = program();
        }
        const resolved = await exported;
        const outputs = typeof resolved === "object" && resolved !== null ? await outputValues(resolved) : {};
        await recorder.settle();
        return { resources: recorder.resources, outputs };
    } finally {
        pulumi.runtime.setAllConfig({});
    }
}
