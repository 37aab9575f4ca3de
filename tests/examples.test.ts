/**
 * Every example runs under mocks in `npm test`, so examples can never rot (and `tsc` type-checks
 * them as users' code). Adding an example is a directory plus one line in EXAMPLES: the config its
 * README tells users to set, and the other stacks it reads.
 */
import * as assert from "assert";
import { existsSync, readFileSync, readdirSync } from "fs";
import { dirname, join } from "path";
import { parse } from "yaml";
import { MockOptions, ProgramRun, isSecretValue, mockSecret, redactSecrets, revealSecrets, runProgram } from "../components/exports/testing";
import { presetNames } from "../components/render/preset";

const ROOT = join(__dirname, "..", "examples");
const CLUSTER_ID = "3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b";
const REGISTRATION = "acme/castai-registration/prod";

interface Example {
    /** The project's directory under examples/. */
    readonly dir: string;
    /** Which variant, when a directory runs more than once. */
    readonly variant?: string;
    /** Stack config (`key` of the project or `namespace:key`) and secret stack config. */
    readonly config?: Readonly<Record<string, unknown>>;
    readonly secretConfig?: Readonly<Record<string, unknown>>;
    /** Other stacks' outputs: mocked, or the directory of an example (run before) whose outputs they are. */
    readonly stacks?: Readonly<Record<string, Readonly<Record<string, unknown>> | string>>;
    readonly mocks?: MockOptions;
    /** Outputs checked exactly (secrets as "[secret]"); every output is checked to resolve. */
    readonly expect?: Readonly<Record<string, unknown>>;
}

const EXAMPLES: readonly Example[] = [
    { dir: "castai-eks", mocks: { awsRegion: "eu-central-1" }, config: { "aws:region": "eu-central-1", clusterName: "prod-eu", vpcId: "vpc-0a1b2c3d4e5f67890" }, secretConfig: { castaiClusterId: CLUSTER_ID }, expect: { roleArn: "arn:aws:iam::123456789012:role/castai-eks-prod-eu", externalId: "[secret]" } },
    { dir: "castai-gke", config: { "gcp:project": "acme-prod", clusterName: "prod-eu", location: "europe-west1", castaiServiceAccount: "cast-gke-1a2b3c4d@prod-cast-identity.iam.gserviceaccount.com", nodeServiceAccountIds: ["112233445566778899001"] }, expect: { serviceAccountEmail: "castai-gke-f00c9019@acme-prod.iam.gserviceaccount.com" } },
    { dir: "castai-aks", mocks: { azureSubscriptionId: "2b3c4d5e-6f70-4a81-9b2c-3d4e5f607182" }, config: { "azure-native:location": "westeurope", clusterName: "prod-weu", resourceGroup: "rg-prod", nodeResourceGroup: "MC_rg-prod_prod-weu_westeurope", location: "westeurope", castaiIdentitySubject: "112233445566778899001" }, secretConfig: { castaiClusterId: CLUSTER_ID }, expect: { subscriptionId: "2b3c4d5e-6f70-4a81-9b2c-3d4e5f607182", tenantId: "11111111-0000-4000-8000-000000000001", roleName: "[secret]" } },
    { dir: "castai-kubernetes", config: { "kubernetes:context": "prod-eu", extendedPermissions: true }, expect: { namespace: "castai-agent" } },
    { dir: "cloudpilot-eks", mocks: { awsRegion: "eu-central-1" }, config: { "aws:region": "eu-central-1", clusterName: "prod-eu" }, expect: { serviceAccount: "cloudpilot/cloudpilot-aws-optimizer", nodeRoleName: "CloudPilotNodeRole-prod-eu" } },
    { dir: "cloudpilot-kubernetes", config: { "kubernetes:context": "prod-eu", optimizer: true }, expect: { namespace: "cloudpilot", serviceAccountNames: { agent: "cloudpilot-agent", optimizer: "cloudpilot-aws-optimizer" } } },
    { dir: "cloudpilot-alibaba", mocks: { alicloudAccountId: "1234567890123456" }, config: { "alicloud:region": "cn-hangzhou", clusterName: "prod-hz", internalClusterId: "c0123456789abcdef0123456789abcdef", accountId: "1234567890123456", oidcIssuerUrl: "https://oidc-ack-cn-hangzhou.oss-cn-hangzhou.aliyuncs.com/c0123456789abcdef0123456789abcdef" }, expect: { roleArn: "acs:ram::1234567890123456:role/CloudPilotAlibaba-prod-hz" } },
    { dir: "palette-aws", config: { "aws:region": "us-east-1", paletteAccountId: "111122223333", eks: true }, secretConfig: { paletteExternalId: "palette-ext-7f3a" }, expect: { arn: "arn:aws:iam::123456789012:role/SpectroCloudRole", externalId: "[secret]" } },
    // One onboarding across clouds: the registration stack first, every other stack reads its real outputs.
    { dir: "multi-cloud/registration", secretConfig: { eksClusterId: CLUSTER_ID, gkeClusterId: "7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f", aksClusterId: "9b8a7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d" }, config: { gkeImpersonationAccount: "cast-gke-1a2b3c4d@prod-cast-identity.iam.gserviceaccount.com", aksIdentitySubject: "112233445566778899001" } },
    { dir: "multi-cloud/aws", stacks: { [REGISTRATION]: "multi-cloud/registration" }, mocks: { awsRegion: "eu-central-1" }, config: { registrationStack: REGISTRATION, "aws:region": "eu-central-1", clusterName: "prod-eu", vpcId: "vpc-0a1b2c3d4e5f67890" }, expect: { roleArn: "arn:aws:iam::123456789012:role/castai-eks-prod-eu", externalId: "[secret]" } },
    { dir: "multi-cloud/gcp", stacks: { [REGISTRATION]: "multi-cloud/registration" }, config: { registrationStack: REGISTRATION, "gcp:project": "acme-prod", clusterName: "prod-eu", location: "europe-west1", nodeServiceAccountIds: ["112233445566778899001"] }, expect: { serviceAccountEmail: "castai-gke-f00c9019@acme-prod.iam.gserviceaccount.com" } },
    { dir: "multi-cloud/azure", variant: "workload identity", stacks: { [REGISTRATION]: "multi-cloud/registration" }, config: { registrationStack: REGISTRATION, "azure-native:location": "westeurope", clusterName: "prod-weu", resourceGroup: "rg-prod", nodeResourceGroup: "MC_rg-prod_prod-weu_westeurope", location: "westeurope" }, expect: { roleName: "[secret]" } },
    { dir: "multi-cloud/azure", variant: "client secret", stacks: { [REGISTRATION]: "multi-cloud/registration" }, config: { registrationStack: REGISTRATION, "azure-native:location": "westeurope", clusterName: "prod-weu", resourceGroup: "rg-prod", nodeResourceGroup: "MC_rg-prod_prod-weu_westeurope", authentication: "clientSecret" }, expect: { clientSecret: "[secret]", roleName: "[secret]" } },
    ...["eks", "gke", "aks"].map((c): Example => ({ dir: "multi-cloud/kubernetes", variant: c, stacks: { [REGISTRATION]: "multi-cloud/registration" }, config: { registrationStack: REGISTRATION, clusterIdOutput: `${c}ClusterId`, "kubernetes:context": `prod-${c}` }, expect: { clusterIdSecretName: "castai-cluster-id" } })),
];

