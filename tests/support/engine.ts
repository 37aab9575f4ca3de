/**
 * The real Pulumi engine for tests/engine.test.ts: the `pulumi` CLI and the Kubernetes provider
 * that scripts/pulumi-engine.sh builds (or ones on the PATH), a file backend in a temporary
 * directory, no network. Programs run through tests/support/engine-run.ts (one process per
 * operation); everything else is the CLI itself.
 *
 * - Binaries: $KUBEGRANT_PULUMI_ENGINE (a bin directory), else the directory named in
 *   ${KUBEGRANT_CACHE:-~/.cache/kubegrant}/pulumi-engine/current, else `pulumi` and
 *   `pulumi-resource-kubernetes` on the PATH. The provider is found on the PATH by the engine (an
 *   ambient plugin), so no plugin is downloaded.
 * - Every Engine gets a fresh temporary PULUMI_HOME and file backend (`pulumi login file://…`),
 *   removed by dispose(); the passphrase is a fixed test value.
 */
import { execFileSync, spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { cacheDir, executable } from "./tools";

/** Set by .ci/run: a missing engine is a test failure, not a skip. */
export const REQUIRE_ENGINE_ENV = "KUBEGRANT_REQUIRE_ENGINE";
export const HOW_TO_GET_ENGINE = "bash scripts/pulumi-engine.sh";

const ROOT = path.join(__dirname, "..", "..");
const RUNNER = path.join(__dirname, "engine-run.ts");


const hasEngine = (dir: string) => ["pulumi", "pulumi-resource-kubernetes"].every((b) => executable(path.join(dir, b)));

/** The directory holding `pulumi` and `pulumi-resource-kubernetes`, or why there is none (one line). */
export function findEngine(): { binDir: string } | { missing: string } {
    const cache = cacheDir("pulumi-engine");
    const candidates: string[] = [];
    if (process.env.KUBEGRANT_PULUMI_ENGINE) candidates.push(process.env.KUBEGRANT_PULUMI_ENGINE);
    else {
        try {
            candidates.push(fs.readFileSync(path.join(cache, "current"), "utf8").trim());
        } catch {
            // not built
        }
        candidates.push(...(process.env.PATH ?? "").split(path.delimiter).filter((d) => d));
    }
    const binDir = candidates.find(hasEngine);
    return binDir ? { binDir } : {
        missing: `the Pulumi engine (pulumi and pulumi-resource-kubernetes) is missing: run \`${HOW_TO_GET_ENGINE}\` to build it once ` +
            `(or set KUBEGRANT_PULUMI_ENGINE to their directory)`,
    };
}

export interface Exec {
    readonly code: number;
    readonly out: string;
    readonly err: string;
}

/** What one program run reported (tests/support/engine-run.ts). */
export interface RunResult {
    readonly ok: boolean;
    readonly steps: readonly { op: string; urn: string; type: string }[];
    readonly changes?: Readonly<Record<string, number>>;
    readonly outputs?: Readonly<Record<string, { value: unknown; secret: boolean }>>;
    readonly error?: string;
    /** The engine's output (what `pulumi up` printed). */
    readonly log: string;
}

/** One resource of `pulumi stack export`. */
export interface StateResource {
    readonly urn: string;
    readonly type: string;
    readonly id?: string;
    readonly parent?: string;
    readonly outputs?: Record<string, unknown>;
}

export const PASSPHRASE = "kubegrant-engine-test-passphrase";

function exec(file: string, args: readonly string[], opts: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number }): Promise<Exec> {
    return new Promise((resolve, reject) => {
        // Its own process group: a timeout kills the CLI and the plugins it started, not only the child.
        const child = spawn(file, args, { cwd: opts.cwd, env: opts.env, stdio: ["ignore", "pipe", "pipe"], detached: true });
        let out = "";
        let err = "";
        child.stdout.on("data", (c: Buffer) => { out += c.toString("utf8"); });
        child.stderr.on("data", (c: Buffer) => { err += c.toString("utf8"); });
        const timer = setTimeout(() => {
            try {
                process.kill(-child.pid!, "SIGKILL");
            } catch {
                // already gone
            }
        }, opts.timeoutMs);
        child.on("error", reject);
        child.on("close", (code, signal) => {
            clearTimeout(timer);
            resolve({ code: code ?? (signal ? 128 : 1), out, err: signal ? `${err}\n(killed: ${signal} after ${opts.timeoutMs} ms)` : err });
        });
    });
}

