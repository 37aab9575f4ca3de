/**
 * The first hour of a Pulumi user (issue 19): kubegrant as `npm pack` ships it, in fresh projects
 * made the way Pulumi's TypeScript template makes one (pulumi/templates aws-typescript/tsconfig.json
 * @ bad1b653ab69: moduleResolution "node", no skipLibCheck), one cloud each:
 * - `tsc` passes without skipLibCheck under node10 (the template), node16 and bundler resolution;
 * - the example program and a user's mocha test (tests/consumer/<cloud>.spec.ts) run;
 * - the project cannot see the other clouds' providers, and kubegrant names every missing package,
 *   from a program (the spec) and from the CLI alike.
 * Offline and fast: the project's node_modules links the repository's installed packages it needs
 * (the versions package-lock.json pins), and nothing else.
 */
import * as assert from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.join(__dirname, "..");
const CLUSTER_ID = "3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b";

/** The template's compilerOptions; node16 and bundler projects override module and moduleResolution only. */
const TEMPLATE = {
    strict: true, outDir: "bin", target: "es2020", module: "commonjs", moduleResolution: "node", sourceMap: true,
    experimentalDecorators: true, pretty: true, noFallthroughCasesInSwitch: true, noImplicitReturns: true, forceConsistentCasingInFileNames: true,
};
const MODES: Readonly<Record<string, { module: string; moduleResolution: string }>> = {
    node10: { module: "commonjs", moduleResolution: "node" },
    node16: { module: "node16", moduleResolution: "node16" },
    bundler: { module: "esnext", moduleResolution: "bundler" },
};

interface Project {
    readonly cloud: string;
    /** The example whose program the project is. */
    readonly example: string;
    /** Provider packages besides @pulumi/pulumi. */
    readonly providers: readonly string[];
    /** CLI runs and what they must print: exit code, and stderr exactly or a check of stdout. */
    readonly cli: readonly { args: string[]; status: number; stderr?: string; stdout?: (out: string) => void }[];
}

const EKS_SETS = ["--set", "clusterName=prod-eu", "--set", `clusterId=${CLUSTER_ID}`, "--set", "accountId=123456789012", "--set", "region=eu-central-1", "--set", "vpcId=vpc-0a1b2c3d4e5f67890"];
const GKE_SETS = ["--set", "projectId=acme-prod", "--set", "clusterName=prod-eu", "--set", "location=europe-west1", "--set", "castaiServiceAccount=cast-gke-1a2b3c4d@prod-cast-identity.iam.gserviceaccount.com", "--set", 'nodeServiceAccountIds=["112233445566778899001"]'];
const needs = (preset: string, packages: string[]) => `kubegrant: ${preset}needs ${packages.join(" and ")}, not installed: npm install ${packages.join(" ")}\n`;
const renders = (preset: string) => (out: string) => assert.strictEqual(JSON.parse(out).preset, preset);

const PROJECTS: readonly Project[] = [
    {
        cloud: "aws", example: "castai-eks", providers: ["@pulumi/aws"], cli: [
            { args: ["render", "castai-eks", ...EKS_SETS], status: 0, stdout: renders("castai-eks") },
            { args: ["render", "castai-eks", ...EKS_SETS, "--set", "clusterRbac={}"], status: 2, stderr: needs("clusterRbac: ", ["@pulumi/kubernetes"]) },
            { args: ["render", "castai-gke", ...GKE_SETS], status: 2, stderr: needs("preset: castai-gke ", ["@pulumi/gcp"]) },
            { args: ["render", "castai-aks", "--help"], status: 2, stderr: needs("preset: castai-aks ", ["@pulumi/azure-native", "@pulumi/azuread"]) },
        ],
    },
    {
        cloud: "gcp", example: "castai-gke", providers: ["@pulumi/gcp"], cli: [
            { args: ["render", "castai-gke", ...GKE_SETS], status: 0, stdout: renders("castai-gke") },
            { args: ["render", "castai-gke", ...GKE_SETS, "--set", "clusterRbac={}"], status: 2, stderr: needs("clusterRbac: ", ["@pulumi/kubernetes"]) },
            { args: ["render", "castai-eks", ...EKS_SETS], status: 2, stderr: needs("preset: castai-eks ", ["@pulumi/aws"]) },
        ],
    },
    {
        cloud: "kubernetes", example: "castai-kubernetes", providers: ["@pulumi/kubernetes"], cli: [
            { args: ["render", "castai-kubernetes"], status: 0, stdout: renders("castai-kubernetes") },
            { args: ["render", "cloudpilot-alibaba", "--help"], status: 2, stderr: needs("preset: cloudpilot-alibaba ", ["@pulumi/alicloud"]) },
        ],
    },
];

