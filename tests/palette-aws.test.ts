/**
 * Spectro Cloud Palette on AWS: exact policies (against the transcribed librarium JSON), limits,
 * errors, the component under mocks, and the conditioned statements judged by iam-simulate.
 */
import * as assert from "assert";
import { InputError } from "../components/core";
import { toPolicyDocument } from "../components/aws/policy";
import { PALETTE_AWS_POLICIES } from "../components/palette/aws-catalog";
import { PaletteAwsPlainArgs, planPaletteAws } from "../components/palette/aws-plan";
import { PaletteAwsAccess } from "../components/palette/aws";
import { installMocks, outputValue, isSecretValue } from "../components/exports/testing";
import { decide, decideAssumeRole, lintPolicy } from "./support/iam";
import { seedJsonBlocks, seedText } from "./support/seeds";

const PA = { accountId: "123456789012", trustedAccountId: "111122223333", externalId: "palette-ext-7f3a" } as const;
/** The core variant, with the opt-in it needs (its policies hold IAM escalation paths). */
const CORE = { variant: "core", allowIamPrivilegeEscalation: true } as const;
/** Sids kubegrant adds to mark the statements that hold an escalation path (the vendor's have none). */
const ADDED_SIDS = ["PaletteS3AnyBucket", "PaletteDeploymentIam", "PaletteEksAnyRole"];
/** Semantics of a statement: one-item lists and strings are the same to IAM. */
const norm = (doc: { Statement: readonly Record<string, unknown>[] }) => doc.Statement.map((s) => {
    const list = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
    const cond = Object.fromEntries(Object.entries((s.Condition ?? {}) as Record<string, Record<string, unknown>>)
        .map(([op, kv]) => [op, Object.fromEntries(Object.entries(kv).map(([k, v]) => [k, list(v)]))]));
    return { Sid: ADDED_SIDS.includes(s.Sid as string) ? undefined : s.Sid, Effect: s.Effect, Action: list(s.Action), Resource: list(s.Resource), Condition: cond };
});
type Doc = { Statement: readonly Record<string, unknown>[] };
const policy = (name: string) => toPolicyDocument(PALETTE_AWS_POLICIES.find((p) => p.name === name)!.statements) as unknown as Doc;
const actions = (d: Doc) => new Set(norm(d).flatMap((s) => s.Action as string[]));
const minus = (a: Set<string>, b: Set<string>) => [...a].filter((x) => !b.has(x)).sort();

