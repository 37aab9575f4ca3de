import { AKS_WI } from "./aks-values";
import { GKE } from "./gke-values";
import { EKS } from "./values";

const ACK = "c0123456789abcdef0123456789abcdef";

/**
 * Preset → the values of its keys (a preset added to the render contract needs one line here): the
 * root program's test deploys each, the review report's snapshots render each.
 */
export const PRESET_VALUES: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
    "castai-eks": EKS,
    "castai-gke": GKE,
    "castai-aks": AKS_WI,
    "castai-kubernetes": { extendedPermissions: true, components: ["agent", "operator"] },
    "cloudpilot-kubernetes": { optimizer: true },
    "cloudpilot-eks": { clusterName: "prod-eu", accountId: "123456789012", region: "eu-central-1" },
    "cloudpilot-alibaba": { clusterName: "prod-hz", internalClusterId: ACK, accountId: "1234567890123456", oidcIssuerUrl: `https://oidc-ack-cn-hangzhou.oss-cn-hangzhou.aliyuncs.com/${ACK}` },
    "palette-aws": { accountId: "123456789012", trustedAccountId: "111122223333", externalId: "palette-ext-7f3a", eks: true },
};
