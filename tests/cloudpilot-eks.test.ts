/**
 * CloudPilot AI on EKS: the pure builder (exact documents, exact errors), the component under
 * mocks, and the controller policy and trusts judged by iam-simulate and iam-data.
 */
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { InputError } from "../components/core";
import { toPolicyDocument } from "../components/aws/policy";
import { CLOUDPILOT_EKS_MANAGED_POLICIES, CLOUDPILOT_EKS_STATEMENTS } from "../components/cloudpilot/eks-catalog";
import { CloudPilotEksPlainArgs, planCloudPilotEks } from "../components/cloudpilot/eks-plan";
import { CloudPilotEksAccess } from "../components/cloudpilot/eks";
import { installMocks, outputValue } from "../components/exports/testing";
import { decide, decideAssumeRole, lintPolicy } from "./support/iam";
import { seedJsonBlocks, seedText } from "./support/seeds";

export const CP = { clusterName: "prod-eu", accountId: "123456789012", region: "eu-central-1" } as const;
const ACCOUNT = CP.accountId;
const REGION = CP.region;
const OIDC = `arn:aws:iam::${ACCOUNT}:oidc-provider/oidc.eks.${REGION}.amazonaws.com/id/0123456789ABCDEF0123456789ABCDEF`;
const ISSUER = `oidc.eks.${REGION}.amazonaws.com/id/0123456789ABCDEF0123456789ABCDEF`;
const VENDOR = "arn:aws:iam::999988887777:role/cloudpilot-connector";
const INSTANCE = `arn:aws:ec2:${REGION}:${ACCOUNT}:instance/i-0123456789abcdef0`;
const PROFILE = `arn:aws:iam::${ACCOUNT}:instance-profile/prod-eu_123`;
const ROLE = `arn:aws:iam::${ACCOUNT}:role/cloudpilot-eks-prod-eu`;

describe("CloudPilot EKS catalog", () => {
    it("gives every entry a feature, a why and a source, and unique statement IDs", () => {
        for (const e of [...CLOUDPILOT_EKS_STATEMENTS, ...CLOUDPILOT_EKS_MANAGED_POLICIES]) {
            assert.ok(e.feature.length > 3 && e.why.length > 20 && e.source.length > 5, JSON.stringify(e));
        }
        const sids = CLOUDPILOT_EKS_STATEMENTS.map((e) => e.sid);
        assert.deepStrictEqual(sids.filter((s, i) => sids.indexOf(s) !== i), []);
    });

    it("holds every statement of the seed with the same actions, resources and conditions, but the ones narrowed for issue 13", function () {
        const text = seedText("cloudpilot-permissions.txt");
        if (text === undefined) this.skip(); // ../shared is not part of the published package
        // The seed's AWS policy: the first JSON block with the CloudPilot statement.
        const vendor = seedJsonBlocks(text!).find((b) => JSON.stringify(b).includes('"Sid":"CloudPilot"'));
        assert.ok(vendor, "the seed's AWS policy");
        const fill = (s: string) => s.replace("${AWS_PARTITION}", "aws").replace(/\$\{AWS_ACCOUNT_ID\}/g, ACCOUNT)
            .replace(/\$\{AWS_REGION\}/g, REGION).replace(/\$\{CLUSTER_NAME\}/g, "prod-eu");
        const norm = (doc: { Statement: Record<string, unknown>[] }) => doc.Statement.map((s) => {
            const list = (v: unknown) => (Array.isArray(v) ? v : [v]).map(String).map(fill);
            return JSON.stringify({
                a: list(s.Action), r: list(s.Resource),
                c: JSON.parse(fill(JSON.stringify(s.Condition ?? {}))),
            });
        });
        // Narrowed (secure by default): ec2:CreateTags only at creation or with Karpenter's post-launch
        // keys, termination pinned to this cluster, PassRole only to EC2, ssm:GetParameter only of AWS's
        // public parameters. Everything else is the seed's.
        const NARROWED = ["CloudPilotCreationTagging", "CloudPilotScopedResourceTagging", "CloudPilotPublicParameters", "ConditionalEC2Termination", "PassNodeIAMRole"];
        const ours = planCloudPilotEks(CP).policies[0].statements;
        const seedDoc = vendor as { Statement: Record<string, unknown>[] };
        const seedKept = seedDoc.Statement.filter((st) => !NARROWED.includes(String(st.Sid)))
            .map((st) => (st.Sid === "CloudPilot" ? { ...st, Action: (st.Action as string[]).filter((a) => a !== "ec2:CreateTags" && a !== "ssm:GetParameter") } : st));
        assert.deepStrictEqual(norm(toPolicyDocument(ours.filter((st) => !NARROWED.includes(st.sid!))) as never), norm({ Statement: seedKept }));
        assert.deepStrictEqual([...new Set(ours.filter((st) => NARROWED.includes(st.sid!)).flatMap((st) => st.actions))].sort(),
            ["ec2:CreateTags", "ec2:TerminateInstances", "iam:PassRole", "ssm:GetParameter"]);
    });
});

