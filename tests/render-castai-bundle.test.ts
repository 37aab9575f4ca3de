/**
 * Rendering the cloud presets with the agent's identity and the in-cluster part: the counts the
 * castai-eks reference states, the objects `kubectl apply` gets, the review report, and exact errors.
 */
import * as assert from "assert";
import { parseAllDocuments } from "yaml";
import { run } from "./support/cli";
import { reference } from "./support/references";
import { EKS, OIDC } from "./support/values";
import { GKE } from "./support/gke-values";
import { AKS_WI } from "./support/aks-values";

const sets = (values: Record<string, unknown>) => Object.entries(values)
    .flatMap(([k, v]) => ["--set", `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`]);
const EKS_SETS = sets(EKS);
const IRSA = ["--set", "agentIdentity=irsa", "--set", `oidcProviderArn=${OIDC}`];
const AGENT_ROLE = "arn:aws:iam::123456789012:role/castai-agent-prod-eu";

async function rendered(preset: string, argv: string[]) {
    const { code, out, err } = await run("render", preset, ...argv);
    assert.strictEqual(err, "");
    assert.strictEqual(code, 0);
    return JSON.parse(out) as { resources: { type: string; name: string; inputs: Record<string, unknown> }[]; outputs: Record<string, unknown> };
}
const counts = (r: Awaited<ReturnType<typeof rendered>>) => {
    const custom = r.resources.filter((x) => !x.type.startsWith("kubegrant:")).length;
    return `${custom} + ${r.resources.length - custom}`;
};

/** Render of castai-eks → "custom + components", as its reference's table (docs/components/castai-eks.md) states them. */
const EKS_COUNTS: [string, string[], string][] = [
    ["default", [], "14 + 3"],
    ["`agentIdentity=podIdentity`", ["--set", "agentIdentity=podIdentity"], "17 + 4"],
    ["`agentIdentity=irsa`", IRSA, "16 + 4"],
    ["`clusterRbac={}`", ["--set", "clusterRbac={}"], "31 + 5"],
    ["`agentIdentity=irsa`, `clusterRbac={}`", [...IRSA, "--set", "clusterRbac={}"], "33 + 6"],
];

