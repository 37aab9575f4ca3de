/**
 * Cast AI on GKE written by hand with @pulumi/gcp: the 8 resources kubegrant's castai-gke registers
 * with default arguments (impersonation, no components), same names and inputs.
 */
import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import { createHash } from "crypto";
import type { GkeValues } from "./fleet";
import { loadTemplates } from "./template";

const T = loadTemplates("castai-gke") as { permissions: string[] };

/** With `parent` (the bench's `shell` side), every resource is its child, as kubegrant parents them. */
export function handGke(name: string, v: GkeValues, parent?: pulumi.Resource): void {
    const opts = parent && { parent };
    // Account and role IDs must be unique per cluster and short: Cast AI's onboarding uses a hash of the cluster name.
    const hash = createHash("sha1").update(v.clusterName).digest("hex").slice(0, 8);
    for (const api of ["cloudresourcemanager", "serviceusage"]) {
        new gcp.projects.Service(`${name}-access-api-${api}`, {
            project: v.projectId, service: `${api}.googleapis.com`, disableOnDestroy: false, disableDependentServices: false,
        }, opts);
    }
    const account = new gcp.serviceaccount.Account(`${name}-access`, {
        project: v.projectId, accountId: `castai-gke-${hash}`, displayName: `Cast AI: ${v.clusterName}`,
        description: `Cast AI manages GKE cluster ${v.clusterName} (${v.location}) as this account (kubegrant)`,
    }, opts);
    const role = new gcp.projects.IAMCustomRole(`${name}-access-role`, {
        project: v.projectId, roleId: `castai.gkeAccess.${hash}`, title: "Role to manage GKE cluster via CAST AI",
        description: `Cast AI manages GKE cluster ${v.clusterName} (${v.location}) (kubegrant)`, permissions: T.permissions, stage: "GA",
    }, opts);
    const castai = `serviceAccount:${v.castaiServiceAccount}`;
    new gcp.serviceaccount.IAMMember(`${name}-access-token-creator`, {
        serviceAccountId: account.name, role: "roles/iam.serviceAccountTokenCreator", member: castai,
    }, opts);
    new gcp.serviceaccount.IAMMember(`${name}-access-impersonation-user`, {
        serviceAccountId: account.name, role: "roles/iam.serviceAccountUser", member: castai,
        condition: {
            title: "SpecificServiceAccountCondition", description: "Allow impersonation only for Cast AI service account",
            expression: `request.auth.claims.email == "${v.castaiServiceAccount}"`,
        },
    }, opts);
    const self = pulumi.interpolate`serviceAccount:${account.email}`;
    new gcp.projects.IAMMember(`${name}-access-sa-user`, {
        project: v.projectId, role: "roles/iam.serviceAccountUser", member: self,
        condition: {
            title: "castai_node_service_accounts_only",
            description: `Cast AI may act only as the ${v.nodeServiceAccountIds.length} node pool service account(s) of cluster ${v.clusterName}`,
            expression: v.nodeServiceAccountIds.map((id) => `resource.name.startsWith("projects/-/serviceAccounts/${id}")`).join(" || "),
        },
    }, opts);
    new gcp.projects.IAMMember(`${name}-access-gke-access`, { project: v.projectId, role: role.name, member: self }, opts);
}
