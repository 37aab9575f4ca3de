/**
 * Closes the permission-coverage gap (issue 20) for AWS: each scoped statement of Palette (every
 * variant), CloudPilot EKS and Cast AI EKS that no other test proved both ways gets an intended
 * request allowed and a near miss denied, judged by iam-simulate against all the documents of the
 * mode; CloudPilot's broad statements get the request they exist for. Each near miss names the one
 * thing it changes. The reporter (tests/support/coverage.ts) checks, from iam-simulate's own
 * analysis, that the near miss failed the statement on exactly that one part.
 */
import * as assert from "assert";
import { toPolicyDocument } from "../components/aws/policy";
import { planPaletteAws } from "../components/palette/aws-plan";
import { planCastAiEks } from "../components/castai/eks-plan";
import { planCloudPilotEks } from "../components/cloudpilot/eks-plan";
import { Request, decide, decideAssumeRole, decideWebIdentity } from "./support/iam";
import { EKS, HARDENED } from "./support/values";

const ACCOUNT = "123456789012";
const REGION = "eu-central-1";
const OTHER_ACCOUNT = "111122223333";

interface Case {
    readonly grant: string;
    readonly allow: Request;
    /** The near miss: what it changes, and the request with that one change. */
    readonly miss?: readonly [string, Request];
    /**
     * Judge against this policy document alone: in Palette's core variant other statements (the ones
     * allowIamPrivilegeEscalation accepts) allow the near miss anyway, so the statement's own scoping
     * is proven within its policy, and the test says so.
     */
    readonly alone?: string;
}

interface Named { readonly name: string; readonly doc: unknown }
const named = (ds: readonly { name: string; statements: Parameters<typeof toPolicyDocument>[0] }[]): Named[] => ds.map((d) => ({ name: d.name, doc: toPolicyDocument(d.statements) }));

/** Runs each case against `policies`: the intended request allowed, the near miss denied. */
function judge(title: string, policies: () => Named[], principal: string, cases: readonly Case[]): void {
    describe(title, () => {
        for (const c of cases) {
            it(`${c.grant}: allows ${c.allow.action}${c.miss ? `; denies it with ${c.miss[0]}` : ""}${c.alone ? ` (${c.alone} alone)` : ""}`, async () => {
                const named = policies().filter((d) => c.alone === undefined || d.name === c.alone);
                assert.ok(named.length > 0, `no policy ${c.alone}`);
                const docs = named.map((d) => d.doc);
                assert.strictEqual(await decide(docs, { principal, ...c.allow }), "Allowed", JSON.stringify(c.allow));
                if (c.miss) assert.notStrictEqual(await decide(docs, { principal, ...c.miss[1] }), "Allowed", `${c.miss[0]}: ${JSON.stringify(c.miss[1])}`);
            });
        }
    });
}

// ---------- Palette ----------

