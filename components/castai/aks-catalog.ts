/**
 * Cast AI on Azure: every action of the custom role `CastAKSRole-<cluster ID[:8]>`, as data. The
 * role is assignable to, and assigned at, the cluster's resource group, its node resource group
 * and any additional groups only. Sources: the seed (../shared/seeds/castai-cloud-permissions.txt,
 * "Azure", 36 actions) and Cast AI's Terraform module castai/terraform-castai-aks iam.tf on its
 * default branch (the same 36 actions, in the same order). `managedClusters/start|stop/action`
 * stay: only an unmerged branch of the module drops them, and an unmerged branch is never a source.
 */
import { vendorSource } from "../core/sources";
import { ActionEntry, DroppedAction } from "../azure/catalog";
import { CatalogCard, namedEntries } from "../core/catalog";

const SEED = "seed castai-cloud-permissions.txt, Azure CastAKSRole";
const BOTH = `${SEED}; ${vendorSource("castai/terraform-castai-aks", "iam.tf")}`;

const e = (action: string, feature: string, why: string, source = BOTH): ActionEntry => ({ action, feature, why, source });

export const CASTAI_AKS_ACTIONS: readonly ActionEntry[] = [
    e("Microsoft.Compute/*/read", "inventory", "Reads VMs, scale sets, disks, images, galleries and SKUs to pick instance types and see the nodes it manages. Read-only, limited to the assigned resource groups."),
    e("Microsoft.Compute/virtualMachines/*", "node provisioning", "Creates, starts, deallocates and deletes the standalone VMs Cast AI adds as nodes. Wildcard as the vendor lists it; bounded by the resource groups the role is assigned at."),
    e("Microsoft.Compute/virtualMachineScaleSets/*", "node provisioning", "Scales and updates the node pools' scale sets and their instances (add, drain and remove nodes). Wildcard as the vendor lists it; bounded by the assigned resource groups."),
    e("Microsoft.Compute/disks/write", "node provisioning", "Creates and resizes the OS and data disks of nodes it launches."),
    e("Microsoft.Compute/disks/delete", "node provisioning", "Deletes the disks of nodes it removes, so no orphaned disk keeps costing."),
    e("Microsoft.Compute/disks/beginGetAccess/action", "node images", "Gets a temporary read SAS for a disk, to copy a node's OS disk into an image version."),
    e("Microsoft.Compute/galleries/write", "node images", "Creates the compute gallery that holds the node images Cast AI builds from the cluster's node image."),
    e("Microsoft.Compute/galleries/delete", "node images", "Removes that gallery when it is no longer used."),
    e("Microsoft.Compute/galleries/images/write", "node images", "Creates image definitions in the gallery."),
    e("Microsoft.Compute/galleries/images/delete", "node images", "Removes image definitions it created."),
    e("Microsoft.Compute/galleries/images/versions/write", "node images", "Publishes image versions that new nodes boot from."),
    e("Microsoft.Compute/galleries/images/versions/delete", "node images", "Removes outdated image versions."),
    e("Microsoft.Compute/snapshots/write", "node images", "Snapshots a node's OS disk as the source of an image version."),
    e("Microsoft.Compute/snapshots/delete", "node images", "Removes those snapshots once the image version exists."),
    e("Microsoft.Network/*/read", "inventory", "Reads virtual networks, subnets, NICs, load balancers and security groups nodes are attached to. Read-only, limited to the assigned resource groups."),
    e("Microsoft.Network/networkInterfaces/write", "node provisioning", "Creates the network interface of each node it launches."),
    e("Microsoft.Network/networkInterfaces/delete", "node provisioning", "Deletes the network interface of each node it removes."),
    e("Microsoft.Network/networkInterfaces/join/action", "node provisioning", "Attaches that network interface to the node's VM."),
    e("Microsoft.Network/networkSecurityGroups/join/action", "node provisioning", "Puts node NICs into the cluster's network security group."),
    e("Microsoft.Network/virtualNetworks/subnets/join/action", "node provisioning", "Places node NICs into the cluster's subnets. Only subnets in the assigned resource groups (add the VNet's group to additionalResourceGroups when it lives elsewhere)."),
    e("Microsoft.Network/applicationGateways/backendhealth/action", "load balancing", "Reads application gateway back-end health to drain nodes safely."),
    e("Microsoft.Network/applicationGateways/backendAddressPools/join/action", "load balancing", "Adds new nodes to application gateway back-end pools, as the AKS node pools they replace were."),
    e("Microsoft.Network/applicationSecurityGroups/joinIpConfiguration/action", "node provisioning", "Puts node IP configurations into the application security groups of the node pool."),
    e("Microsoft.Network/loadBalancers/backendAddressPools/write", "load balancing", "Updates the cluster load balancer's back-end pools as nodes come and go."),
    e("Microsoft.Network/loadBalancers/backendAddressPools/join/action", "load balancing", "Joins new node NICs to the cluster load balancer's back-end pools."),
    e("Microsoft.ContainerService/*/read", "inventory", "Reads the AKS cluster and its agent pools (versions, node images, settings) to build matching nodes."),
    e("Microsoft.ContainerService/managedClusters/start/action", "cluster start", "Starts the managed cluster it (or the user, through Cast AI) stopped. Listed by the seed and by the module's default-branch role; the role is assignable to the cluster's own resource groups only, so no other cluster can be started."),
    e("Microsoft.ContainerService/managedClusters/stop/action", "cluster stop", "Stops the managed cluster. Listed by the seed and by the module's default-branch role (an unmerged branch drops it, which is not a source). No escalation: it changes no identity or role; the role is assignable to the cluster's own resource groups only."),
    e("Microsoft.ContainerService/managedClusters/runCommand/action", "node bootstrap", "Runs commands in the cluster through the AKS API when setting up nodes it launches."),
    e("Microsoft.ContainerService/managedClusters/agentPools/*", "node pools", "Creates, scales and deletes the agent pools Cast AI manages. Wildcard as the vendor lists it (its older list had agentPools/write only)."),
    e("Microsoft.Resources/*/read", "inventory", "Reads resource groups, deployments and tags of the assigned groups."),
    e("Microsoft.Resources/tags/write", "node tagging", "Tags the resources it creates so it can find and clean them up."),
    e("Microsoft.Authorization/locks/read", "permission self-check", "Reads management locks that would make a delete fail, to report them instead of retrying."),
    e("Microsoft.Authorization/roleAssignments/read", "permission self-check", "Checks that its role is assigned where it needs it."),
    e("Microsoft.Authorization/roleDefinitions/read", "permission self-check", "Checks its role's actions against what it needs."),
    e("Microsoft.ManagedIdentity/userAssignedIdentities/assign/action", "node provisioning", "Assigns the node pool's kubelet identity to the VMs it launches. Only identities in the assigned resource groups."),
];

