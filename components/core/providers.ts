/**
 * The Pulumi provider packages (optional peers) each part of kubegrant loads. A part whose packages
 * are not all installed fails once, at import or construction, with one line naming every missing
 * package, instead of Node's `Cannot find module` for the first one (castai-aks needs two).
 */
import { InputError } from "./errors";

export const PROVIDER_PACKAGES = {
    alicloud: ["@pulumi/alicloud"],
    aws: ["@pulumi/aws"],
    azure: ["@pulumi/azure-native", "@pulumi/azuread"],
    gcp: ["@pulumi/gcp"],
    kubernetes: ["@pulumi/kubernetes"],
} as const;
export type ProviderCloud = keyof typeof PROVIDER_PACKAGES;

/** True when `pkg` resolves from kubegrant's own files, as its `require` would. */
function installed(pkg: string): boolean {
    try {
        require.resolve(pkg);
        return true;
    } catch {
        return false;
    }
}

/** The packages of `clouds` that are not installed, in the order given. */
export function missingProviders(clouds: readonly ProviderCloud[]): string[] {
    return [...new Set(clouds.flatMap((c) => PROVIDER_PACKAGES[c]))].filter((p) => !installed(p));
}

/**
 * Throws InputError `<key>: [<what> ]needs <pkg> and <pkg>, not installed: npm install <pkg> <pkg>`
 * when a package of `clouds` is missing (key `kubegrant/azure`, `preset` with what `castai-aks`, or `clusterRbac`).
 */
export function requireProviders(key: string, clouds: readonly ProviderCloud[], what?: string): void {
    const missing = missingProviders(clouds);
    if (missing.length > 0) {
        throw new InputError(key, `${what ? `${what} ` : ""}needs ${missing.join(" and ")}, not installed: npm install ${missing.join(" ")}`);
    }
}
