import * as assert from "assert";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { installMocks, isSecretValue, outputValue, revealSecrets } from "../components/exports/testing";
import { CastAiClusterRbac } from "../components/castai/cluster-rbac";
import { ServiceAccountRbac } from "../components/kubernetes/bundle";
import { planCastAiClusterRbac } from "../components/castai/cluster-rbac-plan";

describe("CastAiClusterRbac (mocks)", () => {
    it("creates exactly the namespace, accounts, roles and bindings with explicit names, parented to the bundle", async () => {
        const rec = installMocks();
        const c = new CastAiClusterRbac("castai", { components: ["agent"] });
        await outputValue(c.ready);
        await rec.settle();
        assert.deepStrictEqual(rec.resources.map((r) => `${r.type} ${r.name} <- ${r.parent}`).sort(), [
            "kubegrant:castai:CastAiClusterRbac castai <- null",
            "kubegrant:kubernetes:ServiceAccountRbac castai-rbac <- castai",
            "kubernetes:core/v1:Namespace castai-rbac-namespace-castai-agent <- castai-rbac",
            "kubernetes:core/v1:ServiceAccount castai-rbac-serviceaccount-castai-agent-castai-agent <- castai-rbac",
            "kubernetes:rbac.authorization.k8s.io/v1:ClusterRole castai-rbac-clusterrole-castai-agent <- castai-rbac",
            "kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding castai-rbac-clusterrolebinding-castai-agent <- castai-rbac",
            "kubernetes:rbac.authorization.k8s.io/v1:Role castai-rbac-role-castai-agent-castai-agent <- castai-rbac",
            "kubernetes:rbac.authorization.k8s.io/v1:Role castai-rbac-role-kube-system-castai-agent <- castai-rbac",
            "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding castai-rbac-rolebinding-castai-agent-castai-agent <- castai-rbac",
            "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding castai-rbac-rolebinding-kube-system-castai-agent <- castai-rbac",
        ]);
        for (const r of rec.resources.filter((x) => x.custom)) {
            assert.strictEqual(typeof r.inputs.apiVersion, "string");
            assert.strictEqual(typeof r.inputs.kind, "string");
            assert.ok((r.inputs.metadata as { name?: string }).name, `${r.name} has an explicit metadata.name`);
        }
        const role = rec.resources.find((r) => r.name === "castai-rbac-role-castai-agent-castai-agent")!;
        assert.deepStrictEqual((role.inputs.rules as unknown[])[2], { apiGroups: ["apps"], resources: ["deployments"], resourceNames: ["castai-agent"], verbs: ["patch"] });
        assert.deepStrictEqual(role.inputs.metadata, {
            name: "castai-agent", namespace: "castai-agent",
            labels: { "app.kubernetes.io/managed-by": "kubegrant", "app.kubernetes.io/part-of": "castai" },
            annotations: { "kubegrant.io/rules": "shared-ns-leases,shared-ns-configmaps,shared-ns-agent-deployment" },
        });
        assert.deepStrictEqual((await outputValue(c.serviceAccountNames)).value, { agent: "castai-agent" });
        assert.deepStrictEqual((await outputValue(c.ready)).value, ["castai-agent"]);
        assert.strictEqual((await outputValue(c.namespace)).value, "castai-agent");
    });

    it("uses an existing namespace, annotates the service account, and passes the provider to every object", async () => {
        const rec = installMocks();
        const provider = new k8s.Provider("target", { kubeconfig: "{}" });
        const c = new CastAiClusterRbac("castai", {
            namespace: "cast", createNamespace: false, components: ["agent"], provider,
            serviceAccountAnnotations: { "castai-agent": { "iam.gke.io/gcp-service-account": "castai-agent@p.iam.gserviceaccount.com" } },
        });
        await outputValue(c.ready);
        await rec.settle();
        assert.ok(!rec.resources.some((r) => r.type === "kubernetes:core/v1:Namespace"));
        const sa = rec.resources.find((r) => r.type === "kubernetes:core/v1:ServiceAccount")!;
        assert.deepStrictEqual((sa.inputs.metadata as { annotations: unknown }).annotations, { "iam.gke.io/gcp-service-account": "castai-agent@p.iam.gserviceaccount.com" });
        const providerUrn = (await outputValue(provider.urn)).value;
        for (const o of Object.values(c.rbac.objects)) {
            assert.strictEqual((o as unknown as { __prov?: pulumi.ProviderResource }).__prov, provider);
        }
        assert.ok(providerUrn.endsWith("::target"));
    });

    it("resolves ready only after every object exists", async () => {
        const rec = installMocks();
        const c = new CastAiClusterRbac("castai", { extendedPermissions: true });
        const deps = await (c.ready as unknown as { allResources(): Promise<Set<pulumi.Resource>> }).allResources();
        const depUrns = await Promise.all([...deps].map((d) => outputValue(d.urn).then((u) => u.value)));
        await rec.settle();
        const needed = rec.resources.filter((r) => r.type.startsWith("kubernetes:")).map((r) => r.urn);
        assert.strictEqual(needed.length, 32);
        for (const urn of needed) assert.ok(depUrns.includes(urn), `ready does not wait for ${urn}`);
    });

    it("registers no resource at all on bad input", async () => {
        const rec = installMocks();
        assert.throws(() => new CastAiClusterRbac("castai", { namespace: "Cast_AI" }), /^InputError: namespace: must be a DNS-1123 label/);
        assert.throws(() => new CastAiClusterRbac("castai", { components: ["kvisor" as never] }), /components\[0\]: must be one of/);
        await rec.settle();
        assert.deepStrictEqual(rec.resources, []);
    });

    describe("annotation values as Outputs (a role ARN or client ID from another component or stack)", () => {
        const ROLE = "arn:aws:iam::123456789012:role/castai-agent-prod-eu";

        it("annotates with the resolved value, next to the known ones, and keeps a secret value secret", async () => {
            const rec = installMocks();
            const c = new CastAiClusterRbac("castai", {
                components: ["agent", "evictor"],
                serviceAccountAnnotations: {
                    "castai-agent": { "eks.amazonaws.com/role-arn": pulumi.output(ROLE), "example.com/team": "platform" },
                    "castai-evictor": { "example.com/token": pulumi.secret("s3cr3t") },
                },
            });
            await outputValue(c.ready);
            await rec.settle();
            // A secret value makes the account's whole metadata secret (as Pulumi serializes it).
            const meta = (name: string) => rec.resources.filter((r) => r.type === "kubernetes:core/v1:ServiceAccount")
                .map((r) => r.inputs.metadata).find((m) => (revealSecrets(m) as { name: string }).name === name)!;
            assert.deepStrictEqual((meta("castai-agent") as { annotations: unknown }).annotations,
                { "eks.amazonaws.com/role-arn": ROLE, "example.com/team": "platform" });
            assert.ok(isSecretValue(meta("castai-evictor")));
            assert.deepStrictEqual((revealSecrets(meta("castai-evictor")) as { annotations: unknown }).annotations, { "example.com/token": "s3cr3t" });
        });

        it("checks names and keys before anything is registered, whatever the values", async () => {
            const rec = installMocks();
            assert.throws(() => new CastAiClusterRbac("castai", { components: ["agent"], serviceAccountAnnotations: { "castai-agent": { "bad key": pulumi.output("x") } } }),
                (e: unknown) => (e as Error).message === "serviceAccountAnnotations.castai-agent.bad key: is not a valid annotation key (an optional DNS subdomain prefix and '/', then at most 63 letters, digits, '-', '_' or '.')");
            assert.throws(() => new CastAiClusterRbac("castai", { components: ["agent"], serviceAccountAnnotations: { "castai-evictor": { "a/b": pulumi.output("x") } } }),
                (e: unknown) => (e as Error).message === "serviceAccountAnnotations.castai-evictor: is not a service account of the selected components (known: castai-agent)");
            await rec.settle();
            assert.deepStrictEqual(rec.resources, []);
        });

        it("fails the deployment with the builder's message when a value resolves to a non-string", async () => {
            installMocks();
            const c = new CastAiClusterRbac("castai", { components: ["agent"], serviceAccountAnnotations: { "castai-agent": { "a/b": pulumi.output(5 as unknown as string) } } });
            assert.throws(() => planCastAiClusterRbac({ components: ["agent"], serviceAccountAnnotations: { "castai-agent": { "a/b": 5 as unknown as string } } }),
                (e: unknown) => (e as Error).message === "serviceAccountAnnotations.castai-agent.a/b: must be a string, got 5");
            await assert.rejects((c.ready as unknown as { promise(): Promise<unknown> }).promise(),
                (e: unknown) => (e as Error).message.endsWith("serviceAccountAnnotations.castai-agent.a/b: must be a string, got 5"));
        });

        it("ServiceAccountRbac refuses later annotations for an account the bundle does not hold", async () => {
            const rec = installMocks();
            const bundle = planCastAiClusterRbac({ components: ["agent"] }).bundle;
            assert.throws(() => new ServiceAccountRbac("b", { bundle, annotations: { "default/castai-agent": { "a/b": "x" } } }),
                (e: unknown) => (e as Error).message === "annotations.default/castai-agent: is not a service account of the bundle (known: castai-agent/castai-agent)");
            await rec.settle();
            assert.deepStrictEqual(rec.resources, []);
        });
    });
});
