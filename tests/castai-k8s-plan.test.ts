import * as assert from "assert";
import { InputError } from "../components/core";
import { planCastAiClusterRbac } from "../components/castai/cluster-rbac-plan";

describe("planCastAiClusterRbac (pure)", () => {
    it("defaults: namespace castai-agent, created, phase 1: only the agent and the operator, with the seed's service account names", () => {
        const p = planCastAiClusterRbac({});
        assert.strictEqual(p.namespace, "castai-agent");
        assert.deepStrictEqual(p.bundle.namespaces, ["castai-agent"]);
        assert.strictEqual(p.extendedPermissions, false);
        assert.deepStrictEqual(p.components, ["agent", "operator"]);
        assert.deepStrictEqual(p.serviceAccountNames, { "agent": "castai-agent", "operator": "castware-operator-controller-manager" });
        assert.deepStrictEqual(p.bundle.roles.map((r) => `${r.kind} ${r.namespace ?? "-"}/${r.name} <- ${r.bindingName}`), [
            "ClusterRole -/castai-agent <- castai-agent",
            "Role castai-agent/castai-agent <- castai-agent",
            "Role kube-system/castai-agent <- castai-agent",
            "ClusterRole -/castware-operator-manager-role <- castware-operator-manager-rolebinding",
            "Role castai-agent/castware-operator-namespace-role <- castware-operator-namespace-role-binding",
            "Role castai-agent/castware-operator-leader-election-role <- castware-operator-leader-election-rolebinding",
            "Role kube-system/castware-operator-kube-system-access <- castware-operator-kube-system-access",
        ]);
    });

    it("phase 2 adds the cluster controller, evictor and pod pinner (what the vendor installs in phase 2) and the operator's two -ext roles", () => {
        const p1 = planCastAiClusterRbac({}).bundle.roles.map((r) => r.name);
        const p2 = planCastAiClusterRbac({ extendedPermissions: true });
        assert.deepStrictEqual(p2.components, ["agent", "cluster-controller", "evictor", "pod-pinner", "operator"]);
        assert.deepStrictEqual(p2.bundle.roles.map((r) => r.name).filter((n) => !p1.includes(n)), [
            "castai-cluster-controller", "castai-cluster-controller", "castai-evictor", "castai-pod-pinner",
            "castware-operator-manager-role-ext", "castware-operator-namespace-role-ext",
        ]);
    });

    it("phase 2 components without extendedPermissions only when listed", () => {
        const p = planCastAiClusterRbac({ components: ["agent", "evictor"] });
        assert.deepStrictEqual(p.components, ["agent", "evictor"]);
        assert.deepStrictEqual(p.bundle.roles.map((r) => r.name), ["castai-agent", "castai-agent", "castai-agent", "castai-evictor"]);
    });

    it("a custom namespace moves the service accounts, Roles and the own-namespace delete; kube-system stays kube-system", () => {
        const p = planCastAiClusterRbac({ namespace: "cast", createNamespace: false, components: ["cluster-controller"] });
        assert.deepStrictEqual(p.bundle.namespaces, []);
        assert.deepStrictEqual(p.bundle.serviceAccounts, [{ name: "castai-cluster-controller", namespace: "cast" }]);
        const cr = p.bundle.roles.find((r) => r.kind === "ClusterRole")!;
        assert.deepStrictEqual(cr.rules.find((r) => r.id === "phase2-own-namespace-delete")!.rule.resourceNames, ["cast"]);
        assert.deepStrictEqual(p.bundle.roles.map((r) => r.namespace), [undefined, "cast"]);
        assert.deepStrictEqual(cr.subjects, [{ kind: "ServiceAccount", name: "castai-cluster-controller", namespace: "cast" }]);
    });

    it("lists components in catalog order and annotates the named service accounts only", () => {
        const p = planCastAiClusterRbac({
            components: ["operator", "agent"],
            serviceAccountAnnotations: { "castai-agent": { "eks.amazonaws.com/role-arn": "arn:aws:iam::123456789012:role/castai-agent" } },
        });
        assert.deepStrictEqual(p.components, ["agent", "operator"]);
        assert.deepStrictEqual(p.bundle.serviceAccounts, [
            { name: "castai-agent", namespace: "castai-agent", annotations: { "eks.amazonaws.com/role-arn": "arn:aws:iam::123456789012:role/castai-agent" } },
            { name: "castware-operator-controller-manager", namespace: "castai-agent" },
        ]);
    });

    const bad: [string, Record<string, unknown>, string][] = [
        ["unknown key", { namespaces: "x" }, "namespaces: is not an argument of CastAiClusterRbac (known: namespace, createNamespace, extendedPermissions, operatorClusterWidePodWrite, components, serviceAccountAnnotations, provider)"],
        ["opt-in without phase 2", { operatorClusterWidePodWrite: true },
            "operatorClusterWidePodWrite: is only used when extendedPermissions is true (it extends the operator's phase 2)"],
        ["opt-in not a boolean", { extendedPermissions: true, operatorClusterWidePodWrite: "yes" }, 'operatorClusterWidePodWrite: must be true or false, got "yes"'],
        ["namespace upper case", { namespace: "CastAI" }, `namespace: must be a DNS-1123 label (lower-case letters, digits and '-', starting and ending with a letter or digit), got "CastAI"`],
        ["namespace with a dot", { namespace: "cast.ai" }, `namespace: must be a DNS-1123 label (lower-case letters, digits and '-', starting and ending with a letter or digit), got "cast.ai"`],
        ["namespace trailing dash", { namespace: "castai-" }, `namespace: must be a DNS-1123 label (lower-case letters, digits and '-', starting and ending with a letter or digit), got "castai-"`],
        ["namespace too long", { namespace: "a".repeat(64) }, "namespace: must be at most 63 characters, got 64"],
        ["namespace empty", { namespace: "" }, "namespace: must not be empty"],
        ["namespace not a string", { namespace: 7 }, "namespace: must be a string, got 7"],
        ["namespace kube-system", { namespace: "kube-system" }, "namespace: must not be kube-system (the components get namespace administrator rights in their namespace)"],
        ["extendedPermissions a string", { extendedPermissions: "true" }, `extendedPermissions: must be true or false, got "true"`],
        ["createNamespace a number", { createNamespace: 1 }, "createNamespace: must be true or false, got 1"],
        ["unknown component", { components: ["agent", "kvisor"] }, `components[1]: must be one of "agent", "cluster-controller", "evictor", "pod-pinner", "operator", got "kvisor"`],
        ["components not a list", { components: "agent" }, `components: must be a list of strings, got "agent"`],
        ["components twice", { components: ["agent", "agent"] }, `components: lists "agent" twice`],
        ["components empty", { components: [] }, "components: must list at least one component"],
        ["annotations not an object", { serviceAccountAnnotations: ["x"] }, `serviceAccountAnnotations: must be an object of service account names to annotations, got ["x"]`],
        ["annotations of an unselected account", { components: ["agent"], serviceAccountAnnotations: { "castai-evictor": {} } }, "serviceAccountAnnotations.castai-evictor: is not a service account of the selected components (known: castai-agent)"],
        ["bad annotation key", { serviceAccountAnnotations: { "castai-agent": { "bad key": "x" } } }, "serviceAccountAnnotations.castai-agent.bad key: is not a valid annotation key (an optional DNS subdomain prefix and '/', then at most 63 letters, digits, '-', '_' or '.')"],
        ["bad annotation value", { serviceAccountAnnotations: { "castai-agent": { "iam.gke.io/gcp-service-account": 1 } } }, "serviceAccountAnnotations.castai-agent.iam.gke.io/gcp-service-account: must be a string, got 1"],
    ];
    for (const [what, args, message] of bad) {
        it(`rejects ${what}`, () => {
            assert.throws(() => planCastAiClusterRbac(args as never), (e: unknown) => InputError.isInstance(e) && e.message === message);
        });
    }
});