const PA = { accountId: ACCOUNT, trustedAccountId: OTHER_ACCOUNT, externalId: "palette-ext-7f3a" } as const;
const paletteDocs = (args: object) => () => named(planPaletteAws({ ...PA, ...args } as never).policies);
const PALETTE_ROLE = `arn:aws:iam::${ACCOUNT}:role/SpectroCloudRole`;
const CAPA_ROLE = `arn:aws:iam::${ACCOUNT}:role/nodes.cluster-api-provider-aws.sigs.k8s.io`;
const ADMIN_ROLE = `arn:aws:iam::${ACCOUNT}:role/admin`;
const CAPA_SECRET = `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:aws.cluster.x-k8s.io/prod-eu-bootstrap-AbCdEf`;
const OTHER_SECRET = `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:prod/db-password-AbCdEf`;
const SLR = `arn:aws:iam::${ACCOUNT}:role/aws-service-role`;
const KEY = `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
/** KMS's default key policy: it lets the account's IAM policies grant the key (without it, none can). */
const KEY_POLICY = {
    Version: "2012-10-17",
    Statement: [{ Sid: "Enable IAM User Permissions", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: "kms:*", Resource: "*" }],
};

/** Statements the minimum variants (dynamic and static alike) hold beyond what other tests prove. */
const MINIMUM: Case[] = [
    { grant: "IAMPassRole", allow: { action: "iam:PassRole", resource: CAPA_ROLE }, miss: ["another role (resource)", { action: "iam:PassRole", resource: ADMIN_ROLE }] },
    { grant: "SecretsManagerPermissions", allow: { action: "secretsmanager:CreateSecret", resource: CAPA_SECRET }, miss: ["a secret outside aws.cluster.x-k8s.io/ (resource)", { action: "secretsmanager:CreateSecret", resource: OTHER_SECRET }] },
    { grant: "IAMRolePermissions", allow: { action: "iam:GetRole", resource: CAPA_ROLE }, miss: ["another role (resource)", { action: "iam:GetRole", resource: ADMIN_ROLE }] },
];

const OIDC_PROVIDER = `arn:aws:iam::${ACCOUNT}:oidc-provider/oidc.eks.${REGION}.amazonaws.com/id/0123456789ABCDEF0123456789ABCDEF`;
const EKS_CLUSTER = `arn:aws:eks:${REGION}:${ACCOUNT}:cluster/prod-eu`;
const EC2_INSTANCE = `arn:aws:ec2:${REGION}:${ACCOUNT}:instance/i-0123456789abcdef0`;
/** Broad statements (`*`, or every resource of a type) of the minimum variants: the request each exists for, allowed. */
const MINIMUM_BROAD: Case[] = [
    { grant: "ELBPermissions", allow: { action: "elasticloadbalancing:DescribeLoadBalancers", resource: "*" } },
    { grant: "ASGDescribe", allow: { action: "autoscaling:DescribeAutoScalingGroups", resource: "*" } },
    { grant: "EKSPermissions", allow: { action: "eks:DescribeNodegroup", resource: `arn:aws:eks:${REGION}:${ACCOUNT}:nodegroup/prod-eu/ng-1/0123` } },
    { grant: "IAMListOpenIDConnectProviders", allow: { action: "iam:ListOpenIDConnectProviders", resource: "*" } },
    { grant: "IAMOpenIDConnectProviderPermissions", allow: { action: "iam:GetOpenIDConnectProvider", resource: OIDC_PROVIDER } },
];

for (const variant of ["minimum-dynamic", "minimum-static"]) {
    judge(`Palette ${variant} (+eks +cloudFormationStack), judged by iam-simulate`, paletteDocs({ variant, eks: true, cloudFormationStack: true }), PALETTE_ROLE, [...MINIMUM, ...MINIMUM_BROAD]);
}

judge("Palette core (+allowIamPrivilegeEscalation +eks +hostResourceGroups), judged by iam-simulate",
    paletteDocs({ variant: "core", allowIamPrivilegeEscalation: true, eks: true, hostResourceGroups: true }), PALETTE_ROLE, [
        {
            grant: "PaletteControllerPolicy ELB service-linked role",
            alone: "PaletteControllerPolicy",
            allow: { action: "iam:CreateServiceLinkedRole", resource: `${SLR}/elasticloadbalancing.amazonaws.com/AWSServiceRoleForElasticLoadBalancing`, context: { "iam:AWSServiceName": "elasticloadbalancing.amazonaws.com" } },
            miss: ["another service name (condition)", { action: "iam:CreateServiceLinkedRole", resource: `${SLR}/elasticloadbalancing.amazonaws.com/AWSServiceRoleForElasticLoadBalancing`, context: { "iam:AWSServiceName": "lambda.amazonaws.com" } }],
        },
        {
            grant: "PaletteControllerPolicy CAPA secrets",
            allow: { action: "secretsmanager:TagResource", resource: CAPA_SECRET },
            miss: ["a secret outside aws.cluster.x-k8s.io/ (resource)", { action: "secretsmanager:TagResource", resource: OTHER_SECRET }],
        },
        {
            grant: "PaletteNodesPolicy CAPA secrets",
            allow: { action: "secretsmanager:GetSecretValue", resource: CAPA_SECRET },
            miss: ["a secret outside aws.cluster.x-k8s.io/ (resource)", { action: "secretsmanager:GetSecretValue", resource: OTHER_SECRET }],
        },
        {
            grant: "PaletteControllersEKSPolicy EKS-optimized AMI parameters",
            allow: { action: "ssm:GetParameter", resource: `arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/aws/service/eks/optimized-ami/1.29/amazon-linux-2/recommended/image_id` },
            miss: ["an account's own parameter (resource)", { action: "ssm:GetParameter", resource: `arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/prod/db-password` }],
        },
        {
            grant: "PaletteControllersEKSPolicy EKS node group service-linked role",
            alone: "PaletteControllersEKSPolicy",
            allow: { action: "iam:CreateServiceLinkedRole", resource: `${SLR}/eks-nodegroup.amazonaws.com/AWSServiceRoleForAmazonEKSNodegroup`, context: { "iam:AWSServiceName": "eks-nodegroup.amazonaws.com" } },
            miss: ["another service name (condition)", { action: "iam:CreateServiceLinkedRole", resource: `${SLR}/eks-nodegroup.amazonaws.com/AWSServiceRoleForAmazonEKSNodegroup`, context: { "iam:AWSServiceName": "lambda.amazonaws.com" } }],
        },
        {
            grant: "PaletteControllersEKSPolicy EKS Fargate service-linked role",
            alone: "PaletteControllersEKSPolicy",
            allow: { action: "iam:CreateServiceLinkedRole", resource: `${SLR}/eks-fargate-pods.amazonaws.com/AWSServiceRoleForAmazonEKSForFargate`, context: { "iam:AWSServiceName": "eks-fargate.amazonaws.com" } },
            miss: ["another service name (condition)", { action: "iam:CreateServiceLinkedRole", resource: `${SLR}/eks-fargate-pods.amazonaws.com/AWSServiceRoleForAmazonEKSForFargate`, context: { "iam:AWSServiceName": "lambda.amazonaws.com" } }],
        },
        {
            grant: "PaletteControllersEKSPolicy AmazonEKSClusterPolicy",
            alone: "PaletteControllersEKSPolicy",
            allow: { action: "iam:GetPolicy", resource: "arn:aws:iam::aws:policy/AmazonEKSClusterPolicy" },
            miss: ["another AWS-managed policy (resource)", { action: "iam:GetPolicy", resource: "arn:aws:iam::aws:policy/AdministratorAccess" }],
        },
        {
            grant: "PaletteControllersEKSPolicy CAPA KMS keys",
            allow: { action: "kms:CreateGrant", resource: KEY, resourcePolicy: KEY_POLICY, context: { "kms:ResourceAliases": ["alias/cluster-api-provider-aws-prod-eu"] } },
            miss: ["a key of another alias (condition)", { action: "kms:CreateGrant", resource: KEY, resourcePolicy: KEY_POLICY, context: { "kms:ResourceAliases": ["alias/prod-database"] } }],
        },
        // Broad statements of core: the request each exists for, allowed.
        { grant: "PaletteControllerPolicy Auto Scaling groups", allow: { action: "autoscaling:UpdateAutoScalingGroup", resource: `arn:aws:autoscaling:${REGION}:${ACCOUNT}:autoScalingGroup:11111111-2222-3333-4444-555555555555:autoScalingGroupName/prod-eu-ng` } },
        { grant: "PaletteNodesPolicy SSM agent", allow: { action: "ssm:UpdateInstanceInformation", resource: EC2_INSTANCE } },
        { grant: "PaletteControllersEKSPolicy OIDC providers", allow: { action: "iam:CreateOpenIDConnectProvider", resource: OIDC_PROVIDER } },
        { grant: "PaletteControllersEKSPolicy iam:ListRoles", allow: { action: "iam:ListRoles", resource: "*" } },
        { grant: "PaletteControllersEKSPolicy add-ons and VPC CIDRs", allow: { action: "eks:ListAddons", resource: EKS_CLUSTER } },
        { grant: "PaletteHostResourceGroupsPermissions", allow: { action: "resource-groups:ListGroups", resource: "*" } },
    ]);

// ---------- Cast AI EKS ----------

const castaiDocs = (args: object) => () => {
    const p = planCastAiEks(args as never);
    return named([...p.policies, ...p.inline]);
};
const CASTAI_ROLE = `arn:aws:iam::${ACCOUNT}:role/castai-eks-prod-eu`;
const ASG = `arn:aws:autoscaling:${REGION}:${ACCOUNT}:autoScalingGroup:11111111-2222-3333-4444-555555555555:autoScalingGroupName/prod-eu-ng`;
const CASTAI_CASES: Case[] = [
    {
        grant: "RunInstancesPermissions",
        allow: { action: "ec2:RunInstances", resource: `arn:aws:ec2:${REGION}:${ACCOUNT}:volume/vol-0123456789abcdef0` },
        miss: ["a volume in another account (resource)", { action: "ec2:RunInstances", resource: `arn:aws:ec2:${REGION}:${OTHER_ACCOUNT}:volume/vol-0123456789abcdef0`, resourceAccount: OTHER_ACCOUNT }],
    },
    {
        grant: "RunInstancesKeyPairs",
        allow: { action: "ec2:RunInstances", resource: `arn:aws:ec2:${REGION}:${ACCOUNT}:key-pair/castai-ssh` },
        miss: ["a key pair in another account (resource)", { action: "ec2:RunInstances", resource: `arn:aws:ec2:${REGION}:${OTHER_ACCOUNT}:key-pair/castai-ssh`, resourceAccount: OTHER_ACCOUNT }],
    },
    {
        grant: "AutoscalingPauseResume",
        allow: { action: "autoscaling:ResumeProcesses", resource: ASG, context: { "autoscaling:ResourceTag/kubernetes.io/cluster/prod-eu": "owned" } },
        miss: ["another cluster's tag (condition)", { action: "autoscaling:ResumeProcesses", resource: ASG, context: { "autoscaling:ResourceTag/kubernetes.io/cluster/other": "owned" } }],
    },
];
/** Broad statements of Cast AI's role (ServiceLinkedRoles is not part of the hardened mode): the request each exists for, allowed. */
const CASTAI_BROAD = (hardened: boolean): Case[] => [
    { grant: "SshKeyPairs", allow: { action: "ec2:ImportKeyPair", resource: `arn:aws:ec2:${REGION}:${ACCOUNT}:key-pair/castai-ssh` } },
    ...(hardened ? [] : [{ grant: "ServiceLinkedRoles", allow: { action: "iam:CreateServiceLinkedRole", resource: `${SLR}/spot.amazonaws.com/AWSServiceRoleForEC2Spot`, context: { "iam:AWSServiceName": "spot.amazonaws.com" } } }]),
];
for (const [mode, values] of [["default", EKS], ["hardened", HARDENED], ["agent podIdentity", { ...EKS, agentIdentity: "podIdentity" }], ["agent irsa", { ...EKS, agentIdentity: "irsa", oidcProviderArn: OIDC_PROVIDER }]] as const) {
    judge(`Cast AI EKS ${mode}, judged by iam-simulate`, castaiDocs(values), CASTAI_ROLE, [...CASTAI_CASES, ...CASTAI_BROAD(mode === "hardened")]);
    judge(`Cast AI EKS ${mode}: the node role's inline policy, judged by iam-simulate`, () => named(planCastAiEks(values as never).nodeInline),
        `arn:aws:iam::${ACCOUNT}:role/castai-eks-instance-prod-eu`, [
            { grant: "AssignIpv6Addresses", allow: { action: "ec2:AssignIpv6Addresses", resource: `arn:aws:ec2:${REGION}:${ACCOUNT}:network-interface/eni-0123456789abcdef0` } },
        ]);
    it(`Cast AI EKS ${mode}: only EC2 may assume the node role`, async () => {
        const p = planCastAiEks(values as never);
        const trust = toPolicyDocument(p.nodeTrust);
        const node = `arn:aws:iam::${ACCOUNT}:role/${p.nodeRoleName}`;
        assert.strictEqual(await decideAssumeRole(trust, node, "ec2.amazonaws.com"), "Allowed");
        assert.notStrictEqual(await decideAssumeRole(trust, node, "lambda.amazonaws.com"), "Allowed", "another service (principal)");
    });
}

