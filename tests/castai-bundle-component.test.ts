/**
 * One component onboards the cloud and the cluster: CastAiEksAccess, CastAiGkeAccess and
 * CastAiAksAccess with `clusterRbac` (and EKS with `agentIdentity`), under mocks. The service
 * account the cloud side trusts is the one the cluster side creates; the reverse wiring (the agent
 * role ARN from a cloud stack into a separate cluster stack) works with Outputs.
 */
import * as assert from "assert";
import { spawnSync } from "child_process";
import { join } from "path";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { installMocks, outputValue, Recorder, RegisteredResource } from "../components/exports/testing";
import { CastAiEksAccess, CastAiEksAccessArgs } from "../components/castai/eks";
import { CastAiGkeAccess } from "../components/castai/gke";
import { CastAiAksAccess } from "../components/castai/aks";
import { CastAiClusterRbac } from "../components/castai/cluster-rbac";
import { serviceAccountUsername } from "../components/kubernetes/rbac";
import { EKS, EKS_DEFAULT_CHILDREN as EKS_DEFAULT, OIDC, OIDC_ISSUER as ISSUER } from "./support/values";
import { GKE } from "./support/gke-values";
import { AKS_WI } from "./support/aks-values";

const ACCOUNT = EKS.accountId;
const AGENT_ROLE = `arn:aws:iam::${ACCOUNT}:role/castai-agent-prod-eu`;

const line = (r: RegisteredResource) => `${r.type} ${r.name} <- ${r.parent}`;
const children = (rec: Recorder) => rec.resources.filter((r) => !r.type.startsWith("pulumi:providers:")).map(line).sort();
const of = (rec: Recorder, type: string) => rec.resources.filter((r) => r.type === type);
const metadata = (r: RegisteredResource) => r.inputs.metadata as { name: string; namespace: string; annotations?: Record<string, string> };

const AGENT_ROLE_CHILDREN = [
    "aws:iam/role:Role castai-agent <- castai-agent",
    "aws:iam/rolePolicy:RolePolicy castai-agent-inline <- castai-agent",
    "kubegrant:aws:PolicyRole castai-agent <- castai",
];
/** CastAiClusterRbac `castai-cluster` with only the agent, in namespace `ns`. */
const agentRbac = (ns: string) => [
    "kubegrant:castai:CastAiClusterRbac castai-cluster <- castai",
    "kubegrant:kubernetes:ServiceAccountRbac castai-cluster-rbac <- castai-cluster",
    `kubernetes:core/v1:Namespace castai-cluster-rbac-namespace-${ns} <- castai-cluster-rbac`,
    `kubernetes:core/v1:ServiceAccount castai-cluster-rbac-serviceaccount-${ns}-castai-agent <- castai-cluster-rbac`,
    "kubernetes:rbac.authorization.k8s.io/v1:ClusterRole castai-cluster-rbac-clusterrole-castai-agent <- castai-cluster-rbac",
    "kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding castai-cluster-rbac-clusterrolebinding-castai-agent <- castai-cluster-rbac",
    `kubernetes:rbac.authorization.k8s.io/v1:Role castai-cluster-rbac-role-${ns}-castai-agent <- castai-cluster-rbac`,
    "kubernetes:rbac.authorization.k8s.io/v1:Role castai-cluster-rbac-role-kube-system-castai-agent <- castai-cluster-rbac",
    `kubernetes:rbac.authorization.k8s.io/v1:RoleBinding castai-cluster-rbac-rolebinding-${ns}-castai-agent <- castai-cluster-rbac`,
    "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding castai-cluster-rbac-rolebinding-kube-system-castai-agent <- castai-cluster-rbac",
];

async function eks(args: CastAiEksAccessArgs): Promise<{ c: CastAiEksAccess; rec: Recorder }> {
    const rec = installMocks({ awsAccountId: ACCOUNT });
    const c = new CastAiEksAccess("castai", args);
    await outputValue(c.ready);
    await rec.settle();
    return { c, rec };
}

