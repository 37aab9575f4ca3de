/**
 * The pure builder of CloudPilot AI on Alibaba Cloud: validated inputs → every name and RAM
 * document CloudPilotAlibabaAccess creates. No Pulumi imports.
 */
import { InputError, optionalChoice, rejectUnknownKeys, requireMatch } from "../core";
import { rejectReservedNamespace, validateNamespace, validateObjectName } from "../kubernetes/validate";
import { RAM_LIMITS, RamStatement, buildRamStatements, ramPolicySize } from "../alicloud/policy";
import {
    validateAckClusterId, validateAlibabaAccountId, validateOidcIssuerUrl, validateRamExternalId, validateRamPolicyName, validateRamRoleName, validateAlicloudTags,
} from "../alicloud/validate";
import { serviceAccountUsername } from "../kubernetes/rbac";
import { CLOUDPILOT_ALIBABA_STATEMENTS } from "./alibaba-catalog";
import { CLOUDPILOT_NAMESPACE } from "./names";

export type CloudPilotAlibabaTrust = "rrsa" | "account";
export const CLOUDPILOT_ALIBABA_TRUSTS: readonly CloudPilotAlibabaTrust[] = ["rrsa", "account"];

/** CloudPilot's namespace (cloudpilot-ai/docs permissions_required.mdx). Its use for RRSA on ACK is an assumption. */
export const CLOUDPILOT_ALIBABA_NAMESPACE = CLOUDPILOT_NAMESPACE;
/**
 * NOT documented by CloudPilot: assumed by analogy with the EKS optimizer's RBAC name
 * (`cloudpilot-aws-optimizer`). Check `kubectl -n cloudpilot get sa` and set serviceAccount.
 */
export const CLOUDPILOT_ALIBABA_SERVICE_ACCOUNT = "cloudpilot-alibaba-optimizer";

export interface CloudPilotAlibabaPlainArgs {
    readonly clusterName: string;
    readonly internalClusterId: string;
    readonly trust?: CloudPilotAlibabaTrust;
    readonly accountId?: string;
    readonly oidcIssuerUrl?: string;
    readonly namespace?: string;
    readonly serviceAccount?: string;
    readonly trustedAccountId?: string;
    readonly externalId?: string;
    readonly roleName?: string;
    readonly policyName?: string;
}

export const CLOUDPILOT_ALIBABA_ARG_NAMES: readonly string[] = [
    "clusterName", "internalClusterId", "trust", "accountId", "oidcIssuerUrl", "namespace", "serviceAccount",
    "trustedAccountId", "externalId", "roleName", "policyName", "tags",
];

export const CLOUDPILOT_ALIBABA_STRING_ARGS = [
    "clusterName", "internalClusterId", "accountId", "oidcIssuerUrl", "namespace", "serviceAccount", "trustedAccountId",
    "externalId", "roleName", "policyName",
] as const;

export interface CloudPilotAlibabaPlan {
    readonly trustMode: CloudPilotAlibabaTrust;
    readonly clusterName: string;
    readonly internalClusterId: string;
    readonly roleName: string;
    readonly policyName: string;
    /** `namespace/name` parts of the trusted service account (rrsa), else undefined. */
    readonly namespace?: string;
    readonly serviceAccount?: string;
    /** The external ID the account trust requires (account mode; secret). */
    readonly externalId?: string;
    readonly trust: readonly RamStatement[];
    readonly policy: readonly RamStatement[];
}

const ONLY_FOR: Record<string, CloudPilotAlibabaTrust> = {
    accountId: "rrsa", oidcIssuerUrl: "rrsa", namespace: "rrsa", serviceAccount: "rrsa", trustedAccountId: "account", externalId: "account",
};

/** Names derived from the cluster name keep to the RAM role and policy name rules (no `_`). */
function nameSafe(clusterName: string): string {
    return clusterName.replace(/_/g, "-");
}

/**
 * Validates `args` and returns everything CloudPilotAlibabaAccess creates. Throws InputError
 * naming the argument and the rule.
 */