describe("Palette AWS catalog", () => {
    it("gives every policy a feature, a why and a librarium source", () => {
        assert.deepStrictEqual(PALETTE_AWS_POLICIES.map((p) => p.name), [
            "PaletteControllerPolicy", "PaletteControlPlanePolicy", "PaletteNodesPolicy", "PaletteDeploymentPolicy",
            "PaletteControllersEKSPolicy", "PaletteMinimumIaaSDynamicPolicy", "PaletteMinimumEKSDynamicPolicy",
            "PaletteMinimumIaaSStaticPolicy", "PaletteMinimumEKSStaticPolicy", "PaletteCloudFormationStackPolicy",
            "PaletteHostResourceGroupsPolicy",
        ]);
        for (const p of PALETTE_AWS_POLICIES) assert.ok(p.feature.length > 3 && p.why.length > 20 && p.source.includes("librarium"), p.name);
    });

    // The seed prints three policies. The others (control plane, nodes, deployment, the minimum EKS
    // and static ones, CloudFormation, host resource groups) were transcribed from librarium at the
    // commits their `source` names; no copy of those is available offline, so their sizes are pinned below.
    describe("against the policies the seed prints", () => {
        let blocks: Doc[] = [];
        before(function () {
            const text = seedText("palette-aws-iam-policies.txt");
            if (text === undefined) this.skip(); // ../shared is not part of the published package
            blocks = seedJsonBlocks(text!) as Doc[];
            assert.strictEqual(blocks.length, 3);
        });

        it("PaletteControllerPolicy is the seed's core policy, statement for statement", () => {
            assert.deepStrictEqual(norm(policy("PaletteControllerPolicy")), norm(blocks[0]));
        });

        it("PaletteControllersEKSPolicy is the seed's EKS policy plus exactly the four actions librarium added since", () => {
            const ours = actions(policy("PaletteControllersEKSPolicy"));
            const seed = actions(blocks[1]);
            assert.deepStrictEqual(minus(seed, ours), []);
            assert.deepStrictEqual(minus(ours, seed), ["iam:GetOpenIDConnectProvider", "iam:ListRolePolicies", "iam:ListRoles", "iam:UntagRole"]);
            for (const a of minus(ours, seed)) assert.ok(PALETTE_AWS_POLICIES.find((p) => p.name === "PaletteControllersEKSPolicy")!.why.includes(a), a);
        });

        it("the minimum dynamic policies (with the CloudFormation one, scoped) narrow the seed's older single minimum policy", () => {
            const ours = new Set([...actions(policy("PaletteMinimumIaaSDynamicPolicy")), ...actions(policy("PaletteCloudFormationStackPolicy"))]);
            const seed = actions(blocks[2]);
            // What the newer librarium version adds to the seed's: route-table and gateway detach, two reads, ELB tags, and the stack's roles.
            assert.deepStrictEqual(minus(ours, seed), [
                "ec2:AssociateRouteTable", "ec2:DescribeInstanceTypes", "ec2:DescribeVpcEndpoints", "ec2:DetachInternetGateway",
                "elasticloadbalancing:AddTags", "iam:CreateRole", "iam:AttachRolePolicy",
            ].sort());
            // And drops 61 of the seed's 115 actions (IAM users, groups and policies, ECR, SSM, sts:AssumeRole, …).
            assert.strictEqual(minus(seed, ours).length, 61);
            for (const gone of ["iam:CreateUser", "iam:CreatePolicy", "sts:AssumeRole", "secretsmanager:GetSecretValue"]) assert.ok(minus(seed, ours).includes(gone), gone);
        });
    });
});

