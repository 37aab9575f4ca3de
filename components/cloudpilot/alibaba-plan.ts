/**
 * The pure builder of CloudPilot AI on Alibaba Cloud: validated inputs → every name and RAM
 * document CloudPilotAlibabaAccess creates. No Pulumi imports.
 */
import { InputError, rejectUnknownKeys, requireMatch } from "../core";
import { ArgSpecs, OutputSpecs, argNames, outputArgs, readChoice } from "../core/spec";
import { rejectReservedNamespace, validateNamespace, validateObjectName } from "../kubernetes/validate";
import { RAM_LIMITS, RamStatement, buildRamStatements, ramPolicySize } from "../alicloud/policy";
import {
    validateAckClusterId, validateAlibabaAccountId, validateOidcIssuerUrl, validateRamExternalId, validateRamPolicyName, validateRamRoleName, validateAlicloudTags,
} from "../alicloud/validate";
import { serviceAccountUsername } from "../kubernetes/rbac";
import { CLOUDPILOT_ALIBABA_STATEMENTS } from "./alibaba-catalog";
import { CLOUDPILOT_NAMESPACE } from "./names";

export const CLOUDPILOT_ALIBABA_TRUSTS = ["rrsa", "account"] as const;
export type CloudPilotAlibabaTrust = typeof CLOUDPILOT_ALIBABA_TRUSTS[number];

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

/**
 * Every argument of CloudPilotAlibabaAccess, once: the preset's keys, `--help`, the docs' table,
 * the unknown-key check and the string inputs come from here (alibaba.ts checks it against the Args type).
 */
export const CLOUDPILOT_ALIBABA_ARGS = {
    clusterName: { type: "string", output: true, required: true,
        doc: "ACK cluster name (names the role and policy)",
    },
    internalClusterId: { type: "string", output: true, required: true,
        doc: "ACK cluster ID (`c` + 32 hex): scopes detaching, names the RRSA provider",
    },
    trust: { type: "string", choices: CLOUDPILOT_ALIBABA_TRUSTS, default: "rrsa",
        doc: "`rrsa` or `account`",
    },
    accountId: { type: "string", output: true, defaultText: "required for rrsa",
        doc: "Alibaba Cloud account of the cluster (10-20 digits)",
    },
    oidcIssuerUrl: { type: "string", output: true, defaultText: "required for rrsa",
        doc: "The cluster's RRSA OIDC issuer URL (`oidc:iss`)",
    },
    namespace: { type: "string", output: true, default: CLOUDPILOT_ALIBABA_NAMESPACE,
        doc: "Namespace of CloudPilot's optimizer (rrsa; assumption)",
    },
    serviceAccount: { type: "string", output: true, default: CLOUDPILOT_ALIBABA_SERVICE_ACCOUNT,
        doc: "Its service account (rrsa; assumption)",
    },
    trustedAccountId: { type: "string", output: true, defaultText: "required for account",
        doc: "Alibaba Cloud account that assumes the role",
    },
    externalId: { type: "string", output: true, secret: true, defaultText: "required for account",
        doc: "External ID CloudPilot gives you: the trust requires it (`sts:ExternalId`); secret (2-1224 letters, digits and `=,.@:/-_`)",
    },
    roleName: { type: "string", output: true, defaultText: "`CloudPilotAlibaba-<clusterName[:46], _ as ->`",
        doc: "RAM role name",
    },
    policyName: { type: "string", output: true, defaultText: "`CloudPilotAlibabaPolicy-<clusterName, _ as ->`",
        doc: "RAM policy name",
    },
    tags: { type: "object", typeText: "Input<Record<string, Input<string>>>",
        doc: "Tags for the role and the policy (RAM's rules, checked: at most 20; keys 1–128 not starting with `aliyun` or `acs:`; values up to 128 not starting with `acs:`; no `http://` or `https://`)",
    },
} as const satisfies ArgSpecs;

/** Every output of CloudPilotAlibabaAccess (the preset's stack outputs and the docs' table). */
export const CLOUDPILOT_ALIBABA_OUTPUTS = {
    roleArn: { doc: "RAM role ARN: give it to CloudPilot" },
    roleName: { doc: "RAM role name" },
    policyName: { doc: "Custom policy name" },
    trust: { doc: "The trust mode" },
    serviceAccountRef: { doc: "`namespace/name` trusted (rrsa)" },
    externalId: { doc: "The external ID the trust requires (account), secret" },
    ready: { doc: "Role ARN, once the policy is attached" },
} as const satisfies OutputSpecs;

export const CLOUDPILOT_ALIBABA_ARG_NAMES = argNames(CLOUDPILOT_ALIBABA_ARGS);

/** The string inputs that may arrive as Outputs (from another stack); everything else is plain. */
export const CLOUDPILOT_ALIBABA_STRING_ARGS = outputArgs(CLOUDPILOT_ALIBABA_ARGS);

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

/** Arguments that only one trust mode uses, in the order they are checked. */
const ONLY_FOR: readonly (readonly [keyof CloudPilotAlibabaPlainArgs, CloudPilotAlibabaTrust])[] = [
    ["accountId", "rrsa"], ["oidcIssuerUrl", "rrsa"], ["namespace", "rrsa"], ["serviceAccount", "rrsa"], ["trustedAccountId", "account"], ["externalId", "account"],
];

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
    const trustMode = readChoice<CloudPilotAlibabaTrust>(CLOUDPILOT_ALIBABA_ARGS, "trust", a.trust);
    for (const [key, mode] of ONLY_FOR) {
        if (a[key] !== undefined && mode !== trustMode) {
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
        namespace = a.namespace === undefined ? CLOUDPILOT_ALIBABA_ARGS.namespace.default : rejectReservedNamespace("namespace", validateNamespace("namespace", a.namespace));
        serviceAccount = a.serviceAccount === undefined ? CLOUDPILOT_ALIBABA_ARGS.serviceAccount.default : validateObjectName("serviceAccount", a.serviceAccount);
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
