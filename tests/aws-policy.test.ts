import * as assert from "assert";
import { InputError } from "../components/core";
import { applyRanges, policyJson, policySize, splitRanges, toPolicyDocument } from "../components/aws/policy";
import { fillTemplate } from "../components/core/statement";
import { partitionOf } from "../components/aws/validate";
import { externalIdTrust, nodeRoleTrust } from "../components/aws/trust";
import { eksNodePolicy } from "../components/aws/node-policies";

describe("aws policy model", () => {
    it("serializes statements: one value as a string, conditions grouped by operator", () => {
        assert.deepStrictEqual(toPolicyDocument([{
            sid: "S", actions: ["ec2:RunInstances"], resources: ["a", "b"],
            conditions: [
                { test: "StringEquals", variable: "k1", values: ["v"] },
                { test: "StringEquals", variable: "k2", values: ["x", "y"] },
            ],
        }]), {
            Version: "2012-10-17",
            Statement: [{
                Sid: "S", Effect: "Allow", Action: "ec2:RunInstances", Resource: ["a", "b"],
                Condition: { StringEquals: { k1: "v", k2: ["x", "y"] } },
            }],
        });
    });

    it("counts size without white space", () => {
        const st = [{ actions: ["a:B"], resources: ["x y"] }];
        assert.strictEqual(policySize(st), policyJson(st).length - 1);
    });

    it("fills placeholders and expands one list placeholder", () => {
        assert.deepStrictEqual(fillTemplate("arn:{p}:x/{ids}", { p: "aws", ids: ["a", "b"] }), ["arn:aws:x/a", "arn:aws:x/b"]);
        assert.deepStrictEqual(fillTemplate("arn:{p}:x/{ids}", { p: "aws", ids: [] }), []);
        assert.throws(() => fillTemplate("{nope}", {}), /unknown placeholder \{nope\}/);
    });

    it("splits in order under the limit, and refuses a statement too large on its own", () => {
        const st = Array.from({ length: 30 }, (_, i) => ({ sid: `S${i}`, actions: ["ec2:RunInstances"], resources: [`arn:${"x".repeat(300)}`] }));
        const ranges = splitRanges(st, 6144, "policy", "P");
        assert.ok(ranges.length === 2, `2 documents, got ${ranges.length}`);
        const docs = applyRanges(st, ranges);
        assert.deepStrictEqual(docs.flat().map((s) => s.sid), st.map((s) => s.sid));
        for (const d of docs) assert.ok(policySize(d) <= 6144);
        assert.throws(() => splitRanges([{ sid: "Big", actions: ["a:B"], resources: ["x".repeat(7000)] }], 6144, "policy", "P"),
            (e: unknown) => e instanceof InputError && e.message === "policy: statement Big of P is 7098 characters on its own; one policy may hold at most 6144");
    });

    it("derives the partition from the region", () => {
        assert.strictEqual(partitionOf("eu-central-1"), "aws");
        assert.strictEqual(partitionOf("us-gov-west-1"), "aws-us-gov");
        assert.strictEqual(partitionOf("cn-north-1"), "aws-cn");
        assert.strictEqual(partitionOf("us-iso-east-1"), "aws-iso");
        assert.strictEqual(partitionOf("us-isob-east-1"), "aws-iso-b");
    });

    it("one trust builder for every vendor: the external-ID trust with or without its Sid, the node role's EC2 trust", () => {
        const principal = "arn:aws:iam::809060229965:user/vendor";
        assert.deepStrictEqual(toPolicyDocument(externalIdTrust(principal, "id-1")).Statement, [{
            Sid: "AllowVendorWithExternalId", Effect: "Allow", Principal: { AWS: principal }, Action: "sts:AssumeRole",
            Condition: { StringEquals: { "sts:ExternalId": "id-1" } },
        }]);
        assert.deepStrictEqual(toPolicyDocument(externalIdTrust(principal, "id-1", null)).Statement, [{
            Effect: "Allow", Principal: { AWS: principal }, Action: "sts:AssumeRole", Condition: { StringEquals: { "sts:ExternalId": "id-1" } },
        }]);
        assert.deepStrictEqual(toPolicyDocument(nodeRoleTrust("aws-cn")).Statement, [{
            Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole",
        }]);
        assert.deepStrictEqual(toPolicyDocument(nodeRoleTrust("aws", ["sts:AssumeRole", "sts:TagSession"])).Statement[0].Action,
            ["sts:AssumeRole", "sts:TagSession"]);
    });

    it("one list of EKS node-role policies: the entry keeps its gate and cites the vendor's source, in the vendor's words", () => {
        assert.deepStrictEqual(eksNodePolicy("AmazonSSMManagedInstanceCore", { nodes: "Cast AI nodes", source: "S" }), {
            path: "AmazonSSMManagedInstanceCore", target: "node", when: { ssmPolicy: true },
            feature: "node access through Session Manager",
            why: "Lets operators reach Cast AI nodes with SSM Session Manager instead of SSH.",
            source: "S",
        });
        assert.deepStrictEqual(eksNodePolicy("AmazonEC2ContainerRegistryPullOnly", { source: "K", note: "Pull only." }), {
            path: "AmazonEC2ContainerRegistryPullOnly", target: "node", feature: "image pulls",
            why: "Lets nodes pull images from ECR. Pull only.", source: "K",
        });
    });
});
