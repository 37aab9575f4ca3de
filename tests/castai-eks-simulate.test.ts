/**
 * What the Cast AI role may and may not do, decided by a third-party IAM engine
 * (@cloud-copilot/iam-simulate), and every action and condition key checked against iam-data.
 */
import * as assert from "assert";
import { planCastAiEks, CastAiEksPlan } from "../components/castai/eks-plan";
import { toPolicyDocument } from "../components/aws/policy";
import { decide, decideAssumeRole, lintPolicy } from "./support/iam";
import { EKS, HARDENED } from "./support/values";

const ACCOUNT = EKS.accountId;
const REGION = EKS.region;
const ROLE = `arn:aws:iam::${ACCOUNT}:role/castai-eks-prod-eu`;
const INSTANCE = `arn:aws:ec2:${REGION}:${ACCOUNT}:instance/i-0123456789abcdef0`;
const SUBNET = `arn:aws:ec2:${REGION}:${ACCOUNT}:subnet/subnet-0aaaaaaaaaaaaaaaa`;
const VPC = `arn:aws:ec2:${REGION}:${ACCOUNT}:vpc/${EKS.vpcId}`;
const OTHER_VPC = `arn:aws:ec2:${REGION}:${ACCOUNT}:vpc/vpc-0ffffffffffffffff`;
const ASG = `arn:aws:autoscaling:${REGION}:${ACCOUNT}:autoScalingGroup:11111111-2222-3333-4444-555555555555:autoScalingGroupName/prod-eu-ng`;
const CLUSTER_TAG = "ec2:ResourceTag/kubernetes.io/cluster/prod-eu";

/** Every identity policy of the Cast AI role (AWS-managed ones are outside this judgement). */
function castaiPolicies(p: CastAiEksPlan): unknown[] {
    return [...p.policies, ...p.inline].map((d) => toPolicyDocument(d.statements));
}