describe("planCloudPilotEks", () => {
    it("builds the default documents: Pod Identity trust, node role, one controller policy", () => {
        const p = planCloudPilotEks(CP);
        assert.strictEqual(p.trustMode, "podIdentity");
        assert.strictEqual(p.roleName, "cloudpilot-eks-prod-eu");
        assert.strictEqual(p.nodeRoleName, "CloudPilotNodeRole-prod-eu");
        assert.strictEqual(p.instanceProfileName, "CloudPilotNodeRole-prod-eu");
        assert.deepStrictEqual([p.namespace, p.serviceAccountName], ["cloudpilot", "cloudpilot-aws-optimizer"]);
        assert.deepStrictEqual(toPolicyDocument(p.trust), {
            Version: "2012-10-17",
            Statement: [{
                Sid: "AllowEksAuthToAssumeRoleForPodIdentity", Effect: "Allow",
                Principal: { Service: "pods.eks.amazonaws.com" }, Action: ["sts:AssumeRole", "sts:TagSession"],
                Condition: {
                    StringEquals: {
                        "aws:SourceAccount": ACCOUNT,
                        "aws:RequestTag/kubernetes-namespace": "cloudpilot",
                        "aws:RequestTag/kubernetes-service-account": "cloudpilot-aws-optimizer",
                        "aws:RequestTag/eks-cluster-arn": `arn:aws:eks:${REGION}:${ACCOUNT}:cluster/prod-eu`,
                    },
                    ArnEquals: { "aws:SourceArn": `arn:aws:eks:${REGION}:${ACCOUNT}:cluster/prod-eu` },
                },
            }],
        });
        assert.deepStrictEqual(p.nodeManagedPolicies, ["AmazonEKSWorkerNodePolicy", "AmazonEC2ContainerRegistryPullOnly", "AmazonEKS_CNI_Policy", "AmazonSSMManagedInstanceCore"]);
        assert.deepStrictEqual(p.policies.map((d) => [d.key, d.name, d.statements.length]), [["policy", "CloudPilotControllerPolicy-prod-eu", 13]]);
        const pass = p.policies[0].statements.find((s) => s.sid === "PassNodeIAMRole")!;
        assert.deepStrictEqual(pass.resources, [`arn:aws:iam::${ACCOUNT}:role/CloudPilotNodeRole-prod-eu`]);
    });

    it("builds the IRSA trust from the OIDC provider", () => {
        const p = planCloudPilotEks({ ...CP, trust: "irsa", oidcProviderArn: OIDC, serviceAccountName: "controller" });
        assert.deepStrictEqual(toPolicyDocument(p.trust).Statement, [{
            Sid: "AllowServiceAccountWebIdentity", Effect: "Allow", Principal: { Federated: OIDC },
            Action: "sts:AssumeRoleWithWebIdentity",
            Condition: { StringEquals: { [`${ISSUER}:sub`]: "system:serviceaccount:cloudpilot:controller", [`${ISSUER}:aud`]: "sts.amazonaws.com" } },
        }]);
    });

    it("builds the cross-account trust with the external ID", () => {
        const p = planCloudPilotEks({ ...CP, trust: "crossAccount", trustedPrincipalArn: VENDOR, externalId: "ext-123" });
        assert.deepStrictEqual(toPolicyDocument(p.trust).Statement, [{
            Sid: "AllowVendorWithExternalId", Effect: "Allow", Principal: { AWS: VENDOR }, Action: "sts:AssumeRole",
            Condition: { StringEquals: { "sts:ExternalId": "ext-123" } },
        }]);
        assert.strictEqual(p.namespace, undefined);
    });

    it("uses the partition of the region", () => {
        const p = planCloudPilotEks({ ...CP, region: "us-gov-west-1" });
        assert.ok(JSON.stringify(toPolicyDocument(p.policies[0].statements)).includes("arn:aws-us-gov:iam::123456789012:role/CloudPilotNodeRole-prod-eu"));
    });

    const bad: [string, Partial<CloudPilotEksPlainArgs> & Record<string, unknown>, string][] = [
        ["missing cluster", { clusterName: undefined }, "clusterName: is required"],
        ["bad cluster", { clusterName: "-x" }, 'clusterName: must be an EKS cluster name: 1-100 letters, digits, - and _, starting with a letter or digit, got "-x"'],
        ["long cluster", { clusterName: "c".repeat(46) }, "clusterName: is 46 characters; the default node role CloudPilotNodeRole-<clusterName> allows at most 45 (set nodeRoleName, and give CloudPilot the same name as its custom node role)"],
        ["bad account", { accountId: "12" }, 'accountId: must be a 12-digit AWS account ID, got "12"'],
        ["bad region", { region: "moon" }, 'region: must be an AWS region such as eu-central-1, got "moon"'],
        ["bad trust", { trust: "keys" as never }, 'trust: must be one of "podIdentity", "irsa", "crossAccount", got "keys"'],
        ["irsa without provider", { trust: "irsa" }, 'oidcProviderArn: is required when trust is "irsa" (the IAM OIDC provider of the cluster)'],
        ["bad provider", { trust: "irsa", oidcProviderArn: "oidc" }, 'oidcProviderArn: must be an IAM OIDC provider ARN such as arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-central-1.amazonaws.com/id/EXAMPLE, got "oidc"'],
        ["provider of another account", { trust: "irsa", oidcProviderArn: OIDC.replace(ACCOUNT, "111122223333") }, `oidcProviderArn: must be a provider of account ${ACCOUNT} in partition aws, got ${JSON.stringify(OIDC.replace(ACCOUNT, "111122223333")).slice(0, 77)}...`],
        ["provider outside irsa", { oidcProviderArn: OIDC }, 'oidcProviderArn: is only used when trust is "irsa" (trust is "podIdentity")'],
        ["cross-account without principal", { trust: "crossAccount", externalId: "abc" }, 'trustedPrincipalArn: is required when trust is "crossAccount" (the IAM user or role CloudPilot gives you)'],
        ["cross-account without external ID", { trust: "crossAccount", trustedPrincipalArn: VENDOR }, 'externalId: is required when trust is "crossAccount" (the external ID CloudPilot gives you)'],
        ["bad external ID", { trust: "crossAccount", trustedPrincipalArn: VENDOR, externalId: "x" }, 'externalId: must be an AWS external ID: 2-1224 characters of letters, digits and +=,.@:/-_, got "x"'],
        ["external ID outside crossAccount", { externalId: "abc" }, 'externalId: is only used when trust is "crossAccount" (trust is "podIdentity")'],
        ["service account with crossAccount", { trust: "crossAccount", serviceAccountName: "x" }, 'serviceAccountName: is only used when trust is "podIdentity" or "irsa" (trust is "crossAccount")'],
        ["bad namespace", { serviceAccountNamespace: "Cloud" }, "serviceAccountNamespace: must be a DNS-1123 label (lower-case letters, digits and '-', starting and ending with a letter or digit), got \"Cloud\""],
        ["bad service account", { serviceAccountName: "a_b" }, "serviceAccountName: must be a DNS-1123 subdomain (lower-case letters, digits, '-' and '.'), got \"a_b\""],
        // The same rule as every other Kubernetes object name kubegrant takes: one helper (kubernetes/validate.ts), so `a..b` is refused here too.
        ["service account with an empty DNS label", { serviceAccountName: "a..b" }, "serviceAccountName: must be a DNS-1123 subdomain (lower-case letters, digits, '-' and '.'), got \"a..b\""],
        ["principal in another partition", { trust: "crossAccount", trustedPrincipalArn: VENDOR.replace("aws", "aws-cn"), externalId: "abc" }, "trustedPrincipalArn: is in partition aws-cn but region eu-central-1 is in aws; a role cannot trust a principal of another partition"],
        ["same role names", { roleName: "r", nodeRoleName: "r" }, 'nodeRoleName: must differ from roleName (both are "r")'],
        ["bad role name", { roleName: "a b" }, 'roleName: must be an IAM role name: 1-64 letters, digits and +=,.@-_, got "a b"'],
        ["node role over the quota", { maxManagedPoliciesPerRole: 3 }, "maxManagedPoliciesPerRole: role CloudPilotNodeRole-prod-eu would have 4 managed policies; this account allows 3 per role or user (raise the quota and set maxManagedPoliciesPerRole, or turn features off)"],
        ["bad quota", { maxManagedPoliciesPerRole: 0 }, "maxManagedPoliciesPerRole: must be a whole number from 1 to 20 (AWS's highest quota), got 0"],
        ["bad boolean", { cniPolicy: "yes" as never }, 'cniPolicy: must be true or false, got "yes"'],
        ["unknown key", { clustername: "x" } as never, "clustername: is not an argument of CloudPilotEksAccess (known: clusterName, accountId, region, trust, serviceAccountNamespace, serviceAccountName, oidcProviderArn, trustedPrincipalArn, externalId, roleName, nodeRoleName, cniPolicy, ssmPolicy, maxManagedPoliciesPerRole, tags)"],
    ];
    for (const [what, change, message] of bad) {
        it(`rejects ${what}`, () => {
            assert.throws(() => planCloudPilotEks({ ...CP, ...change } as CloudPilotEksPlainArgs),
                (e: unknown) => InputError.isInstance(e) && e.message === message);
        });
    }
});