judge("Cast AI EKS allowPassAnyRole (risk opt-in), judged by iam-simulate", castaiDocs({ ...EKS, allowPassAnyRole: true }), CASTAI_ROLE, [{
    grant: "PassAnyRoleEC2",
    allow: { action: "iam:PassRole", resource: ADMIN_ROLE, context: { "iam:PassedToService": "ec2.amazonaws.com" } },
    miss: ["another service (condition)", { action: "iam:PassRole", resource: ADMIN_ROLE, context: { "iam:PassedToService": "lambda.amazonaws.com" } }],
}, {
    grant: "PassAnyRoleEC2",
    allow: { action: "iam:PassRole", resource: ADMIN_ROLE, context: { "iam:PassedToService": "ec2.amazonaws.com" } },
    miss: ["a role of another account (resource)", { action: "iam:PassRole", resource: ADMIN_ROLE.replace(ACCOUNT, OTHER_ACCOUNT), resourceAccount: OTHER_ACCOUNT, context: { "iam:PassedToService": "ec2.amazonaws.com" } }],
}]);

// ---------- CloudPilot EKS ----------

const CP = { clusterName: "prod-eu", accountId: ACCOUNT, region: REGION } as const;
const CP_ISSUER = `oidc.eks.${REGION}.amazonaws.com/id/0123456789ABCDEF0123456789ABCDEF`;
const CP_OIDC = `arn:aws:iam::${ACCOUNT}:oidc-provider/${CP_ISSUER}`;
const CP_MODES = [
    ["podIdentity", CP],
    ["irsa", { ...CP, trust: "irsa", oidcProviderArn: CP_OIDC }],
    ["crossAccount", { ...CP, trust: "crossAccount", trustedPrincipalArn: "arn:aws:iam::999988887777:role/cloudpilot-connector", externalId: "ext-123" }],
] as const;
const CP_ROLE = `arn:aws:iam::${ACCOUNT}:role/cloudpilot-eks-prod-eu`;
/** The requests CloudPilot's broad statements exist for (its read and Auto Scaling calls, RunInstances, the instance-profile read). */
const CP_BROAD: Case[] = [
    { grant: "CloudPilotAutoScalingRead", allow: { action: "autoscaling:DescribeAutoScalingGroups", resource: "*" } },
    { grant: "CloudPilotAutoScalingWrite", allow: { action: "autoscaling:SetDesiredCapacity", resource: ASG } },
    { grant: "CloudPilot", allow: { action: "ec2:DescribeInstances", resource: "*" } },
    { grant: "AllowInstanceProfileReadActions", allow: { action: "iam:GetInstanceProfile", resource: `arn:aws:iam::${ACCOUNT}:instance-profile/prod-eu_123` } },
];
for (const [mode, values] of CP_MODES) {
    judge(`CloudPilot EKS ${mode}: broad statements exercised, judged by iam-simulate`,
        () => named(planCloudPilotEks(values as never).policies), CP_ROLE, CP_BROAD);
    it(`CloudPilot EKS ${mode}: only EC2 may assume the node role`, async () => {
        const p = planCloudPilotEks(values as never);
        const trust = toPolicyDocument(p.nodeTrust);
        const node = `arn:aws:iam::${ACCOUNT}:role/${p.nodeRoleName}`;
        assert.strictEqual(await decideAssumeRole(trust, node, "ec2.amazonaws.com"), "Allowed");
        assert.notStrictEqual(await decideAssumeRole(trust, node, "lambda.amazonaws.com"), "Allowed", "another service (principal)");
    });
}

it("CloudPilot EKS irsa: the optimizer's service account of this cluster's issuer may assume the role; another service account may not", async () => {
    const p = planCloudPilotEks({ ...CP, trust: "irsa", oidcProviderArn: CP_OIDC } as never);
    const trust = toPolicyDocument(p.trust);
    const claims = { sub: `system:serviceaccount:${p.namespace}:${p.serviceAccountName}`, aud: "sts.amazonaws.com" };
    assert.strictEqual(await decideWebIdentity(trust, CP_ROLE, CP_OIDC, claims), "Allowed");
    assert.notStrictEqual(await decideWebIdentity(trust, CP_ROLE, CP_OIDC, { ...claims, sub: `system:serviceaccount:${p.namespace}:default` }), "Allowed",
        "another service account (condition)");
});