/** The IRSA trust's `sub` and `aud`, as the agent role was created with them. */
function irsaClaims(rec: Recorder): { sub: string; aud: string } {
    const role = rec.resources.find((r) => r.type === "aws:iam/role:Role" && r.name === "castai-agent")!;
    const cond = JSON.parse(role.inputs.assumeRolePolicy as string).Statement[0].Condition.StringEquals;
    return { sub: cond[`${ISSUER}:sub`], aud: cond[`${ISSUER}:aud`] };
}

describe("CastAiEksAccess with the agent's identity and the cluster side (mocks)", () => {
    it("podIdentity: exactly the default children, the agent role with its policy, and the association", async () => {
        const { c, rec } = await eks({ ...EKS, agentIdentity: "podIdentity" });
        assert.deepStrictEqual(children(rec), [...EKS_DEFAULT, ...AGENT_ROLE_CHILDREN,
            "aws:eks/podIdentityAssociation:PodIdentityAssociation castai-agent <- castai"].sort());
        const assoc = of(rec, "aws:eks/podIdentityAssociation:PodIdentityAssociation")[0];
        assert.deepStrictEqual(assoc.inputs, { clusterName: "prod-eu", namespace: "castai-agent", serviceAccount: "castai-agent", roleArn: AGENT_ROLE, disableSessionTags: false });
        const inline = rec.resources.find((r) => r.name === "castai-agent-inline")!;
        assert.deepStrictEqual([inline.inputs.name, inline.inputs.role, JSON.parse(inline.inputs.policy as string).Statement],
            ["CastAIAgentPolicy", "castai-agent-prod-eu", [{ Sid: "AgentDescribeInstances", Effect: "Allow", Action: "ec2:DescribeInstances", Resource: "*" }]]);
        assert.strictEqual((await outputValue(c.agentRoleArn)).value, AGENT_ROLE);
        assert.strictEqual((await outputValue(c.agentServiceAccount)).value, "castai-agent/castai-agent");
        assert.strictEqual((await outputValue(c.ready)).value, `arn:aws:iam::${ACCOUNT}:role/castai-eks-prod-eu`);
    });

    it("without the options: no agent outputs", async () => {
        const { c } = await eks(EKS);
        assert.strictEqual((await outputValue(c.agentRoleArn)).value, undefined);
        assert.strictEqual((await outputValue(c.agentServiceAccount)).value, undefined);
    });

    it("irsa + clusterRbac: the service account it creates is the one the trust names, annotated with the role's ARN", async () => {
        const rec = installMocks({ awsAccountId: ACCOUNT });
        const provider = new k8s.Provider("cluster", { kubeconfig: "{}" });
        const c = new CastAiEksAccess("castai", {
            ...EKS, agentIdentity: "irsa", oidcProviderArn: OIDC, clusterRbac: { namespace: "cast", components: ["agent"], provider },
        });
        await outputValue(c.ready);
        await rec.settle();
        assert.deepStrictEqual(children(rec), [...EKS_DEFAULT, ...AGENT_ROLE_CHILDREN, ...agentRbac("cast")].sort());
        const [sa] = of(rec, "kubernetes:core/v1:ServiceAccount");
        assert.deepStrictEqual(metadata(sa), {
            name: "castai-agent", namespace: "cast",
            labels: { "app.kubernetes.io/managed-by": "kubegrant", "app.kubernetes.io/part-of": "castai" },
            annotations: { "eks.amazonaws.com/role-arn": AGENT_ROLE },
        });
        assert.deepStrictEqual(irsaClaims(rec), { sub: serviceAccountUsername(metadata(sa).namespace, metadata(sa).name), aud: "sts.amazonaws.com" });
        assert.strictEqual(serviceAccountUsername(metadata(sa).namespace, metadata(sa).name), "system:serviceaccount:cast:castai-agent");
        for (const o of Object.values(c.clusterRbac!.rbac.objects)) {
            assert.strictEqual((o as unknown as { __prov?: pulumi.ProviderResource }).__prov, provider);
        }
        assert.strictEqual((await outputValue(c.agentServiceAccount)).value, "cast/castai-agent");
        assert.ok(!rec.resources.some((r) => r.type.startsWith("aws:eks/")), "IRSA creates no Pod Identity association");
    });

    it("podIdentity + clusterRbac: the association names the service account created, which carries no IRSA annotation", async () => {
        const { rec } = await eks({
            ...EKS, agentIdentity: "podIdentity",
            clusterRbac: { namespace: "cast", components: ["agent"], serviceAccountAnnotations: { "castai-agent": { "example.com/team": "platform" } } },
        });
        const [sa] = of(rec, "kubernetes:core/v1:ServiceAccount");
        const assoc = of(rec, "aws:eks/podIdentityAssociation:PodIdentityAssociation")[0];
        assert.deepStrictEqual([assoc.inputs.namespace, assoc.inputs.serviceAccount], [metadata(sa).namespace, metadata(sa).name]);
        assert.deepStrictEqual(metadata(sa).annotations, { "example.com/team": "platform" });
        const trust = JSON.parse(rec.resources.find((r) => r.type === "aws:iam/role:Role" && r.name === "castai-agent")!.inputs.assumeRolePolicy as string);
        assert.strictEqual(trust.Statement[0].Condition.StringEquals["aws:RequestTag/kubernetes-namespace"], "cast");
    });

    it("clusterRbac alone: the in-cluster objects and no agent role", async () => {
        const { rec } = await eks({ ...EKS, clusterRbac: { components: ["agent"] } });
        assert.deepStrictEqual(children(rec), [...EKS_DEFAULT, ...agentRbac("castai-agent")].sort());
        assert.strictEqual(metadata(of(rec, "kubernetes:core/v1:ServiceAccount")[0]).annotations, undefined);
    });

    it("resolves ready only after the agent role's policy, the association and every in-cluster object exist", async () => {
        const rec = installMocks({ awsAccountId: ACCOUNT });
        const c = new CastAiEksAccess("castai", { ...EKS, agentIdentity: "podIdentity", clusterRbac: { components: ["agent"] } });
        const deps = await (c.ready as unknown as { allResources(): Promise<Set<pulumi.Resource>> }).allResources();
        const depUrns = await Promise.all([...deps].map((d) => outputValue(d.urn).then((u) => u.value)));
        await rec.settle();
        const needed = rec.resources.filter((r) => r.custom && (r.type.startsWith("kubernetes:") || /castai-agent/.test(r.name) && r.type !== "aws:iam/role:Role"));
        assert.strictEqual(needed.length, 10);
        for (const r of needed) assert.ok(depUrns.includes(r.urn), `ready does not wait for ${r.name}`);
    });

    it("takes the OIDC provider and the cluster ID as Outputs: same children, checked when they resolve", async () => {
        const { rec } = await eks({ ...EKS, clusterId: pulumi.secret(EKS.clusterId), agentIdentity: "irsa", oidcProviderArn: pulumi.output(OIDC), clusterRbac: { components: ["agent"] } });
        assert.strictEqual(children(rec).length, EKS_DEFAULT.length + AGENT_ROLE_CHILDREN.length + agentRbac("x").length);
        installMocks({ awsAccountId: ACCOUNT });
        const c = new CastAiEksAccess("castai", { ...EKS, agentIdentity: "irsa", oidcProviderArn: pulumi.output(OIDC.replace(ACCOUNT, "111122223333")) });
        await assert.rejects((c.agentServiceAccount as unknown as { promise(): Promise<unknown> }).promise(),
            /oidcProviderArn: must be a provider of account 123456789012 in partition aws/);
    });

    it("registers nothing on bad input, with the builder's exact message", async () => {
        const rec = installMocks();
        const cases: [Partial<CastAiEksAccessArgs>, string][] = [
            [{ agentIdentity: "irsa" }, 'oidcProviderArn: is required when agentIdentity is "irsa" (the IAM OIDC provider of the cluster)'],
            [{ agentIdentity: "keys" as never }, 'agentIdentity: must be one of "podIdentity", "irsa", got "keys"'],
            [{ clusterRbac: { namespace: "Cast" } }, 'clusterRbac.namespace: must be a DNS-1123 label (lower-case letters, digits and \'-\', starting and ending with a letter or digit), got "Cast"'],
            [{ clusterRbac: { serviceAccountAnnotations: { "castai-agent": { "bad key": pulumi.output("x") } } } },
                "clusterRbac.serviceAccountAnnotations.castai-agent.bad key: is not a valid annotation key (an optional DNS subdomain prefix and '/', then at most 63 letters, digits, '-', '_' or '.')"],
        ];
        for (const [change, message] of cases) {
            assert.throws(() => new CastAiEksAccess("castai", { ...EKS, ...change }), (e: unknown) => (e as Error).message === message, message);
        }
        await rec.settle();
        assert.deepStrictEqual(rec.resources, []);
    });
});