/**
 * Actions the vendor's wildcards (`virtualMachines/*`, `virtualMachineScaleSets/*`) include that
 * kubegrant subtracts (the role's notActions): run command executes a script on a node VM, as root,
 * with the VM's managed identities (the kubelet identity), a known escalation path (DESIGN "Secure by
 * default"). No Cast AI feature in the seed or the module names VM run command; its node bootstrap
 * uses the AKS API's managedClusters/runCommand, which stays granted.
 */
export const CASTAI_AKS_NOT_ACTIONS: readonly ActionEntry[] = [
    "Microsoft.Compute/virtualMachines/runCommand/action",
    "Microsoft.Compute/virtualMachines/runCommands/write",
    "Microsoft.Compute/virtualMachineScaleSets/virtualMachines/runCommand/action",
    "Microsoft.Compute/virtualMachineScaleSets/virtualMachines/runCommands/write",
].map((action) => ({
    action, feature: "not granted: run command on node VMs",
    why: "Included in the vendor's Compute wildcards, subtracted: run command runs code on a node VM with its managed identities, which no Cast AI feature needs.",
    source: `${BOTH} (wildcards); kubegrant (secure by default)`,
}));

/** Actions of the seed that kubegrant does not grant, with the reason: none (the default branch grants all 36). */
export const CASTAI_AKS_DROPPED: readonly DroppedAction[] = [];

/** This catalog as the fidelity table and the policy pack read it. */
export const CASTAI_AKS_CARD: CatalogCard = {
    vendor: "Cast AI", target: "Azure", file: "components/castai/aks-catalog.ts",
    items: namedEntries(CASTAI_AKS_ACTIONS, (e) => e.action),
    removals: namedEntries(CASTAI_AKS_DROPPED, (e) => e.action),
    actions: [...CASTAI_AKS_ACTIONS, ...CASTAI_AKS_NOT_ACTIONS].map((e) => e.action),
};