/** Packages every project has: the template's (typescript, @types/node) and its test runner. */
const TOOLS = ["typescript", "@types/node", "mocha", "@types/mocha", "ts-node"];

function run(cmd: string, args: readonly string[], cwd: string): { status: number | null; stdout: string; stderr: string; seconds: number } {
    const t0 = Date.now();
    const env = { ...process.env };
    delete env.NODE_PATH;
    delete env.NODE_OPTIONS;
    delete env.TS_NODE_PROJECT;
    const r = spawnSync(cmd, args, { cwd, encoding: "utf8", env, maxBuffer: 64 * 1024 * 1024 });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr, seconds: (Date.now() - t0) / 1000 };
}

/** The newest modification time of the files under `dir` matching `test`. */
function newest(dir: string, test: (f: string) => boolean, pick: (a: number, b: number) => number, start: number): number {
    let t = start;
    for (const f of fs.readdirSync(dir, { recursive: true, encoding: "utf8" })) {
        if (test(f)) t = pick(t, fs.statSync(path.join(dir, f)).mtimeMs);
    }
    return t;
}

/** Links `pkg` from the repository's node_modules into `project`'s. */
function link(project: string, pkg: string): void {
    const target = path.join(ROOT, "node_modules", pkg);
    assert.ok(fs.existsSync(target), `${pkg} is installed in the repository (npm ci)`);
    const at = path.join(project, "node_modules", pkg);
    fs.mkdirSync(path.dirname(at), { recursive: true });
    fs.symlinkSync(target, at, "dir");
}

