/**
 * `pulumi up` for real (issue 16): the Pulumi engine (the `pulumi` CLI), its state, diff, secrets
 * and stack references, and the Kubernetes provider, against a throwaway kube-apiserver with the
 * kube-controller-manager's namespace controller and garbage collector beside it (so `destroy`
 * finishes deleting namespaces). The API server's SubjectAccessReview judges the RBAC Pulumi
 * created; the render JSON says what Pulumi must create.
 *
 * Needs `bash scripts/pulumi-engine.sh` (pulumi + pulumi-resource-kubernetes, cached outside the
 * repository) and `bash scripts/kube-apiserver.sh` (kube-apiserver + kube-controller-manager) and
 * etcd. Without them the suite is skipped with one line saying so, unless
 * KUBEGRANT_REQUIRE_ENGINE=1 (set by .ci/run), which makes a missing binary a failure.
 *
 * The Node.js program runs in the Automation API's language server (tests/support/engine-run.ts):
 * the module proxy serves no pulumi-language-nodejs, so no language host binary is built.
 */
import * as assert from "assert";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { run as cli } from "./support/cli";
import { run as runProgram } from "../components/program/main";
import { KubeObject } from "../components/kubernetes/rbac";
import { ApiServer, findBinaries, findControllerManager, startApiServer } from "./support/apiserver";
import { Engine, REQUIRE_ENGINE_ENV, RunResult, StateResource, earlierPackage, findEngine } from "./support/engine";
import { castAiRows } from "./support/castai-k8s";
import { cloudPilotRowChecks } from "./support/cloudpilot-k8s";
import { RowCheck, showCheck } from "./support/rbac-rows";
import * as pulumi from "@pulumi/pulumi";

const ROOT = path.join(__dirname, "..");
/**
 * The earlier kubegrant the upgrade test deploys first (git worktree + npm pack of this commit):
 * main as this suite was written ("kube-apiserver.sh: build with Debian's Go 1.19").
 */
const EARLIER_COMMIT = "b0f1be35c0ac61fd7a84b8a2e44b9fc1f314afc7";

/** A render as the CLI prints it (`kubegrant render <preset> --format json`). */
interface RenderJson {
    readonly resources: { type: string; name: string; parent: string | null; inputs: Record<string, unknown> }[];
}

async function renderJson(preset: string, values: Readonly<Record<string, unknown>>): Promise<RenderJson> {
    const sets = Object.entries(values).flatMap(([k, v]) => ["--set", `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`]);
    const r = await cli("render", preset, "--format", "json", ...sets);
    assert.strictEqual(r.code, 0, r.err);
    return JSON.parse(r.out) as RenderJson;
}

const kubeObjects = (r: RenderJson) => r.resources.filter((x) => x.type.startsWith("kubernetes:")).map((x) => x.inputs as unknown as KubeObject);
/** Pulumi's resource name of a URN (its last `::` part). */
const urnName = (urn: string) => urn.split("::").pop()!;
const kindName = (o: KubeObject) => `${o.kind} ${o.metadata.namespace ? `${o.metadata.namespace}/` : ""}${o.metadata.name}`;

/** The stack config of a preset's values (`kubegrant:<key>`; lists and objects as JSON). */
function presetConfig(preset: string, values: Readonly<Record<string, unknown>>): Record<string, string> {
    return {
        "kubegrant:preset": preset,
        ...Object.fromEntries(Object.entries(values).map(([k, v]) => [`kubegrant:${k}`, typeof v === "string" ? v : JSON.stringify(v)])),
    };
}

/** What a second `up` or a preview changes: every count but "same". */
const changed = (r: RunResult) => Object.fromEntries(Object.entries(r.changes ?? {}).filter(([op, n]) => op !== "same" && n > 0));

const SAR_CONCURRENCY = 16;

async function wrongAnswers(server: ApiServer, checks: readonly RowCheck[]): Promise<string[]> {
    const unique = new Map<string, RowCheck>();
    for (const c of checks) unique.set(JSON.stringify([c.who, c.request]), c);
    const asked = [...unique.values()];
    const answers = await ApiServer.pool(asked, SAR_CONCURRENCY, (c) => server.allowed(c.who, c.request));
    const answer = new Map(asked.map((c, i) => [JSON.stringify([c.who, c.request]), answers[i]]));
    return checks.filter((c) => answer.get(JSON.stringify([c.who, c.request])) !== c.allowed)
        .map((c) => `${showCheck(c)}: server says ${c.allowed ? "denied" : "allowed"}`);
}

