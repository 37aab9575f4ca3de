import * as assert from "assert";
import { InputError } from "../components/core";
import { planCloudPilotClusterRbac } from "../components/cloudpilot/cluster-rbac-plan";
import { CLOUDPILOT_NAMESPACE, CLOUDPILOT_SERVICE_ACCOUNT } from "../components/cloudpilot/eks-plan";
import { CLOUDPILOT_SERVICE_ACCOUNTS } from "../components/cloudpilot/cluster-rbac-catalog";

const roles = (p: ReturnType<typeof planCloudPilotClusterRbac>) =>
    p.bundle.roles.map((r) => `${r.kind} ${r.namespace ?? "-"}/${r.name} <- ${r.bindingName} -> ${r.subjects.map((s) => `${s.namespace}/${s.name}`).join(",")} (${r.rules.length} rules)`);

describe("planCloudPilotClusterRbac (pure)", () => {
    it("defaults: namespace cloudpilot, created, phase 1: the agent's service account, ClusterRole and Role only", () => {
        const p = planCloudPilotClusterRbac({});
        assert.strictEqual(p.namespace, "cloudpilot");
        assert.strictEqual(p.optimizer, false);
        assert.deepStrictEqual(p.components, ["agent"]);
        assert.deepStrictEqual(p.bundle.namespaces, ["cloudpilot"]);
        assert.deepStrictEqual(p.serviceAccountNames, { agent: "cloudpilot-agent" });
        assert.deepStrictEqual(p.bundle.serviceAccounts, [{ name: "cloudpilot-agent", namespace: "cloudpilot" }]);
        assert.deepStrictEqual(roles(p), [
            "ClusterRole -/cloudpilot-agent-cluster-role <- cloudpilot-agent-cluster-role -> cloudpilot/cloudpilot-agent (9 rules)",
            "Role cloudpilot/cloudpilot-agent-role <- cloudpilot-agent-role -> cloudpilot/cloudpilot-agent (1 rules)",
        ]);
        assert.deepStrictEqual(p.bundle.labels, { "app.kubernetes.io/part-of": "cloudpilot" });
    });

    it("allowAnyWebhookConfigurationUpdate adds exactly the webhook update rule to the optimizer's ClusterRole", () => {
        const off = planCloudPilotClusterRbac({ optimizer: true });
        const on = planCloudPilotClusterRbac({ optimizer: true, allowAnyWebhookConfigurationUpdate: true });
        assert.strictEqual(off.allowAnyWebhookConfigurationUpdate, false);
        assert.strictEqual(on.allowAnyWebhookConfigurationUpdate, true);
        const ids = (p: typeof on) => p.bundle.roles.flatMap((r) => r.rules.map((x) => x.id));
        assert.deepStrictEqual(ids(on).filter((id) => !ids(off).includes(id)), ["optimizer-webhooks-update"]);
        assert.deepStrictEqual(ids(off).filter((id) => !ids(on).includes(id)), []);
    });

    it("optimizer (phase 2) adds its service account, its Role and its three ClusterRoles, bound to it", () => {
        const p = planCloudPilotClusterRbac({ optimizer: true });
        assert.deepStrictEqual(p.components, ["agent", "optimizer"]);
        assert.deepStrictEqual(p.serviceAccountNames, { agent: "cloudpilot-agent", optimizer: "cloudpilot-aws-optimizer" });
        assert.deepStrictEqual(roles(p).slice(2), [
            "Role cloudpilot/cloudpilot-aws-optimizer <- cloudpilot-aws-optimizer -> cloudpilot/cloudpilot-aws-optimizer (5 rules)",
            "ClusterRole -/cloudpilot-aws-optimizer <- cloudpilot-aws-optimizer -> cloudpilot/cloudpilot-aws-optimizer (7 rules)",
            "ClusterRole -/cloudpilot-aws-optimizer-admin <- cloudpilot-aws-optimizer-admin -> cloudpilot/cloudpilot-aws-optimizer (2 rules)",
            "ClusterRole -/cloudpilot-aws-optimizer-core <- cloudpilot-aws-optimizer-core -> cloudpilot/cloudpilot-aws-optimizer (14 rules)",
        ]);
    });

    it("the optimizer's default namespace and service account are the ones CloudPilotEksAccess trusts", () => {
        const p = planCloudPilotClusterRbac({ optimizer: true });
        assert.strictEqual(p.namespace, CLOUDPILOT_NAMESPACE);
        assert.strictEqual(p.serviceAccountNames.optimizer, CLOUDPILOT_SERVICE_ACCOUNT);
        assert.strictEqual(CLOUDPILOT_SERVICE_ACCOUNTS.optimizer, CLOUDPILOT_SERVICE_ACCOUNT);
    });

    it("a custom namespace, existing, moves the service accounts, the Roles and every subject", () => {
        const p = planCloudPilotClusterRbac({ namespace: "cp-system", createNamespace: false, optimizer: true });
        assert.deepStrictEqual(p.bundle.namespaces, []);
        assert.deepStrictEqual(p.bundle.serviceAccounts.map((s) => s.namespace), ["cp-system", "cp-system"]);
        assert.deepStrictEqual(p.bundle.roles.map((r) => r.namespace), [undefined, "cp-system", "cp-system", undefined, undefined, undefined]);
        assert.ok(p.bundle.roles.every((r) => r.subjects.every((s) => s.namespace === "cp-system")));
    });

    it("overrides service account names per component and annotates by the names in use", () => {
        const arn = "arn:aws:iam::123456789012:role/cloudpilot-eks-prod-eu";
        const p = planCloudPilotClusterRbac({
            optimizer: true,
            serviceAccountNames: { optimizer: "cloudpilot-controller" },
            serviceAccountAnnotations: { "cloudpilot-controller": { "eks.amazonaws.com/role-arn": arn } },
        });
        assert.deepStrictEqual(p.serviceAccountNames, { agent: "cloudpilot-agent", optimizer: "cloudpilot-controller" });
        assert.deepStrictEqual(p.bundle.serviceAccounts, [
            { name: "cloudpilot-agent", namespace: "cloudpilot" },
            { name: "cloudpilot-controller", namespace: "cloudpilot", annotations: { "eks.amazonaws.com/role-arn": arn } },
        ]);
        const optimizerRoles = p.bundle.roles.filter((r) => r.name.startsWith("cloudpilot-aws-optimizer"));
        assert.strictEqual(optimizerRoles.length, 4);
        for (const r of optimizerRoles) assert.deepStrictEqual(r.subjects, [{ kind: "ServiceAccount", name: "cloudpilot-controller", namespace: "cloudpilot" }]);
        const agent = planCloudPilotClusterRbac({ serviceAccountNames: { agent: "agent" } });
        assert.deepStrictEqual(agent.bundle.roles.map((r) => r.subjects[0].name), ["agent", "agent"]);
    });

    const bad: [string, Record<string, unknown>, string][] = [
        ["unknown key", { phase2: true }, "phase2: is not an argument of CloudPilotClusterRbac (known: namespace, createNamespace, optimizer, allowAnyWebhookConfigurationUpdate, serviceAccountNames, serviceAccountAnnotations, provider)"],
        ["namespace upper case", { namespace: "CloudPilot" }, `namespace: must be a DNS-1123 label (lower-case letters, digits and '-', starting and ending with a letter or digit), got "CloudPilot"`],
        ["namespace with a dot", { namespace: "cloud.pilot" }, `namespace: must be a DNS-1123 label (lower-case letters, digits and '-', starting and ending with a letter or digit), got "cloud.pilot"`],
        ["namespace leading dash", { namespace: "-cloudpilot" }, `namespace: must be a DNS-1123 label (lower-case letters, digits and '-', starting and ending with a letter or digit), got "-cloudpilot"`],
        ["namespace too long", { namespace: "c".repeat(64) }, "namespace: must be at most 63 characters, got 64"],
        ["namespace empty", { namespace: "" }, "namespace: must not be empty"],
        ["namespace not a string", { namespace: ["cloudpilot"] }, `namespace: must be a string, got ["cloudpilot"]`],
        ["namespace kube-system", { namespace: "kube-system" }, "namespace: must not be kube-system (the optimizer reads every secret in its namespace, and both components write leases there)"],
        ["optimizer a string", { optimizer: "true" }, `optimizer: must be true or false, got "true"`],
        ["optimizer a number", { optimizer: 2 }, "optimizer: must be true or false, got 2"],
        ["createNamespace a string", { createNamespace: "no" }, `createNamespace: must be true or false, got "no"`],
        ["serviceAccountNames not an object", { serviceAccountNames: "cloudpilot-agent" }, `serviceAccountNames: must be an object of component names to service account names, got "cloudpilot-agent"`],
        ["the webhook update opt-in without the optimizer", { allowAnyWebhookConfigurationUpdate: true }, "allowAnyWebhookConfigurationUpdate: is only used when optimizer is true (it widens the optimizer's webhook rule)"],
        ["the webhook update opt-in not boolean", { optimizer: true, allowAnyWebhookConfigurationUpdate: "yes" }, 'allowAnyWebhookConfigurationUpdate: must be true or false, got "yes"'],
        ["serviceAccountNames a list", { serviceAccountNames: ["a"] }, `serviceAccountNames: must be an object of component names to service account names, got ["a"]`],
        ["serviceAccountNames of an unknown component", { serviceAccountNames: { controller: "x" } }, "serviceAccountNames.controller: is not a component (known: agent, optimizer)"],
        ["the optimizer's name in phase 1", { serviceAccountNames: { optimizer: "x" } }, "serviceAccountNames.optimizer: is only used when the optimizer is granted (set optimizer to true)"],
        ["a service account name with upper case", { serviceAccountNames: { agent: "CloudPilot" } }, `serviceAccountNames.agent: must be a DNS-1123 subdomain (lower-case letters, digits, '-' and '.'), got "CloudPilot"`],
        ["a service account name with an underscore", { optimizer: true, serviceAccountNames: { optimizer: "aws_optimizer" } }, `serviceAccountNames.optimizer: must be a DNS-1123 subdomain (lower-case letters, digits, '-' and '.'), got "aws_optimizer"`],
        ["an empty service account name", { serviceAccountNames: { agent: "" } }, "serviceAccountNames.agent: must not be empty"],
        ["a service account name too long", { serviceAccountNames: { agent: "a".repeat(254) } }, "serviceAccountNames.agent: must be at most 253 characters, got 254"],
        ["the same name for both", { optimizer: true, serviceAccountNames: { optimizer: "cloudpilot-agent" } }, `serviceAccountNames.optimizer: must differ from the service account of agent (both are "cloudpilot-agent")`],
        ["annotations not an object", { serviceAccountAnnotations: "x" }, `serviceAccountAnnotations: must be an object of service account names to annotations, got "x"`],
        ["annotations of the optimizer in phase 1", { serviceAccountAnnotations: { "cloudpilot-aws-optimizer": {} } }, "serviceAccountAnnotations.cloudpilot-aws-optimizer: is not a service account of the selected components (known: cloudpilot-agent)"],
        ["annotations of a default name after an override", { optimizer: true, serviceAccountNames: { optimizer: "controller" }, serviceAccountAnnotations: { "cloudpilot-aws-optimizer": {} } },
            "serviceAccountAnnotations.cloudpilot-aws-optimizer: is not a service account of the selected components (known: cloudpilot-agent, controller)"],
        ["a bad annotation key", { serviceAccountAnnotations: { "cloudpilot-agent": { "eks.amazonaws.com/role arn": "x" } } }, "serviceAccountAnnotations.cloudpilot-agent.eks.amazonaws.com/role arn: is not a valid annotation key (an optional DNS subdomain prefix and '/', then at most 63 letters, digits, '-', '_' or '.')"],
        ["a non-string annotation value", { serviceAccountAnnotations: { "cloudpilot-agent": { "eks.amazonaws.com/role-arn": true } } }, "serviceAccountAnnotations.cloudpilot-agent.eks.amazonaws.com/role-arn: must be a string, got true"],
        ["annotations of an account not an object", { serviceAccountAnnotations: { "cloudpilot-agent": "x" } }, `serviceAccountAnnotations.cloudpilot-agent: must be an object of annotation keys to string values, got "x"`],
    ];
    for (const [what, args, message] of bad) {
        it(`rejects ${what}`, () => {
            assert.throws(() => planCloudPilotClusterRbac(args as never), (e: unknown) => InputError.isInstance(e) && e.message === message);
        });
    }
});