describe("reverse wiring across stacks (mocks)", () => {
    it("the agent role ARN from the AWS stack annotates the service account of a separate CastAiClusterRbac", async () => {
        const rec = installMocks({ awsAccountId: ACCOUNT });
        // Stack 1 (AWS): the agent's role, trusting the service account in namespace "cast".
        const aws = new CastAiEksAccess("castai", { ...EKS, agentIdentity: "irsa", oidcProviderArn: OIDC, agentNamespace: "cast" });
        // Stack 2 (cluster): what a StackReference returns is an Output, known only at deployment.
        const fromStack = aws.agentRoleArn.apply((arn) => new Promise<string>((resolve) => setTimeout(() => resolve(arn!), 10)));
        const rbac = new CastAiClusterRbac("cluster", {
            namespace: "cast", components: ["agent"],
            serviceAccountAnnotations: { "castai-agent": { "eks.amazonaws.com/role-arn": fromStack, "example.com/team": "platform" } },
        });
        await outputValue(pulumi.all([aws.ready, rbac.ready]));
        await rec.settle();
        const [sa] = of(rec, "kubernetes:core/v1:ServiceAccount");
        assert.deepStrictEqual(metadata(sa).annotations, { "eks.amazonaws.com/role-arn": AGENT_ROLE, "example.com/team": "platform" });
        assert.strictEqual(irsaClaims(rec).sub, serviceAccountUsername(metadata(sa).namespace, metadata(sa).name));
    });
});

