import * as assert from "assert";
import { InputError } from "../components/core";
import { planCastAiEks, CastAiEksPlainArgs } from "../components/castai/eks-plan";
import { CASTAI_EKS_MANAGED_POLICIES, CASTAI_EKS_STATEMENTS } from "../components/castai/eks-catalog";
import { toPolicyDocument, policySize } from "../components/aws/policy";
import { EKS, HARDENED } from "./support/values";

const allResources = (p: ReturnType<typeof planCastAiEks>) =>
    [...p.policies, ...p.inline, ...p.nodeInline].flatMap((d) => d.statements.flatMap((s) => s.resources ?? []));

describe("Cast AI EKS catalog", () => {
    it("gives every entry a feature, a why and a source, and unique statement IDs", () => {
        for (const e of [...CASTAI_EKS_STATEMENTS, ...CASTAI_EKS_MANAGED_POLICIES]) {
            assert.ok(e.feature.length > 3 && e.why.length > 20 && e.source.length > 5, JSON.stringify(e));
        }
        const sids = CASTAI_EKS_STATEMENTS.map((e) => e.sid);
        assert.deepStrictEqual(sids.filter((s, i) => sids.indexOf(s) !== i), []);
    });

    it("never grants ec2:CreateKeyPair (dropped by Cast AI, PR #742)", () => {
        assert.ok(!CASTAI_EKS_STATEMENTS.some((e) => e.actions.includes("ec2:CreateKeyPair")));
    });
});