describe("planPaletteAws", () => {
    const names = (a: Partial<PaletteAwsPlainArgs>) => planPaletteAws({ ...PA, ...a }).policies.map((d) => `${d.name} ${d.size}`);
    it("selects the policies of each variant, every one under 6,144 characters", () => {
        assert.deepStrictEqual(names({}), ["PaletteMinimumIaaSDynamicPolicy 1967"]);
        assert.deepStrictEqual(names(CORE), ["PaletteControllerPolicy 3870", "PaletteControlPlanePolicy 2039", "PaletteNodesPolicy 831", "PaletteDeploymentPolicy 1123"]);
        assert.deepStrictEqual(names({ ...CORE, eks: true }).slice(4), ["PaletteControllersEKSPolicy 2783"]);
        assert.deepStrictEqual(names({ cloudFormationStack: true }), ["PaletteMinimumIaaSDynamicPolicy 1967", "PaletteCloudFormationStackPolicy 799"]);
        assert.deepStrictEqual(names({ variant: "minimum-dynamic", eks: true }), ["PaletteMinimumIaaSDynamicPolicy 1967", "PaletteMinimumEKSDynamicPolicy 1932"]);
        assert.deepStrictEqual(names({ variant: "minimum-static", eks: true, cloudFormationStack: true }), ["PaletteMinimumIaaSStaticPolicy 1430", "PaletteMinimumEKSStaticPolicy 1411", "PaletteCloudFormationStackPolicy 799"]);
        assert.deepStrictEqual(names({ ...CORE, hostResourceGroups: true }).slice(4), ["PaletteHostResourceGroupsPolicy 296"]);
    });

    it("combines on request, in as few documents as fit, with stable names", () => {
        const p = planPaletteAws({ ...PA, ...CORE, eks: true, hostResourceGroups: true, combinePolicies: true });
        assert.deepStrictEqual(p.policies.map((d) => [d.key, d.name, d.size]), [["palette-combined-policy", "PaletteCombinedPolicy", 5871], ["palette-combined-policy-2", "PaletteCombinedPolicy-2", 4919]]);
        assert.ok(p.policies.every((d) => d.size <= 6144));
    });

    it("trusts Palette's account only with the external ID", async () => {
        const p = planPaletteAws(PA);
        assert.deepStrictEqual(toPolicyDocument(p.trust!).Statement, [{
            Sid: "AllowVendorWithExternalId", Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:root" },
            Action: "sts:AssumeRole", Condition: { StringEquals: { "sts:ExternalId": PA.externalId } },
        }]);
        const trust = toPolicyDocument(p.trust!);
        const role = "arn:aws:iam::123456789012:role/SpectroCloudRole";
        assert.strictEqual(await decideAssumeRole(trust, role, "arn:aws:iam::111122223333:role/palette", { "sts:ExternalId": PA.externalId }), "Allowed");
        assert.notStrictEqual(await decideAssumeRole(trust, role, "arn:aws:iam::111122223333:role/palette", {}), "Allowed");
        assert.notStrictEqual(await decideAssumeRole(trust, role, "arn:aws:iam::444455556666:role/palette", { "sts:ExternalId": PA.externalId }), "Allowed");
    });

    it("hands the node-level additions to Palette, counted against the node roles' quota", () => {
        const p = planPaletteAws({ ...PA, ebsCsiPolicy: true, additionalPolicyArns: ["arn:aws:iam::123456789012:policy/extra"] });
        assert.deepStrictEqual(p.additionalPolicyArns, ["arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy", "arn:aws:iam::123456789012:policy/extra"]);
    });

    const arns = (n: number) => Array.from({ length: n }, (_, i) => `arn:aws:iam::123456789012:policy/p${i}`);
    const bad: [string, Partial<PaletteAwsPlainArgs> & Record<string, unknown>, string][] = [
        ["missing account", { accountId: undefined }, "accountId: is required"],
        ["bad variant", { variant: "min" as never }, 'variant: must be one of "core", "minimum-dynamic", "minimum-static", got "min"'],
        ["cloudFormationStack with core", { ...CORE, cloudFormationStack: true }, "cloudFormationStack: is only used with the minimum-dynamic and minimum-static variants (the core policies cover the stack)"],
        ["role without trusted account", { trustedAccountId: undefined }, 'trustedAccountId: is required when identity is "role" (the AWS account ID Palette shows for STS)'],
        ["bad trusted account", { trustedAccountId: "x" }, 'trustedAccountId: must be a 12-digit AWS account ID, got "x"'],
        ["role without external ID", { externalId: undefined }, 'externalId: is required when identity is "role" (the external ID Palette shows for STS)'],
        ["bad external ID", { externalId: "a b" }, 'externalId: must be an AWS external ID: 2-1224 characters of letters, digits and +=,.@:/-_, got "a b"'],
        ["user with external ID", { identity: "user", trustedAccountId: undefined }, 'externalId: is only used when identity is "role"'],
        ["userName with role", { userName: "u" }, 'userName: is only used when identity is "role"'.replace("role", "user")],
        ["bad identity", { identity: "key" as never }, 'identity: must be one of "role", "user", got "key"'],
        ["bad partition", { partition: "aws-cn" as never }, 'partition: must be one of "aws", "aws-us-gov", got "aws-cn"'],
        ["bad policy ARN", { additionalPolicyArns: ["AmazonEBSCSIDriverPolicy"] }, 'additionalPolicyArns[0]: must be an IAM policy ARN such as arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy, got "AmazonEBSCSIDriverPolicy"'],
        ["EBS twice", { ebsCsiPolicy: true, additionalPolicyArns: ["arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy"] }, 'additionalPolicyArns: lists "arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy", which ebsCsiPolicy adds already'],
        ["too many node additions", { additionalPolicyArns: arns(7) }, "additionalPolicyArns: Palette attaches them to every role it creates; its EKS node-group role would have 11 managed policies (4 AWS-managed + 7); AWS allows 10 per role"],
        ["core without the opt-in", { variant: "core" }, 'variant: "core" grants iam:CreatePolicyVersion, iam:AttachGroupPolicy and sts:AssumeRole on "*" (and with eks iam:CreateRole and iam:AttachRolePolicy on every role): set allowIamPrivilegeEscalation=true to accept that, or use minimum-dynamic or minimum-static'],
        ["core with the opt-in false", { variant: "core", allowIamPrivilegeEscalation: false }, 'variant: "core" grants iam:CreatePolicyVersion, iam:AttachGroupPolicy and sts:AssumeRole on "*" (and with eks iam:CreateRole and iam:AttachRolePolicy on every role): set allowIamPrivilegeEscalation=true to accept that, or use minimum-dynamic or minimum-static'],
        ["the opt-in with a minimum variant", { allowIamPrivilegeEscalation: true }, 'allowIamPrivilegeEscalation: is only used with variant "core" (the minimum variants hold no IAM escalation)'],
        ["the opt-in not a boolean", { variant: "core", allowIamPrivilegeEscalation: "yes" as never }, 'allowIamPrivilegeEscalation: must be true or false, got "yes"'],
        ["over the quota", { ...CORE, eks: true, maxManagedPolicies: 4 }, "maxManagedPolicies: the role would have 5 managed policies (PaletteControllerPolicy, PaletteControlPlanePolicy, PaletteNodesPolicy, PaletteDeploymentPolicy, PaletteControllersEKSPolicy); AWS allows 4 per role (set combinePolicies=true to pack them into fewer, or raise the quota and set maxManagedPolicies)"],
        ["a quota below Palette's node roles", { maxManagedPolicies: 3 }, "maxManagedPolicies: is 3, but the EKS node-group role Palette creates has 4 AWS-managed policies; AWS allows 10 per role by default"],
        ["bad quota", { maxManagedPolicies: 21 }, "maxManagedPolicies: must be a whole number from 1 to 20 (AWS's highest quota), got 21"],
        ["unknown key", { externalID: "x" } as never, "externalID: is not an argument of PaletteAwsAccess (known: accountId, variant, eks, cloudFormationStack, allowIamPrivilegeEscalation, hostResourceGroups, identity, trustedAccountId, externalId, roleName, userName, partition, ebsCsiPolicy, additionalPolicyArns, combinePolicies, maxManagedPolicies, tags)"],
    ];
    for (const [what, change, message] of bad) {
        it(`rejects ${what}`, () => {
            assert.throws(() => planPaletteAws({ ...PA, ...change } as PaletteAwsPlainArgs),
                (e: unknown) => InputError.isInstance(e) && e.message === message);
        });
    }
});

