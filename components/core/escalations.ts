/**
 * The escalation patterns of DESIGN.md "Secure by default", as data the product uses (`kubegrant
 * diff` marks an addition that holds one; the CrossGuard policy pack refuses some). A pattern
 * matches one grant as a render shows it: an IAM action with its statement's resources and
 * conditions, a GCP permission or role binding, an Azure action, a Kubernetes RBAC rule tuple.
 * Wildcards in the grant count: `iam:*` holds `iam:PassRole`, `Microsoft.Compute/virtualMachines/*`
 * holds `runCommand/action`, verb `*` holds `escalate`.
 *
 * Sources: DESIGN.md "Secure by default"; Rhino Security Labs, "AWS IAM Privilege Escalation –
 * Methods and Mitigation" (PassRole with a compute launch, CreatePolicyVersion,
 * SetDefaultPolicyVersion, Attach/Put policies, AddUserToGroup, CreateAccessKey, login profiles,
 * UpdateAssumeRolePolicy); Bishop Fox iam-vulnerable (ssm:SendCommand,
 * ec2:AssociateIamInstanceProfile); Kubernetes "RBAC good practices" (escalate, bind, impersonate,
 * CSR approval, webhook configurations, nodes/proxy, serviceaccounts/token, secrets).
 */
import { rbacListCovers, rbacResourceCovers } from "./rbac-match";

/** One grant, as the diff and the policy pack see it. */
export type Grant =
    | {
        readonly cloud: "aws" | "alicloud"; readonly action: string; readonly resources: readonly string[]; readonly conditionKeys: readonly string[];
        /** Whether some action granted beside it trusts a resource tag (so tagging can widen it). @default true */
        readonly tagTrusted?: boolean;
    }
    | { readonly cloud: "gcp"; readonly permission: string }
    | { readonly cloud: "gcp"; readonly role: string; readonly projectWide: boolean; readonly conditioned: boolean }
    | { readonly cloud: "azure"; readonly action: string }
    | { readonly cloud: "kubernetes"; readonly apiGroup: string; readonly resource: string; readonly verb: string; readonly names: readonly string[]; readonly clusterWide: boolean };

export interface EscalationPattern {
    readonly id: string;
    /** What a holder can do, in a reviewer's words. */
    readonly what: string;
    matches(g: Grant): boolean;
}

