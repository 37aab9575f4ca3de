/**
 * The shape of an Azure permission catalog: one entry per role-definition action, with the
 * vendor feature that needs it, why, and its source; and the vendor's actions left out on purpose,
 * each with its reason. Pure: no Pulumi imports.
 */
import { Sourced } from "../core";

export interface ActionEntry extends Sourced {
    /** An Azure RBAC action, e.g. `Microsoft.Compute/disks/write` (wildcards allowed). */
    readonly action: string;
}

/** An action a vendor document lists that kubegrant does not grant, and why. */
export interface DroppedAction extends Sourced {
    readonly action: string;
}

/** Explanation keys for the markdown report: `azure-action:<action>`, `azure-dropped:<action>`. */
export function actionExplanations(granted: readonly ActionEntry[], dropped: readonly DroppedAction[]): [string, Sourced][] {
    return [
        ...granted.map((e) => [`azure-action:${e.action}`, e] as [string, Sourced]),
        ...dropped.map((e) => [`azure-dropped:${e.action}`, e] as [string, Sourced]),
    ];
}