export function planCloudPilotAlibaba(a: CloudPilotAlibabaPlainArgs): CloudPilotAlibabaPlan {
    rejectUnknownKeys(a, CLOUDPILOT_ALIBABA_ARG_NAMES, "CloudPilotAlibabaAccess");
    validateAlicloudTags("tags", (a as { tags?: unknown }).tags);
    const clusterName = requireMatch("clusterName", a.clusterName, /^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$/,
        "must be an ACK cluster name: 1-63 letters, digits, _ and -, starting with a letter or digit");
    const internalClusterId = validateAckClusterId("internalClusterId", a.internalClusterId);
    const trustMode = optionalChoice("trust", a.trust, CLOUDPILOT_ALIBABA_TRUSTS, "rrsa");
    for (const [key, mode] of Object.entries(ONLY_FOR)) {
        if ((a as unknown as Record<string, unknown>)[key] !== undefined && mode !== trustMode) {
            throw new InputError(key, `is only used when trust is "${mode}" (trust is "${trustMode}")`);
        }
    }
    const roleName = a.roleName === undefined ? `CloudPilotAlibaba-${nameSafe(clusterName).slice(0, RAM_LIMITS.roleName - 18)}`
        : validateRamRoleName("roleName", a.roleName);
    const policyName = a.policyName === undefined ? `CloudPilotAlibabaPolicy-${nameSafe(clusterName)}`
        : validateRamPolicyName("policyName", a.policyName);

    let trust: RamStatement[];
    let namespace: string | undefined;
    let serviceAccount: string | undefined;
    let externalId: string | undefined;
    if (trustMode === "rrsa") {
        if (a.accountId === undefined) throw new InputError("accountId", 'is required when trust is "rrsa" (the Alibaba Cloud account of the cluster)');
        if (a.oidcIssuerUrl === undefined) throw new InputError("oidcIssuerUrl", 'is required when trust is "rrsa" (the cluster\'s RRSA OIDC issuer URL)');
        const accountId = validateAlibabaAccountId("accountId", a.accountId);
        const issuer = validateOidcIssuerUrl("oidcIssuerUrl", a.oidcIssuerUrl);
        namespace = a.namespace === undefined ? CLOUDPILOT_ALIBABA_NAMESPACE : rejectReservedNamespace("namespace", validateNamespace("namespace", a.namespace));
        serviceAccount = a.serviceAccount === undefined ? CLOUDPILOT_ALIBABA_SERVICE_ACCOUNT : validateObjectName("serviceAccount", a.serviceAccount);
        trust = [{
            effect: "Allow",
            principals: [{ type: "Federated", identifiers: [`acs:ram::${accountId}:oidc-provider/ack-rrsa-${internalClusterId}`] }],
            actions: ["sts:AssumeRole"],
            conditions: [
                { test: "StringEquals", variable: "oidc:iss", values: [issuer] },
                { test: "StringEquals", variable: "oidc:aud", values: ["sts.aliyuncs.com"] },
                { test: "StringEquals", variable: "oidc:sub", values: [serviceAccountUsername(namespace, serviceAccount)] },
            ],
        }];
    } else {
        if (a.trustedAccountId === undefined) throw new InputError("trustedAccountId", 'is required when trust is "account" (the Alibaba Cloud account CloudPilot gives you)');
        const trusted = validateAlibabaAccountId("trustedAccountId", a.trustedAccountId);
        // A trust across accounts always carries an external ID (DESIGN "Secure by default"): without
        // one, anyone CloudPilot's account acts for could have it assume this role (confused deputy).
        // RAM trust policies take `sts:ExternalId`, matched against the ExternalId parameter of STS
        // AssumeRole (https://www.alibabacloud.com/help/en/ram/developer-reference/api-sts-2015-04-01-assumerole;
        // a RAM trust policy with this condition: https://docs.guance.com/en/management/aliyun-account).
        if (a.externalId === undefined || a.externalId === null || a.externalId === "") {
            throw new InputError("externalId", 'is required when trust is "account" (the external ID CloudPilot gives you: the role trusts its account only with it, against the confused deputy)');
        }
        externalId = validateRamExternalId("externalId", a.externalId);
        trust = [{
            effect: "Allow", principals: [{ type: "RAM", identifiers: [`acs:ram::${trusted}:root`] }], actions: ["sts:AssumeRole"],
            conditions: [{ test: "StringEquals", variable: "sts:ExternalId", values: [externalId] }],
        }];
    }
    const policy = buildRamStatements(CLOUDPILOT_ALIBABA_STATEMENTS, { internalClusterId });
    if (ramPolicySize(policy) > RAM_LIMITS.policyDocumentBytes) {
        throw new InputError("internalClusterId", `makes a RAM policy of ${ramPolicySize(policy)} bytes; RAM allows ${RAM_LIMITS.policyDocumentBytes}`);
    }
    return { trustMode, clusterName, internalClusterId, roleName, policyName, namespace, serviceAccount, externalId, trust, policy };
}