describe("Palette policies, judged by iam-simulate and iam-data", () => {
    const policy = (name: string) => [toPolicyDocument(PALETTE_AWS_POLICIES.find((p) => p.name === name)!.statements)];
    const is = async (name: string, req: Parameters<typeof decide>[1], expected: boolean) =>
        assert.strictEqual((await decide(policy(name), { principal: "arn:aws:iam::123456789012:role/SpectroCloudRole", ...req })) === "Allowed", expected, JSON.stringify(req));
    const SLR = "arn:aws:iam::123456789012:role/aws-service-role";

    it("creates service-linked roles only of the named services", async () => {
        await is("PaletteControllerPolicy", { action: "iam:CreateServiceLinkedRole", resource: `${SLR}/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`, context: { "iam:AWSServiceName": "autoscaling.amazonaws.com" } }, true);
        await is("PaletteControllerPolicy", { action: "iam:CreateServiceLinkedRole", resource: `${SLR}/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`, context: { "iam:AWSServiceName": "lambda.amazonaws.com" } }, false);
        await is("PaletteControllerPolicy", { action: "iam:CreateServiceLinkedRole", resource: `${SLR}/spot.amazonaws.com/AWSServiceRoleForEC2Spot`, context: { "iam:AWSServiceName": "spot.amazonaws.com" } }, true);
        await is("PaletteControllerPolicy", { action: "iam:CreateServiceLinkedRole", resource: `${SLR}/spot.amazonaws.com/AWSServiceRoleForEC2Spot`, context: { "iam:AWSServiceName": "autoscaling.amazonaws.com" } }, false);
        await is("PaletteControllersEKSPolicy", { action: "iam:CreateServiceLinkedRole", resource: `${SLR}/eks.amazonaws.com/AWSServiceRoleForAmazonEKS`, context: { "iam:AWSServiceName": "eks.amazonaws.com" } }, true);
        await is("PaletteControllersEKSPolicy", { action: "iam:CreateServiceLinkedRole", resource: `${SLR}/eks.amazonaws.com/AWSServiceRoleForAmazonEKS`, context: { "iam:AWSServiceName": "ec2.amazonaws.com" } }, false);
    });

    it("CloudFormation stack: creates and attaches only the CAPA stack's roles and policies", async () => {
        const docs = planPaletteAws({ ...PA, cloudFormationStack: true }).policies.filter((d) => d.name === "PaletteCloudFormationStackPolicy").map((d) => toPolicyDocument(d.statements));
        const judge = async (req: Parameters<typeof decide>[1]) => (await decide(docs, { principal: "arn:aws:iam::123456789012:role/SpectroCloudRole", ...req })) === "Allowed";
        const capa = "arn:aws:iam::123456789012:role/controllers.cluster-api-provider-aws.sigs.k8s.io";
        assert.ok(await judge({ action: "iam:CreateRole", resource: capa }));
        assert.ok(!await judge({ action: "iam:CreateRole", resource: "arn:aws:iam::123456789012:role/admin" }));
        assert.ok(!await judge({ action: "iam:CreateRole", resource: "arn:aws:iam::111122223333:role/controllers.cluster-api-provider-aws.sigs.k8s.io", resourceAccount: "111122223333" }));
        for (const policyArn of ["arn:aws:iam::123456789012:policy/controllers.cluster-api-provider-aws.sigs.k8s.io", "arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy"]) {
            assert.ok(await judge({ action: "iam:AttachRolePolicy", resource: capa, context: { "iam:PolicyARN": policyArn } }), policyArn);
        }
        assert.ok(!await judge({ action: "iam:AttachRolePolicy", resource: capa, context: { "iam:PolicyARN": "arn:aws:iam::aws:policy/AdministratorAccess" } }));
        assert.ok(!await judge({ action: "iam:AttachRolePolicy", resource: "arn:aws:iam::123456789012:role/admin", context: { "iam:PolicyARN": "arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy" } }));
        assert.ok(await judge({ action: "cloudformation:CreateStack", resource: "arn:aws:cloudformation:us-east-1:123456789012:stack/capa/*" }));
        assert.deepStrictEqual((await Promise.all(docs.map(lintPolicy))).flat(), []);
    });

    it("passes any role only to EKS (PaletteControllersEKSPolicy), and CAPA roles only by name elsewhere", async () => {
        await is("PaletteControllersEKSPolicy", { action: "iam:PassRole", resource: "arn:aws:iam::123456789012:role/anything", context: { "iam:PassedToService": "eks.amazonaws.com" } }, true);
        await is("PaletteControllersEKSPolicy", { action: "iam:PassRole", resource: "arn:aws:iam::123456789012:role/anything", context: { "iam:PassedToService": "ec2.amazonaws.com" } }, false);
        await is("PaletteControllerPolicy", { action: "iam:PassRole", resource: "arn:aws:iam::123456789012:role/nodes.cluster-api-provider-aws.sigs.k8s.io" }, true);
        await is("PaletteControllerPolicy", { action: "iam:PassRole", resource: "arn:aws:iam::123456789012:role/admin" }, false);
    });

    /**
     * What iam-data finds in Palette's own documents, verbatim. These are the vendor's, kept as
     * published (the docs warn IAM reports mismatched resource/condition pairs); kubegrant only
     * reports them. Anything not listed here fails the test.
     */
    const KNOWN_VENDOR_FINDINGS: Record<string, string[]> = {
        // Linter limit, not a vendor error: the statement's resource `arn:*:s3:::*` is a wildcard
        // that matches object ARNs (bucket/key) too; the linter compares the literal pattern.
        PaletteControllerPolicy: [
            "s3:DeleteObject: none of the statement's resources is of a type the action takes",
            "s3:PutObjectAcl: none of the statement's resources is of a type the action takes",
            "s3:PutObject: none of the statement's resources is of a type the action takes",
        ],
        // Vendor finding: these two actions take only the identityproviderconfig resource type,
        // but the statement lists cluster/* and nodegroup/*/*/*; as published they grant nothing.
        PaletteControllersEKSPolicy: [
            "eks:DescribeIdentityProviderConfig: none of the statement's resources is of a type the action takes",
            "eks:DisassociateIdentityProviderConfig: none of the statement's resources is of a type the action takes",
        ],
    };
    for (const p of PALETTE_AWS_POLICIES) {
        it(`iam-data knows every action and condition key of ${p.name} (vendor findings listed)`, async () => {
            const problems = await lintPolicy(toPolicyDocument(p.statements));
            assert.deepStrictEqual(problems, KNOWN_VENDOR_FINDINGS[p.name] ?? []);
        });
    }
});

