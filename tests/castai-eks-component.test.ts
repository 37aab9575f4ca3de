import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { installMocks, outputValue, Recorder } from "../components/exports/testing";
import { PolicyRole } from "../components/aws/role";
import { CastAiEksAccess } from "../components/castai/eks";
import { EKS, EKS_DEFAULT_CHILDREN, HARDENED } from "./support/values";

async function build(args: ConstructorParameters<typeof CastAiEksAccess>[1]): Promise<{ c: CastAiEksAccess; rec: Recorder }> {
    const rec = installMocks({ awsAccountId: "123456789012" });
    const c = new CastAiEksAccess("castai", args);
    await outputValue(c.ready);
    await rec.settle();
    return { c, rec };
}

describe("CastAiEksAccess (mocks)", () => {
    it("creates exactly the default children, named from the component", async () => {
        const { rec } = await build(EKS);
        assert.deepStrictEqual(rec.resources.map((r) => `${r.type} ${r.name} <- ${r.parent}`).sort(), EKS_DEFAULT_CHILDREN);
    });

    it("wires the trust policy, the attachments and the outputs", async () => {
        const { c, rec } = await build(EKS);
        const role = rec.resources.find((r) => r.type === "aws:iam/role:Role" && r.name === "castai-access")!;
        assert.strictEqual(role.inputs.name, "castai-eks-prod-eu");
        assert.deepStrictEqual(JSON.parse(role.inputs.assumeRolePolicy as string).Statement[0].Condition,
            { StringEquals: { "sts:ExternalId": EKS.clusterId } });
        const attached = rec.resources.filter((r) => r.type.endsWith(":RolePolicyAttachment"))
            .map((r) => `${r.inputs.role} ${r.inputs.policyArn}`).sort();
        assert.deepStrictEqual(attached, [
            "castai-eks-instance-prod-eu arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly",
            "castai-eks-instance-prod-eu arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy",
            "castai-eks-instance-prod-eu arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy",
            "castai-eks-instance-prod-eu arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore",
            "castai-eks-instance-prod-eu arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy",
            "castai-eks-prod-eu arn:aws:iam::123456789012:policy/CastEKSPolicy-prod-eu",
            "castai-eks-prod-eu arn:aws:iam::aws:policy/AmazonEC2ReadOnlyAccess",
            "castai-eks-prod-eu arn:aws:iam::aws:policy/IAMReadOnlyAccess",
        ]);
        const profile = rec.resources.find((r) => r.type === "aws:iam/instanceProfile:InstanceProfile")!;
        assert.deepStrictEqual(profile.inputs, { name: "castai-eks-instance-prod-eu", role: "castai-eks-instance-prod-eu" });
        assert.strictEqual((await outputValue(c.roleArn)).value, "arn:aws:iam::123456789012:role/castai-eks-prod-eu");
        assert.strictEqual((await outputValue(c.externalId)).value, EKS.clusterId);
        assert.strictEqual((await outputValue(c.nodeRoleArn)).value, "arn:aws:iam::123456789012:role/castai-eks-instance-prod-eu");
        assert.strictEqual((await outputValue(c.instanceProfileArn)).value, "arn:aws:iam::123456789012:instance-profile/castai-eks-instance-prod-eu");
    });

    it("resolves ready only after every attachment and inline policy exists", async () => {
        const rec = installMocks();
        const c = new CastAiEksAccess("castai", EKS);
        const deps = await (c.ready as unknown as { allResources(): Promise<Set<pulumi.Resource>> }).allResources();
        const depUrns = await Promise.all([...deps].map((d) => outputValue(d.urn).then((u) => u.value)));
        await rec.settle();
        const needed = rec.resources.filter((r) => /RolePolicyAttachment|RolePolicy|InstanceProfile/.test(r.type)).map((r) => r.urn);
        assert.strictEqual(needed.length, 11);
        for (const urn of needed) assert.ok(depUrns.includes(urn), `ready does not wait for ${urn}`);
    });

    it("registers no resource at all on bad input", async () => {
        const rec = installMocks();
        assert.throws(() => new CastAiEksAccess("castai", { ...EKS, accountId: "1" }), /accountId: must be a 12-digit AWS account ID/);
        assert.throws(() => new CastAiEksAccess("castai", { ...EKS, maxManagedPoliciesPerRole: 4 }), /maxManagedPoliciesPerRole: role castai-eks-instance-prod-eu would have 5 managed policies/);
        await rec.settle();
        assert.deepStrictEqual(rec.resources, []);
    });

    it("hardened mode creates the same resource kinds with pinned documents", async () => {
        const { rec } = await build(HARDENED);
        const policy = rec.resources.find((r) => r.type === "aws:iam/policy:Policy")!;
        const doc = JSON.parse(policy.inputs.policy as string);
        assert.deepStrictEqual(doc.Statement[0].Resource, "arn:aws:iam::123456789012:role/castai-eks-instance-prod-eu");
        assert.strictEqual(rec.resources.filter((r) => r.type.endsWith(":RolePolicyAttachment")).length, 7);
    });

    it("accepts the cluster ID as an Output from another stack, keeping it secret", async () => {
        const rec = installMocks();
        const c = new CastAiEksAccess("castai", { ...EKS, clusterId: pulumi.secret(EKS.clusterId) });
        const ext = await outputValue(c.externalId);
        assert.deepStrictEqual(ext, { value: EKS.clusterId, secret: true });
        await outputValue(c.ready);
        await rec.settle();
        assert.strictEqual(rec.resources.length, 17);
    });

    it("accepts passRoleArns with the account as an Output (the listed roles fix the stand-in account), and pins PassRole to them", async () => {
        const rec = installMocks({ awsAccountId: EKS.accountId });
        const custom = `arn:aws:iam::${EKS.accountId}:role/castai-custom-profile`;
        const c = new CastAiEksAccess("castai", { ...EKS, accountId: pulumi.output(EKS.accountId), passRoleArns: [custom] });
        await outputValue(c.ready);
        await rec.settle();
        const policy = rec.resources.find((r) => r.type === "aws:iam/policy:Policy")!;
        const pass = JSON.parse(policy.inputs.policy as string).Statement.find((st: { Sid: string }) => st.Sid === "PassRoleEC2");
        assert.deepStrictEqual(pass.Resource, [`arn:aws:iam::${EKS.accountId}:role/castai-eks-instance-prod-eu`, custom]);
    });

    it("fails the deployment when a listed role is of another account than the Output resolves to", async () => {
        installMocks();
        const c = new CastAiEksAccess("castai", { ...EKS, accountId: pulumi.output(EKS.accountId), passRoleArns: ["arn:aws:iam::111122223333:role/x"] });
        await assert.rejects(new Promise((resolve, reject) => {
            (c.externalId as unknown as { promise(): Promise<unknown> }).promise().then(resolve, reject);
        }), /passRoleArns\[0\]: must be the ARN of a role in account 123456789012 \(partition aws\), got "arn:aws:iam::111122223333:role\/x"/);
    });

    it("registers the same children with the same inputs whether its inputs are known or Outputs", async () => {
        // Known inputs pass plain values (partition, inline documents, instance profile, association);
        // Outputs pass applies on the plan: both must give the same resources.
        const children = async (args: ConstructorParameters<typeof CastAiEksAccess>[1]) => {
            const { rec } = await build(args);
            return rec.resources.map((r) => `${r.type} ${r.name} ${JSON.stringify(r.inputs)}`).sort();
        };
        const agent = { ...EKS, agentIdentity: "podIdentity" as const };
        const known = await children(agent);
        const later = await children({ ...agent, accountId: pulumi.output(EKS.accountId), clusterName: pulumi.output(EKS.clusterName) });
        assert.strictEqual(known.length, 21);
        assert.deepStrictEqual(later, known);
    });

    it("fails the deployment with the same message when an Output resolves invalid", async () => {
        installMocks();
        const c = new CastAiEksAccess("castai", { ...EKS, vpcId: pulumi.output("vpc-bad") });
        await assert.rejects(new Promise((resolve, reject) => {
            (c.externalId as unknown as { promise(): Promise<unknown> }).promise().then(resolve, reject);
        }), /vpcId: must be a VPC ID such as vpc-0a1b2c3d4e5f67890, got "vpc-bad"/);
    });
});

