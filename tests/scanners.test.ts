/**
 * Third-party judges of escalation (issue 13), on what users get from the render CLI:
 * - every AWS identity policy document of every AWS preset × mode through cloudsplaining
 *   (privilege escalation, resource exposure, data exfiltration, credentials exposure,
 *   infrastructure modification) and parliament (policy lint);
 * - the YAML of every Kubernetes preset × mode (and Cast AI's clusterRbac in the cloud presets)
 *   through checkov's Kubernetes checks (CKV_K8S_155 webhooks, 156 CSR approval, 157 bind,
 *   158 escalate, CKV2_K8S_3 impersonate, CKV2_K8S_2 nodes/proxy and pods/exec, CKV2_K8S_5
 *   secrets, …).
 * Every finding must be in tests/scanners-expected.ts with the reason it is accepted, and every
 * entry there must still be reported. KUBEGRANT_SCANNERS_RECORD=1 prints the current findings in
 * the table's format.
 *
 * Needs the tools (`bash scripts/scanners.sh`, cached outside the repo). Without them the tests are
 * skipped with one line saying so, unless KUBEGRANT_REQUIRE_SCANNERS=1 (set by .ci/run).
 * Alibaba's RAM policies are not judged: the three tools know only AWS IAM actions and
 * Kubernetes manifests.
 */
import * as assert from "assert";
import { run } from "./support/cli";
import {
    AwsCase, Finding, IDENTITY_FIELD, KubeCase, RECORD_ENV, REQUIRE_ENV, TRUST_FIELD,
    compare, countByJudge, findScanners, judgeAws, judgeKubernetes, policyDocuments, record,
} from "./support/scanners";
import { AWS_CASES, EXPECTED, KUBE_CASES, ScanCase } from "./scanners-expected";

const scanners = findScanners();
const recording = process.env[RECORD_ENV] === "1";

/** `render <preset> --set k=v ...` through the CLI users run; JSON or YAML. */
async function renderCase(c: ScanCase, format: "json" | "yaml"): Promise<string> {
    const sets = Object.entries(c.values).flatMap(([k, v]) => ["--set", `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`]);
    const r = await run("render", c.preset, "--format", format, ...sets);
    assert.strictEqual(r.code, 0, `${c.name}: render failed: ${r.err}`);
    return r.out;
}

function report(kind: string, cases: readonly ScanCase[], findings: Map<string, Finding[]>): void {
    if (!recording) return;
    const tables = cases.map((c) => record(c.name, findings.get(c.name)!, EXPECTED[c.name]));
    const counts = cases.map((c) => `${c.name}: ${JSON.stringify(countByJudge(findings.get(c.name)!))}`);
    process.stdout.write(`\n${RECORD_ENV}: ${kind} findings\n${tables.join("\n")}\n${counts.join("\n")}\n`);
}

describe("third-party scanners judge every render (cloudsplaining, parliament, checkov)", function () {
    if ("missing" in scanners) {
        if (process.env[REQUIRE_ENV] === "1") {
            it(`has the scanners (${REQUIRE_ENV} is set)`, () => assert.fail(scanners.missing));
        } else {
            it.skip(`SKIPPED: ${scanners.missing}`);
        }
        return;
    }
    const bin = scanners.bin;

    it("has an expected table for exactly the cases judged", () => {
        assert.deepStrictEqual(Object.keys(EXPECTED).sort(), [...AWS_CASES, ...KUBE_CASES].map((c) => c.name).sort());
    });

    describe("AWS identity policies: cloudsplaining scan-policy-file and parliament", function () {
        this.timeout(300_000);
        const cases: AwsCase[] = [];
        let findings: Map<string, Finding[]>;

        before(async function () {
            this.timeout(300_000);
            for (const c of AWS_CASES) {
                cases.push({ name: c.name, policies: policyDocuments(JSON.parse(await renderCase(c, "json"))) });
            }
            findings = await judgeAws(bin, cases);
            report("AWS", AWS_CASES, findings);
        });

        it("every policy document of a render is an identity policy (judged) or a trust policy (not judgeable by these tools)", () => {
            for (const c of cases) {
                const other = c.policies.filter((p) => p.field !== IDENTITY_FIELD && p.field !== TRUST_FIELD);
                assert.deepStrictEqual(other.map((p) => `${p.name} ${p.field}`), [], c.name);
                assert.ok(c.policies.some((p) => p.field === IDENTITY_FIELD), `${c.name}: no identity policy rendered`);
            }
        });

        for (const c of AWS_CASES) {
            it(`${c.name}: every finding is expected, with its reason, and every expected one is reported`, () => {
                assert.deepStrictEqual(compare(c.name, findings.get(c.name)!, EXPECTED[c.name] ?? {}), []);
            });
        }
    });

    describe("Kubernetes RBAC: checkov --framework kubernetes on the rendered YAML", function () {
        this.timeout(300_000);
        let findings: Map<string, Finding[]>;
        let resources = 0;

        before(async function () {
            this.timeout(300_000);
            const cases: KubeCase[] = [];
            for (const c of KUBE_CASES) cases.push({ name: c.name, yaml: await renderCase(c, "yaml") });
            ({ findings, resources } = await judgeKubernetes(bin, cases));
            report("Kubernetes", KUBE_CASES, findings);
        });

        it("checkov parsed every rendered object", () => {
            assert.ok(resources > KUBE_CASES.length * 5, `checkov saw only ${resources} resources`);
        });

        for (const c of KUBE_CASES) {
            it(`${c.name}: every finding is expected, with its reason, and every expected one is reported`, () => {
                assert.deepStrictEqual(compare(c.name, findings.get(c.name)!, EXPECTED[c.name] ?? {}), []);
            });
        }
    });
});