describe("PaletteAwsAccess (mocks)", () => {
    async function build(args: ConstructorParameters<typeof PaletteAwsAccess>[1]) {
        const rec = installMocks({ awsAccountId: "123456789012" });
        const c = new PaletteAwsAccess("palette", args);
        await outputValue(c.ready);
        await rec.settle();
        return { c, rec };
    }

    it("creates the role, its four core policies and attachments", async () => {
        const { c, rec } = await build({ ...PA, ...CORE });
        assert.deepStrictEqual(rec.resources.map((r) => `${r.type} ${r.name} <- ${r.parent}`).sort(), [
            "aws:iam/policy:Policy palette-role-palette-control-plane-policy <- palette-role",
            "aws:iam/policy:Policy palette-role-palette-controller-policy <- palette-role",
            "aws:iam/policy:Policy palette-role-palette-deployment-policy <- palette-role",
            "aws:iam/policy:Policy palette-role-palette-nodes-policy <- palette-role",
            "aws:iam/role:Role palette-role <- palette-role",
            "aws:iam/rolePolicyAttachment:RolePolicyAttachment palette-role-2873d7dc <- palette-role",
            "aws:iam/rolePolicyAttachment:RolePolicyAttachment palette-role-444110a3 <- palette-role",
            "aws:iam/rolePolicyAttachment:RolePolicyAttachment palette-role-8cf95cbb <- palette-role",
            "aws:iam/rolePolicyAttachment:RolePolicyAttachment palette-role-a00d5109 <- palette-role",
            "kubegrant:aws:PolicyRole palette-role <- palette",
            "kubegrant:palette:PaletteAwsAccess palette <- null",
        ]);
        const names = rec.resources.filter((r) => r.type === "aws:iam/policy:Policy").map((r) => r.inputs.name).sort();
        assert.deepStrictEqual(names, ["PaletteControlPlanePolicy", "PaletteControllerPolicy", "PaletteDeploymentPolicy", "PaletteNodesPolicy"]);
        assert.strictEqual((await outputValue(c.arn)).value, "arn:aws:iam::123456789012:role/SpectroCloudRole");
        assert.strictEqual((await outputValue(c.externalId)).value, PA.externalId);
    });

    it("creates a user with an access key whose secret stays secret", async () => {
        const { c, rec } = await build({ accountId: PA.accountId, identity: "user", eks: true, ...CORE });
        assert.strictEqual(rec.resources.filter((r) => r.type === "aws:iam/userPolicyAttachment:UserPolicyAttachment").length, 5);
        assert.ok(rec.resources.some((r) => r.type === "aws:iam/accessKey:AccessKey" && r.inputs.user === "SpectroCloudUser"));
        const secret = await outputValue(c.secretAccessKey);
        assert.deepStrictEqual(secret, { value: "mock-secret-access-key", secret: true });
        assert.ok(!isSecretValue(undefined));
    });

    it("registers nothing on bad input", () => {
        const rec = installMocks({});
        assert.throws(() => new PaletteAwsAccess("palette", { ...PA, ...CORE, eks: true, maxManagedPolicies: 4 }), /maxManagedPolicies: the role would have 5/);
        assert.strictEqual(rec.resources.length, 0);
    });
});
