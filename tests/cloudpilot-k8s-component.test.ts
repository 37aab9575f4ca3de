import * as assert from "assert";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { installMocks, outputValue } from "../components/exports/testing";
import { CloudPilotClusterRbac } from "../components/cloudpilot/cluster-rbac";

const K = "kubernetes:rbac.authorization.k8s.io/v1";

describe("CloudPilotClusterRbac (mocks)", () => {
    it("phase 1: exactly the namespace, the agent's account, ClusterRole, Role and bindings, with explicit names, parented to the bundle", async () => {
        const rec = installMocks();
        const c = new CloudPilotClusterRbac("cp");
        await outputValue(c.ready);
        await rec.settle();
        assert.deepStrictEqual(rec.resources.map((r) => `${r.type} ${r.name} <- ${r.parent}`).sort(), [
            "kubegrant:cloudpilot:CloudPilotClusterRbac cp <- null",
            "kubegrant:kubernetes:ServiceAccountRbac cp-rbac <- cp",
            "kubernetes:core/v1:Namespace cp-rbac-namespace-cloudpilot <- cp-rbac",
            "kubernetes:core/v1:ServiceAccount cp-rbac-serviceaccount-cloudpilot-cloudpilot-agent <- cp-rbac",
            `${K}:ClusterRole cp-rbac-clusterrole-cloudpilot-agent-cluster-role <- cp-rbac`,
            `${K}:ClusterRoleBinding cp-rbac-clusterrolebinding-cloudpilot-agent-cluster-role <- cp-rbac`,
            `${K}:Role cp-rbac-role-cloudpilot-cloudpilot-agent-role <- cp-rbac`,
            `${K}:RoleBinding cp-rbac-rolebinding-cloudpilot-cloudpilot-agent-role <- cp-rbac`,
        ]);
        for (const r of rec.resources.filter((x) => x.custom)) {
            assert.strictEqual(typeof r.inputs.apiVersion, "string");
            assert.strictEqual(typeof r.inputs.kind, "string");
            assert.ok((r.inputs.metadata as { name?: string }).name, `${r.name} has an explicit metadata.name`);
        }
        const role = rec.resources.find((r) => r.name === "cp-rbac-role-cloudpilot-cloudpilot-agent-role")!;
        assert.deepStrictEqual(role.inputs.rules, [{ apiGroups: ["coordination.k8s.io"], resources: ["leases"], verbs: ["get", "list", "create", "update", "patch", "watch"] }]);
        assert.deepStrictEqual(role.inputs.metadata, {
            name: "cloudpilot-agent-role", namespace: "cloudpilot",
            labels: { "app.kubernetes.io/managed-by": "kubegrant", "app.kubernetes.io/part-of": "cloudpilot" },
            annotations: { "kubegrant.io/rules": "agent-leases" },
        });
        const binding = rec.resources.find((r) => r.name === "cp-rbac-clusterrolebinding-cloudpilot-agent-cluster-role")!;
        assert.deepStrictEqual(binding.inputs.roleRef, { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "cloudpilot-agent-cluster-role" });
        assert.deepStrictEqual(binding.inputs.subjects, [{ kind: "ServiceAccount", name: "cloudpilot-agent", namespace: "cloudpilot" }]);
        assert.deepStrictEqual((await outputValue(c.serviceAccountNames)).value, { agent: "cloudpilot-agent" });
        assert.deepStrictEqual((await outputValue(c.ready)).value, ["cloudpilot-agent"]);
        assert.strictEqual((await outputValue(c.namespace)).value, "cloudpilot");
    });

    it("phase 2: adds exactly the optimizer's account, Role, three ClusterRoles and their bindings", async () => {
        const rec = installMocks();
        const c = new CloudPilotClusterRbac("cp", { optimizer: true });
        await outputValue(c.ready);
        await rec.settle();
        const added = rec.resources.map((r) => `${r.type} ${r.name}`).filter((n) => n.includes("optimizer")).sort();
        assert.deepStrictEqual(added, [
            "kubernetes:core/v1:ServiceAccount cp-rbac-serviceaccount-cloudpilot-cloudpilot-aws-optimizer",
            `${K}:ClusterRole cp-rbac-clusterrole-cloudpilot-aws-optimizer`,
            `${K}:ClusterRole cp-rbac-clusterrole-cloudpilot-aws-optimizer-admin`,
            `${K}:ClusterRole cp-rbac-clusterrole-cloudpilot-aws-optimizer-core`,
            `${K}:ClusterRoleBinding cp-rbac-clusterrolebinding-cloudpilot-aws-optimizer`,
            `${K}:ClusterRoleBinding cp-rbac-clusterrolebinding-cloudpilot-aws-optimizer-admin`,
            `${K}:ClusterRoleBinding cp-rbac-clusterrolebinding-cloudpilot-aws-optimizer-core`,
            `${K}:Role cp-rbac-role-cloudpilot-cloudpilot-aws-optimizer`,
            `${K}:RoleBinding cp-rbac-rolebinding-cloudpilot-cloudpilot-aws-optimizer`,
        ]);
        assert.strictEqual(rec.resources.length, 17);
        const secrets = rec.resources.find((r) => r.name === "cp-rbac-role-cloudpilot-cloudpilot-aws-optimizer")!;
        assert.deepStrictEqual((secrets.inputs.rules as unknown[])[2], {
            apiGroups: [""], resources: ["secrets"], resourceNames: ["cloudpilot-aws-optimizer-cert", "cloudpilot-webhook"], verbs: ["update"],
        });
        const aws = rec.resources.find((r) => r.name === "cp-rbac-clusterrole-cloudpilot-aws-optimizer")!;
        assert.deepStrictEqual((aws.inputs.metadata as { annotations: unknown }).annotations, {
            "kubegrant.io/rules": "optimizer-ec2nodeclasses-read,optimizer-ec2nodeclasses-write,optimizer-webhooks-read,optimizer-csrs,optimizer-csr-approval,optimizer-signers-approve,optimizer-podmutations",
        });
        assert.deepStrictEqual((await outputValue(c.serviceAccountNames)).value, { agent: "cloudpilot-agent", optimizer: "cloudpilot-aws-optimizer" });
        assert.deepStrictEqual((await outputValue(c.ready)).value, ["cloudpilot-agent", "cloudpilot-aws-optimizer"]);
    });

    it("uses an existing namespace, renames and annotates the optimizer's account, and passes the provider to every object", async () => {
        const rec = installMocks();
        const provider = new k8s.Provider("target", { kubeconfig: "{}" });
        const arn = "arn:aws:iam::123456789012:role/cloudpilot-eks-prod-eu";
        const c = new CloudPilotClusterRbac("cp", {
            namespace: "cp", createNamespace: false, optimizer: true, provider,
            serviceAccountNames: { optimizer: "controller" },
            serviceAccountAnnotations: { controller: { "eks.amazonaws.com/role-arn": arn } },
        });
        await outputValue(c.ready);
        await rec.settle();
        assert.ok(!rec.resources.some((r) => r.type === "kubernetes:core/v1:Namespace"));
        const accounts = rec.resources.filter((r) => r.type === "kubernetes:core/v1:ServiceAccount").map((r) => r.inputs.metadata as { name: string })
            .sort((a, b) => a.name.localeCompare(b.name));
        assert.deepStrictEqual(accounts, [
            { name: "cloudpilot-agent", namespace: "cp", labels: { "app.kubernetes.io/managed-by": "kubegrant", "app.kubernetes.io/part-of": "cloudpilot" } },
            { name: "controller", namespace: "cp", labels: { "app.kubernetes.io/managed-by": "kubegrant", "app.kubernetes.io/part-of": "cloudpilot" }, annotations: { "eks.amazonaws.com/role-arn": arn } },
        ]);
        assert.strictEqual(Object.keys(c.rbac.objects).length, 14);
        for (const o of Object.values(c.rbac.objects)) {
            assert.strictEqual((o as unknown as { __prov?: pulumi.ProviderResource }).__prov, provider);
        }
        assert.deepStrictEqual((await outputValue(c.serviceAccountNames)).value, { agent: "cloudpilot-agent", optimizer: "controller" });
        assert.strictEqual((await outputValue(c.namespace)).value, "cp");
    });

    it("resolves ready only after every object exists", async () => {
        const rec = installMocks();
        const c = new CloudPilotClusterRbac("cp", { optimizer: true });
        const deps = await (c.ready as unknown as { allResources(): Promise<Set<pulumi.Resource>> }).allResources();
        const depUrns = await Promise.all([...deps].map((d) => outputValue(d.urn).then((u) => u.value)));
        await rec.settle();
        const needed = rec.resources.filter((r) => r.type.startsWith("kubernetes:")).map((r) => r.urn);
        assert.strictEqual(needed.length, 15);
        for (const urn of needed) assert.ok(depUrns.includes(urn), `ready does not wait for ${urn}`);
    });

    it("is exported from kubegrant/kubernetes (and the package root) beside CastAiClusterRbac, on the shared ClusterRbacComponent", () => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- the public paths read by name, as a user's require() sees them at run time
        const sub = require("kubegrant/kubernetes") as Record<string, unknown>;
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- the public paths read by name, as a user's require() sees them at run time
        const root = require("kubegrant") as { kubernetes: Record<string, unknown> };
        assert.strictEqual(sub.CloudPilotClusterRbac, CloudPilotClusterRbac);
        assert.strictEqual(root.kubernetes.CloudPilotClusterRbac, CloudPilotClusterRbac);
        for (const name of ["CLOUDPILOT_SERVICE_ACCOUNTS", "CLOUDPILOT_COMPONENTS", "CastAiClusterRbac", "ClusterRbacComponent"]) {
            assert.ok(sub[name], name);
        }
        // The plan and the catalog are internal (docs/layers.md): not on the public surface.
        for (const name of ["planCloudPilotClusterRbac", "CLOUDPILOT_RBAC_ENTRIES", "CLOUDPILOT_ROLES"]) {
            assert.strictEqual(sub[name], undefined, name);
        }
        assert.ok(Object.getPrototypeOf(CloudPilotClusterRbac) === sub.ClusterRbacComponent && Object.getPrototypeOf(sub.CastAiClusterRbac) === sub.ClusterRbacComponent);
    });

    it("registers no resource at all on bad input", async () => {
        const rec = installMocks();
        assert.throws(() => new CloudPilotClusterRbac("cp", { namespace: "kube-system" }), /^InputError: namespace: must not be kube-system/);
        assert.throws(() => new CloudPilotClusterRbac("cp", { optimizer: "yes" as never }), /^InputError: optimizer: must be true or false, got "yes"$/);
        assert.throws(() => new CloudPilotClusterRbac("cp", { serviceAccountNames: { optimizer: "x" } }), /^InputError: serviceAccountNames\.optimizer: is only used when the optimizer is granted/);
        assert.throws(() => new CloudPilotClusterRbac("cp", { phase: 2 } as never), /^InputError: phase: is not an argument of CloudPilotClusterRbac/);
        await rec.settle();
        assert.deepStrictEqual(rec.resources, []);
    });

    it("takes an annotation value as an Output: CloudPilotEksAccess's IRSA role ARN on the account its trust names", async () => {
        const { CloudPilotEksAccess } = await import("../components/cloudpilot/eks");
        const rec = installMocks();
        const oidc = "arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-central-1.amazonaws.com/id/0123456789ABCDEF0123456789ABCDEF";
        const cloud = new CloudPilotEksAccess("cloudpilot", { clusterName: "prod-eu", accountId: "123456789012", region: "eu-central-1", trust: "irsa", oidcProviderArn: oidc });
        const c = new CloudPilotClusterRbac("cp", {
            optimizer: true, serviceAccountAnnotations: { "cloudpilot-aws-optimizer": { "eks.amazonaws.com/role-arn": cloud.roleArn } },
        });
        await outputValue(pulumi.all([cloud.ready, c.ready]));
        await rec.settle();
        const sa = rec.resources.find((r) => r.name === "cp-rbac-serviceaccount-cloudpilot-cloudpilot-aws-optimizer")!;
        const meta = sa.inputs.metadata as { name: string; namespace: string; annotations: Record<string, string> };
        assert.deepStrictEqual(meta.annotations, { "eks.amazonaws.com/role-arn": "arn:aws:iam::123456789012:role/cloudpilot-eks-prod-eu" });
        const trust = JSON.parse(rec.resources.find((r) => r.type === "aws:iam/role:Role" && r.name === "cloudpilot-access")!.inputs.assumeRolePolicy as string);
        assert.strictEqual(trust.Statement[0].Condition.StringEquals["oidc.eks.eu-central-1.amazonaws.com/id/0123456789ABCDEF0123456789ABCDEF:sub"],
            `system:serviceaccount:${meta.namespace}:${meta.name}`);
    });
});