describe("CloudPilot EKS, judged by iam-simulate", () => {
    const p = planCloudPilotEks(CP);
    const policies = p.policies.map((d) => toPolicyDocument(d.statements));
    const principal = ROLE;
    const verdict = async (req: Parameters<typeof decide>[1]) => decide(policies, { principal, ...req });
    const allowed = async (req: Parameters<typeof decide>[1]) => assert.strictEqual(await verdict(req), "Allowed", JSON.stringify(req));
    const denied = async (req: Parameters<typeof decide>[1]) => assert.notStrictEqual(await verdict(req), "Allowed", JSON.stringify(req));
    const owned = {
        "aws:RequestTag/kubernetes.io/cluster/prod-eu": "owned",
        "aws:RequestTag/topology.kubernetes.io/region": REGION,
        "aws:RequestTag/karpenter.k8s.aws/ec2nodeclass": "default",
    };
    const ownedResource = {
        "aws:ResourceTag/kubernetes.io/cluster/prod-eu": "owned",
        "aws:ResourceTag/topology.kubernetes.io/region": REGION,
        "aws:ResourceTag/karpenter.k8s.aws/ec2nodeclass": "default",
    };

    it("terminates only this cluster's instances tagged karpenter.sh/nodepool", async () => {
        const mine = { "ec2:ResourceTag/karpenter.sh/nodepool": "default", "ec2:ResourceTag/kubernetes.io/cluster/prod-eu": "owned" };
        await allowed({ action: "ec2:TerminateInstances", resource: INSTANCE, context: mine });
        await denied({ action: "ec2:TerminateInstances", resource: INSTANCE, context: { "ec2:ResourceTag/karpenter.sh/nodepool": "default" } });
        await denied({ action: "ec2:TerminateInstances", resource: INSTANCE, context: { "ec2:ResourceTag/karpenter.sh/nodepool": "default", "ec2:ResourceTag/kubernetes.io/cluster/other": "owned" } });
        await denied({ action: "ec2:TerminateInstances", resource: INSTANCE, context: { ...mine, "ec2:ResourceTag/kubernetes.io/cluster/prod-eu": "shared" } });
        await denied({ action: "ec2:TerminateInstances", resource: INSTANCE, context: {} });
        await denied({ action: "ec2:TerminateInstances", resource: INSTANCE, context: { "ec2:ResourceTag/karpenter.sh/nodeclaim": "x" } });
        await denied({ action: "ec2:TerminateInstances", resource: INSTANCE.replace(ACCOUNT, "111122223333"), resourceAccount: "111122223333", context: mine });
    });

    it("tags at launch only, and its own nodes only with Karpenter's post-launch keys", async () => {
        for (const action of ["RunInstances", "CreateFleet", "CreateLaunchTemplate"]) {
            await allowed({ action: "ec2:CreateTags", resource: INSTANCE, context: { "ec2:CreateAction": action, "aws:TagKeys": ["karpenter.sh/nodepool"], "aws:RequestTag/karpenter.sh/nodepool": "default" } });
        }
        await allowed({ action: "ec2:CreateTags", resource: INSTANCE.replace("instance/i-", "volume/vol-"), context: { "ec2:CreateAction": "RunInstances", "aws:TagKeys": ["Name"] } });
        await denied({ action: "ec2:CreateTags", resource: INSTANCE, context: { "ec2:CreateAction": "CreateSnapshot", "aws:TagKeys": ["Name"] } });
        const mine = { "ec2:ResourceTag/karpenter.sh/nodepool": "default", "ec2:ResourceTag/kubernetes.io/cluster/prod-eu": "owned" };
        await allowed({ action: "ec2:CreateTags", resource: INSTANCE, context: { ...mine, "aws:TagKeys": ["karpenter.sh/nodeclaim", "Name"] } });
        await allowed({ action: "ec2:CreateTags", resource: INSTANCE, context: { ...mine, "aws:TagKeys": ["eks:eks-cluster-name"], "aws:RequestTag/eks:eks-cluster-name": "prod-eu" } });
        await denied({ action: "ec2:CreateTags", resource: INSTANCE, context: { ...mine, "aws:TagKeys": ["eks:eks-cluster-name"], "aws:RequestTag/eks:eks-cluster-name": "other" } });
        await denied({ action: "ec2:CreateTags", resource: INSTANCE, context: { ...mine, "aws:TagKeys": ["karpenter.sh/nodepool"] } });
        // Tag-then-act: a foreign instance (no tags, or another cluster's) cannot be tagged into scope.
        for (const context of [{}, { "ec2:ResourceTag/kubernetes.io/cluster/other": "owned", "ec2:ResourceTag/karpenter.sh/nodepool": "x" }] as Record<string, string>[]) {
            await denied({ action: "ec2:CreateTags", resource: INSTANCE, context: { ...context, "aws:TagKeys": ["karpenter.sh/nodepool", "kubernetes.io/cluster/prod-eu"] } });
            await denied({ action: "ec2:CreateTags", resource: INSTANCE, context: { ...context, "aws:TagKeys": ["Name"] } });
        }
    });

    it("passes only the node role", async () => {
        await allowed({ action: "iam:PassRole", resource: `arn:aws:iam::${ACCOUNT}:role/CloudPilotNodeRole-prod-eu`, context: { "iam:PassedToService": "ec2.amazonaws.com" } });
        await denied({ action: "iam:PassRole", resource: `arn:aws:iam::${ACCOUNT}:role/CloudPilotNodeRole-other`, context: { "iam:PassedToService": "ec2.amazonaws.com" } });
        await denied({ action: "iam:PassRole", resource: `arn:aws:iam::${ACCOUNT}:role/admin` });
    });

    it("reads only AWS's public SSM parameters (AMI IDs), never the account's own parameters", async () => {
        // iam-simulate needs an account in the ARN (AWS evaluates public parameters with an empty one; the policy's `*` matches both).
        const ami = `arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/aws/service/eks/optimized-ami/1.31/amazon-linux-2023/x86_64/standard/recommended/image_id`;
        await allowed({ action: "ssm:GetParameter", resource: ami });
        await denied({ action: "ssm:GetParameter", resource: `arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/prod/db-password` });
        await denied({ action: "ssm:GetParameter", resource: ami.replace(REGION, "us-east-1") });
        await denied({ action: "ssm:GetParameters", resource: ami });
    });

    it("describes only this cluster", async () => {
        await allowed({ action: "eks:DescribeCluster", resource: `arn:aws:eks:${REGION}:${ACCOUNT}:cluster/prod-eu` });
        await denied({ action: "eks:DescribeCluster", resource: `arn:aws:eks:${REGION}:${ACCOUNT}:cluster/other` });
        await denied({ action: "eks:DescribeCluster", resource: `arn:aws:eks:us-east-1:${ACCOUNT}:cluster/prod-eu` });
    });

    it("creates instance profiles only with this cluster's, this region's and a node class tag", async () => {
        await allowed({ action: "iam:CreateInstanceProfile", resource: PROFILE, context: owned });
        await denied({ action: "iam:CreateInstanceProfile", resource: PROFILE, context: { ...owned, "aws:RequestTag/kubernetes.io/cluster/prod-eu": "shared" } });
        await denied({ action: "iam:CreateInstanceProfile", resource: PROFILE, context: { ...owned, "aws:RequestTag/topology.kubernetes.io/region": "us-east-1" } });
        const { ["aws:RequestTag/karpenter.k8s.aws/ec2nodeclass"]: _, ...noClass } = owned;
        await denied({ action: "iam:CreateInstanceProfile", resource: PROFILE, context: noClass });
    });

    it("tags only its own instance profiles, with the same tags", async () => {
        await allowed({ action: "iam:TagInstanceProfile", resource: PROFILE, context: { ...owned, ...ownedResource } });
        await denied({ action: "iam:TagInstanceProfile", resource: PROFILE, context: owned });
        await denied({ action: "iam:TagInstanceProfile", resource: PROFILE, context: { ...ownedResource, ...owned, "aws:RequestTag/kubernetes.io/cluster/prod-eu": "other" } });
    });

    it("changes and deletes only its own instance profiles", async () => {
        for (const action of ["iam:AddRoleToInstanceProfile", "iam:RemoveRoleFromInstanceProfile", "iam:DeleteInstanceProfile"]) {
            await allowed({ action, resource: PROFILE, context: ownedResource });
            await denied({ action, resource: PROFILE, context: { ...ownedResource, "aws:ResourceTag/topology.kubernetes.io/region": "us-east-1" } });
            await denied({ action, resource: PROFILE, context: { "aws:ResourceTag/kubernetes.io/cluster/other": "owned", "aws:ResourceTag/topology.kubernetes.io/region": REGION, "aws:ResourceTag/karpenter.k8s.aws/ec2nodeclass": "x" } });
        }
    });

    it("cannot create roles, attach policies or delete clusters", async () => {
        await denied({ action: "iam:CreateRole", resource: `arn:aws:iam::${ACCOUNT}:role/evil` });
        await denied({ action: "iam:AttachRolePolicy", resource: ROLE });
        await denied({ action: "eks:DeleteCluster", resource: `arn:aws:eks:${REGION}:${ACCOUNT}:cluster/prod-eu` });
    });

    describe("trust", () => {
        it("Pod Identity: EKS Auth for this cluster's optimizer service account only", async () => {
            const trust = toPolicyDocument(p.trust);
            const cluster = `arn:aws:eks:${REGION}:${ACCOUNT}:cluster/prod-eu`;
            // The session tags EKS Auth sets for the pod's service account (Pod Identity, session tags on).
            const ctx = {
                "aws:SourceAccount": ACCOUNT, "aws:SourceArn": cluster, "aws:RequestTag/eks-cluster-arn": cluster,
                "aws:RequestTag/kubernetes-namespace": "cloudpilot", "aws:RequestTag/kubernetes-service-account": "cloudpilot-aws-optimizer",
            };
            assert.strictEqual(await decideAssumeRole(trust, ROLE, "pods.eks.amazonaws.com", ctx), "Allowed");
            const misses: [string, Record<string, string>][] = [
                ["another cluster", { ...ctx, "aws:SourceArn": cluster.replace("prod-eu", "other") }],
                ["another service account", { ...ctx, "aws:RequestTag/kubernetes-service-account": "cloudpilot-agent" }],
                ["another namespace", { ...ctx, "aws:RequestTag/kubernetes-namespace": "default" }],
                ["another cluster tag", { ...ctx, "aws:RequestTag/eks-cluster-arn": cluster.replace("prod-eu", "other") }],
                ["no session tags", { "aws:SourceAccount": ACCOUNT, "aws:SourceArn": cluster }],
            ];
            for (const [what, c] of misses) assert.notStrictEqual(await decideAssumeRole(trust, ROLE, "pods.eks.amazonaws.com", c), "Allowed", what);
            assert.notStrictEqual(await decideAssumeRole(trust, ROLE, "ec2.amazonaws.com", ctx), "Allowed");
            assert.notStrictEqual(await decideAssumeRole(trust, ROLE, "arn:aws:iam::111122223333:root", {}), "Allowed");
        });

        it("cross-account: the vendor principal, only with the external ID", async () => {
            const trust = toPolicyDocument(planCloudPilotEks({ ...CP, trust: "crossAccount", trustedPrincipalArn: VENDOR, externalId: "ext-123" }).trust);
            assert.strictEqual(await decideAssumeRole(trust, ROLE, VENDOR, { "sts:ExternalId": "ext-123" }), "Allowed");
            assert.notStrictEqual(await decideAssumeRole(trust, ROLE, VENDOR, {}), "Allowed");
            assert.notStrictEqual(await decideAssumeRole(trust, ROLE, VENDOR, { "sts:ExternalId": "ext-124" }), "Allowed");
            assert.notStrictEqual(await decideAssumeRole(trust, ROLE, "arn:aws:iam::999988887777:role/other", { "sts:ExternalId": "ext-123" }), "Allowed");
        });
    });

    describe("iam-data", () => {
        it("knows every action and condition key of the controller policy", async () => {
            assert.deepStrictEqual((await Promise.all(policies.map(lintPolicy))).flat(), []);
        });
        it("knows every action and condition key of each trust policy", async () => {
            for (const args of [CP, { ...CP, trust: "crossAccount" as const, trustedPrincipalArn: VENDOR, externalId: "ext-123" }]) {
                const doc = toPolicyDocument(planCloudPilotEks(args).trust.map((s) => ({ ...s, principals: undefined, resources: ["*"] })));
                assert.deepStrictEqual(await lintPolicy(doc), []);
            }
        });
    });
});

