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
     * Set only on a grant that holds a known escalation path and is therefore opt-in: what it lets
     * the vendor do beyond its job. The markdown report lists every rendered entry carrying one
     * under "## Risks".
     */
    readonly risk?: string;
}