describe("CastAiGkeAccess with clusterRbac (mocks)", () => {
    it("creates the in-cluster part and the cloud proxy's service account in one namespace, with one provider", async () => {
        const rec = installMocks();
        const provider = new k8s.Provider("cluster", { kubeconfig: "{}" });
        const c = new CastAiGkeAccess("castai", { ...GKE, cloudProxyWorkloadIdentity: true, clusterRbac: { namespace: "cast", components: ["agent"], provider } });
        await outputValue(c.ready);
        await rec.settle();
        const k8sChildren = children(rec).filter((l) => /kubernetes:|CastAiClusterRbac|ServiceAccountRbac/.test(l));
        assert.deepStrictEqual(k8sChildren, [...agentRbac("cast"), "kubernetes:core/v1:ServiceAccount castai-cloud-proxy <- castai"].sort());
        const member = rec.resources.find((r) => r.name === "castai-access-cloud-proxy-wi")!.inputs.member;
        assert.strictEqual(member, "serviceAccount:acme-prod.svc.id.goog[cast/castai-cloud-proxy]");
        const proxy = rec.resources.find((r) => r.name === "castai-cloud-proxy")!;
        assert.deepStrictEqual(metadata(proxy), {
            name: "castai-cloud-proxy", namespace: "cast",
            annotations: { "iam.gke.io/gcp-service-account": "castai-gke-f00c9019@acme-prod.iam.gserviceaccount.com" },
        });
        assert.strictEqual((c.clusterRbac!.rbac.objects["castai-cluster-rbac-namespace-cast"] as unknown as { __prov?: unknown }).__prov, provider);
        // The agent's own service account gets no GCP identity: the GKE agent reads only the metadata server.
        assert.strictEqual(metadata(rec.resources.find((r) => r.name === "castai-cluster-rbac-serviceaccount-cast-castai-agent")!).annotations, undefined);
    });

    it("without Workload Identity: only the in-cluster part", async () => {
        const rec = installMocks();
        const c = new CastAiGkeAccess("castai", { ...GKE, clusterRbac: { components: ["agent"] } });
        await outputValue(c.ready);
        await rec.settle();
        assert.deepStrictEqual(children(rec).filter((l) => /kubernetes:|CastAiClusterRbac|ServiceAccountRbac/.test(l)), agentRbac("castai-agent").sort());
    });

    it("registers nothing on conflicting or bad input", async () => {
        const rec = installMocks();
        const provider = new k8s.Provider("p", { kubeconfig: "{}" });
        const cases: [Record<string, unknown>, string][] = [
            [{ cloudProxyWorkloadIdentity: true, cloudProxyNamespace: "cast", clusterRbac: {} },
                "cloudProxyNamespace: is clusterRbac.namespace when clusterRbac is set; set the namespace there (one value for the Workload Identity member and the cluster)"],
            [{ cloudProxyWorkloadIdentity: true, kubernetesProvider: provider, clusterRbac: {} },
                "kubernetesProvider: is clusterRbac.provider when clusterRbac is set; set the provider there (one cluster for every object)"],
            [{ clusterRbac: { components: [] } }, "clusterRbac.components: must list at least one component"],
        ];
        for (const [change, message] of cases) {
            assert.throws(() => new CastAiGkeAccess("castai", { ...GKE, ...change }), (e: unknown) => (e as Error).message === message, message);
        }
        await rec.settle();
        assert.deepStrictEqual(rec.resources.filter((r) => !r.type.startsWith("pulumi:providers:")), []);
    });
});

