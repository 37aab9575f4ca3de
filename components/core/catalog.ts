/**
 * What every catalog entry carries, whatever the cloud: the vendor feature that needs it, why,
 * and the vendor document or code it comes from. Reviewers read these in the markdown report.
 */
export interface Sourced {
    /** The vendor feature that needs this grant, e.g. `node autoscaling`. */
    readonly feature: string;
    /** Why the vendor needs it, and why it is scoped the way it is. */
    readonly why: string;
    /** Where it comes from: a seed document section, or a vendor repository path. */
    readonly source: string;
    /**
     * Set only on a grant that holds a known escalation path (DESIGN "Secure by default"), which
     * kubegrant grants only on an opt-in named for the risk: what it allows. The markdown report
     * lists every such grant of a render under "## Risks".
     */
    readonly risk?: string;
}

/** One catalog entry named so a reviewer can find it in its catalog, with its sourcing. */
export interface NamedEntry extends Sourced {
    readonly name: string;
}

/** Entries named by `name`, keeping only their sourcing (and risk). */
export function namedEntries<T extends Sourced>(entries: readonly T[], name: (e: T) => string): NamedEntry[] {
    return entries.map((e) => ({ name: name(e), feature: e.feature, why: e.why, source: e.source, ...(e.risk === undefined ? {} : { risk: e.risk }) }));
}

/**
 * What a vendor's catalog for one target says about itself, for tools that read every catalog
 * (the fidelity table, the policy pack's wildcard list): a vendor's catalog file exports one, and
 * the preset registry finds it, so adding a vendor adds no line to those tools.
 */
export interface CatalogCard {
    readonly vendor: string;
    readonly target: string;
    /** The catalog file, from the package root. */
    readonly file: string;
    readonly items: readonly NamedEntry[];
    /** Vendor items kubegrant leaves out on purpose. */
    readonly removals: readonly NamedEntry[];
    /** Every action or permission string the catalog may grant. */
    readonly actions: readonly string[];
}
