/**
 * Published AWS privilege-escalation paths, as data: each pattern is one or more chains of
 * requests; a principal holds the pattern when every request of some chain is allowed. Where a
 * condition key is the caller's to choose (request tags, the passed-to service, the policy ARN it
 * attaches), the request sets it the way the attacker would, so a condition only the vendor's
 * honest requests meet is no defence here.
 *
 * Sources: Rhino Security Labs, "AWS IAM Privilege Escalation – Methods and Mitigation" (21
 * methods: PassRole with EC2/Lambda/Glue/CloudFormation, CreatePolicyVersion,
 * SetDefaultPolicyVersion, Attach/Put User/Role/Group policies, AddUserToGroup, CreateAccessKey,
 * Create/UpdateLoginProfile, UpdateAssumeRolePolicy); Bishop Fox iam-vulnerable (ssm:SendCommand,
 * ec2:AssociateIamInstanceProfile); DESIGN.md "Secure by default" (tagging a resource into the
 * scope that tag-conditioned actions trust); cloudsplaining's resource exposure (bucket policies).
 */
import type { Request } from "./iam";

export const ACCOUNT = "123456789012";
export const REGION = "eu-central-1";
/** A role, user, group and policy that kubegrant did not create and the vendor must not reach. */
const ADMIN_ROLE = `arn:aws:iam::${ACCOUNT}:role/admin`;
const ADMIN_USER = `arn:aws:iam::${ACCOUNT}:user/admin`;
const ADMIN_GROUP = `arn:aws:iam::${ACCOUNT}:group/admins`;
const ANY_POLICY = `arn:aws:iam::${ACCOUNT}:policy/team-policy`;
const ADMIN_POLICY = "arn:aws:iam::aws:policy/AdministratorAccess";
/** An instance of nobody's cluster: no tags at all. */
const FOREIGN_INSTANCE = `arn:aws:ec2:${REGION}:${ACCOUNT}:instance/i-0f0f0f0f0f0f0f0f0`;

/** What an attacker sets on a request it makes: every scoping tag of the cluster under test, with the value the policies ask for. */
export interface Scope {
    readonly clusterName: string;
    readonly clusterId?: string;
}

/** Tags that put an instance into this cluster's scope (Cast AI, Karpenter/CloudPilot). */
function scopeTags(s: Scope): Record<string, string> {
    return {
        [`kubernetes.io/cluster/${s.clusterName}`]: "owned",
        "cast:cluster-id": s.clusterId ?? "cluster-id",
        "karpenter.sh/nodepool": "default",
        "eks:eks-cluster-name": s.clusterName,
    };
}

function requestTags(s: Scope): Record<string, string | string[]> {
    const tags = scopeTags(s);
    return {
        ...Object.fromEntries(Object.entries(tags).map(([k, v]) => [`aws:RequestTag/${k}`, v])),
        "aws:TagKeys": Object.keys(tags),
    };
}

function resourceTags(s: Scope): Record<string, string> {
    return Object.fromEntries(Object.entries(scopeTags(s)).flatMap(([k, v]) => [[`ec2:ResourceTag/${k}`, v], [`aws:ResourceTag/${k}`, v]]));
}

/** A launch as the attacker would make it: carrying every tag a launch condition asks for, into the cluster's VPC. */
function launch(s: Scope, vpcId: string): Request {
    return {
        action: "ec2:RunInstances", resource: `arn:aws:ec2:${REGION}:${ACCOUNT}:instance/*`,
        context: { ...requestTags(s), "ec2:Vpc": `arn:aws:ec2:${REGION}:${ACCOUNT}:vpc/${vpcId}` },
    };
}

const passRole = (service: string): Request => ({ action: "iam:PassRole", resource: ADMIN_ROLE, context: { "iam:PassedToService": service } });

export interface Pattern {
    readonly id: string;
    readonly what: string;
    /** Held when every request of one chain is allowed. */
    chains(s: Scope, vpcId: string): readonly (readonly Request[])[];
    /**
     * For tag-then-act: the final request must also be denied without the tagging, else the
     * tagging gains nothing (the act is allowed, or not, on its own).
     */
    readonly gainOnlyFromChain?: boolean;
}