/** The objects of `objects` the server still has (GET is not 404). */
async function present(server: ApiServer, objects: readonly KubeObject[]): Promise<string[]> {
    const out: string[] = [];
    for (const o of objects) {
        const r = await server.request("GET", await server.pathOf(o));
        if (r.status !== 404) out.push(`${kindName(o)} (HTTP ${r.status})`);
    }
    return out;
}

/** Waits until none of `objects` is left (a namespace takes the controller manager a few seconds). */
async function gone(server: ApiServer, objects: readonly KubeObject[], ms = 90_000): Promise<string[]> {
    const deadline = Date.now() + ms;
    for (;;) {
        const left = await present(server, objects);
        if (left.length === 0 || Date.now() > deadline) return left;
        await new Promise((r) => setTimeout(r, 1_000));
    }
}

const engineBins = findEngine();
const apiBins = findBinaries();
const kcm = "missing" in apiBins ? apiBins : findControllerManager(apiBins);
const missing = [engineBins, apiBins, kcm].filter((b): b is { missing: string } => typeof b === "object" && "missing" in b).map((b) => b.missing).filter((m, i, all) => all.indexOf(m) === i);

describe("pulumi up for real: the Pulumi engine and Kubernetes provider against a real API server", function () {
    if (missing.length > 0) {
        if (process.env[REQUIRE_ENGINE_ENV] === "1") {
            it(`has the engine, kube-apiserver and kube-controller-manager (${REQUIRE_ENGINE_ENV} is set)`, () => assert.fail(missing.join("; ")));
        } else {
            it.skip(`SKIPPED: ${missing.join("; ")}`);
        }
        return;
    }
    this.timeout(600_000);
    const bin = (engineBins as { binDir: string }).binDir;
    let server: ApiServer;
    let engine: Engine;
    let stop: (() => Promise<void>) | undefined;
    let kubeconfig: string;
    const t0 = Date.now();

    /** A project of the repository's root program: its Pulumi.yaml, bin/ and node_modules. */
    const rootProject = (name: string, binDir = path.join(ROOT, "bin")) => engine.project(name, fs.readFileSync(path.join(ROOT, "Pulumi.yaml"), "utf8"),
        { bin: binDir, node_modules: path.join(ROOT, "node_modules"), "package.json": path.join(ROOT, "package.json") });

    async function up(dir: string, stack: string): Promise<RunResult> {
        const r = await engine.run("up", dir, stack);
        assert.ok(r.ok, `pulumi up failed: ${r.error}\n${r.log}`);
        return r;
    }

    /** Kubernetes objects in the state, as `<type> <name>` of the URN, and their kinds and names as the server has them. */
    function stateObjects(res: readonly StateResource[]): { urns: string[]; objects: string[] } {
        const k8s = res.filter((r) => r.type.startsWith("kubernetes:") && !r.type.startsWith("pulumi:providers:"));
        return {
            urns: k8s.map((r) => `${r.type} ${urnName(r.urn)}`).sort(),
            objects: k8s.map((r) => {
                const o = r.outputs as unknown as KubeObject;
                return kindName(o);
            }).sort(),
        };
    }

    before(async () => {
        const binaries = apiBins as Exclude<typeof apiBins, { missing: string }>;
        const started = await startApiServer(binaries, { controllerManager: kcm as string });
        server = started.server;
        stop = started.stop;
        kubeconfig = started.kubeconfig;
        engine = new Engine(bin, kubeconfig);
        await engine.login();
        // The root program runs bin/ (Pulumi.yaml main): it must be built from these sources.
        const built = fs.statSync(path.join(ROOT, "bin", "components", "program", "main.js")).mtimeMs;
        const newer = execFileSync("find", [path.join(ROOT, "components"), "-name", "*.ts", "-newermt", new Date(built).toISOString()], { encoding: "utf8" }).trim();
        assert.strictEqual(newer, "", "bin/ is older than these sources: npm run build");
    });
    after(async () => {
        await stop?.();
        engine?.dispose();
        console.log(`      (engine suite: ${((Date.now() - t0) / 1000).toFixed(0)} s with ${bin}/pulumi)`);
    });

    interface Phase {
        readonly title: string;
        readonly values: Record<string, unknown>;
        readonly rows: () => RowCheck[];
    }
    const PRESETS: readonly { preset: string; phases: readonly Phase[] }[] = [
        {
            preset: "castai-kubernetes", phases: [
                { title: "phase 1", values: { extendedPermissions: false }, rows: () => castAiRows(false) },
                { title: "phase 2", values: { extendedPermissions: true }, rows: () => castAiRows(true) },
            ],
        },
        { preset: "cloudpilot-kubernetes", phases: [{ title: "phase 2", values: { optimizer: true }, rows: () => cloudPilotRowChecks(true) }] },
    ];

    for (const { preset, phases } of PRESETS) {
        describe(`the root program (Pulumi.yaml, stack config only): ${preset}`, () => {
            let dir: string;
            const stack = `root-${preset}`;
            const everRendered: KubeObject[] = [];
            before(() => {
                dir = rootProject(`root-${preset}`);
            });

            for (const phase of phases) {
                describe(`${phase.title} (${JSON.stringify(phase.values)})`, () => {
                    let rendered: RenderJson;
                    it("pulumi up creates every object the render JSON shows, with its kind and name", async () => {
                        rendered = await renderJson(preset, phase.values);
                        everRendered.push(...kubeObjects(rendered));
                        const config = presetConfig(preset, phase.values);
                        if (phase === phases[0]) await engine.stack(dir, stack, config);
                        else for (const [k, v] of Object.entries(config)) await engine.must(["config", "set", "--stack", stack, k, v], dir);
                        await up(dir, stack);
                        const state = stateObjects(await engine.resources(dir, stack));
                        const kube = rendered.resources.filter((x) => x.type.startsWith("kubernetes:"));
                        assert.deepStrictEqual(state.urns, kube.map((x) => `${x.type} ${x.name}`).sort(), "Pulumi resources (type and name) = the render's");
                        assert.deepStrictEqual(state.objects, kubeObjects(rendered).map(kindName).sort(), "objects (kind and name) = the render's");
                        assert.deepStrictEqual(await present(server, kubeObjects(rendered)), kubeObjects(rendered).map((o) => `${kindName(o)} (HTTP 200)`),
                            "the API server has every rendered object");
                    });

                    it("the API server's SubjectAccessReview answers every seed row for the objects Pulumi created", async () => {
                        const checks = phase.rows();
                        assert.ok(checks.length > 0);
                        assert.deepStrictEqual(await wrongAnswers(server, checks), []);
                    });

                    it("a second pulumi up reports no changes", async () => {
                        const r = await up(dir, stack);
                        assert.deepStrictEqual(changed(r), {}, JSON.stringify(r.changes));
                        assert.ok((r.changes?.same ?? 0) > 0);
                    });
                });
            }

            describe("then", () => {
                it("pulumi destroy leaves none of our objects (the namespace finishes deleting)", async () => {
                    const r = await engine.destroy(dir, stack);
                    assert.strictEqual(r.code, 0, `${r.out}\n${r.err}`);
                    assert.deepStrictEqual(await gone(server, everRendered), []);
                    assert.deepStrictEqual(await engine.resources(dir, stack), []);
                });
            });
        });
    }

    describe("an example program using the components directly: examples/cloudpilot-kubernetes", () => {
        const example = path.join(ROOT, "examples", "cloudpilot-kubernetes");
        let dir: string;
        let rendered: RenderJson;
        const stack = "example";
        it("pulumi up creates the objects render shows for the same values", async () => {
            dir = engine.project("example-cloudpilot", fs.readFileSync(path.join(example, "Pulumi.yaml"), "utf8"),
                { "index.ts": path.join(example, "index.ts"), node_modules: path.join(ROOT, "node_modules") });
            await engine.stack(dir, stack, { "cloudpilot-kubernetes:optimizer": "true" });
            await up(dir, stack);
            rendered = await renderJson("cloudpilot-kubernetes", { optimizer: true });
            const state = stateObjects(await engine.resources(dir, stack));
            assert.deepStrictEqual(state.objects, kubeObjects(rendered).map(kindName).sort());
            assert.deepStrictEqual(await wrongAnswers(server, cloudPilotRowChecks(true)), []);
        });
        it("a second up reports no changes; destroy leaves nothing", async () => {
            assert.deepStrictEqual(changed(await up(dir, stack)), {});
            const r = await engine.destroy(dir, stack);
            assert.strictEqual(r.code, 0, `${r.out}\n${r.err}`);
            assert.deepStrictEqual(await gone(server, kubeObjects(rendered)), []);
        });
    });

    describe("bad stack config: pulumi up fails with the component's one-line message and creates nothing", () => {
        const ANNOTATIONS = JSON.stringify({ "cloudpilot-agent": { "eks.amazonaws.com/role-arn": "arn:aws:iam::123456789012:role/cloudpilot" } });
        const CASES: readonly [string, Record<string, string>, string[]?][] = [
            // Before the fix the engine stored this value in plaintext in every state file.
            ["an object key set with --secret (it would be stored in plaintext)",
                { "kubegrant:preset": "cloudpilot-kubernetes", "kubegrant:serviceAccountAnnotations": ANNOTATIONS }, ["kubegrant:serviceAccountAnnotations"]],
            ["a boolean key that is not a boolean", { "kubegrant:preset": "cloudpilot-kubernetes", "kubegrant:optimizer": "maybe" }],
            ["inputsFrom for a preset that reads no key from other stacks",
                { "kubegrant:preset": "castai-kubernetes", "kubegrant:inputsFrom": JSON.stringify({ namespace: "organization/cluster/prod#namespace" }) }],
        ];
        CASES.forEach(([what, config, secret = []], i) => {
            it(what, async () => {
                // The message the program gives under mocks, for the same config.
                pulumi.runtime.setAllConfig(config, secret);
                let expected = "";
                try {
                    runProgram();
                } catch (e) {
                    expected = (e as Error).message;
                } finally {
                    pulumi.runtime.setAllConfig({}, []);
                }
                assert.ok(expected && !expected.includes("\n"), `one line under mocks: ${expected}`);
                const dir = rootProject(`bad-${i}`);
                await engine.stack(dir, `bad-${i}`, config, secret);
                const r = await engine.run("up", dir, `bad-${i}`);
                assert.strictEqual(r.ok, false, r.log);
                const lines = r.log.split("\n").map((l) => l.trim());
                assert.ok(lines.some((l) => l.endsWith(expected)), `the engine's output has the line ${JSON.stringify(expected)}:\n${r.log}`);
                assert.deepStrictEqual(lines.filter((l) => /^at .*\(.*:\d+:\d+\)$/.test(l)), [], `no stack trace:\n${r.log}`);
                // Reported as a RunError (InputError carries __pulumiRunError), not as an unhandled exception.
                assert.ok(!r.log.includes("Unhandled exception"), `reported as a RunError:\n${r.log}`);
                const res = await engine.resources(dir, `bad-${i}`);
                assert.deepStrictEqual(res.filter((x) => x.type !== "pulumi:pulumi:Stack").map((x) => x.urn), [], "no resource in the state");
            });
        });
    });

    describe("secrets: a secret config value has no plaintext in the state files", () => {
        it("kubernetes:kubeconfig set with --secret (it holds the admin token): the provider uses it, no state file holds the token", async () => {
            const text = fs.readFileSync(kubeconfig, "utf8");
            const token = (JSON.parse(text) as { users: { user: { token: string } }[] }).users[0].user.token;
            const dir = rootProject("secret-kubeconfig");
            await engine.stack(dir, "secret-kubeconfig", { ...presetConfig("cloudpilot-kubernetes", {}), "kubernetes:kubeconfig": text }, ["kubernetes:kubeconfig"]);
            const env = { ...engine.env };
            try {
                // Only the stack's kubeconfig reaches the cluster.
                engine.env.KUBECONFIG = "/dev/null";
                await up(dir, "secret-kubeconfig");
            } finally {
                engine.env.KUBECONFIG = env.KUBECONFIG;
            }
            const objects = kubeObjects(await renderJson("cloudpilot-kubernetes", {}));
            assert.deepStrictEqual(await present(server, objects), objects.map((o) => `${kindName(o)} (HTTP 200)`));
            const files = [...engine.stateFiles(), { file: path.join(dir, "Pulumi.secret-kubeconfig.yaml"), text: fs.readFileSync(path.join(dir, "Pulumi.secret-kubeconfig.yaml"), "utf8") }];
            assert.ok(files.length > 2, files.map((f) => f.file).join(", "));
            assert.deepStrictEqual(files.filter((f) => f.text.includes(token)).map((f) => path.relative(engine.home, f.file)), []);
            engine.env.KUBECONFIG = "/dev/null";
            try {
                const r = await engine.destroy(dir, "secret-kubeconfig");
                assert.strictEqual(r.code, 0, `${r.out}\n${r.err}`);
            } finally {
                engine.env.KUBECONFIG = env.KUBECONFIG;
            }
            assert.deepStrictEqual(await gone(server, objects), []);
        });
    });

    describe(`upgrade: up with kubegrant at ${EARLIER_COMMIT.slice(0, 12)} (git worktree + npm pack), then preview with this checkout`, () => {
        /** `up` with the earlier package, then `preview` with this checkout; the preview's steps, then destroy. */
        async function upgrade(stack: string, values: Record<string, unknown>): Promise<{ replaced: string[]; deleted: string[]; kept: string[] }> {
            const pkg = earlierPackage(EARLIER_COMMIT);
            const dir = rootProject(stack, path.join(pkg, "bin"));
            await engine.stack(dir, stack, presetConfig("castai-kubernetes", values));
            const before = await up(dir, stack);
            const oldUrns = before.steps.map((s) => s.urn);
            // The same stack and state, this checkout's program.
            fs.rmSync(path.join(dir, "bin"));
            fs.symlinkSync(path.join(ROOT, "bin"), path.join(dir, "bin"));
            const preview = await engine.run("preview", dir, stack);
            assert.ok(preview.ok, `${preview.error}\n${preview.log}`);
            const updated = preview.steps.filter((x) => x.op === "update").map((x) => urnName(x.urn));
            console.log(`      upgrade preview: ${JSON.stringify(preview.changes)}; updated: ${updated.join(", ") || "none"}`);
            // What the new program declares: every step but a delete.
            const declared = new Set(preview.steps.filter((x) => x.op !== "delete").map((x) => x.urn));
            const deleted = preview.steps.filter((x) => x.op === "delete").map((x) => x.urn);
            // Deleted only what the new program no longer declares, and only what the old one created.
            for (const urn of deleted) assert.ok(oldUrns.includes(urn) && !declared.has(urn), urn);
            const replaced = preview.steps.filter((x) => ["replace", "create-replacement", "delete-replaced"].includes(x.op)).map((x) => `${x.op} ${x.urn}`);
            const r = await engine.destroy(dir, stack);
            assert.strictEqual(r.code, 0, `${r.out}\n${r.err}`);
            assert.deepStrictEqual(await gone(server, kubeObjects(await renderJson("castai-kubernetes", values))), []);
            return { replaced, deleted, kept: [...declared] };
        }

        it("with the components listed, replaces and deletes nothing", async () => {
            const { replaced, deleted } = await upgrade("upgrade-listed", { components: ["agent", "cluster-controller", "evictor", "pod-pinner", "operator"] });
            assert.deepStrictEqual(replaced, []);
            assert.deepStrictEqual(deleted, []);
        });

        it("with the default components, replaces nothing and deletes exactly the phase 2 components' objects (issue 13: phase 1 by default)", async () => {
            const { replaced, deleted } = await upgrade("upgrade-default", { extendedPermissions: false });
            assert.deepStrictEqual(replaced, []);
            // The earlier default was all five components; now the agent and the operator (docs/components/castai-kubernetes.md: upgrading).
            const names = deleted.map(urnName).sort();
            assert.ok(names.length > 0 && names.every((n) => /castai-(cluster-controller|evictor|pod-pinner)$/.test(n)), names.join(", "));
            assert.strictEqual(names.length, 11, names.join(", "));
        });
    });
});