describe("CastAiAksAccess with clusterRbac (mocks)", () => {
    it("creates the in-cluster part, with no Azure identity on any service account", async () => {
        const rec = installMocks();
        const c = new CastAiAksAccess("castai", { ...AKS_WI, clusterRbac: { namespace: "cast", components: ["agent"] } });
        await outputValue(c.ready);
        await rec.settle();
        assert.deepStrictEqual(children(rec).filter((l) => /kubernetes:|CastAiClusterRbac|ServiceAccountRbac/.test(l)), agentRbac("cast").sort());
        assert.strictEqual(metadata(of(rec, "kubernetes:core/v1:ServiceAccount")[0]).annotations, undefined);
        assert.strictEqual(rec.resources.filter((r) => r.type.startsWith("azure-native:") || r.type.startsWith("azuread:")).length, 5);
    });

    it("carries an Azure Workload Identity annotation given as an Output (e.g. a client ID from another stack)", async () => {
        const rec = installMocks();
        const clientId = pulumi.output("00000000-0000-4000-8000-00000000abcd");
        const c = new CastAiAksAccess("castai", { ...AKS_WI, clusterRbac: { components: ["agent"], serviceAccountAnnotations: { "castai-agent": { "azure.workload.identity/client-id": clientId } } } });
        await outputValue(c.ready);
        await rec.settle();
        assert.deepStrictEqual(metadata(of(rec, "kubernetes:core/v1:ServiceAccount")[0]).annotations, { "azure.workload.identity/client-id": "00000000-0000-4000-8000-00000000abcd" });
    });

    it("registers nothing on bad input", async () => {
        const rec = installMocks();
        assert.throws(() => new CastAiAksAccess("castai", { ...AKS_WI, clusterRbac: { extendedPermissions: "yes" as never } }),
            (e: unknown) => (e as Error).message === 'clusterRbac.extendedPermissions: must be true or false, got "yes"');
        await rec.settle();
        assert.deepStrictEqual(rec.resources, []);
    });
});

describe("loading", () => {
    it("an AWS-only program loads no Kubernetes code (clusterRbac loads it when given)", () => {
        const script = "require('./components/exports/aws.ts'); process.stdout.write(String(Object.keys(require.cache).filter((k) => /@pulumi[\\\\/]kubernetes/.test(k)).length));";
        const r = spawnSync(process.execPath, ["-r", "ts-node/register/transpile-only", "-e", script], { cwd: join(__dirname, ".."), encoding: "utf8" });
        assert.strictEqual(r.status, 0, r.stderr);
        assert.strictEqual(r.stdout, "0");
    });
});
