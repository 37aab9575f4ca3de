/**
 * One render per preset and mode the tests and the docs use, with the tests' example values:
 * the render snapshot (tests/render-snapshot.test.ts) proves each stays byte-identical.
 */
import { AKS_CS, AKS_WI } from "./aks-values";
import { GKE, GKE_KEY } from "./gke-values";
import { EKS, HARDENED, OIDC } from "./values";

const ACK = "c0123456789abcdef0123456789abcdef";
const ALIBABA = { clusterName: "prod-hz", internalClusterId: ACK };
const CLOUDPILOT = { clusterName: EKS.clusterName, accountId: EKS.accountId, region: EKS.region };
const PALETTE = { accountId: EKS.accountId, trustedAccountId: "111122223333", externalId: "palette-ext-7f3a" };

export interface RenderCase {
    /** File name below tests/snapshots/json (without .json). */
    readonly name: string;
    readonly preset: string;
    readonly values: Readonly<Record<string, unknown>>;
}

export const RENDER_CASES: readonly RenderCase[] = [
    { name: "castai-eks-default", preset: "castai-eks", values: EKS },
    { name: "castai-eks-hardened", preset: "castai-eks", values: HARDENED },
    { name: "castai-eks-pod-identity", preset: "castai-eks", values: { ...EKS, agentIdentity: "podIdentity" } },
    { name: "castai-eks-irsa", preset: "castai-eks", values: { ...EKS, agentIdentity: "irsa", oidcProviderArn: OIDC } },
    { name: "castai-eks-hardened-pod-identity", preset: "castai-eks", values: { ...HARDENED, agentIdentity: "podIdentity" } },
    { name: "castai-eks-switches-off", preset: "castai-eks", values: { ...EKS, sshKeyPairs: false, pauseResume: false, cniPolicy: false, ssmPolicy: false, ebsVolumes: "none", ipv6: false } },
    { name: "castai-eks-pass-role-arns", preset: "castai-eks", values: { ...EKS, passRoleArns: [`arn:aws:iam::${EKS.accountId}:role/castai-custom-profile`], tags: { team: "platform" } } },
    { name: "castai-eks-allow-pass-any-role", preset: "castai-eks", values: { ...EKS, allowPassAnyRole: true } },
    { name: "castai-eks-cluster-rbac", preset: "castai-eks", values: { ...EKS, clusterRbac: {} } },
    { name: "castai-eks-irsa-cluster-rbac", preset: "castai-eks", values: { ...EKS, agentIdentity: "irsa", oidcProviderArn: OIDC, clusterRbac: { namespace: "cast", components: ["agent"] } } },
    { name: "castai-gke-impersonation", preset: "castai-gke", values: GKE },
    { name: "castai-gke-key", preset: "castai-gke", values: GKE_KEY },
    { name: "castai-gke-every-feature", preset: "castai-gke", values: { ...GKE, cloudProxyWorkloadIdentity: true, computeManagerProjectIds: ["acme-sole-tenant"], loadBalancersTargetBackendPools: true, loadBalancersUnmanagedInstanceGroups: true } },
    { name: "castai-gke-project-wide", preset: "castai-gke", values: { projectId: GKE.projectId, clusterName: GKE.clusterName, location: GKE.location, castaiServiceAccount: GKE.castaiServiceAccount, allowProjectWideServiceAccountUse: true } },
    { name: "castai-aks-workload-identity", preset: "castai-aks", values: AKS_WI },
    { name: "castai-aks-client-secret", preset: "castai-aks", values: AKS_CS },
    { name: "castai-aks-client-secret-extra-groups", preset: "castai-aks", values: { ...AKS_CS, additionalResourceGroups: ["rg-net"] } },
    { name: "cloudpilot-eks-pod-identity", preset: "cloudpilot-eks", values: CLOUDPILOT },
    { name: "cloudpilot-eks-irsa", preset: "cloudpilot-eks", values: { ...CLOUDPILOT, trust: "irsa", oidcProviderArn: OIDC } },
    { name: "cloudpilot-eks-cross-account", preset: "cloudpilot-eks", values: { ...CLOUDPILOT, trust: "crossAccount", trustedPrincipalArn: "arn:aws:iam::210987654321:role/cloudpilot", externalId: "cp-ext-1" } },
    { name: "cloudpilot-alibaba-rrsa", preset: "cloudpilot-alibaba", values: { ...ALIBABA, accountId: "1234567890123456", oidcIssuerUrl: `https://oidc-ack-cn-hangzhou.oss-cn-hangzhou.aliyuncs.com/${ACK}` } },
    { name: "cloudpilot-alibaba-account", preset: "cloudpilot-alibaba", values: { ...ALIBABA, trust: "account", trustedAccountId: "5555666677778888", externalId: "cp-7f3e9a1c-ext" } },
    { name: "palette-aws-role", preset: "palette-aws", values: PALETTE },
    { name: "palette-aws-role-eks-stack", preset: "palette-aws", values: { ...PALETTE, eks: true, cloudFormationStack: true } },
    { name: "palette-aws-role-static-combined", preset: "palette-aws", values: { ...PALETTE, variant: "minimum-static", cloudFormationStack: true, hostResourceGroups: true, combinePolicies: true } },
    { name: "palette-aws-user-core-eks", preset: "palette-aws", values: { accountId: EKS.accountId, identity: "user", variant: "core", allowIamPrivilegeEscalation: true, eks: true, combinePolicies: true } },
    { name: "castai-kubernetes-default", preset: "castai-kubernetes", values: {} },
    { name: "castai-kubernetes-extended", preset: "castai-kubernetes", values: { extendedPermissions: true, components: ["agent", "operator"] } },
    { name: "castai-kubernetes-extended-opt-in", preset: "castai-kubernetes", values: { extendedPermissions: true, operatorClusterWidePodWrite: true } },
    { name: "cloudpilot-kubernetes-default", preset: "cloudpilot-kubernetes", values: {} },
    { name: "cloudpilot-kubernetes-optimizer", preset: "cloudpilot-kubernetes", values: { optimizer: true } },
];
