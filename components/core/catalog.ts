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
