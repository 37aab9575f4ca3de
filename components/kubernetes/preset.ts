/**
 * The preset of a vendor's in-cluster RBAC component (castai-kubernetes, cloudpilot-kubernetes):
 * its keys, its catalog's rules as explanations for the review report, and the outputs every
 * ClusterRbacComponent has. Loaded only by the render CLI and the root program.
 */
import type * as pulumi from "@pulumi/pulumi";
import { ArgSpecs, OutputSpecs } from "../core/spec";
import { Preset, presetKeys, presetOutputs } from "../core/preset";
import { ClusterRbacComponent } from "./bundle";
import { ruleExplanations } from "./catalog";
import { RuleEntry } from "./rbac";

export interface ClusterRbacPresetDef<C extends string> {
    readonly name: string;
    readonly title: string;
    /** The component's spec: its arguments (the preset's keys) and its outputs. */
    readonly spec: { readonly args: ArgSpecs; readonly outputs: OutputSpecs };
    /** The catalog: each rule's entry explains it in the review report (`k8s-rule:<id>`, from annotation `kubegrant.io/rules`). */
    readonly entries: readonly RuleEntry[];
    create(name: string, values: Readonly<Record<string, unknown>>, opts?: pulumi.ComponentResourceOptions): ClusterRbacComponent<C>;
}

export function clusterRbacPreset<C extends string>(def: ClusterRbacPresetDef<C>): Preset {
    return {
        name: def.name,
        title: def.title,
        keys: presetKeys(def.spec.args),
        spec: def.spec,
        explanations: ruleExplanations(def.entries),
        mockOptions: () => ({}),
        create(name, values, opts) {
            const c = def.create(name, values, opts);
            return { component: c, outputs: presetOutputs(c, def.spec.outputs, values) };
        },
    };
}
