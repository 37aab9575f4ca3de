/**
 * Behaviour of the rendered CloudPilot AI RBAC: every object validated by kubernetes-models, the
 * catalog pinned to CloudPilot's permissions document (cloudpilot-ai/docs permissions_required.mdx
 * on main, 154f490d8e16), and the row table of tests/support/cloudpilot-k8s.ts answered by the RBAC evaluator
 * (components/kubernetes/authorize.ts) over the rendered Roles, ClusterRoles and bindings.
 */
import * as assert from "assert";
import { authorize, rulesFor, uncovered } from "../components/kubernetes/authorize";
import { KubeObject } from "../components/kubernetes/rbac";
import {
    CLOUDPILOT_APPROVED_SIGNERS, CLOUDPILOT_COMPONENTS, CLOUDPILOT_PHASE, CLOUDPILOT_RBAC_ENTRIES, CLOUDPILOT_ROLES, CLOUDPILOT_SECTIONS,
    cloudPilotEntries,
} from "../components/cloudpilot/cluster-rbac-catalog";
import { assertValidObjects } from "./support/k8s-objects";
import { RowCheck, showRequest } from "./support/rbac-rows";
import { NS, REACH_LABEL, cloudPilotRowChecks, phaseValues, renderedObjects, rowLabel, sa } from "./support/cloudpilot-k8s";

const phase = (phase2: boolean) => renderedObjects(phaseValues(phase2));

/**
 * CloudPilot's document, restated rule by rule (object, position, API groups, resources, verbs in
 * the document's order, resourceNames), independently of the catalog it pins.
 */
const KARPENTER_CRDS = "ec2nodeclasses.karpenter.k8s.aws, nodepools.karpenter.sh, nodeclaims.karpenter.sh";
const DOCUMENT: Record<string, string[]> = {
    "ClusterRole cloudpilot-agent-cluster-role": [
        "storage.k8s.io csinodes: get, list, watch",
        "core nodes, pods, persistentvolumeclaims, persistentvolumes: get, list, watch",
        "apps deployments, daemonsets, statefulsets, replicasets: get, list, watch",
        "policy poddisruptionbudgets: get, list, watch",
        "batch jobs: get, list, watch",
        "metrics.k8s.io pods, nodes: get, list, watch",
        "apiextensions.k8s.io customresourcedefinitions: get, list, watch",
        "evpa.cloudpilot.ai autoscalingpolicyconfigurations, autoscalingpolicyconfigurations/status: get, list, watch",
        "evpa.cloudpilot.ai autoscalingpolicies, autoscalingpolicies/status, recommendationpolicies: create, update, list, watch, patch, delete",
    ],
    "Role cloudpilot-agent-role": [
        "coordination.k8s.io leases: get, list, create, update, patch, watch",
    ],
    "Role cloudpilot-aws-optimizer": [
        "coordination.k8s.io leases: get, watch",
        "core configmaps, secrets: get, list, watch",
        "core secrets: update (names: cloudpilot-aws-optimizer-cert, cloudpilot-webhook)",
        "coordination.k8s.io leases: patch, update (names: karpenter-leader-election, cloudpilot-controller, cloudpilot-workload-log-collector)",
        "coordination.k8s.io leases: create",
    ],
    "ClusterRole cloudpilot-aws-optimizer": [
        "karpenter.k8s.aws ec2nodeclasses: get, list, watch",
        "karpenter.k8s.aws ec2nodeclasses, ec2nodeclasses/status: patch, update",
        "admissionregistration.k8s.io mutatingwebhookconfigurations, validatingwebhookconfigurations: get, update, list, watch",
        "certificates.k8s.io *: get, create, update, patch, delete, approve",
        "agent.cloudpilot.ai podmutations: get, create, update, patch, delete, list, watch",
    ],
    "ClusterRole cloudpilot-aws-optimizer-admin": [
        "karpenter.sh nodepools, nodepools/status, nodeclaims, nodeclaims/status: get, list, watch, create, delete, patch",
        "karpenter.k8s.aws ec2nodeclasses: get, list, watch, create, delete, patch",
    ],
    "ClusterRole cloudpilot-aws-optimizer-core": [
        "karpenter.sh nodepools, nodepools/status, nodeclaims, nodeclaims/status: get, list, watch",
        "core pods, pods/log, nodes, persistentvolumes, persistentvolumeclaims, replicationcontrollers, namespaces: get, list, watch, update, patch",
        "storage.k8s.io storageclasses, csinodes, volumeattachments: get, watch, list",
        "apps daemonsets, deployments, replicasets, statefulsets: list, watch, get, update, patch",
        "apiextensions.k8s.io customresourcedefinitions: get, watch, list",
        "policy poddisruptionbudgets: get, list, watch",
        "karpenter.sh nodeclaims, nodeclaims/status: create, delete, update, patch",
        "karpenter.sh nodepools, nodepools/status: update, patch",
        "core events: create, patch",
        "core nodes: patch, delete, update",
        "core pods/eviction: create",
        "core pods: delete",
        `apiextensions.k8s.io customresourcedefinitions/status: patch (names: ${KARPENTER_CRDS})`,
        `apiextensions.k8s.io customresourcedefinitions: update (names: ${KARPENTER_CRDS})`,
    ],
};
const PHASE1_OBJECTS = ["ClusterRole cloudpilot-agent-cluster-role", "Role cloudpilot-agent-role"];

