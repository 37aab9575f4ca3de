/**
 * Kubernetes names that more than one layer writes: the clouds' OIDC trusts (aws/trust.ts, a
 * vendor's Alibaba trust) name a service account exactly as the cluster's authorizer does
 * (kubernetes/authorize.ts). Pure: no Pulumi imports.
 */

/** `system:serviceaccount:<namespace>:<name>`: the username (and the cloud-side OIDC `sub`) of a service account. */
export function serviceAccountUsername(namespace: string, name: string): string {
    return `system:serviceaccount:${namespace}:${name}`;
}
