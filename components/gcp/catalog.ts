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

const BUILT = new WeakMap<readonly PermissionEntry[], Map<string, readonly string[]>>();

/** The permissions of every entry that applies, de-duplicated and sorted (a stable role definition). */
export function buildPermissions(catalog: readonly PermissionEntry[], switches: Switches): string[] {
    // A fleet's clusters share a few switch settings: sort each catalog's set once per setting.
    const key = JSON.stringify(Object.entries(switches).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    const byKey = BUILT.get(catalog) ?? new Map<string, readonly string[]>();
    BUILT.set(catalog, byKey);
    let built = byKey.get(key);
    if (built === undefined) {
        built = [...new Set(catalog.filter((e) => applies(e, switches)).flatMap((e) => e.permissions))].sort();
        if (byKey.size < 256) byKey.set(key, built);
    }
    return [...built];
}
