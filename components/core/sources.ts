/**
 * The vendor repositories kubegrant's catalogs follow, each at the commit of its DEFAULT branch
 * that was last re-verified (issue 14). One place: a re-verification moves a commit here and every
 * `source` citing that repository follows. An unmerged branch is never a source.
 */
export const VENDOR_REPOS = {
    "castai/terraform-castai-aks": { branch: "main", commit: "2b5c894d4703ef4f06ff11337834bfa5df26c366" },
    "castai/terraform-castai-eks-role-iam": { branch: "master", commit: "38a3d522659cd1f532ede7bb8ef6374effacd50a" },
    "castai/terraform-castai-gke-iam": { branch: "main", commit: "294046a45ebe799f256fc4c9c75cd97b2ea2e1c4" },
    "castai/terraform-gke-iam-impersonate": { branch: "main", commit: "64f173e71e14a51b788f285412e0cdf67dc9a6c3" },
    "castai/terraform-provider-castai": { branch: "master", commit: "58fea27d74e9e2aa75ff47b3b902b6cfc1c33423" },
    "castai/helm-charts": { branch: "main", commit: "daa46281449593e410adc31f7fe169043c116895" },
    "castai/castware-operator": { branch: "main", commit: "19052ac1cbfdd6fd447a1bf1eaca27a3a50946fe" },
    "cloudpilot-ai/docs": { branch: "main", commit: "154f490d8e1635e3e8ecde9fc99f192358ae0205" },
    "castai/k8s-agent": { branch: "main", commit: "27ed37665455eca4838a4b4b0e9879913645f38e" },
    "aws/karpenter-provider-aws": { branch: "main", commit: "1d927085dd81a9df9301e613f371dac5b4d16bfe" },
} as const;
export type VendorRepo = keyof typeof VENDOR_REPOS;

/** `owner/name path @ branch commit[:12]`: the citation format of every vendor-code `source`. */
export function vendorSource(repo: VendorRepo, path: string): string {
    const r = VENDOR_REPOS[repo];
    return `${repo} ${path} @ ${r.branch} ${r.commit.slice(0, 12)}`;
}

/**
 * The seed documents (kubegrant's shared seeds/ directory) a `source` may cite as `seed <file>`:
 * each is a vendor's public documentation page, copied as text when kubegrant was written.
 */
export const SEED_DOCUMENTS: Readonly<Record<string, string>> = {
    "castai-cloud-permissions.txt": "Cast AI documentation, \"Cloud permissions\" (permissions setup used by cloud providers AWS, GCP, Azure)",
    "castai-gke-impersonation.txt": "Cast AI documentation, \"GKE service account impersonation\"",
    "castai-kubernetes-permissions.txt": "Cast AI documentation, \"Kubernetes permissions\" (service accounts and permissions of Cast AI's in-cluster components)",
    "cloudpilot-permissions.txt": "CloudPilot AI documentation, \"Permissions Required to Use CloudPilot AI\"",
    "palette-aws-iam-policies.txt": "Spectro Cloud Palette documentation, \"Required IAM Policies\" (AWS)",
};

/** A repository citation in a `source`: `owner/name path @ [branch ]commit` (vendorSource's format, or `@<hex>`). */
export const CITATION = /([A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+) ([^\s@]+) @ ?(?:([A-Za-z][\w.-]*) )?([0-9a-f]{7,40})\b/g;

/** The web address of a citation: the file at the commit (its directory when the path names several files, `{a,b}`). */
export function citationUrl(repo: string, path: string, commit: string): string {
    const known = (VENDOR_REPOS as Readonly<Record<string, { commit: string }>>)[repo]?.commit;
    const sha = known?.startsWith(commit) ? known : commit;
    const brace = path.indexOf("{");
    return brace < 0 ? `https://github.com/${repo}/blob/${sha}/${path}`
        : `https://github.com/${repo}/tree/${sha}/${path.slice(0, path.lastIndexOf("/", brace))}`;
}
