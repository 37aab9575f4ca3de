import * as assert from "assert";
import { InputError } from "../components/core";
import {
    CatalogRole, CatalogRuleEntry, catalogRoleSpecs, roleNamespace, serviceAccountSpecs, substituteNamespace,
    validateComponentsNamespace, validateServiceAccountNames,
} from "../components/kubernetes/catalog";

const throwsExactly = (f: () => unknown, message: string) =>
    assert.throws(f, (e: unknown) => InputError.isInstance(e) && e.message === message);

describe("components/kubernetes/catalog (shared by every vendor's in-cluster RBAC plan)", () => {
    const roles: CatalogRole<"c" | "ns" | "ks", "a" | "b">[] = [
        { key: "c", component: "a", kind: "ClusterRole", name: "a-cluster", bindingName: "a-cluster" },
        { key: "ns", component: "b", kind: "Role", name: "b", bindingName: "b-binding" },
        { key: "ks", component: "b", kind: "Role", namespace: "kube-system", name: "b", bindingName: "b" },
    ];
    const entries: CatalogRuleEntry<"c" | "ns" | "ks">[] = [
        { id: "own-ns", roles: ["c"], rule: { apiGroups: [""], resources: ["namespaces"], verbs: ["delete"], resourceNames: ["{namespace}"] }, feature: "f", why: "w", source: "s" },
        { id: "leases", roles: ["ns", "ks"], rule: { apiGroups: ["coordination.k8s.io"], resources: ["leases"], verbs: ["get"] }, feature: "f", why: "w", source: "s" },
    ];

    it("builds each role with its entries, {namespace} filled in, bound to its component's account in the namespace", () => {
        const specs = catalogRoleSpecs(roles, entries, "vendor", (c) => `${c}-sa`);
        assert.deepStrictEqual(specs.map((r) => [r.kind, r.namespace, r.name, r.bindingName, r.rules.map((x) => x.id), r.subjects]), [
            ["ClusterRole", undefined, "a-cluster", "a-cluster", ["own-ns"], [{ kind: "ServiceAccount", name: "a-sa", namespace: "vendor" }]],
            ["Role", "vendor", "b", "b-binding", ["leases"], [{ kind: "ServiceAccount", name: "b-sa", namespace: "vendor" }]],
            ["Role", "kube-system", "b", "b", ["leases"], [{ kind: "ServiceAccount", name: "b-sa", namespace: "vendor" }]],
        ]);
        assert.deepStrictEqual(specs[0].rules[0].rule.resourceNames, ["vendor"]);
        assert.deepStrictEqual(entries[0].rule.resourceNames, ["{namespace}"], "the catalog is not changed");
        assert.strictEqual(substituteNamespace(entries[1].rule, "vendor"), entries[1].rule);
        assert.deepStrictEqual(roles.map((r) => roleNamespace(r, "vendor")), [undefined, "vendor", "kube-system"]);
    });

    it("annotates only the accounts that have annotations", () => {
        assert.deepStrictEqual(serviceAccountSpecs(["a", "b"], "ns", { b: { k: "v" } }), [
            { name: "a", namespace: "ns" }, { name: "b", namespace: "ns", annotations: { k: "v" } },
        ]);
    });

    it("validates the components' namespace with the vendor's reason against kube-system", () => {
        assert.strictEqual(validateComponentsNamespace("namespace", undefined, "vendor", "why"), "vendor");
        assert.strictEqual(validateComponentsNamespace("namespace", "other", "vendor", "why"), "other");
        throwsExactly(() => validateComponentsNamespace("namespace", "kube-system", "vendor", "it reads secrets"), "namespace: must not be kube-system (it reads secrets)");
    });

    it("overrides service account names per selected component, each distinct from every earlier one", () => {
        const defaults = { x: "sa-x", y: "sa-y", z: "sa-z" };
        const why = (c: string) => `${c} is not selected`;
        assert.deepStrictEqual(validateServiceAccountNames("names", undefined, defaults, ["x", "z"], why), { x: "sa-x", z: "sa-z" });
        assert.deepStrictEqual(validateServiceAccountNames("names", { z: "zed" }, defaults, ["x", "y", "z"], why), { x: "sa-x", y: "sa-y", z: "zed" });
        throwsExactly(() => validateServiceAccountNames("names", { y: "n" }, defaults, ["x", "z"], why), "names.y: y is not selected");
        throwsExactly(() => validateServiceAccountNames("names", { z: "sa-x" }, defaults, ["x", "y", "z"], why), `names.z: must differ from the service account of x (both are "sa-x")`);
        throwsExactly(() => validateServiceAccountNames("names", { y: "sa-z" }, defaults, ["x", "y", "z"], why), `names.z: must differ from the service account of y (both are "sa-z")`);
        throwsExactly(() => validateServiceAccountNames("names", null, defaults, ["x"], why), "names: must be an object of component names to service account names, got null");
    });
});