describe("planCastAiEks", () => {
    it("builds the default documents for the commercial partition", () => {
        const p = planCastAiEks(EKS);
        assert.strictEqual(p.partition, "aws");
        assert.strictEqual(p.roleName, "castai-eks-prod-eu");
        assert.strictEqual(p.nodeRoleName, "castai-eks-instance-prod-eu");
        assert.strictEqual(p.castaiUserArn, `arn:aws:iam::809060229965:user/cast-crossrole-${EKS.clusterId}`);
        assert.deepStrictEqual(toPolicyDocument(p.trust), {
            Version: "2012-10-17",
            Statement: [{
                Effect: "Allow",
                Principal: { AWS: `arn:aws:iam::809060229965:user/cast-crossrole-${EKS.clusterId}` },
                Action: "sts:AssumeRole",
                Condition: { StringEquals: { "sts:ExternalId": EKS.clusterId } },
            }],
        });
        assert.deepStrictEqual(p.castaiManagedPolicies, ["AmazonEC2ReadOnlyAccess", "IAMReadOnlyAccess"]);
        assert.deepStrictEqual(p.nodeManagedPolicies, ["AmazonEKSWorkerNodePolicy", "AmazonEC2ContainerRegistryReadOnly",
            "AmazonEKS_CNI_Policy", "service-role/AmazonEBSCSIDriverPolicy", "AmazonSSMManagedInstanceCore"]);
        assert.deepStrictEqual(p.policies.map((d) => [d.key, d.name, d.statements.map((s) => s.sid)]), [[
            "policy", "CastEKSPolicy-prod-eu",
            ["PassRoleEC2", "ServiceLinkedRoles", "TagResourcesOnLaunch", "SshKeyPairs", "RunInstancesPermissions", "RunInstancesKeyPairs",
                "CapacityReservationsRead", "RunInstancesCapacityReservations", "PassRoleEKSNodeRoleOnly", "HibernationAutoScalingGroups",
                "HibernationNodegroups", "CreateLaunchTemplateWithTag", "ManageLaunchTemplates", "RunInstancesForEKSNodegroups"],
        ]]);
        assert.deepStrictEqual(p.inline.map((d) => [d.name, d.statements.map((s) => s.sid)]), [[
            "CastEKSRestrictedAccess",
            ["TagClusterInstances", "RunInstancesTagRestriction", "RunInstancesVpcRestriction", "InstanceActionsTagRestriction",
                "AutoscalingActionsTagRestriction", "AutoscalingPauseResume", "EKS"],
        ]]);
        assert.deepStrictEqual(p.nodeInline.map((d) => [d.name, d.statements.map((s) => s.sid)]), [["CastEKSNodeAccess", ["AssignIpv6Addresses"]]]);
        const vpc = p.inline[0].statements.find((s) => s.sid === "RunInstancesVpcRestriction")!;
        assert.deepStrictEqual(vpc.conditions, [{ test: "StringEquals", variable: "ec2:Vpc", values: ["arn:aws:ec2:eu-central-1:123456789012:vpc/vpc-0a1b2c3d4e5f67890"] }]);
        const tag = p.inline[0].statements.find((s) => s.sid === "InstanceActionsTagRestriction")!;
        assert.deepStrictEqual(tag.conditions, [{ test: "StringEquals", variable: "ec2:ResourceTag/kubernetes.io/cluster/prod-eu", values: ["owned", "shared"] }]);
        assert.deepStrictEqual(tag.actions, ["ec2:TerminateInstances", "ec2:StartInstances", "ec2:StopInstances"]);
        // PassRole: only the node role, only to EC2 (issue 13: the seed's any-role grant is opt-in).
        const pass = p.policies[0].statements.find((s) => s.sid === "PassRoleEC2")!;
        assert.deepStrictEqual(pass.resources, ["arn:aws:iam::123456789012:role/castai-eks-instance-prod-eu"]);
        assert.deepStrictEqual(pass.conditions, [{ test: "StringEquals", variable: "iam:PassedToService", values: ["ec2.amazonaws.com"] }]);
        // ec2:CreateTags: at launch, or on this cluster's instances without the scoping keys; never unconditioned.
        const all = [...p.policies, ...p.inline].flatMap((d) => d.statements).filter((s) => s.actions.includes("ec2:CreateTags"));
        assert.deepStrictEqual(all.map((s) => [s.sid, s.conditions]), [
            ["TagResourcesOnLaunch", [{ test: "StringEquals", variable: "ec2:CreateAction", values: ["RunInstances"] }]],
            ["TagClusterInstances", [
                { test: "StringEquals", variable: "ec2:ResourceTag/kubernetes.io/cluster/prod-eu", values: ["owned", "shared"] },
                { test: "ForAllValues:StringNotLike", variable: "aws:TagKeys", values: ["kubernetes.io/cluster/*", "cast:cluster-id"] },
            ]],
        ]);
    });

    it("passes the roles listed in passRoleArns too, and any role only with allowPassAnyRole", () => {
        const extra = ["arn:aws:iam::123456789012:role/castai-custom-profile", "arn:aws:iam::123456789012:role/team/gpu-nodes"];
        const listed = planCastAiEks({ ...EKS, passRoleArns: extra }).policies[0].statements.find((s) => s.sid === "PassRoleEC2")!;
        assert.deepStrictEqual(listed.resources, ["arn:aws:iam::123456789012:role/castai-eks-instance-prod-eu", ...extra]);
        const toEc2 = (s: { actions: readonly string[]; conditions?: readonly { variable: string; values: readonly string[] }[] }) =>
            s.actions.includes("iam:PassRole") && (s.conditions ?? []).some((c) => c.variable === "iam:PassedToService" && c.values.includes("ec2.amazonaws.com"));
        const any = planCastAiEks({ ...EKS, allowPassAnyRole: true }).policies[0].statements.filter(toEc2);
        assert.deepStrictEqual(any.map((s) => [s.sid, s.resources]), [["PassAnyRoleEC2", ["arn:aws:iam::123456789012:role/*"]]]);
    });

    it("capacityReservations and hibernation are switches (on, as in Cast AI's onboarding), each statement's why naming its feature", () => {
        const sids = (args: Partial<CastAiEksPlainArgs>) => planCastAiEks({ ...EKS, ...args }).policies.flatMap((d) => d.statements.map((st) => st.sid ?? ""));
        const capacity = ["CapacityReservationsRead", "RunInstancesCapacityReservations"];
        const hibernation = ["PassRoleEKSNodeRoleOnly", "HibernationAutoScalingGroups", "HibernationNodegroups", "CreateLaunchTemplateWithTag",
            "ManageLaunchTemplates", "RunInstancesForEKSNodegroups"];
        assert.deepStrictEqual(sids({ capacityReservations: false }).filter((x) => capacity.includes(x)), []);
        assert.deepStrictEqual(sids({ hibernation: false }).filter((x) => hibernation.includes(x)), []);
        assert.deepStrictEqual(sids({ hibernation: false, capacityReservations: false }).filter((x) => !capacity.includes(x) && !hibernation.includes(x)),
            sids({}).filter((x) => !capacity.includes(x) && !hibernation.includes(x)));
        for (const e of CASTAI_EKS_STATEMENTS.filter((x) => x.when?.capacityReservations)) {
            assert.strictEqual(e.feature, "capacity reservations");
            assert.match(e.source, /castai\/terraform-provider-castai castai\/policies\/iam-policy\.json @ master 58fea27d74e9/);
        }
        for (const e of CASTAI_EKS_STATEMENTS.filter((x) => x.when?.hibernation)) {
            assert.strictEqual(e.feature, "cluster hibernation and resume");
            assert.match(e.source, /castai\/terraform-provider-castai castai\/policies\/(iam|user)-policy\.json @ master 58fea27d74e9/);
        }
        // The vendor passes any role to EKS; kubegrant only the node role.
        const pass = planCastAiEks(EKS).policies.flatMap((d) => d.statements).find((st) => st.sid === "PassRoleEKSNodeRoleOnly")!;
        assert.deepStrictEqual(pass.resources, ["arn:aws:iam::123456789012:role/castai-eks-instance-prod-eu"]);
    });

    it("shared VPC: vpcAccountId scopes the subnets and the VPC by ARN in the owner account; a bad account is refused", () => {
        for (const hardened of [false, true]) {
            const extra = hardened ? { hardened, subnetIds: ["subnet-0aaaaaaaaaaaaaaaa"], securityGroupIds: ["sg-0aaaaaaaaaaaaaaaa"] } : {};
            const p = planCastAiEks({ ...EKS, ...extra, vpcAccountId: "210987654321" });
            const st = p.inline[0].statements.find((x) => x.sid === (hardened ? "RunInstancesListedSubnets" : "RunInstancesVpcRestriction"))!;
            assert.deepStrictEqual(st.resources, [hardened ? "arn:aws:ec2:eu-central-1:210987654321:subnet/subnet-0aaaaaaaaaaaaaaaa" : "arn:aws:ec2:eu-central-1:210987654321:subnet/*"]);
            assert.deepStrictEqual(st.conditions![0].values, ["arn:aws:ec2:eu-central-1:210987654321:vpc/vpc-0a1b2c3d4e5f67890"]);
        }
        assert.throws(() => planCastAiEks({ ...EKS, vpcAccountId: "12345" }),
            (e: unknown) => e instanceof InputError && e.message === 'vpcAccountId: must be a 12-digit AWS account ID, got "12345"');
    });

    for (const [region, partition] of [["us-gov-west-1", "aws-us-gov"], ["cn-north-1", "aws-cn"]] as const) {
        it(`fills partition ${partition} for ${region} into every ARN and requires an explicit Cast AI user`, () => {
            assert.throws(() => planCastAiEks({ ...EKS, region }), (e: unknown) => e instanceof InputError &&
                e.message === `castaiUserArn: is required in partition ${partition} (region ${region}): Cast AI's default user lives in the commercial partition`);
            const user = `arn:${partition}:iam::210987654321:user/cast-crossrole-x`;
            const p = planCastAiEks({ ...EKS, region, castaiUserArn: user });
            assert.strictEqual(p.partition, partition);
            const arns = allResources(p).filter((r) => r !== "*");
            assert.ok(arns.length > 10);
            for (const arn of arns) assert.ok(arn.startsWith(`arn:${partition}:`), arn);
            assert.ok(arns.some((a) => a.includes(`:${region}:123456789012:`)));
            assert.deepStrictEqual(p.trust[0].principals, [{ type: "AWS", identifiers: [user] }]);
        });
    }

    it("hardened: pins PassRole, requires the cluster-ID tag, lists subnets and security groups, drops IAMReadOnlyAccess", () => {
        const p = planCastAiEks(HARDENED);
        const statements = [...p.policies, ...p.inline].flatMap((d) => d.statements);
        const bySid = (sid: string) => statements.find((s) => s.sid === sid)!;
        assert.deepStrictEqual(bySid("PassRoleNodeRoleOnly").resources, ["arn:aws:iam::123456789012:role/castai-eks-instance-prod-eu"]);
        assert.strictEqual(statements.find((s) => s.sid === "PassRoleEC2"), undefined);
        assert.strictEqual(statements.find((s) => s.sid === "ServiceLinkedRoles"), undefined);
        assert.deepStrictEqual(bySid("RunInstancesTagRestriction").conditions, [
            { test: "StringEquals", variable: "aws:RequestTag/kubernetes.io/cluster/prod-eu", values: ["owned"] },
            { test: "StringEquals", variable: "aws:RequestTag/cast:cluster-id", values: [EKS.clusterId] },
        ]);
        assert.deepStrictEqual(bySid("RunInstancesListedSubnets").resources, HARDENED.subnetIds.map((s) => `arn:aws:ec2:eu-central-1:123456789012:subnet/${s}`));
        assert.ok(bySid("RunInstancesListedSecurityGroups").resources!.includes(`arn:aws:ec2:eu-central-1:123456789012:security-group/${HARDENED.securityGroupIds[0]}`));
        assert.ok(!bySid("RunInstancesListedSecurityGroups").resources!.some((r) => r.endsWith("security-group/*")));
        assert.deepStrictEqual(p.castaiManagedPolicies, ["AmazonEC2ReadOnlyAccess"]);
        assert.deepStrictEqual(bySid("IAMPermissions").resources, [
            "arn:aws:iam::123456789012:role/castai-eks-prod-eu",
            "arn:aws:iam::123456789012:instance-profile/castai-eks-instance-prod-eu",
        ]);
    });

    it("switches remove exactly their grants", () => {
        const p = planCastAiEks({ ...EKS, sshKeyPairs: false, pauseResume: false, cniPolicy: false, ssmPolicy: false, ebsVolumes: "minimal", ipv6: false });
        const actions = [...p.policies, ...p.inline, ...p.nodeInline].flatMap((d) => d.statements.flatMap((s) => s.actions));
        for (const a of ["ec2:ImportKeyPair", "ec2:DeleteKeyPair", "autoscaling:SuspendProcesses", "autoscaling:ResumeProcesses", "ec2:AssignIpv6Addresses"]) {
            assert.ok(!actions.includes(a), a);
        }
        assert.deepStrictEqual(p.nodeManagedPolicies, ["AmazonEKSWorkerNodePolicy", "AmazonEC2ContainerRegistryReadOnly"]);
        assert.deepStrictEqual(p.nodeInline[0].statements.map((s) => s.sid), ["ManageEBSVolumes"]);
        assert.deepStrictEqual(planCastAiEks({ ...EKS, ebsVolumes: "none", ipv6: false }).nodeInline, []);
    });

    it("keeps every document under AWS's limits, even at the longest valid values", () => {
        const long: CastAiEksPlainArgs = {
            ...HARDENED, clusterName: `a${"b".repeat(99)}`,
            subnetIds: Array.from({ length: 50 }, (_, i) => `subnet-${String(i).padStart(17, "0")}`),
            securityGroupIds: Array.from({ length: 50 }, (_, i) => `sg-${String(i).padStart(17, "0")}`),
        };
        const p = planCastAiEks(long);
        for (const d of p.policies) assert.ok(policySize(d.statements) <= 6144);
        assert.ok(p.inline.reduce((n, d) => n + policySize(d.statements), 0) <= 10240);
        assert.ok(policySize(p.trust) <= 2048);
        assert.strictEqual(p.roleName.length, 64);
        assert.strictEqual(p.nodeRoleName.length, 64);
    });

    it("splits policies by worst-case size, so names never depend on values", () => {
        const short = planCastAiEks({ ...HARDENED, clusterName: "a" });
        const long = planCastAiEks({ ...HARDENED, clusterName: "a".repeat(100) });
        assert.deepStrictEqual(short.policies.map((d) => d.key), long.policies.map((d) => d.key));
    });

    const bad: [string, Partial<CastAiEksPlainArgs> & Record<string, unknown>, string][] = [
        ["accountId", { accountId: "12345" }, 'accountId: must be a 12-digit AWS account ID, got "12345"'],
        ["accountId missing", { accountId: undefined }, "accountId: is required"],
        // The external ID of the trust is always required (issue 13: an error naming it, never a warning).
        ["clusterId (the external ID) missing", { clusterId: undefined }, "clusterId: is required"],
        ["vpcId missing", { vpcId: undefined }, "vpcId: is required"],
        ["region", { region: "europe" }, 'region: must be an AWS region such as eu-central-1, got "europe"'],
        ["clusterName chars", { clusterName: "prod eu" }, 'clusterName: must be an EKS cluster name: 1-100 letters, digits, - and _, starting with a letter or digit, got "prod eu"'],
        ["clusterName start", { clusterName: "-prod" }, 'clusterName: must be an EKS cluster name: 1-100 letters, digits, - and _, starting with a letter or digit, got "-prod"'],
        ["clusterName length", { clusterName: "a".repeat(101) }, `clusterName: must be an EKS cluster name: 1-100 letters, digits, - and _, starting with a letter or digit, got "${"a".repeat(76)}...`],
        ["vpcId", { vpcId: "vpc-xyz" }, 'vpcId: must be a VPC ID such as vpc-0a1b2c3d4e5f67890, got "vpc-xyz"'],
        ["clusterId chars", { clusterId: "a b" }, 'clusterId: must be an AWS external ID: 2-1224 characters of letters, digits and +=,.@:/-_, got "a b"'],
        ["clusterId short", { clusterId: "a" }, 'clusterId: must be an AWS external ID: 2-1224 characters of letters, digits and +=,.@:/-_, got "a"'],
        ["clusterId too long for the default user", { clusterId: "a".repeat(50) }, "clusterId: is 50 characters; the default castaiUserArn (user cast-crossrole-<clusterId>) allows at most 49"],
        ["castaiUserArn format", { castaiUserArn: "arn:aws:iam::809060229965:group/x" }, 'castaiUserArn: must be an IAM user or role ARN such as arn:aws:iam::123456789012:user/name, got "arn:aws:iam::809060229965:group/x"'],
        ["castaiUserArn partition", { castaiUserArn: "arn:aws-cn:iam::809060229965:user/x" }, "castaiUserArn: is in partition aws-cn but region eu-central-1 is in aws; a role cannot trust a principal of another partition"],
        ["hardened without subnets", { hardened: true, securityGroupIds: ["sg-0123456789abcdef0"] }, "subnetIds: is required when hardened is true (list the IDs Cast AI may launch nodes with)"],
        ["subnets without hardened", { subnetIds: ["subnet-0123456789abcdef0"] }, "subnetIds: is only used when hardened is true; set hardened=true or remove it"],
        ["subnet format", { hardened: true, subnetIds: ["subnet-1"], securityGroupIds: ["sg-0123456789abcdef0"] }, 'subnetIds[0]: must be a subnet ID such as subnet-0a1b2c3d4e5f67890, got "subnet-1"'],
        ["security group format", { hardened: true, subnetIds: ["subnet-0123456789abcdef0"], securityGroupIds: ["sg-1"] }, 'securityGroupIds[0]: must be a security group ID such as sg-0a1b2c3d4e5f67890, got "sg-1"'],
        ["duplicate subnet", { hardened: true, subnetIds: ["subnet-0123456789abcdef0", "subnet-0123456789abcdef0"], securityGroupIds: ["sg-0123456789abcdef0"] }, 'subnetIds: lists "subnet-0123456789abcdef0" twice'],
        ["boolean", { ipv6: "yes" as unknown as boolean }, 'ipv6: must be true or false, got "yes"'],
        ["ebsVolumes", { ebsVolumes: "all" as never }, 'ebsVolumes: must be one of "managed", "minimal", "none", got "all"'],
        ["role name", { roleName: "a/b" }, 'roleName: must be an IAM role name: 1-64 letters, digits and +=,.@-_, got "a/b"'],
        ["same role names", { roleName: "x", nodeRoleName: "x" }, 'nodeRoleName: must differ from roleName (both are "x")'],
        ["node role over the quota", { maxManagedPoliciesPerRole: 4 }, "maxManagedPoliciesPerRole: role castai-eks-instance-prod-eu would have 5 managed policies; this account allows 4 per role or user (raise the quota and set maxManagedPoliciesPerRole, or turn features off)"],
        ["Cast AI role over the quota", { maxManagedPoliciesPerRole: 2, cniPolicy: false, ssmPolicy: false, ebsVolumes: "none" }, "maxManagedPoliciesPerRole: role castai-eks-prod-eu would have 3 managed policies; this account allows 2 per role or user (raise the quota and set maxManagedPoliciesPerRole, or turn features off)"],
        ["quota", { maxManagedPoliciesPerRole: 30 }, "maxManagedPoliciesPerRole: must be a whole number from 1 to 20 (AWS's highest quota), got 30"],
        ["unknown key", { clusterNmae: "x" }, "clusterNmae: is not an argument of CastAiEksAccess (known: clusterName, clusterId, accountId, region, vpcId, vpcAccountId, castaiUserArn, roleName, nodeRoleName, hardened, subnetIds, securityGroupIds, sshKeyPairs, pauseResume, capacityReservations, hibernation, cniPolicy, ssmPolicy, ebsVolumes, ipv6, maxManagedPoliciesPerRole, passRoleArns, allowPassAnyRole, agentIdentity, oidcProviderArn, agentRoleName, agentNamespace, clusterRbac, tags)"],
        ["passRoleArns not a role", { passRoleArns: ["arn:aws:iam::123456789012:user/x"] }, 'passRoleArns[0]: must be the ARN of a role in account 123456789012 (partition aws), got "arn:aws:iam::123456789012:user/x"'],
        ["passRoleArns other account", { passRoleArns: ["arn:aws:iam::111122223333:role/x"] }, 'passRoleArns[0]: must be the ARN of a role in account 123456789012 (partition aws), got "arn:aws:iam::111122223333:role/x"'],
        ["passRoleArns format", { passRoleArns: ["role/x"] }, 'passRoleArns[0]: must be an IAM user or role ARN such as arn:aws:iam::123456789012:user/name, got "role/x"'],
        ["passRoleArns too many", { passRoleArns: Array.from({ length: 21 }, (_, i) => `arn:aws:iam::123456789012:role/r${i}`) }, "passRoleArns: lists 21 roles; at most 20"],
        ["passRoleArns with allowPassAnyRole", { allowPassAnyRole: true, passRoleArns: ["arn:aws:iam::123456789012:role/x"] }, "passRoleArns: is not used when allowPassAnyRole is true (every role of the account may be passed); remove one"],
        ["allowPassAnyRole hardened", { ...HARDENED, allowPassAnyRole: true }, "allowPassAnyRole: is not used when hardened is true (hardened passes only the node role)"],
        ["passRoleArns hardened", { ...HARDENED, passRoleArns: ["arn:aws:iam::123456789012:role/x"] }, "passRoleArns: is not used when hardened is true (hardened passes only the node role)"],
        ["allowPassAnyRole boolean", { allowPassAnyRole: "yes" as unknown as boolean }, 'allowPassAnyRole: must be true or false, got "yes"'],
    ];
    for (const [what, change, message] of bad) {
        it(`rejects bad input: ${what}`, () => {
            assert.throws(() => planCastAiEks({ ...EKS, ...change } as CastAiEksPlainArgs),
                (e: unknown) => { assert.ok(e instanceof InputError); assert.strictEqual(e.message, message); return true; });
        });
    }
});