describe("CloudPilotEksAccess (mocks)", () => {
    async function build(args: ConstructorParameters<typeof CloudPilotEksAccess>[1]) {
        const rec = installMocks({ awsAccountId: ACCOUNT });
        const c = new CloudPilotEksAccess("cloudpilot", args);
        await outputValue(c.ready);
        await rec.settle();
        return { c, rec };
    }

    it("creates exactly the default children, named from the component", async () => {
        const { rec } = await build(CP);
        assert.deepStrictEqual(rec.resources.map((r) => `${r.type} ${r.name} <- ${r.parent}`).sort(), [
            "aws:eks/podIdentityAssociation:PodIdentityAssociation cloudpilot <- cloudpilot",
            "aws:iam/instanceProfile:InstanceProfile cloudpilot-node <- cloudpilot-node",
            "aws:iam/policy:Policy cloudpilot-access-policy <- cloudpilot-access",
            "aws:iam/role:Role cloudpilot-access <- cloudpilot-access",
            "aws:iam/role:Role cloudpilot-node <- cloudpilot-node",
            "aws:iam/rolePolicyAttachment:RolePolicyAttachment cloudpilot-access-57fa5591 <- cloudpilot-access",
            "aws:iam/rolePolicyAttachment:RolePolicyAttachment cloudpilot-node-23c1b815 <- cloudpilot-node",
            "aws:iam/rolePolicyAttachment:RolePolicyAttachment cloudpilot-node-ba5eea0d <- cloudpilot-node",
            "aws:iam/rolePolicyAttachment:RolePolicyAttachment cloudpilot-node-c0a751f6 <- cloudpilot-node",
            "aws:iam/rolePolicyAttachment:RolePolicyAttachment cloudpilot-node-c3ddac1b <- cloudpilot-node",
            "kubegrant:aws:PolicyRole cloudpilot-access <- cloudpilot",
            "kubegrant:aws:PolicyRole cloudpilot-node <- cloudpilot",
            "kubegrant:cloudpilot:CloudPilotEksAccess cloudpilot <- null",
        ]);
    });

    it("associates the role with the service account and waits for every grant", async () => {
        const { c, rec } = await build(CP);
        const assoc = rec.resources.find((r) => r.type === "aws:eks/podIdentityAssociation:PodIdentityAssociation")!;
        assert.deepStrictEqual([assoc.inputs.clusterName, assoc.inputs.namespace, assoc.inputs.serviceAccount, assoc.inputs.roleArn],
            ["prod-eu", "cloudpilot", "cloudpilot-aws-optimizer", `arn:aws:iam::${ACCOUNT}:role/cloudpilot-eks-prod-eu`]);
        const ids = await Promise.all([c.podIdentityAssociationId, c.instanceProfileArn, c.serviceAccount].map(async (o) => (await outputValue(o)).value));
        assert.deepStrictEqual(ids, ["prod-eu,a-00000000000000005", `arn:aws:iam::${ACCOUNT}:instance-profile/CloudPilotNodeRole-prod-eu`, "cloudpilot/cloudpilot-aws-optimizer"]);
        assert.strictEqual((await outputValue(c.ready)).value, `arn:aws:iam::${ACCOUNT}:role/cloudpilot-eks-prod-eu`);
    });

    it("creates no association for IRSA and cross-account", async () => {
        for (const args of [{ ...CP, trust: "irsa" as const, oidcProviderArn: OIDC }, { ...CP, trust: "crossAccount" as const, trustedPrincipalArn: VENDOR, externalId: "ext-123" }]) {
            const { c, rec } = await build(args);
            assert.strictEqual(rec.resources.length, 12);
            assert.ok(!rec.resources.some((r) => r.type.startsWith("aws:eks/")));
            assert.strictEqual((await outputValue(c.podIdentityAssociationId)).value, undefined);
        }
    });

    it("plans inputs that arrive later against the ARNs already known (their partition and account)", async () => {
        // An account ID from another stack, with the cluster's OIDC provider known: the stand-in account is the provider's.
        const irsa = await build({ ...CP, accountId: pulumi.output(ACCOUNT), trust: "irsa", oidcProviderArn: OIDC });
        assert.strictEqual((await outputValue(irsa.c.roleArn)).value, ROLE);
        // A China region from another stack, with the vendor's aws-cn principal known: the stand-in region is in aws-cn.
        const cn = "arn:aws-cn:iam::999988887777:role/cloudpilot-connector";
        const cross = await build({ ...CP, region: pulumi.output("cn-north-1"), trust: "crossAccount", trustedPrincipalArn: cn, externalId: "ext-123" });
        const role = cross.rec.resources.find((r) => r.type === "aws:iam/role:Role" && r.name === "cloudpilot-access")!;
        assert.deepStrictEqual(JSON.parse(role.inputs.assumeRolePolicy as string).Statement[0].Principal, { AWS: cn });
        const policy = cross.rec.resources.find((r) => r.type === "aws:iam/policy:Policy")!;
        assert.match(policy.inputs.policy as string, /arn:aws-cn:eks:cn-north-1:123456789012:cluster\/prod-eu/);
    });

    it("registers nothing on bad input", () => {
        const rec = installMocks({});
        assert.throws(() => new CloudPilotEksAccess("cloudpilot", { ...CP, accountId: "1" }), /accountId: must be a 12-digit AWS account ID/);
        assert.strictEqual(rec.resources.length, 0);
    });
});
