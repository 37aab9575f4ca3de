/**
 * Cast AI on EKS written by hand with @pulumi/aws: the 14 resources kubegrant's castai-eks
 * registers with default arguments (no components), same names and inputs; the policy documents
 * are JSON templates (templates/castai-eks.json).
 */
import * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
import type { EksValues } from "./fleet";
import { fill, loadTemplates } from "./template";

const T = loadTemplates("castai-eks") as Record<"trust" | "nodeTrust" | "policy" | "restricted" | "nodeInline", string>;

/** AWS-managed policies: resource-name suffix (a hash of the path, as kubegrant names them) and path. */
const NODE_MANAGED = [
    ["23c1b815", "AmazonEKSWorkerNodePolicy"], ["b3956be6", "AmazonEC2ContainerRegistryReadOnly"], ["ba5eea0d", "AmazonEKS_CNI_Policy"],
    ["e4109a22", "service-role/AmazonEBSCSIDriverPolicy"], ["c3ddac1b", "AmazonSSMManagedInstanceCore"],
] as const;
const ACCESS_MANAGED = [["73c39032", "AmazonEC2ReadOnlyAccess"], ["3bd83497", "IAMReadOnlyAccess"]] as const;

/** With `parents` (the bench's `shell` side), each role's resources are children of that component, as kubegrant parents them. */
export function handEks(name: string, v: EksValues, parents?: { readonly node: pulumi.Resource; readonly access: pulumi.Resource }): void {
    const vars = { ...v };
    const nodeOpts = parents && { parent: parents.node };
    const accessOpts = parents && { parent: parents.access };
    const nodeRoleName = `castai-eks-instance-${v.clusterName}`;
    const node = new aws.iam.Role(`${name}-node`, {
        name: nodeRoleName, description: "Nodes launched by Cast AI (kubegrant)", assumeRolePolicy: T.nodeTrust,
    }, nodeOpts);
    for (const [hash, path] of NODE_MANAGED) {
        new aws.iam.RolePolicyAttachment(`${name}-node-${hash}`, { role: node.name, policyArn: `arn:aws:iam::aws:policy/${path}` }, nodeOpts);
    }
    new aws.iam.RolePolicy(`${name}-node-inline`, { name: "CastEKSNodeAccess", role: node.name, policy: T.nodeInline }, nodeOpts);
    new aws.iam.InstanceProfile(`${name}-node`, { name: nodeRoleName, role: node.name }, nodeOpts);

    const access = new aws.iam.Role(`${name}-access`, {
        name: `castai-eks-${v.clusterName}`, description: "Assumed by Cast AI to manage the cluster (kubegrant)", assumeRolePolicy: fill(T.trust, vars),
    }, accessOpts);
    const policy = new aws.iam.Policy(`${name}-access-policy`, {
        name: `CastEKSPolicy-${v.clusterName}`, description: "Cast AI node provisioning (kubegrant)", policy: fill(T.policy, vars),
    }, accessOpts);
    for (const [hash, path] of ACCESS_MANAGED) {
        new aws.iam.RolePolicyAttachment(`${name}-access-${hash}`, { role: access.name, policyArn: `arn:aws:iam::aws:policy/${path}` }, accessOpts);
    }
    new aws.iam.RolePolicyAttachment(`${name}-access-57fa5591`, { role: access.name, policyArn: policy.arn }, accessOpts);
    new aws.iam.RolePolicy(`${name}-access-restricted`, { name: "CastEKSRestrictedAccess", role: access.name, policy: fill(T.restricted, vars) }, accessOpts);
}