/** The README text that documents a project: its own README, or its section of the parent's. */
function readmeOf(dir: string): string {
    const own = join(ROOT, dir, "README.md");
    if (existsSync(own)) return readFileSync(own, "utf8");
    const parent = readFileSync(join(ROOT, dirname(dir), "README.md"), "utf8");
    const base = dir.split("/").pop()!;
    const start = parent.split("\n").findIndex((l) => l.startsWith("## ") && l.includes(`(\`${base}/\``));
    assert.ok(start >= 0, `${dirname(dir)}/README.md has no section "## … (\`${base}/\` …)"`);
    const lines = parent.split("\n").slice(start);
    const end = lines.findIndex((l, i) => i > 0 && l.startsWith("## "));
    return lines.slice(0, end < 0 ? undefined : end).join("\n");
}

/** Keys the README tells users to set: `pulumi config set [--secret] <key> …`. */
function readmeConfig(text: string): { key: string; secret: boolean }[] {
    return [...text.matchAll(/^pulumi config set (--secret )?([\w:-]+) /gm)].map((m) => ({ key: m[2], secret: m[1] !== undefined }));
}

const label = (e: Example) => e.variant ? `${e.dir} (${e.variant})` : e.dir;
const runs = new Map<string, ProgramRun>();

describe("examples run under mocks, as documented", () => {
    for (const example of EXAMPLES) {
        it(`${label(example)}: runs with the README's config, exports what the README hands over, leaks no secret`, async () => {
            const stacks = Object.fromEntries(Object.entries(example.stacks ?? {}).map(([name, s]) => {
                if (typeof s !== "string") return [name, s];
                const from = runs.get(s);
                assert.ok(from, `${s} must run before ${example.dir}`);
                return [name, from.outputs];
            }));
            const run = await runProgram(join(ROOT, example.dir, "index.ts"), {
                ...example.mocks, stacks, config: example.config, secretConfig: example.secretConfig,
            });
            runs.set(example.dir, run);
            const outputs = redactSecrets(run.outputs) as Record<string, unknown>;
            assert.ok(Object.keys(outputs).length > 0, "exports something");
            for (const [k, v] of Object.entries(example.expect ?? {})) assert.deepStrictEqual(outputs[k], v, k);

            const readme = readmeOf(example.dir);
            for (const name of Object.keys(outputs)) assert.ok(readme.includes(`\`${name}\``), `README documents the output ${name}`);
            const documented = readmeConfig(readme);
            for (const [keys, secret] of [[example.config, false], [example.secretConfig, true]] as const) {
                for (const key of Object.keys(keys ?? {})) {
                    assert.ok(documented.some((d) => d.key === key && d.secret === secret), `README sets ${secret ? "--secret " : ""}${key}`);
                }
            }
            // A secret (config, or another stack's secret output) is never in plain text: not in any
            // output, not in any resource's inputs.
            const plain = JSON.stringify(redactSecrets([run.outputs, run.resources.map((r) => r.inputs)]));
            const secrets = [...Object.values(example.secretConfig ?? {}),
                ...Object.values(stacks).flatMap((os) => Object.values(os).filter(isSecretValue).map(revealSecrets))];
            assert.ok(secrets.length > 0 || !example.secretConfig, "secrets to look for");
            for (const value of secrets) assert.ok(!plain.includes(String(value)), `secret ${String(value)} leaked`);
            for (const read of run.resources.filter((r) => r.read)) assert.ok(read.name in stacks, `reads only the stacks it is given: ${read.name}`);
        });
    }

    it("every project under examples/ has a Pulumi.yaml (nodejs, index.ts) whose declared config its runs set", () => {
        const projects = readdirSync(ROOT, { recursive: true, encoding: "utf8" })
            .filter((f) => f.endsWith("Pulumi.yaml")).map((f) => dirname(f).split("\\").join("/")).sort();
        assert.deepStrictEqual(projects, [...new Set(EXAMPLES.map((e) => e.dir))].sort(), "every project is run, every run is a project");
        for (const dir of projects) {
            const project = parse(readFileSync(join(ROOT, dir, "Pulumi.yaml"), "utf8")) as {
                name: string; runtime: string; main: string; config?: Record<string, { default?: unknown }>;
            };
            assert.match(project.name, /^[a-z][a-z0-9-]+$/, dir);
            assert.deepStrictEqual([project.runtime, project.main], ["nodejs", "index.ts"], dir);
            const set = EXAMPLES.filter((e) => e.dir === dir).flatMap((e) => [...Object.keys(e.config ?? {}), ...Object.keys(e.secretConfig ?? {})]);
            for (const [key, spec] of Object.entries(project.config ?? {})) {
                assert.ok(spec.default !== undefined || set.includes(key), `${dir}: Pulumi.yaml declares ${key}, which no run sets`);
            }
        }
    });

    it("every README's config lines are exactly what the runs set (so its commands are the tested ones)", () => {
        for (const dir of new Set(EXAMPLES.map((e) => e.dir))) {
            const set = EXAMPLES.filter((e) => e.dir === dir).flatMap((e) => [...Object.keys(e.config ?? {}), ...Object.keys(e.secretConfig ?? {})]);
            assert.deepStrictEqual([...new Set(readmeConfig(readmeOf(dir)).map((d) => d.key))].sort(), [...new Set(set)].sort(), dir);
        }
    });

    it("every preset has its example", () => {
        for (const preset of presetNames()) assert.ok(existsSync(join(ROOT, preset, "Pulumi.yaml")), `examples/${preset}`);
    });

    it("multi-cloud: a stack that reads a missing registration stack fails naming it", async () => {
        const example = EXAMPLES.find((e) => e.dir === "multi-cloud/aws")!;
        await assert.rejects(runProgram(join(ROOT, example.dir, "index.ts"), { ...example.mocks, config: example.config }),
            /unknown stack "acme\/castai-registration\/prod"/);
    });

    it("multi-cloud: a registration stack without the output fails naming the stack and the output", async () => {
        const example = EXAMPLES.find((e) => e.dir === "multi-cloud/gcp")!;
        await assert.rejects(runProgram(join(ROOT, example.dir, "index.ts"), {
            config: example.config, stacks: { [REGISTRATION]: { eksClusterId: mockSecret(CLUSTER_ID) } },
        }), /acme\/castai-registration\/prod#gkeImpersonationAccount: is not an output of the stack \(its outputs: eksClusterId\)/);
    });
});