describe("a Pulumi user's first hour: the packed tarball in fresh template projects", function () {
    this.timeout(240_000);
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "kubegrant-consumer-"));
    const timings: string[] = [];
    let tarball = "";
    let packed: { dependencies?: Record<string, string>; exports: Record<string, string>; typesVersions: Record<string, Record<string, string[]>> };

    before(() => {
        // `npm pack` runs `prepare` (the build); when bin/ is newer than every source, pack it as it is.
        const sources = newest(path.join(ROOT, "components"), (f) => f.endsWith(".ts"), Math.max, fs.statSync(path.join(ROOT, "index.ts")).mtimeMs);
        const built = fs.existsSync(path.join(ROOT, "bin")) ? newest(path.join(ROOT, "bin"), (f) => f.endsWith(".js"), Math.min, Infinity) : 0;
        const t0 = Date.now();
        const pack = run("npm", ["pack", "--silent", "--pack-destination", work, ...(built > sources ? ["--ignore-scripts"] : [])], ROOT);
        assert.strictEqual(pack.status, 0, pack.stderr);
        tarball = path.join(work, pack.stdout.trim().split("\n").pop()!);
        timings.push(`npm pack${built > sources ? " (bin/ up to date)" : " (with build)"}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
        const extract = path.join(work, "extract");
        fs.mkdirSync(extract);
        const tar = run("tar", ["-xzf", tarball, "-C", extract], work);
        assert.strictEqual(tar.status, 0, tar.stderr);
        packed = JSON.parse(fs.readFileSync(path.join(extract, "package", "package.json"), "utf8"));
    });

    after(() => {
        fs.rmSync(work, { recursive: true, force: true });
        console.log(`      (consumer: ${timings.join("; ")})`);
    });

    it("ships LICENSE, README, the component references (the review report names them) and declarations, and types every sub-path under node10 too (typesVersions)", () => {
        const files = run("tar", ["-tzf", tarball], work).stdout.split("\n");
        for (const f of ["package/LICENSE", "package/README.md", "package/bin/index.d.ts", "package/bin/components/exports/aws.d.ts"]) assert.ok(files.includes(f), f);
        const references = fs.readdirSync(path.join(ROOT, "docs", "components")).map((f) => `package/docs/components/${f}`);
        assert.deepStrictEqual(files.filter((f) => f.startsWith("package/docs/")).sort(), references.sort(), "docs/components/*.md, and no other docs");
        assert.ok(!files.some((f) => f.startsWith("package/bin/tests/") || f.startsWith("package/bin/examples/")), "no tests or examples");
        const subpaths = Object.keys(packed.exports).filter((k) => k !== "." && k !== "./package.json").map((k) => k.slice(2));
        assert.deepStrictEqual(packed.typesVersions["*"], Object.fromEntries(subpaths.map((s) =>
            [s, [packed.exports[`./${s}`].slice(2).replace(/\.js$/, ".d.ts")]])), "typesVersions maps every sub-path export to its declarations");
    });

    it("README's first program is examples/castai-eks word for word (Pulumi.yaml, index.ts), with its config set --secret", () => {
        const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
        const start = readme.indexOf("## Use it in a Pulumi program");
        assert.ok(start >= 0, "README: ## Use it in a Pulumi program");
        const end = readme.indexOf("\n## ", start + 1);
        const section = readme.slice(start, end < 0 ? undefined : end);
        const block = (label: string, lang: string) => {
            const at = section.indexOf(`${label}:\n\n\`\`\`${lang}\n`);
            assert.ok(at >= 0, label);
            const body = section.slice(at + label.length + lang.length + 7);
            return body.slice(0, body.indexOf("```"));
        };
        for (const [file, lang] of [["Pulumi.yaml", "yaml"], ["index.ts", "ts"]]) {
            assert.strictEqual(block(`\`${file}\``, lang), fs.readFileSync(path.join(ROOT, "examples", "castai-eks", file), "utf8"), file);
        }
        assert.ok(section.includes("pulumi config set --secret castaiClusterId "), "the cluster ID set as a secret");
    });

    for (const p of PROJECTS) {
        describe(`a ${p.cloud}-only project (examples/${p.example} + tests/consumer/${p.cloud}.spec.ts)`, () => {
            const dir = path.join(work, p.cloud);

            before(() => {
                fs.mkdirSync(path.join(dir, "node_modules"), { recursive: true });
                const tar = run("tar", ["-xzf", tarball, "-C", path.join(dir, "node_modules")], dir);
                assert.strictEqual(tar.status, 0, tar.stderr);
                fs.renameSync(path.join(dir, "node_modules", "package"), path.join(dir, "node_modules", "kubegrant"));
                for (const pkg of [...TOOLS, "@pulumi/pulumi", ...p.providers, ...Object.keys(packed.dependencies ?? {})]) link(dir, pkg);
                for (const f of fs.readdirSync(path.join(ROOT, "examples", p.example))) {
                    if (/\.ts$|^Pulumi\.yaml$/.test(f)) fs.copyFileSync(path.join(ROOT, "examples", p.example, f), path.join(dir, f));
                }
                fs.copyFileSync(path.join(__dirname, "consumer", `${p.cloud}.spec.ts`), path.join(dir, "consumer.test.ts"));
                const lock = JSON.parse(fs.readFileSync(path.join(ROOT, "package-lock.json"), "utf8")) as { packages: Record<string, { version: string }> };
                const pin = (pkg: string) => lock.packages[`node_modules/${pkg}`].version;
                fs.writeFileSync(path.join(dir, "package.json"), `${JSON.stringify({
                    name: `consumer-${p.cloud}`, main: "index.ts",
                    dependencies: Object.fromEntries(["@pulumi/pulumi", ...p.providers].map((x) => [x, pin(x)]).concat([["kubegrant", `file:${tarball}`]])),
                    devDependencies: Object.fromEntries(TOOLS.map((x) => [x, pin(x)])),
                }, null, 2)}\n`);
                fs.writeFileSync(path.join(dir, "tsconfig.json"), `${JSON.stringify({ compilerOptions: TEMPLATE }, null, 4)}\n`);
                for (const [mode, options] of Object.entries(MODES)) {
                    fs.writeFileSync(path.join(dir, `tsconfig.${mode}.json`), `${JSON.stringify({ extends: "./tsconfig.json", compilerOptions: options }, null, 4)}\n`);
                }
            });

            it("sees no provider package but its own", () => {
                const others = ["@pulumi/aws", "@pulumi/gcp", "@pulumi/kubernetes", "@pulumi/azure-native", "@pulumi/azuread", "@pulumi/alicloud"]
                    .filter((x) => !p.providers.includes(x));
                const r = run(process.execPath, ["-e", `for (const x of ${JSON.stringify(others)}) { try { require.resolve(x); console.log(x); } catch {} }
                    require.resolve(${JSON.stringify(p.providers[0])});`], dir);
                assert.strictEqual(r.status, 0, r.stderr);
                assert.strictEqual(r.stdout, "", "resolvable other providers");
            });

            it(`type-checks under ${Object.keys(MODES).join(", ")} resolution without skipLibCheck`, () => {
                const r = run(process.execPath, ["-r", "ts-node/register/transpile-only", path.join(__dirname, "support", "consumer-typecheck.ts"), dir,
                    ...Object.keys(MODES).map((m) => `tsconfig.${m}.json`)], ROOT);
                assert.strictEqual(r.status, 0, r.stderr);
                const results = r.stdout.trim().split("\n").map((l) => JSON.parse(l) as { config: string; seconds: number; files: number; checked: number; full: boolean; errors: string });
                assert.strictEqual(results.length, Object.keys(MODES).length);
                for (const x of results) {
                    timings.push(`${p.cloud} ${x.config.split(".")[1]}: ${x.seconds.toFixed(1)} s (${x.files} files, ${x.full ? "all" : x.checked} checked)`);
                    assert.strictEqual(x.errors, "", x.config);
                    assert.ok(x.checked >= 3 && x.files > x.checked || x.full, `${x.config}: the project's files and kubegrant's declarations`);
                }
            });

            it("runs the program and the user's tests with mocha", () => {
                const tests = fs.readdirSync(dir).filter((f) => f.endsWith(".test.ts"));
                const r = run(process.execPath, [path.join(dir, "node_modules", "mocha", "bin", "mocha.js"), "--no-config", "--no-package",
                    "-r", "ts-node/register/transpile-only", "--timeout", "60000", "--reporter", "dot", ...tests], dir);
                timings.push(`${p.cloud} mocha (${tests.length} files): ${r.seconds.toFixed(1)} s`);
                assert.strictEqual(r.status, 0, r.stdout + r.stderr);
                assert.match(r.stdout, /[1-9]\d* passing/);
                assert.doesNotMatch(r.stdout, /failing|pending/);
            });

            it("the CLI renders this cloud's presets and names every missing package for the others", () => {
                const cli = path.join(dir, "node_modules", "kubegrant", "bin", "components", "render", "cli.js");
                for (const c of p.cli) {
                    const r = run(process.execPath, [cli, ...c.args], dir);
                    assert.strictEqual(r.status, c.status, `${c.args.join(" ")}: ${r.stderr}`);
                    if (c.stderr !== undefined) assert.strictEqual(r.stderr, c.stderr, c.args.join(" "));
                    else assert.strictEqual(r.stderr, "", c.args.join(" "));
                    if (c.stdout) c.stdout(r.stdout);
                    else assert.strictEqual(r.stdout, "");
                }
            });
        });
    }
});
