/**
 * kubegrant/policy under the real engine: `pulumi preview --policy-pack` of the root program
 * (castai-kubernetes) against a real API server, once as kubegrant renders it and once with a
 * user's escalating ClusterRole bound to Cast AI's agent.
 *
 * The engine we build (scripts/pulumi-engine.sh) has no Node.js language host: the Go module proxy
 * serves no pulumi-language-nodejs, and a policy pack directory (PulumiPolicy.yaml, runtime nodejs)
 * is started through that host's RunPlugin. The engine also starts an analyzer from an executable
 * file (pkg/resource/plugin/analyzer_plugin.go: "launch it directly as a binary analyzer plugin"),
 * so the pack is started by a two-line shell script running the Node.js SDK's own policy-pack
 * runner (`@pulumi/pulumi/cmd/run-policy-pack`, what the language host runs) in the pack directory.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { findBinaries, startApiServer } from "./support/apiserver";
import { Engine, REQUIRE_ENGINE_ENV, findEngine } from "./support/engine";

const ROOT = path.join(__dirname, "..");
const engineBins = findEngine();
const apiBins = findBinaries();
const missing = [engineBins, apiBins].filter((b): b is { missing: string } => "missing" in b).map((b) => b.missing);

describe("kubegrant/policy with the real engine: pulumi preview --policy-pack", function () {
    if (missing.length > 0) {
        if (process.env[REQUIRE_ENGINE_ENV] === "1") it(`has the engine and kube-apiserver (${REQUIRE_ENGINE_ENV} is set)`, () => assert.fail(missing.join("; ")));
        else it.skip(`SKIPPED: ${missing.join("; ")}`);
        return;
    }
    this.timeout(600_000);
    let engine: Engine;
    let stop: (() => Promise<void>) | undefined;
    let pack: string;
    let shim: string;

    /** A project running the root program (bin/), plus `extra` JavaScript after it (the user's own resources). */
    function project(name: string, extra = ""): string {
        const dir = engine.project(name, fs.readFileSync(path.join(ROOT, "Pulumi.yaml"), "utf8").replace(/^main: .*$/m, "main: index.js"),
            { bin: path.join(ROOT, "bin"), node_modules: path.join(ROOT, "node_modules"), "package.json": path.join(ROOT, "package.json") });
        fs.writeFileSync(path.join(dir, "index.js"), `module.exports = require("./bin/components/program/index.js");\n${extra}`);
        return dir;
    }

    before(async () => {
        const started = await startApiServer(apiBins as Exclude<typeof apiBins, { missing: string }>);
        stop = started.stop;
        engine = new Engine((engineBins as { binDir: string }).binDir, started.kubeconfig);
        await engine.login();
        // The policy pack project a user writes (docs/guides/policy-pack.md), with kubegrant from bin/.
        pack = path.join(engine.home, "policy");
        fs.mkdirSync(pack);
        fs.writeFileSync(path.join(pack, "PulumiPolicy.yaml"), "runtime: nodejs\ndescription: kubegrant's guard rails\n");
        fs.writeFileSync(path.join(pack, "package.json"), JSON.stringify({ name: "kubegrant-policy", version: "0.1.0", main: "index.js" }));
        fs.writeFileSync(path.join(pack, "index.js"), `require(${JSON.stringify(path.join(ROOT, "bin", "components", "exports", "policy"))}).kubegrantPolicyPack();\n`);
        fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(pack, "node_modules"));
        shim = path.join(pack, "kubegrant-policy-analyzer");
        fs.writeFileSync(shim, `#!/bin/sh\ncd ${JSON.stringify(pack)} && exec ${JSON.stringify(process.execPath)} ${JSON.stringify(path.join(ROOT, "node_modules", "@pulumi", "pulumi", "cmd", "run-policy-pack"))} "$1" .\n`, { mode: 0o755 });
    });
    after(async () => {
        await stop?.();
        engine?.dispose();
    });

    it("the pack directory itself needs the Node.js language host, which this engine lacks: the engine says so", async () => {
        const dir = project("policy-dir");
        await engine.stack(dir, "dir", { "kubegrant:preset": "castai-kubernetes" });
        const r = await engine.run("preview", dir, "dir", pack);
        assert.ok(!r.ok, r.log);
        console.log(`      (engine on the pack directory: ${(r.error ?? "").split("\n").filter((l) => /language|runtime|nodejs|policy/i.test(l)).slice(0, 3).join(" | ")})`);
        assert.match(r.error ?? "", /nodejs|language/i);
    });

    it("castai-kubernetes phase 2 as kubegrant renders it (its namespace `*` Role is a catalog risk, an opt-in): every policy passes", async () => {
        const dir = project("policy-pass");
        await engine.stack(dir, "pass", { "kubegrant:preset": "castai-kubernetes", "kubegrant:extendedPermissions": "true" });
        const r = await engine.run("preview", dir, "pass", shim);
        console.log(r.log.trimEnd().split("\n").slice(-8).map((l) => `      | ${l}`).join("\n"));
        assert.ok(r.ok, `${r.error}\n${r.log}`);
        assert.match(r.log, /Policy Packs run:\n\s+Name\s+Version\n\s+kubegrant\|local\|\S+kubegrant-policy-analyzer\s+0\.1\.0/);
        assert.doesNotMatch(r.log, /\[(mandatory|advisory)\]/);
        assert.ok((r.changes?.create ?? 0) > 30, JSON.stringify(r.changes));
    });

    it("with a user's ClusterRole holding escalate bound to Cast AI's agent: the mandatory policy fails the preview", async () => {
        const dir = project("policy-fail", `
const k8s = require("@pulumi/kubernetes");
new k8s.rbac.v1.ClusterRole("escalator", { metadata: { name: "escalator" },
    rules: [{ apiGroups: ["rbac.authorization.k8s.io"], resources: ["clusterroles"], verbs: ["escalate"] }] });
new k8s.rbac.v1.ClusterRoleBinding("escalator", { metadata: { name: "escalator" },
    roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "escalator" },
    subjects: [{ kind: "ServiceAccount", name: "castai-agent", namespace: "castai-agent" }] });
`);
        await engine.stack(dir, "fail", { "kubegrant:preset": "castai-kubernetes" });
        const r = await engine.run("preview", dir, "fail", shim);
        console.log(r.log.split("\n").filter((l) => /kubegrant@v|escalator binds|Policy Packs run|kubegrant\|local\|/.test(l)).map((l) => `      | ${l}`).join("\n"));
        assert.ok(!r.ok, r.log);
        assert.match(r.log, /kubegrant@v0\.1\.0 \[mandatory\] {2}kubegrant-no-escalating-role-for-vendor {2}\(kubernetes:rbac\.authorization\.k8s\.io\/v1:ClusterRoleBinding: escalator\)/);
        assert.match(r.log, /escalator binds ClusterRole escalator \(rules "rbac\.authorization\.k8s\.io clusterroles: escalate": escalate, bind or impersonate\) to the vendor's service account castai-agent\/castai-agent\./);
    });
});