describe("PolicyRole (mocks)", () => {
    it("builds AWS-managed policy ARNs from a known partition and from an Output partition alike", async () => {
        for (const partition of ["aws-cn", pulumi.output("aws-cn")]) {
            const rec = installMocks();
            new PolicyRole("r", { roleName: "r", trustPolicy: "{}", partition, awsManagedPolicies: ["AmazonEC2ReadOnlyAccess", "service-role/AmazonEBSCSIDriverPolicy"] });
            await rec.settle();
            assert.deepStrictEqual(rec.resources.filter((r) => r.type.endsWith(":RolePolicyAttachment")).map((r) => r.inputs.policyArn).sort(),
                ["arn:aws-cn:iam::aws:policy/AmazonEC2ReadOnlyAccess", "arn:aws-cn:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy"]);
        }
    });

    it("refuses more managed policies than the quota before registering anything", async () => {
        const rec = installMocks();
        assert.throws(() => new PolicyRole("r", {
            roleName: "r", trustPolicy: "{}", partition: "aws",
            awsManagedPolicies: ["A", "B", "C"], maxManagedPolicies: 2,
        }), (e: unknown) => (e as Error).message === "maxManagedPolicies: the role would have 3 managed policies; this account allows 2 per role or user (raise the quota and set maxManagedPolicies, or turn features off)");
        await rec.settle();
        assert.deepStrictEqual(rec.resources, []);
    });
});
