/**
 * The permission-coverage reporter itself (tests/support/coverage*.ts): grant keys, how each
 * judge's decision is mapped to the grant that took it, what counts as a near miss, and when the
 * whole-suite gate applies.
 */
import * as assert from "assert";
import { awsStatementKey, celKey, coverageOn, evidenceFor, kubeRuleKey, recordRbacEvaluation } from "./support/coverage";
import { anyOfItsType, grantsOf } from "./support/coverage-report";
import { specFiles, wholeSuite } from "./support/coverage-hook";
import { runCondition } from "./support/cel";
import { decide } from "./support/iam";
import { AKS_WI } from "./support/aks-values";
import { planCloudPilotAlibaba } from "../components/cloudpilot/alibaba-plan";
import { toRamPolicyDocument } from "../components/alicloud/policy";

const INSTANCE = "arn:aws:ec2:eu-central-1:123456789012:instance/i-0123456789abcdef0";

describe("permission coverage: grant keys", () => {
    it("keys IAM statements as IAM reads them: a one-item list is the string, order does not count", () => {
        const a = { Sid: "S", Effect: "Allow", Action: ["ec2:StopInstances", "ec2:StartInstances"], Resource: INSTANCE, Condition: { StringEquals: { "aws:ResourceTag/team": ["a", "b"] } } };
        const b = { Condition: { StringEquals: { "aws:ResourceTag/team": ["b", "a"] } }, Resource: [INSTANCE], Action: ["ec2:StartInstances", "ec2:StopInstances"], Effect: "Allow", Sid: "S" };
        assert.strictEqual(awsStatementKey(a), awsStatementKey(b));
        assert.notStrictEqual(awsStatementKey(a), awsStatementKey({ ...a, Condition: { StringEquals: { "aws:ResourceTag/team": "a" } } }), "another condition value");
        assert.notStrictEqual(awsStatementKey(a), awsStatementKey({ ...a, Sid: "T" }), "another Sid");
    });

    it("keys Kubernetes rules by content, in any order", () => {
        assert.strictEqual(kubeRuleKey({ apiGroups: [""], resources: ["pods", "nodes"], verbs: ["get"] }), kubeRuleKey({ verbs: ["get"], resources: ["nodes", "pods"], apiGroups: [""] }));
        assert.notStrictEqual(kubeRuleKey({ apiGroups: [""], resources: ["pods"], verbs: ["get"] }), kubeRuleKey({ apiGroups: [""], resources: ["pods"], verbs: ["get"], resourceNames: ["a"] }));
    });

    it("counts a resource naming every resource of its type (iam-data's ARN templates) as broad", async () => {
        assert.strictEqual(await anyOfItsType("arn:*:s3:::*"), true);
        assert.strictEqual(await anyOfItsType("arn:*:iam::*:role/*"), true);
        assert.strictEqual(await anyOfItsType("arn:aws:iam::*:oidc-provider/*"), true, "one partition named: still every provider");
        assert.strictEqual(await anyOfItsType("arn:*:autoscaling:*:*:autoScalingGroup:*:autoScalingGroupName/*"), true);
        assert.strictEqual(await anyOfItsType("arn:aws:ec2:eu-central-1:123456789012:instance/*"), false, "one account and region");
        assert.strictEqual(await anyOfItsType("arn:*:iam::*:role/*.cluster-api-provider-aws.sigs.k8s.io"), false, "a name pattern");
        assert.strictEqual(await anyOfItsType("arn:*:ssm:*:*:parameter/aws/service/eks/optimized-ami/*"), false, "a path prefix");
    });
});

