/**
 * Trust-policy builders shared by the vendor plans: EKS Pod Identity, IRSA (the cluster's OIDC
 * provider) and cross-account with an external ID. Pure: no Pulumi imports.
 */
import { InputError, requireMatch, show } from "../core";
import { serviceAccountUsername } from "../core/kubernetes";
import { Condition, Statement } from "./policy";
import { Partition, servicePrincipal } from "./validate";

/** An IAM OIDC provider ARN; returns its partition, account and issuer (host/path, no scheme). */
export function validateOidcProviderArn(key: string, value: unknown): { partition: Partition; accountId: string; issuer: string } {
    const s = requireMatch(key, value, /^arn:(aws|aws-cn|aws-us-gov|aws-iso|aws-iso-b):iam::\d{12}:oidc-provider\/[A-Za-z0-9.-]+(\/[\w.-]+)*$/,
        "must be an IAM OIDC provider ARN such as arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-central-1.amazonaws.com/id/EXAMPLE");
    const [, partition, , , accountId, rest] = s.split(":");
    return { partition: partition as Partition, accountId, issuer: rest.slice("oidc-provider/".length) };
}

/** The cluster's own IAM OIDC provider: an ARN of `accountId` in `partition`. */
export function validateClusterOidcProvider(key: string, value: unknown, accountId: string, partition: Partition): { issuer: string } {
    const oidc = validateOidcProviderArn(key, value);
    if (oidc.accountId !== accountId || oidc.partition !== partition) {
        throw new InputError(key, `must be a provider of account ${accountId} in partition ${partition}, got ${show(value)}`);
    }
    return oidc;
}

/** `arn:<partition>:eks:<region>:<account>:cluster/<name>`. */
export function eksClusterArn(partition: Partition, region: string, accountId: string, clusterName: string): string {
    return `arn:${partition}:eks:${region}:${accountId}:cluster/${clusterName}`;
}

/**
 * EKS Pod Identity: the EKS Auth service assumes the role for pods of this account's `clusterArn`.
 * With `serviceAccount`, only for that one service account: the session tags EKS Pod Identity sets
 * (`kubernetes-namespace`, `kubernetes-service-account`, `eks-cluster-arn`) must name it, so an
 * association of another service account with this role cannot use it (Amazon EKS User Guide,
 * pod-id-role.html "Setting Conditions", and pod-id-abac.html for the tag list).
 */
export function podIdentityTrust(partition: Partition, accountId: string, clusterArn: string,
    serviceAccount?: { readonly namespace: string; readonly name: string }): Statement[] {
    const tags: Condition[] = serviceAccount === undefined ? [] : [
        { test: "StringEquals", variable: "aws:RequestTag/kubernetes-namespace", values: [serviceAccount.namespace] },
        { test: "StringEquals", variable: "aws:RequestTag/kubernetes-service-account", values: [serviceAccount.name] },
        { test: "StringEquals", variable: "aws:RequestTag/eks-cluster-arn", values: [clusterArn] },
    ];
    return [{
        sid: "AllowEksAuthToAssumeRoleForPodIdentity",
        effect: "Allow",
        principals: [{ type: "Service", identifiers: [servicePrincipal("pods.eks", partition)] }],
        actions: ["sts:AssumeRole", "sts:TagSession"],
        conditions: [
            { test: "StringEquals", variable: "aws:SourceAccount", values: [accountId] },
            { test: "ArnEquals", variable: "aws:SourceArn", values: [clusterArn] },
            ...tags,
        ],
    }];
}

/** IRSA: tokens of one service account, issued by the cluster's OIDC provider, for STS. */
export function irsaTrust(oidcProviderArn: string, issuer: string, namespace: string, serviceAccount: string): Statement[] {
    return [{
        sid: "AllowServiceAccountWebIdentity",
        effect: "Allow",
        principals: [{ type: "Federated", identifiers: [oidcProviderArn] }],
        actions: ["sts:AssumeRoleWithWebIdentity"],
        conditions: [
            { test: "StringEquals", variable: `${issuer}:sub`, values: [serviceAccountUsername(namespace, serviceAccount)] },
            { test: "StringEquals", variable: `${issuer}:aud`, values: ["sts.amazonaws.com"] },
        ],
    }];
}

/**
 * Cross-account: one principal, only with the external ID. `sid` null writes none, as a vendor's
 * own template does (Cast AI's).
 */
export function externalIdTrust(principalArn: string, externalId: string, sid: string | null = "AllowVendorWithExternalId"): Statement[] {
    return [{
        ...(sid === null ? {} : { sid }),
        effect: "Allow",
        principals: [{ type: "AWS", identifiers: [principalArn] }],
        actions: ["sts:AssumeRole"],
        conditions: [{ test: "StringEquals", variable: "sts:ExternalId", values: [externalId] }],
    }];
}

/**
 * A node role's trust: EC2 instances assume it (`actions`: Cast AI's template adds sts:TagSession).
 * No Sid, as the vendors' templates write it.
 */
export function nodeRoleTrust(partition: Partition, actions: readonly string[] = ["sts:AssumeRole"]): Statement[] {
    return [{
        effect: "Allow",
        principals: [{ type: "Service", identifiers: [servicePrincipal("ec2", partition)] }],
        actions,
    }];
}