describe("render castai-eks with the agent's identity and clusterRbac", () => {
    for (const [what, argv, count] of EKS_COUNTS) {
        it(`${what}: ${count} resources, as the reference states`, async () => {
            assert.strictEqual(counts(await rendered("castai-eks", [...EKS_SETS, ...argv])), count);
            const doc = reference("castai-eks");
            assert.ok(doc.includes(`| ${what} | ${count} |`) || doc.includes(`| ${what} | ${count}:`) || doc.includes(`| ${what} | ${count} (`), `reference row ${what} | ${count}`);
        });
    }

    it("outputs the agent's role and service account only when asked for", async () => {
        assert.deepStrictEqual(Object.keys((await rendered("castai-eks", EKS_SETS)).outputs),
            ["roleArn", "roleName", "externalId", "castaiUserArn", "instanceProfileArn", "nodeRoleArn", "ready"]);
        const r = await rendered("castai-eks", [...EKS_SETS, ...IRSA]);
        assert.deepStrictEqual([r.outputs.agentRoleArn, r.outputs.agentServiceAccount], [AGENT_ROLE, "castai-agent/castai-agent"]);
    });

    it("prints the agent's service account, annotated with the role, for kubectl apply", async () => {
        const { code, out } = await run("render", "castai-eks", ...EKS_SETS, ...IRSA, "--set", 'clusterRbac={"namespace":"cast","components":["agent"]}', "--format", "yaml");
        assert.strictEqual(code, 0);
        const docs = parseAllDocuments(out).map((d) => d.toJSON());
        assert.deepStrictEqual(docs.map((d) => `${d.kind} ${d.metadata.namespace ?? ""}/${d.metadata.name}`).sort(), [
            "Namespace /cast", "ServiceAccount cast/castai-agent", "ClusterRole /castai-agent", "ClusterRoleBinding /castai-agent",
            "Role cast/castai-agent", "RoleBinding cast/castai-agent", "Role kube-system/castai-agent", "RoleBinding kube-system/castai-agent",
        ].sort());
        assert.strictEqual(docs[0].kind, "Namespace");
        const sa = docs.find((d) => d.kind === "ServiceAccount");
        assert.deepStrictEqual(sa.metadata.annotations, { "eks.amazonaws.com/role-arn": AGENT_ROLE });
    });

    it("explains the agent's role in the review report: who may use it, what it may do, why", async () => {
        for (const [mode, argv, who] of [
            ["irsa", IRSA, "(IRSA: the cluster's OIDC tokens for it)"],
            ["podIdentity", ["--set", "agentIdentity=podIdentity"], "(EKS Pod Identity: the session tags must name it)"],
        ] as const) {
            const { code, out } = await run("render", "castai-eks", ...EKS_SETS, ...argv, "--set", "clusterRbac={}", "--format", "markdown");
            assert.strictEqual(code, 0, mode);
            assert.ok(out.includes(`IAM role \`castai-agent-prod-eu\` (Cast AI agent (service account castai-agent/castai-agent of cluster prod-eu): reads EC2 instances (kubegrant)). Who may assume it:`), mode);
            assert.ok(out.includes(`. Only pods of Kubernetes service account \`castai-agent/castai-agent\` ${who}`), mode);
            assert.match(out, /Inline policy `CastAIAgentPolicy` of role `castai-agent-prod-eu`\. It grants:\n\n.*\n.*\n\| AgentDescribeInstances \| `ec2:DescribeInstances` \| `\*` \| none \| agent: spot detection and cluster discovery: The Cast AI agent pod calls EC2 itself/);
            assert.doesNotMatch(out, /no catalog entry/, mode);
        }
    });

    const bad: [string, string[], string][] = [
        ["irsa without the OIDC provider", ["--set", "agentIdentity=irsa"], 'kubegrant: oidcProviderArn: is required when agentIdentity is "irsa" (the IAM OIDC provider of the cluster)\n'],
        ["a bad mode", ["--set", "agentIdentity=keys"], 'kubegrant: agentIdentity: must be one of "podIdentity", "irsa", got "keys"\n'],
        ["clusterRbac not an object", ["--set", "clusterRbac=[]"], `kubegrant: clusterRbac: must be a JSON object such as '{"team":"platform"}', got "[]"\n`],
        ["a bad clusterRbac namespace", ["--set", 'clusterRbac={"namespace":"Cast"}'],
            "kubegrant: clusterRbac.namespace: must be a DNS-1123 label (lower-case letters, digits and '-', starting and ending with a letter or digit), got \"Cast\"\n"],
    ];
    for (const [what, argv, message] of bad) {
        it(`exits 2 with one line on stderr: ${what}`, async () => {
            const { code, out, err } = await run("render", "castai-eks", ...EKS_SETS, ...argv);
            assert.deepStrictEqual([code, out, err], [2, "", message]);
        });
    }
});

describe("render castai-gke and castai-aks with clusterRbac", () => {
    it("castai-gke: the in-cluster part, and the cloud proxy's service account in its namespace", async () => {
        const r = await rendered("castai-gke", [...sets(GKE), "--set", "cloudProxyWorkloadIdentity=true", "--set", 'clusterRbac={"namespace":"cast"}']);
        assert.strictEqual(counts(r), "27 + 4"); // 17 objects of phase 1 (agent and operator) + the cloud proxy's service account
        const proxy = r.resources.find((x) => x.name === "castai-cloud-proxy")!;
        assert.strictEqual((proxy.inputs.metadata as { namespace: string }).namespace, "cast");
        assert.strictEqual(r.resources.find((x) => x.name === "castai-access-cloud-proxy-wi")!.inputs.member, "serviceAccount:acme-prod.svc.id.goog[cast/castai-cloud-proxy]");
    });

    it("castai-aks: the in-cluster part", async () => {
        const r = await rendered("castai-aks", [...sets(AKS_WI), "--set", "clusterRbac={}"]);
        assert.strictEqual(counts(r), "22 + 5"); // 17 objects of phase 1 (agent and operator)
    });
});