/** `pattern` (with `*` and `?` wildcards, as IAM and Azure write them) covers `value`, case-insensitively. */
export function covers(pattern: string, value: string): boolean {
    const re = pattern.replace(/[.+^${}()|[\]\\/]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
    return new RegExp(`^${re}$`, "i").test(value);
}

const awsAction = (g: Grant, ...actions: string[]): g is Extract<Grant, { action: string; resources: readonly string[] }> =>
    (g.cloud === "aws" || g.cloud === "alicloud") && actions.some((a) => covers(g.action, a));
/** A resource that names no one role: `*`, or a role path ending in a wildcard. */
const anyRole = (resources: readonly string[]) => resources.some((r) => r === "*" || /:role\/[^:]*\*$/.test(r) || /^arn:[^:]*:(iam|ram):[^:]*:[^:]*:\*$/.test(r));
const azureAction = (g: Grant, action: string) => g.cloud === "azure" && covers(g.action, action);
/** A GCP permission named in `permissions`, where a pattern may hold a wildcard (`*.setIamPolicy`); a permission granted never does. */
const gcpPermission = (g: Grant, ...permissions: string[]) => g.cloud === "gcp" && "permission" in g && permissions.some((p) => covers(p, g.permission));
type KubeGrant = Extract<Grant, { cloud: "kubernetes" }>;
/** The rule tuple allows `resource` (`res/*`: some subresource of `res`), as the RBAC authorizer matches: core/rbac-match.ts. */
const kubeResourceHolds = (granted: string, resource: string) => resource.endsWith("/*")
    ? granted === "*" || granted.startsWith(resource.slice(0, -1)) || granted.startsWith("*/")
    : rbacResourceCovers([granted], resource);
const kube = (g: Grant, apiGroup: string, resources: readonly string[], verbs: readonly string[]): g is KubeGrant =>
    g.cloud === "kubernetes" && rbacListCovers([g.apiGroup], apiGroup) && resources.some((r) => kubeResourceHolds(g.resource, r)) && verbs.some((v) => rbacListCovers([g.verb], v));
/** Cluster-scoped objects: only a ClusterRole grants them. */
const kubeCluster = (g: Grant, apiGroup: string, resources: readonly string[], verbs: readonly string[]): g is KubeGrant =>
    kube(g, apiGroup, resources, verbs) && g.clusterWide;

export const ESCALATION_PATTERNS: readonly EscalationPattern[] = [
    {
        id: "aws-wildcard-action",
        what: "an IAM action wildcard (`*` or `<service>:*`): every action of the service, present and future",
        matches: (g) => (g.cloud === "aws" || g.cloud === "alicloud") && (g.action === "*" || g.action.endsWith(":*")),
    },
    {
        id: "aws-passrole-any-role",
        what: "iam:PassRole of any role (Resource `*` or a role wildcard): start a compute resource with a more powerful role and act as it",
        matches: (g) => (awsAction(g, "iam:PassRole") || awsAction(g, "ram:PassRole")) && anyRole(g.resources),
    },
    {
        id: "aws-policy-write",
        what: "write IAM policies or group membership (CreatePolicyVersion, SetDefaultPolicyVersion, Attach/Put role, user or group policies, AddUserToGroup) of any principal or policy, or attach any policy: grant itself anything",
        // Pinned: attaching only the policies an iam:PolicyARN condition names; writing only named
        // principals and policies (no wildcard in the resources).
        matches: (g) => (awsAction(g, "iam:AttachRolePolicy", "iam:AttachUserPolicy", "iam:AttachGroupPolicy", "ram:AttachPolicyToRole", "ram:AttachPolicyToUser")
                && !g.conditionKeys.some((k) => k.toLowerCase() === "iam:policyarn"))
            || (awsAction(g, "iam:CreatePolicyVersion", "iam:SetDefaultPolicyVersion", "iam:PutRolePolicy", "iam:PutUserPolicy", "iam:PutGroupPolicy",
                "iam:AddUserToGroup", "ram:CreatePolicyVersion", "ram:SetDefaultPolicyVersion", "ram:AddUserToGroup") && g.resources.some((r) => r.includes("*"))),
    },
    {
        id: "aws-credentials",
        what: "create credentials for another identity (CreateAccessKey, Create/UpdateLoginProfile): sign in as it",
        matches: (g) => awsAction(g, "iam:CreateAccessKey", "iam:CreateLoginProfile", "iam:UpdateLoginProfile", "ram:CreateAccessKey", "ram:CreateLoginProfile", "ram:UpdateLoginProfile"),
    },
    {
        id: "aws-trust-rewrite",
        what: "iam:UpdateAssumeRolePolicy: let itself assume any role",
        matches: (g) => awsAction(g, "iam:UpdateAssumeRolePolicy", "ram:UpdateRole"),
    },
    {
        id: "aws-assume-any-role",
        what: "sts:AssumeRole on any role: act as every role whose trust allows the account",
        matches: (g) => awsAction(g, "sts:AssumeRole") && anyRole(g.resources),
    },
    {
        id: "aws-tag-into-scope",
        what: "ec2:CreateTags/DeleteTags on any instance (no ec2:CreateAction, resource-tag or tag-key condition), beside actions conditioned on a resource tag: tag an instance into the scope those actions trust",
        // Pinned: only at launch (ec2:CreateAction), only on what is in scope already (a resource
        // tag), or never the scoping tag keys (aws:TagKeys).
        matches: (g) => awsAction(g, "ec2:CreateTags", "ec2:DeleteTags") && g.tagTrusted !== false
            && !g.conditionKeys.some((k) => /^(ec2:createaction|(ec2|aws):resourcetag\/.+|aws:tagkeys)$/i.test(k)),
    },
    {
        id: "aws-instance-role-swap",
        what: "ec2:AssociateIamInstanceProfile/ReplaceIamInstanceProfileAssociation or ssm:SendCommand: run as an instance's role or in it",
        matches: (g) => awsAction(g, "ec2:AssociateIamInstanceProfile", "ec2:ReplaceIamInstanceProfileAssociation", "ssm:SendCommand"),
    },
    {
        id: "aws-bucket-exposure",
        what: "s3:PutBucketPolicy/PutBucketAcl/PutBucketPublicAccessBlock on any bucket: make it public",
        matches: (g) => awsAction(g, "s3:PutBucketPolicy", "s3:PutBucketAcl", "s3:PutBucketPublicAccessBlock") && g.resources.some((r) => r === "*" || /^arn:[^:]*:s3:::\*$/.test(r)),
    },
    {
        id: "gcp-act-as",
        what: "iam.serviceAccounts.actAs project-wide (roles/iam.serviceAccountUser without a condition): start a VM as any service account of the project",
        matches: (g) => gcpPermission(g, "iam.serviceAccounts.actAs")
            || (g.cloud === "gcp" && "role" in g && g.projectWide && !g.conditioned && ["roles/iam.serviceAccountUser", "roles/owner", "roles/editor"].includes(g.role)),
    },
    {
        id: "gcp-set-iam-policy",
        what: "setIamPolicy or roles.update/create: grant itself any role",
        matches: (g) => gcpPermission(g, "*.setIamPolicy", "iam.roles.update", "iam.roles.create")
            || (g.cloud === "gcp" && "role" in g && ["roles/owner", "roles/resourcemanager.projectIamAdmin", "roles/iam.roleAdmin", "roles/iam.securityAdmin"].includes(g.role)),
    },
    {
        id: "gcp-service-account-credentials",
        what: "service account keys or access tokens (serviceAccountKeys.create, getAccessToken, signBlob, signJwt) project-wide: act as any service account",
        matches: (g) => gcpPermission(g, "iam.serviceAccountKeys.create", "iam.serviceAccounts.getAccessToken", "iam.serviceAccounts.signBlob", "iam.serviceAccounts.signJwt", "iam.serviceAccounts.implicitDelegation")
            || (g.cloud === "gcp" && "role" in g && g.projectWide && ["roles/iam.serviceAccountTokenCreator", "roles/iam.serviceAccountKeyAdmin"].includes(g.role)),
    },
    {
        id: "azure-role-assignment",
        what: "Microsoft.Authorization/roleAssignments/write: assign itself any role in the scope",
        matches: (g) => azureAction(g, "Microsoft.Authorization/roleAssignments/write"),
    },
    {
        id: "azure-run-command",
        what: "runCommand on virtual machines or scale sets: run code on a machine and use its managed identities",
        matches: (g) => azureAction(g, "Microsoft.Compute/virtualMachines/runCommand/action") || azureAction(g, "Microsoft.Compute/virtualMachineScaleSets/virtualMachines/runCommand/action"),
    },
    {
        id: "azure-identity-assign",
        what: "Microsoft.ManagedIdentity/userAssignedIdentities/assign/action: attach a managed identity to a machine it controls",
        matches: (g) => azureAction(g, "Microsoft.ManagedIdentity/userAssignedIdentities/assign/action"),
    },
    {
        id: "k8s-escalate-bind-impersonate",
        what: "escalate, bind or impersonate: grant itself any permission, or act as any user, group or service account",
        matches: (g) => kube(g, "rbac.authorization.k8s.io", ["roles", "clusterroles"], ["escalate", "bind"])
            || kube(g, "", ["users", "groups", "serviceaccounts"], ["impersonate"])
            || kube(g, "authentication.k8s.io", ["userextras/*", "uids"], ["impersonate"]),
    },
    {
        id: "k8s-csr-approval",
        what: "approve certificate signing requests for any signer: mint a client certificate for any user, a node's included",
        matches: (g) => kubeCluster(g, "certificates.k8s.io", ["signers"], ["approve"]) && (g.names.length === 0 || g.names.some((n) => n.includes("*"))),
    },
    {
        id: "k8s-admission-webhooks",
        what: "write admission webhook configurations not named: see and mutate every object the API server admits, or switch off a policy engine",
        matches: (g) => kubeCluster(g, "admissionregistration.k8s.io", ["mutatingwebhookconfigurations", "validatingwebhookconfigurations"], ["create", "update", "patch", "delete"])
            && g.names.length === 0,
    },
    {
        id: "k8s-nodes-proxy",
        what: "nodes/proxy: the kubelet API, which runs commands in any pod of the node",
        matches: (g) => kubeCluster(g, "", ["nodes/proxy"], ["get", "create"]),
    },
    {
        id: "k8s-serviceaccount-token",
        what: "serviceaccounts/token create: a token for any service account of the scope",
        matches: (g) => kube(g, "", ["serviceaccounts/token"], ["create"]),
    },
    {
        id: "k8s-secrets-cluster-wide",
        what: "secrets read cluster-wide: every service account token and credential of the cluster",
        matches: (g) => kubeCluster(g, "", ["secrets"], ["get", "list", "watch"]) && g.names.length === 0,
    },
];

/** The patterns `g` holds. */
export function escalationsOf(g: Grant): EscalationPattern[] {
    return ESCALATION_PATTERNS.filter((p) => p.matches(g));
}