export class Engine {
    readonly home: string;
    readonly backend: string;
    readonly env: NodeJS.ProcessEnv;

    constructor(readonly binDir: string, kubeconfig: string) {
        this.home = fs.mkdtempSync(path.join(os.tmpdir(), "kubegrant-engine-"));
        this.backend = path.join(this.home, "state");
        fs.mkdirSync(this.backend);
        this.env = {
            ...process.env,
            PATH: `${binDir}${path.delimiter}${process.env.PATH ?? ""}`,
            PULUMI_HOME: path.join(this.home, "pulumi-home"),
            PULUMI_CONFIG_PASSPHRASE: PASSPHRASE,
            PULUMI_SKIP_UPDATE_CHECK: "true",
            PULUMI_DIY_BACKEND_NO_LEGACY_WARNING: "true",
            PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
            KUBECONFIG: kubeconfig,
        };
        delete this.env.PULUMI_ACCESS_TOKEN;
        delete this.env.PULUMI_BACKEND_URL;
    }

    /** `pulumi login file://<tmp>` (the backend every stack of this engine lives in). */
    async login(): Promise<void> {
        const r = await this.pulumi(["login", `file://${this.backend}`], this.home);
        if (r.code !== 0) throw new Error(`pulumi login: ${r.err || r.out}`);
    }

    /** The CLI: `pulumi <args> --non-interactive` in `cwd`. */
    pulumi(args: readonly string[], cwd: string, timeoutMs = 300_000): Promise<Exec> {
        return exec(path.join(this.binDir, "pulumi"), [...args, "--non-interactive"], { cwd, env: this.env, timeoutMs });
    }

    /** Like pulumi(), but a non-zero exit is an error carrying the output. */
    async must(args: readonly string[], cwd: string): Promise<string> {
        const r = await this.pulumi(args, cwd);
        if (r.code !== 0) throw new Error(`pulumi ${args.join(" ")}: exit ${r.code}\n${r.out}\n${r.err}`);
        return r.out;
    }

    /**
     * A project directory: `Pulumi.yaml` (copied from `from`, with `main` replaced when given) and
     * symlinks to `links` (name → target: the program's files and node_modules), so stack config
     * files are written here, never into the checkout.
     */
    project(name: string, pulumiYaml: string, links: Readonly<Record<string, string>>): string {
        const dir = path.join(this.home, "projects", name);
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(path.join(dir, "Pulumi.yaml"), pulumiYaml);
        for (const [link, target] of Object.entries(links)) {
            fs.rmSync(path.join(dir, link), { force: true });
            fs.symlinkSync(target, path.join(dir, link));
        }
        return dir;
    }

    /** `pulumi stack init` and `pulumi config set` of each value (`secret` keys with --secret). */
    async stack(dir: string, stack: string, config: Readonly<Record<string, string>>, secret: readonly string[] = []): Promise<void> {
        await this.must(["stack", "init", stack], dir);
        for (const [k, v] of Object.entries(config)) {
            await this.must(["config", "set", "--stack", stack, ...(secret.includes(k) ? ["--secret"] : []), k, v], dir);
        }
    }