describe("permission coverage: decisions mapped to grants", function () {
    before(function () {
        if (!coverageOn()) this.skip(); // KUBEGRANT_PERMISSION_COVERAGE=off: nothing is recorded
    });
    const statement = { Sid: "CoverageSelfTest", Effect: "Allow", Action: "ec2:StopInstances", Resource: INSTANCE.replace(/i-\w+$/, "*"), Condition: { StringEquals: { "ec2:ResourceTag/owner": "me" } } };
    const doc = { Version: "2012-10-17", Statement: [statement] };

    it("iam-simulate: an allowed request proves the statement allowed; a near miss that changes one thing is counted, by what it changed", async () => {
        const key = awsStatementKey(statement);
        assert.strictEqual(await decide([doc], { action: "ec2:StopInstances", resource: INSTANCE, context: { "ec2:ResourceTag/owner": "me" } }), "Allowed");
        assert.strictEqual(evidenceFor(key).get("iam-simulate")!.allowed, 1);
        // Two things changed (the account and the tag): not a near miss.
        await decide([doc], { action: "ec2:StopInstances", resource: INSTANCE.replace("123456789012", "111122223333"), resourceAccount: "111122223333", context: { "ec2:ResourceTag/owner": "you" } });
        assert.strictEqual(evidenceFor(key).get("iam-simulate")!.nearMiss.size, 0);
        // Another action: not about this statement at all.
        await decide([doc], { action: "ec2:TerminateInstances", resource: INSTANCE, context: { "ec2:ResourceTag/owner": "me" } });
        assert.strictEqual(evidenceFor(key).get("iam-simulate")!.nearMiss.size, 0);
        // One thing changed: the tag (condition), then the account (resource).
        await decide([doc], { action: "ec2:StopInstances", resource: INSTANCE, context: { "ec2:ResourceTag/owner": "you" } });
        await decide([doc], { action: "ec2:StopInstances", resource: INSTANCE.replace("123456789012", "111122223333"), resourceAccount: "111122223333", context: { "ec2:ResourceTag/owner": "me" } });
        assert.deepStrictEqual([...evidenceFor(key).get("iam-simulate")!.nearMiss.keys()].sort(), ["condition", "resource"]);
    });

    it("CEL: true proves the condition allowed, false is its near miss", () => {
        const expr = `resource.name == "projects/-/serviceAccounts/coverage-self-test"`;
        const at = (name: string) => runCondition(expr, { resource: { name }, request: {} });
        assert.strictEqual(at("projects/-/serviceAccounts/coverage-self-test"), true);
        assert.strictEqual(at("projects/-/serviceAccounts/other"), false);
        const e = evidenceFor(celKey(expr)).get("cel")!;
        assert.deepStrictEqual([e.allowed, [...e.nearMiss.keys()]], [1, ["request"]]);
    });

    it("Kubernetes: an allowed request proves the rules that match it; a denied one is a near miss only of a rule with resourceNames it misses by name", () => {
        const named = { apiGroups: ["coverage.test"], resources: ["widgets"], verbs: ["get"], resourceNames: ["mine"] };
        const broad = { apiGroups: ["coverage.test"], resources: ["gadgets"], verbs: ["list"] };
        recordRbacEvaluation([named, broad], { verb: "get", apiGroup: "coverage.test", resource: "widgets", name: "mine" }, true);
        recordRbacEvaluation([named, broad], { verb: "get", apiGroup: "coverage.test", resource: "widgets", name: "yours" }, false);
        recordRbacEvaluation([named, broad], { verb: "delete", apiGroup: "coverage.test", resource: "widgets", name: "yours" }, false);
        recordRbacEvaluation([named, broad], { verb: "list", apiGroup: "coverage.test", resource: "gadgets" }, true);
        const n = evidenceFor(kubeRuleKey(named)).get("rbac-evaluator")!;
        assert.deepStrictEqual([n.allowed, Object.fromEntries(n.nearMiss)], [1, { name: 1 }], "the delete (another verb) is no near miss");
        assert.strictEqual(evidenceFor(kubeRuleKey(broad)).get("rbac-evaluator")!.allowed, 1);
    });
});

describe("permission coverage: report and gate", () => {
    it("traces every Azure action to a catalog entry with a source and every assignment to the cluster's resource groups", async () => {
        const grants = await grantsOf({ preset: "castai-aks", mode: "workloadIdentity", values: AKS_WI });
        assert.ok(grants.length > 10);
        assert.deepStrictEqual(grants.filter((g) => g.basis !== "traced" || g.traced !== true).map((g) => g.where), []);
        assert.deepStrictEqual(grants.filter((g) => g.where.includes(" at ")).map((g) => g.where.split(" at ")[1]).sort(), [
            `/subscriptions/${AKS_WI.subscriptionId}/resourceGroups/${AKS_WI.nodeResourceGroup}`,
            `/subscriptions/${AKS_WI.subscriptionId}/resourceGroups/${AKS_WI.resourceGroup}`,
        ]);
    });

    it("Alibaba RAM: iam-simulate does not apply (it refuses RAM's Version \"1\", and RAM's actions are no AWS actions), so RAM statements are listed as unjudged", async () => {
        const id = "c0123456789abcdef0123456789abcdef";
        const plan = planCloudPilotAlibaba({ clusterName: "prod-hz", internalClusterId: id, accountId: "1234567890123456", oidcIssuerUrl: `https://oidc-ack-cn-hangzhou.oss-cn-hangzhou.aliyuncs.com/${id}` });
        const ram = toRamPolicyDocument(plan.policy);
        const instance = "acs:ecs:cn-hangzhou:1234567890123456:instance/i-0123456789abcdef0";
        await assert.rejects(decide([ram], { action: "ecs:DeleteInstance", resource: instance }), /Version must be either/);
        // Even under an AWS version, ecs:DeleteInstance is no action of AWS's ecs (Elastic Container Service), and cs is no AWS service.
        const asAws = { ...ram, Version: "2012-10-17" };
        await assert.rejects(decide([asAws], { action: "ecs:DeleteInstance", resource: instance }), /invalid\.action/);
        await assert.rejects(decide([asAws], { action: "cs:DescribeClusterDetail", resource: "*" }), /invalid\.service/);
        const grants = await grantsOf({ preset: "cloudpilot-alibaba", mode: "rrsa", values: { clusterName: "prod-hz", internalClusterId: id, accountId: "1234567890123456", oidcIssuerUrl: `https://oidc-ack-cn-hangzhou.oss-cn-hangzhou.aliyuncs.com/${id}` } });
        assert.ok(grants.length > 0 && grants.every((g) => g.basis === "no-judge"));
    });

    it("enforces only when every spec file was loaded and no --grep narrowed the run", () => {
        const none = { suites: [], tests: [] };
        assert.strictEqual(wholeSuite(none, ["node", "mocha"]), false, "no file loaded");
        const all = { suites: [], tests: [{ file: __filename }] };
        assert.strictEqual(wholeSuite(all, ["node", "mocha", "--grep", "x"]), false, "--grep");
        const every = { suites: [], tests: specFiles().map((file) => ({ file })) };
        assert.ok(specFiles().includes(__filename));
        assert.strictEqual(wholeSuite(every, ["node", "mocha"]), true);
        assert.strictEqual(wholeSuite(every, ["node", "mocha", "-g", "palette"]), false, "-g");
    });
});
