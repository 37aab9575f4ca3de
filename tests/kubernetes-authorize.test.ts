/**
 * The RBAC evaluator on its own fixture (tests/support/rbac-fixture.ts). tests/apiserver.test.ts
 * asks a real kube-apiserver the same questions about the same objects.
 */
import * as assert from "assert";
import { authorize, rulesFor, uncovered } from "../components/kubernetes/authorize";
import { authorizeChecks, escalationCases, objects, who } from "./support/rbac-fixture";

describe("authorize (Kubernetes RBAC authorizer semantics)", () => {
    for (const c of authorizeChecks) {
        it(`${c.row}: ${c.allowed ? "allowed" : "denied"}`, () => assert.strictEqual(authorize(objects, c.who, c.request), c.allowed));
    }

    it("gathers rules per scope: ClusterRoleBindings everywhere, RoleBindings in their namespace with every rule of the role (non-resource URLs too, as the escalation check counts them)", () => {
        assert.strictEqual(rulesFor(objects, who).length, 8);
        assert.strictEqual(rulesFor(objects, who, "ops").length, 11);
        assert.strictEqual(rulesFor(objects, who, "dev").length, 8);
        assert.ok(rulesFor(objects, who, "ops").some((r) => r.nonResourceURLs?.includes("/metrics")));
    });

    describe("covers the way the escalation check does", () => {
        for (const c of escalationCases) {
            it(`${c.what}: ${c.allowed ? "may create" : "refused"}`, () => {
                const held = rulesFor(objects, c.as, c.object.metadata.namespace);
                assert.strictEqual(uncovered(held, c.rules).length === 0, c.allowed, JSON.stringify(uncovered(held, c.rules)));
            });
        }
    });
});
