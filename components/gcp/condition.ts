/** IAM conditions (CEL) kubegrant generates for GCP bindings, built from validated values only. */

/** An IAM condition as GCP takes it. */
export interface IamCondition {
    readonly title: string;
    readonly description: string;
    /** A CEL expression. */
    readonly expression: string;
}

/** A CEL string literal. Values reach here validated (no quotes or backslashes); escaping is a second guard. */
export function celString(value: string): string {
    return JSON.stringify(value);
}

/** True only for requests on the listed service accounts (by unique ID), as `resource.name` names them. */
export function serviceAccountsCondition(uniqueIds: readonly string[]): string {
    return uniqueIds.map((id) => `resource.name.startsWith(${celString(`projects/-/serviceAccounts/${id}`)})`).join(" || ");
}

/** True only for requests made by the identity with this e-mail. */
export function callerEmailCondition(email: string): string {
    return `request.auth.claims.email == ${celString(email)}`;
}

/** The Workload Identity member of a Kubernetes service account. */
export function workloadIdentityMember(projectId: string, namespace: string, name: string): string {
    return `serviceAccount:${projectId}.svc.id.goog[${namespace}/${name}]`;
}