    /** `pulumi up` / `pulumi preview` of the project's program (tests/support/engine-run.ts); a preview may run a policy pack. */
    async run(op: "up" | "preview", dir: string, stack: string, policyPack?: string): Promise<RunResult> {
        const r = await exec(process.execPath, ["-r", "ts-node/register/transpile-only", "-r", path.join(__dirname, "self-reference.ts"), RUNNER, op, dir, stack,
            ...(policyPack ? [policyPack] : [])],
            { cwd: ROOT, env: this.env, timeoutMs: 300_000 });
        const last = r.out.trim().split("\n").pop() ?? "";
        let parsed: Omit<RunResult, "log">;
        try {
            parsed = JSON.parse(last) as Omit<RunResult, "log">;
        } catch {
            throw new Error(`engine-run ${op} printed no result (exit ${r.code}):\n${r.out}\n${r.err}`);
        }
        return { ...parsed, log: r.err };
    }

    /** `pulumi destroy --yes` (no program needed: the engine deletes what the state holds). */
    destroy(dir: string, stack: string): Promise<Exec> {
        return this.pulumi(["destroy", "--yes", "--stack", stack], dir);
    }

    /** The stack's resources (`pulumi stack export`). */
    async resources(dir: string, stack: string): Promise<StateResource[]> {
        const out = await this.must(["stack", "export", "--stack", stack], dir);
        return (JSON.parse(out) as { deployment: { resources?: StateResource[] } }).deployment.resources ?? [];
    }

    /** The raw files of the file backend (the state as stored: checkpoints, history, backups). */
    stateFiles(): { file: string; text: string }[] {
        const out: { file: string; text: string }[] = [];
        const walk = (d: string) => {
            for (const e of fs.readdirSync(d, { withFileTypes: true })) {
                const p = path.join(d, e.name);
                if (e.isDirectory()) walk(p);
                else if (e.isFile()) out.push({ file: p, text: fs.readFileSync(p).toString("utf8") });
            }
        };
        walk(this.backend);
        return out;
    }

    dispose(): void {
        fs.rmSync(this.home, { recursive: true, force: true });
    }
}

/**
 * Points the cached package's node_modules at this checkout's, on every use: its own dependency
 * (yaml) and its peers resolve from the checkout that runs the program, so the program and the
 * package share one @pulumi/pulumi (two copies break registration), whichever checkout filled the cache.
 */
function linkDependencies(pkg: string): string {
    const link = path.join(pkg, "node_modules");
    fs.rmSync(link, { force: true });
    fs.symlinkSync(path.join(ROOT, "node_modules"), link);
    return pkg;
}

/**
 * The package of kubegrant at `commit` (git worktree + tsc + npm pack, unpacked), cached by commit
 * under ${KUBEGRANT_CACHE:-~/.cache/kubegrant}/engine-upgrade/<commit>/package.
 */
export function earlierPackage(commit: string): string {
    const cache = cacheDir("engine-upgrade", commit);
    const pkg = path.join(cache, "package");
    if (fs.existsSync(path.join(pkg, "bin", "components", "program", "index.js"))) return linkDependencies(pkg);
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "kubegrant-upgrade-"));
    const wt = path.join(work, "wt");
    const sh = (file: string, args: string[], cwd: string) => execFileSync(file, args, { cwd, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" });
    try {
        sh("git", ["worktree", "add", "--detach", wt, commit], ROOT);
        fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(wt, "node_modules"));
        sh(process.execPath, [path.join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.json"], wt);
        fs.rmSync(path.join(wt, "node_modules"));
        const tgz = sh("npm", ["pack", "--ignore-scripts", "--silent", "--pack-destination", work], wt).trim().split("\n").pop()!;
        fs.mkdirSync(cache, { recursive: true });
        sh("tar", ["-xzf", path.join(work, tgz), "-C", cache], work);
        return linkDependencies(pkg);
    } finally {
        try {
            sh("git", ["worktree", "remove", "--force", wt], ROOT);
        } catch {
            // already gone
        }
        fs.rmSync(work, { recursive: true, force: true });
    }
}