function judge(objects: readonly KubeObject[], checks: readonly RowCheck[]): void {
    for (const c of checks) {
        assert.strictEqual(authorize(objects, c.who, c.request), c.allowed,
            `${c.row}: ${c.who.namespace}/${c.who.name} ${showRequest(c.request)} must be ${c.allowed ? "allowed" : "denied"}`);
    }
}

const inRow = (label: string) => (c: RowCheck) => c.row === label || c.row.startsWith(`${label} | `);

describe("cloudpilot-kubernetes RBAC, evaluated as Kubernetes' RBAC authorizer does", () => {
    describe("every rendered object is valid (kubernetes-models 4.5.1)", () => {
        for (const phase2 of [false, true]) {
            it(`phase ${phase2 ? 2 : 1}: apiVersion, kind, metadata.name, namespace where namespaced, and the schema`, async () => {
                const objects = await phase(phase2);
                assert.strictEqual(objects.length, phase2 ? 15 : 6);
                assertValidObjects(objects);
                for (const o of objects.filter((x) => x.metadata.namespace !== undefined)) assert.strictEqual(o.metadata.namespace, NS);
            });
        }
    });

    describe("the catalog is CloudPilot's document", () => {
        it("has every rule of every documented object, in the document's order, and nothing else", () => {
            const catalog: Record<string, string[]> = {};
            for (const e of CLOUDPILOT_RBAC_ENTRIES) {
                const rows = (catalog[e.documentObject] ??= []);
                // The parts of a rule granted in part share its position and row.
                if (!(e.partOfDocumentRule && rows.length === e.documentRule && rows[rows.length - 1] === e.documentRow)) rows.push(e.documentRow);
                assert.strictEqual(e.documentRule, rows.length, e.id);
            }
            assert.deepStrictEqual(catalog, DOCUMENT);
            assert.strictEqual(Object.values(catalog).flat().length, 36);
            assert.strictEqual(CLOUDPILOT_RBAC_ENTRIES.length, 39);
        });

        it("grants two documented rules only in part (secure by default), each part saying what is left out", () => {
            const parts = CLOUDPILOT_RBAC_ENTRIES.filter((e) => e.partOfDocumentRule);
            assert.deepStrictEqual(parts.map((e) => `${e.id} ${e.optIn ?? "-"}: ${e.documentRow}`), [
                "optimizer-webhooks-read -: admissionregistration.k8s.io mutatingwebhookconfigurations, validatingwebhookconfigurations: get, update, list, watch",
                "optimizer-webhooks-update allowAnyWebhookConfigurationUpdate: admissionregistration.k8s.io mutatingwebhookconfigurations, validatingwebhookconfigurations: get, update, list, watch",
                "optimizer-csrs -: certificates.k8s.io *: get, create, update, patch, delete, approve",
                "optimizer-csr-approval -: certificates.k8s.io *: get, create, update, patch, delete, approve",
                "optimizer-signers-approve -: certificates.k8s.io *: get, create, update, patch, delete, approve",
            ]);
            assert.deepStrictEqual(CLOUDPILOT_RBAC_ENTRIES.find((e) => e.id === "optimizer-signers-approve")!.rule,
                { apiGroups: ["certificates.k8s.io"], resources: ["signers"], verbs: ["approve"], resourceNames: ["kubernetes.io/kubelet-serving", "beta.eks.amazonaws.com/app-serving"] });
            assert.match(CLOUDPILOT_RBAC_ENTRIES.find((e) => e.id === "optimizer-csrs")!.why, /not certificatesigningrequests\/status .* and not clustertrustbundles/);
            assert.match(CLOUDPILOT_RBAC_ENTRIES.find((e) => e.id === "optimizer-webhooks-read")!.why, /only with allowAnyWebhookConfigurationUpdate/);
            // Only an opt-in entry carries a risk, and the opt-in entry does.
            assert.deepStrictEqual(CLOUDPILOT_RBAC_ENTRIES.filter((e) => e.optIn).map((e) => e.id), ["optimizer-webhooks-update"]);
            assert.match(CLOUDPILOT_RBAC_ENTRIES.find((e) => e.id === "optimizer-webhooks-update")!.risk!, /every mutating and validating webhook configuration/);
        });

        it("renders each documented object with exactly its granted rules, under the document's name (with and without the opt-in)", async () => {
            for (const webhookUpdate of [false, true]) {
                const objects = await renderedObjects(phaseValues(true, webhookUpdate));
                const granted = cloudPilotEntries({ allowAnyWebhookConfigurationUpdate: webhookUpdate });
                for (const object of Object.keys(DOCUMENT)) {
                    const [kind, name] = object.split(" ");
                    const role = objects.find((o) => o.kind === kind && o.metadata.name === name);
                    assert.ok(role, object);
                    assert.deepStrictEqual(role.rules, granted.filter((e) => e.documentObject === object).map((e) => e.rule), object);
                }
            }
        });

        it("every entry names its feature, why, and the document section and object it implements", () => {
            for (const e of CLOUDPILOT_RBAC_ENTRIES) {
                assert.ok(e.feature.length > 3 && e.why.length > 30, e.id);
                const section = PHASE1_OBJECTS.includes(e.documentObject) ? CLOUDPILOT_SECTIONS.phase1 : CLOUDPILOT_SECTIONS.phase2;
                assert.strictEqual(e.section, section, e.id);
                assert.strictEqual(e.source, `cloudpilot-ai/docs src/content/guide/security/permissions_required.mdx @ main 154f490d8e16, "${section}": ${e.documentObject}`);
            }
        });

        it("every rule with resourceNames lists only verbs a name can limit; every broad rule says what it reaches", () => {
            for (const e of CLOUDPILOT_RBAC_ENTRIES.filter((x) => x.rule.resourceNames)) {
                assert.ok(!e.rule.verbs.some((v) => ["create", "list", "watch", "deletecollection"].includes(v)), e.id);
                assert.match(e.why, /enforced by resourceNames/, e.id);
            }
            // No `*` resource is granted: the document's certificates.k8s.io `*` is granted in part.
            assert.deepStrictEqual(CLOUDPILOT_RBAC_ENTRIES.filter((e) => e.rule.resources!.includes("*")).map((e) => e.id), []);
            for (const id of ["optimizer-webhooks-update", "core-objects-write", "core-apps-write", "agent-leases", "optimizer-leases-read"]) {
                assert.match(CLOUDPILOT_RBAC_ENTRIES.find((e) => e.id === id)!.why, /resourceNames|by name/, id);
            }
        });
    });

    for (const phase2 of [false, true]) {
        describe(`phase ${phase2 ? 2 : 1} (optimizer=${phase2}): one row per documented rule, allowed, and its near misses denied`, () => {
            const components = CLOUDPILOT_COMPONENTS.filter((c) => CLOUDPILOT_PHASE[c] === 1 || phase2);
            const rows = cloudPilotEntries({}).filter((e) => components.includes(CLOUDPILOT_ROLES.find((r) => r.key === e.roles[0])!.component));
            // Generated once per phase, on first use (every test below reads the same list).
            let generated: RowCheck[] | undefined;
            const rowChecks = () => (generated ??= cloudPilotRowChecks(phase2));

            it(`covers ${phase2 ? 38 : 10} granted entries (phase 1: the agent's 10; phase 2: the document's 36 rules, two in part, without the webhook update opt-in), and every check belongs to an entry or to the reach checks`, async () => {
                const checks = rowChecks();
                assert.strictEqual(rows.length, phase2 ? 38 : 10);
                const belongs = checks.filter((c) => rows.some((e) => inRow(rowLabel(e))(c)) || c.row.startsWith(`${REACH_LABEL}: `));
                assert.strictEqual(belongs.length, checks.length);
            });

            for (const e of rows) {
                it(rowLabel(e), async () => {
                    const checks = rowChecks().filter(inRow(rowLabel(e)));
                    assert.ok(checks.some((c) => c.allowed && c.row === rowLabel(e)), "no allowed request");
                    assert.ok(checks.some((c) => !c.allowed), "no near miss denied");
                    judge(await phase(phase2), checks);
                });
            }

            it("what the broad rules reach, and what the document never grants (no escalate, bind or impersonate)", async () => {
                const checks = rowChecks().filter((c) => c.row.startsWith(`${REACH_LABEL}: `));
                assert.strictEqual(checks.length, 10 + 2 * 3 * (4 + 5) + 17);
                judge(await phase(phase2), checks);
            });
        });
    }

    describe("phase 2 with allowAnyWebhookConfigurationUpdate (the opt-in named for its risk)", () => {
        it("every row check of the opt-in render is answered as the table demands, the webhook update included", async () => {
            const checks = cloudPilotRowChecks(true, true);
            assert.ok(checks.some((c) => c.allowed && c.row.includes("[granted part: admissionregistration.k8s.io mutatingwebhookconfigurations, validatingwebhookconfigurations: update]")));
            judge(await renderedObjects(phaseValues(true, true)), checks);
        });

        it("adds exactly the webhook configuration update to the optimizer, nothing else", async () => {
            const [off, on] = await Promise.all([phase(true), renderedObjects(phaseValues(true, true))]);
            assert.deepStrictEqual(uncovered(rulesFor(off, sa("optimizer")), rulesFor(on, sa("optimizer"))), [
                { apiGroups: ["admissionregistration.k8s.io"], resources: ["mutatingwebhookconfigurations"], verbs: ["update"] },
                { apiGroups: ["admissionregistration.k8s.io"], resources: ["validatingwebhookconfigurations"], verbs: ["update"] },
            ]);
            assert.deepStrictEqual(uncovered(rulesFor(on, sa("optimizer")), rulesFor(off, sa("optimizer"))), []);
            assert.deepStrictEqual(on.map((o) => o.metadata.name), off.map((o) => o.metadata.name));
        });
    });

    for (const phase2 of [false, true]) {
        it(`no role holds escalate, bind, impersonate or a * verb; approve only on the named signers (phase ${phase2 ? 2 : 1})`, async () => {
            for (const o of (await phase(phase2)).filter((x) => x.rules)) {
                for (const rule of o.rules!) {
                    for (const verb of ["*", "escalate", "bind", "impersonate"]) assert.ok(!rule.verbs.includes(verb), `${verb} in ${o.metadata.name}`);
                    if (rule.verbs.includes("approve")) {
                        assert.deepStrictEqual([o.kind, o.metadata.name, rule.apiGroups, rule.resources, rule.resourceNames],
                            ["ClusterRole", "cloudpilot-aws-optimizer", ["certificates.k8s.io"], ["signers"], CLOUDPILOT_APPROVED_SIGNERS]);
                    }
                    assert.ok(!(rule.apiGroups ?? []).includes("*") && !rule.nonResourceURLs, `${o.metadata.name}: ${JSON.stringify(rule)}`);
                }
            }
        });
    }

    it("phase 1 is a subset of phase 2, for every service account at every scope; phase 2 adds only the optimizer", async () => {
        const [p1, p2] = await Promise.all([phase(false), phase(true)]);
        const names = (objs: KubeObject[]) => objs.map((o) => `${o.kind}/${o.metadata.namespace ?? ""}/${o.metadata.name}`);
        assert.ok(names(p1).every((n) => names(p2).includes(n)));
        assert.deepStrictEqual(p2.filter((o) => !names(p1).includes(`${o.kind}/${o.metadata.namespace ?? ""}/${o.metadata.name}`))
            .map((o) => `${o.kind} ${o.metadata.name}`).sort(), [
            "ClusterRole cloudpilot-aws-optimizer", "ClusterRole cloudpilot-aws-optimizer-admin", "ClusterRole cloudpilot-aws-optimizer-core",
            "ClusterRoleBinding cloudpilot-aws-optimizer", "ClusterRoleBinding cloudpilot-aws-optimizer-admin", "ClusterRoleBinding cloudpilot-aws-optimizer-core",
            "Role cloudpilot-aws-optimizer", "RoleBinding cloudpilot-aws-optimizer", "ServiceAccount cloudpilot-aws-optimizer",
        ]);
        for (const c of CLOUDPILOT_COMPONENTS) {
            for (const ns of [undefined, NS, "kube-system", "default"]) {
                assert.deepStrictEqual(uncovered(rulesFor(p2, sa(c), ns), rulesFor(p1, sa(c), ns)), [], `${c} in ${ns ?? "cluster"}`);
            }
        }
        // The agent holds the same in both phases; the optimizer nothing in phase 1.
        for (const ns of [undefined, NS]) {
            assert.deepStrictEqual(uncovered(rulesFor(p1, sa("agent"), ns), rulesFor(p2, sa("agent"), ns)), []);
            assert.deepStrictEqual(rulesFor(p1, sa("optimizer"), ns), []);
        }
    });

    it("every binding names exactly one subject: its component's service account in the namespace", async () => {
        const objects = await phase(true);
        for (const b of objects.filter((o) => o.roleRef)) {
            const role = CLOUDPILOT_ROLES.find((r) => r.kind === b.roleRef!.kind && r.name === b.roleRef!.name)!;
            assert.strictEqual(b.metadata.name, role.bindingName);
            assert.deepStrictEqual(b.subjects, [{ kind: "ServiceAccount", name: sa(role.component).name, namespace: NS }]);
        }
    });
});