export const AWS_ESCALATIONS: readonly Pattern[] = [
    {
        id: "passrole-ec2-runinstances",
        what: "iam:PassRole of a role kubegrant did not create, to EC2, and ec2:RunInstances: an instance acting as that role",
        chains: (s, vpc) => [[passRole("ec2.amazonaws.com"), launch(s, vpc)]],
    },
    {
        id: "passrole-ec2-associate-profile",
        what: "iam:PassRole to EC2 and ec2:AssociateIamInstanceProfile / ReplaceIamInstanceProfileAssociation on a running instance",
        chains: () => [
            [passRole("ec2.amazonaws.com"), { action: "ec2:AssociateIamInstanceProfile", resource: FOREIGN_INSTANCE }],
            [passRole("ec2.amazonaws.com"), { action: "ec2:ReplaceIamInstanceProfileAssociation", resource: FOREIGN_INSTANCE }],
        ],
    },
    {
        id: "passrole-lambda",
        what: "iam:PassRole to Lambda and lambda:CreateFunction: code running as that role",
        chains: () => [[passRole("lambda.amazonaws.com"), { action: "lambda:CreateFunction", resource: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:x` }]],
    },
    {
        id: "passrole-glue",
        what: "iam:PassRole to Glue and glue:CreateDevEndpoint / CreateJob",
        chains: () => [
            [passRole("glue.amazonaws.com"), { action: "glue:CreateDevEndpoint", resource: "*" }],
            [passRole("glue.amazonaws.com"), { action: "glue:CreateJob", resource: `arn:aws:glue:${REGION}:${ACCOUNT}:job/x` }],
        ],
    },
    {
        id: "passrole-cloudformation",
        what: "iam:PassRole to CloudFormation and cloudformation:CreateStack: a stack acting as that role",
        chains: () => [[passRole("cloudformation.amazonaws.com"), { action: "cloudformation:CreateStack", resource: `arn:aws:cloudformation:${REGION}:${ACCOUNT}:stack/x/*` }]],
    },
    {
        id: "passrole-eks-nodegroup",
        what: "iam:PassRole to EKS and eks:CreateNodegroup: nodes launched with that role, its credentials on every node (DESIGN: PassRole to any role with a compute launch)",
        chains: () => [[passRole("eks.amazonaws.com"), { action: "eks:CreateNodegroup", resource: `arn:aws:eks:${REGION}:${ACCOUNT}:cluster/x` }]],
    },
    {
        id: "create-policy-version",
        what: "iam:CreatePolicyVersion: rewrite a customer managed policy (its own included) to Action \"*\"",
        chains: () => [[{ action: "iam:CreatePolicyVersion", resource: ANY_POLICY }]],
    },
    {
        id: "set-default-policy-version",
        what: "iam:SetDefaultPolicyVersion: switch a policy to a broader old version",
        chains: () => [[{ action: "iam:SetDefaultPolicyVersion", resource: ANY_POLICY }]],
    },
    ...(["User", "Role", "Group"] as const).flatMap((kind) => {
        const target = { User: ADMIN_USER, Role: ADMIN_ROLE, Group: ADMIN_GROUP }[kind];
        return [{
            id: `attach-${kind.toLowerCase()}-policy`,
            what: `iam:Attach${kind}Policy of AdministratorAccess`,
            chains: () => [[{ action: `iam:Attach${kind}Policy`, resource: target, context: { "iam:PolicyARN": ADMIN_POLICY } }]],
        }, {
            id: `put-${kind.toLowerCase()}-policy`,
            what: `iam:Put${kind}Policy: an inline policy granting anything`,
            chains: () => [[{ action: `iam:Put${kind}Policy`, resource: target }]],
        }];
    }),
    {
        id: "add-user-to-group",
        what: "iam:AddUserToGroup: join an administrators group",
        chains: () => [[{ action: "iam:AddUserToGroup", resource: ADMIN_GROUP }]],
    },
    {
        id: "create-access-key",
        what: "iam:CreateAccessKey for another user",
        chains: () => [[{ action: "iam:CreateAccessKey", resource: ADMIN_USER }]],
    },
    {
        id: "login-profile",
        what: "iam:CreateLoginProfile / UpdateLoginProfile: a console password for another user",
        chains: () => [[{ action: "iam:CreateLoginProfile", resource: ADMIN_USER }], [{ action: "iam:UpdateLoginProfile", resource: ADMIN_USER }]],
    },
    {
        id: "update-assume-role-policy",
        what: "iam:UpdateAssumeRolePolicy: let itself assume any role",
        chains: () => [[{ action: "iam:UpdateAssumeRolePolicy", resource: ADMIN_ROLE }]],
    },
    {
        id: "create-role-and-attach",
        what: "iam:CreateRole (trusting itself) and iam:AttachRolePolicy of AdministratorAccess, under any role name it may create",
        chains: () => ["new-admin", "x.cluster-api-provider-aws.sigs.k8s.io"].map((name) => {
            const role = `arn:aws:iam::${ACCOUNT}:role/${name}`;
            return [{ action: "iam:CreateRole", resource: role }, { action: "iam:AttachRolePolicy", resource: role, context: { "iam:PolicyARN": ADMIN_POLICY } }];
        }),
    },
    {
        id: "assume-any-role",
        what: "sts:AssumeRole on any role of the account (every role trusting the account root)",
        chains: () => [[{ action: "sts:AssumeRole", resource: ADMIN_ROLE }]],
    },
    {
        id: "ssm-send-command",
        what: "ssm:SendCommand on an instance it did not launch: commands run as that instance's role",
        chains: () => [[
            { action: "ssm:SendCommand", resource: FOREIGN_INSTANCE },
            { action: "ssm:SendCommand", resource: `arn:aws:ssm:${REGION}:${ACCOUNT}:document/AWS-RunShellScript` },
        ]],
    },
    {
        id: "bucket-policy-any",
        what: "s3:PutBucketPolicy on a bucket of the account kubegrant did not name (resource exposure)",
        chains: () => [[{ action: "s3:PutBucketPolicy", resource: "arn:aws:s3:::payroll-exports" }]],
    },
    {
        id: "tag-then-terminate",
        what: "ec2:CreateTags of this cluster's scoping tags on a foreign instance, then ec2:TerminateInstances of it",
        gainOnlyFromChain: true,
        chains: (s) => [[
            { action: "ec2:CreateTags", resource: FOREIGN_INSTANCE, context: requestTags(s) },
            { action: "ec2:TerminateInstances", resource: FOREIGN_INSTANCE, context: resourceTags(s) },
        ]],
    },
];

/** The final request of each chain, as it stands before any tagging: the foreign instance untagged. */
export function withoutChain(chain: readonly Request[]): Request {
    const last = chain[chain.length - 1];
    return { ...last, context: {} };
}
