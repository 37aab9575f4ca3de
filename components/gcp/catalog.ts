/** The shape of a GCP permission catalog: permissions grouped by the vendor feature that needs them. */
import { Sourced } from "../core";

/** Switch values of a catalog's optional sets, by switch name. */
export type Switches = Readonly<Record<string, boolean>>;

export interface PermissionEntry extends Sourced {
    /** IAM permissions, e.g. `compute.instances.create`. */
    readonly permissions: readonly string[];
    /** Included only when every switch named here has this value. @default always included */
    readonly when?: Switches;
}

function applies(entry: PermissionEntry, switches: Switches): boolean {
    return Object.entries(entry.when ?? {}).every(([k, v]) => (switches[k] ?? false) === v);
}

/** The permissions of every entry that applies, de-duplicated and sorted (a stable role definition). */
export function buildPermissions(catalog: readonly PermissionEntry[], switches: Switches): string[] {
    const all = catalog.filter((e) => applies(e, switches)).flatMap((e) => e.permissions);
    return [...new Set(all)].sort();
}
