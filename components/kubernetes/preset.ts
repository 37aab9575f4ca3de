/**
 * The preset of a vendor's in-cluster RBAC component (castai-kubernetes, cloudpilot-kubernetes):
 * its keys, its catalog's rules as explanations for the review report, and the outputs every
 * ClusterRbacComponent has. Loaded only by the render CLI and the root program.
 */
import type * as pulumi from "@pulumi/pulumi";
import { ArgSpecs, OutputSpecs } from "../core/spec";
import { Preset, definePreset } from "../core/preset";
import { ruleExplanations } from "./catalog";
import { RuleEntry } from "./rbac";

export interface ClusterRbacPresetDef<A> {
    readonly name: string;
    readonly title: string;
    /** The component's spec: its arguments (the preset's keys) and its outputs. */
    readonly args: ArgSpecs;
    readonly outputs: OutputSpecs;
    /** The catalog: each rule's entry explains it in the review report (`k8s-rule:<id>`, from annotation `kubegrant.io/rules`). */
    readonly entries: readonly RuleEntry[];
    readonly component: new (name: string, args: A, opts?: pulumi.ComponentResourceOptions) => pulumi.ComponentResource;
}

export function clusterRbacPreset<A>(def: ClusterRbacPresetDef<A>): Preset {
    const { entries, ...rest } = def;
    return definePreset<A>({ ...rest, explanations: ruleExplanations(entries) });
}