describe("Cast AI EKS role, judged by iam-simulate", () => {
    const p = planCastAiEks(EKS);
    const policies = castaiPolicies(p);
    const trust = toPolicyDocument(p.trust);
    const allowed = async (req: Parameters<typeof decide>[1]) => assert.strictEqual(await decide(policies, req), "Allowed", JSON.stringify(req));
    const denied = async (req: Parameters<typeof decide>[1]) => assert.notStrictEqual(await decide(policies, req), "Allowed", JSON.stringify(req));

    it("lets Cast AI assume the role only with the cluster ID as external ID", async () => {
        assert.strictEqual(await decideAssumeRole(trust, ROLE, p.castaiUserArn, { "sts:ExternalId": EKS.clusterId }), "Allowed");
        assert.notStrictEqual(await decideAssumeRole(trust, ROLE, p.castaiUserArn, {}), "Allowed");
        assert.notStrictEqual(await decideAssumeRole(trust, ROLE, p.castaiUserArn, { "sts:ExternalId": "another-cluster" }), "Allowed");
        assert.notStrictEqual(await decideAssumeRole(trust, ROLE, "arn:aws:iam::809060229965:user/cast-crossrole-other",
            { "sts:ExternalId": EKS.clusterId }), "Allowed");
        assert.notStrictEqual(await decideAssumeRole(trust, ROLE, "arn:aws:iam::111122223333:root",
            { "sts:ExternalId": EKS.clusterId }), "Allowed");
    });

    for (const tag of ["owned", "shared"]) {
        it(`terminates, stops and starts instances tagged ${tag} for this cluster`, async () => {
            for (const action of ["ec2:TerminateInstances", "ec2:StopInstances", "ec2:StartInstances"]) {
                await allowed({ action, resource: INSTANCE, context: { [CLUSTER_TAG]: tag } });
            }
        });
    }

    it("does not touch instances of another cluster, untagged ones, or in another account", async () => {
        for (const action of ["ec2:TerminateInstances", "ec2:StopInstances"]) {
            await denied({ action, resource: INSTANCE, context: { "ec2:ResourceTag/kubernetes.io/cluster/other": "owned" } });
            await denied({ action, resource: INSTANCE, context: {} });
            await denied({ action, resource: INSTANCE, context: { [CLUSTER_TAG]: "foreign" } });
            await denied({ action, resource: INSTANCE.replace(ACCOUNT, "111122223333"), resourceAccount: "111122223333", context: { [CLUSTER_TAG]: "owned" } });
        }
    });

    it("launches only into this VPC's subnets and only with the cluster tag", async () => {
        await allowed({ action: "ec2:RunInstances", resource: SUBNET, context: { "ec2:Vpc": VPC } });
        await denied({ action: "ec2:RunInstances", resource: SUBNET, context: { "ec2:Vpc": OTHER_VPC } });
        await allowed({ action: "ec2:RunInstances", resource: INSTANCE, context: { "aws:RequestTag/kubernetes.io/cluster/prod-eu": "owned" } });
        await denied({ action: "ec2:RunInstances", resource: INSTANCE, context: {} });
        await denied({ action: "ec2:RunInstances", resource: INSTANCE, context: { "aws:RequestTag/kubernetes.io/cluster/other": "owned" } });
        await denied({ action: "ec2:RunInstances", resource: INSTANCE.replace(REGION, "us-east-1"), context: { "aws:RequestTag/kubernetes.io/cluster/prod-eu": "owned" } });
    });

    it("capacity reservations: reads them and launches into this account's reservations only", async () => {
        await allowed({ action: "ec2:DescribeCapacityReservations", resource: "*" });
        const CR = `arn:aws:ec2:${REGION}:${ACCOUNT}:capacity-reservation/cr-0123456789abcdef0`;
        await allowed({ action: "ec2:RunInstances", resource: CR });
        await denied({ action: "ec2:RunInstances", resource: CR.replace(ACCOUNT, "111122223333"), resourceAccount: "111122223333" });
        await denied({ action: "ec2:CancelCapacityReservation", resource: CR });
        const off = castaiPolicies(planCastAiEks({ ...EKS, capacityReservations: false }));
        assert.notStrictEqual(await decide(off, { action: "ec2:RunInstances", resource: CR }), "Allowed");
    });

    it("hibernation: node groups, their Auto Scaling groups and launch templates of this cluster only; PassRole to EKS of the node role only", async () => {
        const NODE_ROLE = `arn:aws:iam::${ACCOUNT}:role/castai-eks-instance-prod-eu`;
        await allowed({ action: "iam:PassRole", resource: NODE_ROLE, context: { "iam:PassedToService": "eks.amazonaws.com" } });
        await denied({ action: "iam:PassRole", resource: `arn:aws:iam::${ACCOUNT}:role/admin`, context: { "iam:PassedToService": "eks.amazonaws.com" } });
        const NG = `arn:aws:eks:${REGION}:${ACCOUNT}:nodegroup/prod-eu/castai-hibernate/0123`;
        await allowed({ action: "eks:CreateNodegroup", resource: `arn:aws:eks:${REGION}:${ACCOUNT}:cluster/prod-eu` });
        await allowed({ action: "eks:DeleteNodegroup", resource: NG });
        await denied({ action: "eks:DeleteNodegroup", resource: `arn:aws:eks:${REGION}:${ACCOUNT}:nodegroup/other/ng/0123` });
        const tag = "autoscaling:ResourceTag/kubernetes.io/cluster/prod-eu";
        await allowed({ action: "autoscaling:DeleteAutoScalingGroup", resource: ASG, context: { [tag]: "owned" } });
        await denied({ action: "autoscaling:DeleteAutoScalingGroup", resource: ASG, context: { "autoscaling:ResourceTag/kubernetes.io/cluster/other": "owned" } });
        const LT = `arn:aws:ec2:${REGION}:${ACCOUNT}:launch-template/lt-0123456789abcdef0`;
        await allowed({ action: "ec2:CreateLaunchTemplate", resource: LT, context: { "aws:RequestTag/kubernetes.io/cluster/prod-eu": "owned" } });
        await denied({ action: "ec2:CreateLaunchTemplate", resource: LT, context: {} });
        await allowed({ action: "ec2:DeleteLaunchTemplate", resource: LT, context: { "aws:ResourceTag/kubernetes.io/cluster/prod-eu": "owned" } });
        await denied({ action: "ec2:DeleteLaunchTemplate", resource: LT, context: { "aws:ResourceTag/kubernetes.io/cluster/other": "owned" } });
        await allowed({ action: "ec2:RunInstances", resource: LT, context: { "aws:ResourceTag/kubernetes.io/cluster/prod-eu": "owned" } });
        await denied({ action: "ec2:RunInstances", resource: LT, context: {} });
        const off = castaiPolicies(planCastAiEks({ ...EKS, hibernation: false }));
        assert.notStrictEqual(await decide(off, { action: "eks:CreateNodegroup", resource: `arn:aws:eks:${REGION}:${ACCOUNT}:cluster/prod-eu` }), "Allowed");
        assert.notStrictEqual(await decide(off, { action: "iam:PassRole", resource: NODE_ROLE, context: { "iam:PassedToService": "eks.amazonaws.com" } }), "Allowed");
    });

    it("shared VPC: with vpcAccountId, launches into the owner account's subnets of this VPC; the cluster account's subnets no longer match", async () => {
        // The owner's side of a shared VPC is the AWS RAM share, which iam-simulate does not model: the
        // identity policy is judged as for a resource of the caller's account (its ARN still names the owner).
        const OWNER = "210987654321";
        const shared = castaiPolicies(planCastAiEks({ ...EKS, vpcAccountId: OWNER }));
        const sharedSubnet = SUBNET.replace(ACCOUNT, OWNER);
        const sharedVpc = VPC.replace(ACCOUNT, OWNER);
        assert.strictEqual(await decide(shared, { action: "ec2:RunInstances", resource: sharedSubnet, context: { "ec2:Vpc": sharedVpc } }), "Allowed");
        assert.notStrictEqual(await decide(shared, { action: "ec2:RunInstances", resource: sharedSubnet, context: { "ec2:Vpc": OTHER_VPC.replace(ACCOUNT, OWNER) } }), "Allowed");
        assert.notStrictEqual(await decide(shared, { action: "ec2:RunInstances", resource: SUBNET, context: { "ec2:Vpc": VPC } }), "Allowed");
        // Without vpcAccountId (today's scoping), a shared VPC's subnet denies the launch.
        assert.notStrictEqual(await decide(policies, { action: "ec2:RunInstances", resource: sharedSubnet, context: { "ec2:Vpc": sharedVpc } }), "Allowed");
    });

    it("scales only this cluster's Auto Scaling groups", async () => {
        const tag = "autoscaling:ResourceTag/kubernetes.io/cluster/prod-eu";
        await allowed({ action: "autoscaling:UpdateAutoScalingGroup", resource: ASG, context: { [tag]: "owned" } });
        await allowed({ action: "autoscaling:SuspendProcesses", resource: ASG, context: { [tag]: "shared" } });
        await denied({ action: "autoscaling:UpdateAutoScalingGroup", resource: ASG, context: { "autoscaling:ResourceTag/kubernetes.io/cluster/other": "owned" } });
    });

    it("describes only this cluster", async () => {
        await allowed({ action: "eks:DescribeCluster", resource: `arn:aws:eks:${REGION}:${ACCOUNT}:cluster/prod-eu` });
        await denied({ action: "eks:DescribeCluster", resource: `arn:aws:eks:${REGION}:${ACCOUNT}:cluster/other` });
        await denied({ action: "eks:DeleteCluster", resource: `arn:aws:eks:${REGION}:${ACCOUNT}:cluster/prod-eu` });
    });

    it("passes only the node role, and only to EC2", async () => {
        const node = `arn:aws:iam::${ACCOUNT}:role/castai-eks-instance-prod-eu`;
        await allowed({ action: "iam:PassRole", resource: node, context: { "iam:PassedToService": "ec2.amazonaws.com" } });
        await denied({ action: "iam:PassRole", resource: `arn:aws:iam::${ACCOUNT}:role/admin`, context: { "iam:PassedToService": "ec2.amazonaws.com" } });
        await denied({ action: "iam:PassRole", resource: node, context: { "iam:PassedToService": "lambda.amazonaws.com" } });
        await denied({ action: "iam:PassRole", resource: node.replace(ACCOUNT, "111122223333"), resourceAccount: "111122223333", context: { "iam:PassedToService": "ec2.amazonaws.com" } });
    });

    it("passes the roles passRoleArns lists, and any role only with allowPassAnyRole", async () => {
        const custom = `arn:aws:iam::${ACCOUNT}:role/castai-custom-profile`;
        const judge = async (args: object, role: string) => decide(castaiPolicies(planCastAiEks({ ...EKS, ...args })),
            { action: "iam:PassRole", resource: role, context: { "iam:PassedToService": "ec2.amazonaws.com" } });
        assert.strictEqual(await judge({ passRoleArns: [custom] }, custom), "Allowed");
        assert.notStrictEqual(await judge({ passRoleArns: [custom] }, `arn:aws:iam::${ACCOUNT}:role/admin`), "Allowed");
        assert.notStrictEqual(await judge({}, custom), "Allowed");
        assert.strictEqual(await judge({ allowPassAnyRole: true }, `arn:aws:iam::${ACCOUNT}:role/admin`), "Allowed");
    });

    it("tags at launch, and this cluster's instances without the scoping tags; never tags a foreign instance into scope", async () => {
        const VOLUME = `arn:aws:ec2:${REGION}:${ACCOUNT}:volume/vol-0123456789abcdef0`;
        const scoping = ["kubernetes.io/cluster/prod-eu", "cast:cluster-id"];
        await allowed({ action: "ec2:CreateTags", resource: INSTANCE, context: { "ec2:CreateAction": "RunInstances", "aws:TagKeys": scoping } });
        await allowed({ action: "ec2:CreateTags", resource: VOLUME, context: { "ec2:CreateAction": "RunInstances", "aws:TagKeys": ["Name"] } });
        await denied({ action: "ec2:CreateTags", resource: INSTANCE, context: { "ec2:CreateAction": "CreateFleet", "aws:TagKeys": ["Name"] } });
        await denied({ action: "ec2:CreateTags", resource: VOLUME, context: { "aws:TagKeys": ["Name"] } });
        for (const tag of ["owned", "shared"]) {
            await allowed({ action: "ec2:CreateTags", resource: INSTANCE, context: { [CLUSTER_TAG]: tag, "aws:TagKeys": ["cast:node-id", "Name"] } });
            await denied({ action: "ec2:CreateTags", resource: INSTANCE, context: { [CLUSTER_TAG]: tag, "aws:TagKeys": ["Name", "cast:cluster-id"] } });
            await denied({ action: "ec2:CreateTags", resource: INSTANCE, context: { [CLUSTER_TAG]: tag, "aws:TagKeys": ["kubernetes.io/cluster/prod-eu"] } });
        }
        await denied({ action: "ec2:CreateTags", resource: INSTANCE, context: { "aws:TagKeys": ["Name"] } });
        await denied({ action: "ec2:CreateTags", resource: INSTANCE, context: { "ec2:ResourceTag/kubernetes.io/cluster/other": "owned", "aws:TagKeys": ["Name"] } });
        await denied({ action: "ec2:CreateTags", resource: INSTANCE, context: { "aws:TagKeys": scoping } });
    });

    it("cannot create roles, delete VPCs, read S3 or create key pairs", async () => {
        await denied({ action: "iam:CreateRole", resource: `arn:aws:iam::${ACCOUNT}:role/evil` });
        await denied({ action: "iam:AttachRolePolicy", resource: ROLE });
        await denied({ action: "ec2:DeleteVpc", resource: VPC });
        await denied({ action: "s3:GetObject", resource: "arn:aws:s3:::bucket/key", resourceAccount: ACCOUNT });
        await denied({ action: "ec2:CreateKeyPair", resource: `arn:aws:ec2:${REGION}:${ACCOUNT}:key-pair/k` });
    });

    describe("hardened", () => {
        const h = planCastAiEks(HARDENED);
        const hp = castaiPolicies(h);
        const hAllowed = async (req: Parameters<typeof decide>[1]) => assert.strictEqual(await decide(hp, req), "Allowed", JSON.stringify(req));
        const hDenied = async (req: Parameters<typeof decide>[1]) => assert.notStrictEqual(await decide(hp, req), "Allowed", JSON.stringify(req));

        it("passes only the node role", async () => {
            await hAllowed({ action: "iam:PassRole", resource: `arn:aws:iam::${ACCOUNT}:role/castai-eks-instance-prod-eu`, context: { "iam:PassedToService": "ec2.amazonaws.com" } });
            await hDenied({ action: "iam:PassRole", resource: `arn:aws:iam::${ACCOUNT}:role/admin`, context: { "iam:PassedToService": "ec2.amazonaws.com" } });
        });

        it("launches only with the cluster-ID request tag, into listed subnets, with listed security groups", async () => {
            const tags = { "aws:RequestTag/kubernetes.io/cluster/prod-eu": "owned", "aws:RequestTag/cast:cluster-id": EKS.clusterId };
            await hAllowed({ action: "ec2:RunInstances", resource: INSTANCE, context: tags });
            await hDenied({ action: "ec2:RunInstances", resource: INSTANCE, context: { "aws:RequestTag/kubernetes.io/cluster/prod-eu": "owned" } });
            await hDenied({ action: "ec2:RunInstances", resource: INSTANCE, context: { ...tags, "aws:RequestTag/cast:cluster-id": "other" } });
            await hAllowed({ action: "ec2:RunInstances", resource: SUBNET, context: { "ec2:Vpc": VPC } });
            await hDenied({ action: "ec2:RunInstances", resource: SUBNET.replace("0aaaaaaaaaaaaaaaa", "0eeeeeeeeeeeeeeee"), context: { "ec2:Vpc": VPC } });
            const sg = `arn:aws:ec2:${REGION}:${ACCOUNT}:security-group/${HARDENED.securityGroupIds[0]}`;
            await hAllowed({ action: "ec2:RunInstances", resource: sg });
            await hDenied({ action: "ec2:RunInstances", resource: `arn:aws:ec2:${REGION}:${ACCOUNT}:security-group/sg-0fffffffffffffff0` });
        });

        it("tags non-Cast AI nodes of the cluster, but never adds the cluster-ID tag that termination trusts", async () => {
            await hAllowed({ action: "ec2:CreateTags", resource: INSTANCE, context: { [CLUSTER_TAG]: "owned", "aws:TagKeys": ["cast:node-id"] } });
            await hDenied({ action: "ec2:CreateTags", resource: INSTANCE, context: { [CLUSTER_TAG]: "owned", "aws:TagKeys": ["cast:cluster-id"] } });
            await hDenied({ action: "ec2:TerminateInstances", resource: INSTANCE, context: { [CLUSTER_TAG]: "owned" } });
        });

        it("terminates only instances carrying the cluster-ID tag too", async () => {
            await hAllowed({ action: "ec2:TerminateInstances", resource: INSTANCE, context: { [CLUSTER_TAG]: "owned", "ec2:ResourceTag/cast:cluster-id": EKS.clusterId } });
            await hDenied({ action: "ec2:TerminateInstances", resource: INSTANCE, context: { [CLUSTER_TAG]: "owned" } });
        });

        it("reads only its own role and instance profile", async () => {
            await hAllowed({ action: "iam:GetRole", resource: ROLE });
            await hDenied({ action: "iam:GetRole", resource: `arn:aws:iam::${ACCOUNT}:role/admin` });
            await hDenied({ action: "iam:CreateServiceLinkedRole", resource: `arn:aws:iam::${ACCOUNT}:role/aws-service-role/spot.amazonaws.com/AWSServiceRoleForEC2Spot` });
        });
    });

    describe("iam-data", () => {
        const variants = {
            default: planCastAiEks(EKS),
            hardened: planCastAiEks(HARDENED),
            minimal: planCastAiEks({ ...EKS, ebsVolumes: "minimal" }),
            passRoleArns: planCastAiEks({ ...EKS, passRoleArns: [`arn:aws:iam::${ACCOUNT}:role/castai-custom-profile`] }),
            allowPassAnyRole: planCastAiEks({ ...EKS, allowPassAnyRole: true }),
        };
        for (const [name, plan] of Object.entries(variants)) {
            it(`knows every action and condition key of the ${name} documents`, async () => {
                const docs = [...plan.policies, ...plan.inline, ...plan.nodeInline].map((d) => toPolicyDocument(d.statements));
                const problems = (await Promise.all(docs.map(lintPolicy))).flat();
                assert.deepStrictEqual(problems, []);
            });
        }
        it("flags what it should (the linter itself is not silent)", async () => {
            const problems = await lintPolicy(toPolicyDocument([
                { actions: ["ec2:RunInstancez", "eks:Nothing*"], resources: ["*"] },
                { actions: ["ec2:TerminateInstances"], resources: [INSTANCE], conditions: [{ test: "StringEquals", variable: "eks:clusterName", values: ["x"] }] },
            ]));
            assert.deepStrictEqual(problems, [
                "ec2:RunInstancez: unknown action",
                "eks:Nothing*: matches no action",
                "ec2:TerminateInstances: condition key eks:clusterName not supported",
            ]);
        });
    });
});
