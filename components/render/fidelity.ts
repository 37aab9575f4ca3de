/**
 * The fidelity table (docs/fidelity.md), generated from the catalogs: per vendor × target, how many
 * entries come from the seed, which are additions from the vendor's code (with their cited source),
 * which entries' `why` records a departure from a vendor source, and which vendor items are left out
 * on purpose. `npm run fidelity` writes it; tests/fidelity.test.ts checks the committed file matches.
 * Pure: it reads only the catalogs.
 */
import * as fs from "fs";
import * as path from "path";
import { Sourced } from "../core";
import { VENDOR_REPOS } from "../core/sources";
import { CASTAI_EKS_MANAGED_POLICIES, CASTAI_EKS_STATEMENTS } from "../castai/eks-catalog";
import { CASTAI_GKE_PERMISSIONS, CASTAI_GKE_ROLES } from "../castai/gke-catalog";
import { CASTAI_AKS_ACTIONS, CASTAI_AKS_DROPPED } from "../castai/aks-catalog";
import { CASTAI_RBAC_ENTRIES } from "../castai/cluster-rbac-catalog";
import { CLOUDPILOT_EKS_MANAGED_POLICIES, CLOUDPILOT_EKS_STATEMENTS } from "../cloudpilot/eks-catalog";
import { CLOUDPILOT_ALIBABA_STATEMENTS } from "../cloudpilot/alibaba-catalog";
import { CLOUDPILOT_RBAC_ENTRIES } from "../cloudpilot/cluster-rbac-catalog";
import { PALETTE_AWS_POLICIES } from "../palette/aws-catalog";

/** One catalog entry as the table sees it: a name a reviewer can find in the catalog, and its sourcing. */
interface Item extends Sourced {
    readonly name: string;
}

/** A vendor item kubegrant leaves out on purpose, named as an Item is. */
type Removal = Item;

interface Row {
    readonly vendor: string;
    readonly target: string;
    readonly preset: string;
    readonly catalog: string;
    readonly items: readonly Item[];
    readonly removals: readonly Removal[];
}

const FROM_SEED = /\bseed\b/;
/** Words with which a `why` records where kubegrant departs from a vendor source. */
const DEPARTURE = /\b(Departure|Narrowed|narrowed|left out|leaves? (?:them|it) out|dropped|drops|kubegrant keeps|kubegrant follows|RISK)\b/;

const named = <T extends Sourced>(entries: readonly T[], name: (e: T) => string): Item[] =>
    entries.map((e) => ({ name: name(e), feature: e.feature, why: e.why, source: e.source }));

export const FIDELITY_ROWS: readonly Row[] = [
    {
        vendor: "Cast AI", target: "AWS", preset: "castai-eks", catalog: "components/castai/eks-catalog.ts",
        items: [...named(CASTAI_EKS_STATEMENTS, (e) => `${e.sid} (${e.document})`), ...named(CASTAI_EKS_MANAGED_POLICIES, (e) => `${e.path} (${e.target})`)],
        removals: [],
    },
    {
        vendor: "Cast AI", target: "GCP", preset: "castai-gke", catalog: "components/castai/gke-catalog.ts",
        items: [
            ...named(CASTAI_GKE_PERMISSIONS, (e) => e.permissions.length === 1 ? e.permissions[0] : `${e.permissions[0]} (+${e.permissions.length - 1})`),
            ...named(Object.entries(CASTAI_GKE_ROLES).map(([k, e]) => ({ ...e, key: k })), (e) => `${e.key} (binding)`),
        ],
        removals: [],
    },
    {
        vendor: "Cast AI", target: "Azure", preset: "castai-aks", catalog: "components/castai/aks-catalog.ts",
        items: named(CASTAI_AKS_ACTIONS, (e) => e.action),
        removals: named(CASTAI_AKS_DROPPED, (e) => e.action),
    },
    {
        vendor: "Cast AI", target: "Kubernetes", preset: "castai-kubernetes", catalog: "components/castai/cluster-rbac-catalog.ts",
        items: named(CASTAI_RBAC_ENTRIES, (e) => e.id),
        removals: [],
    },
    {
        vendor: "CloudPilot AI", target: "AWS", preset: "cloudpilot-eks", catalog: "components/cloudpilot/eks-catalog.ts",
        items: [...named(CLOUDPILOT_EKS_STATEMENTS, (e) => `${e.sid} (${e.document})`), ...named(CLOUDPILOT_EKS_MANAGED_POLICIES, (e) => `${e.path} (${e.target})`)],
        removals: [],
    },
    {
        vendor: "CloudPilot AI", target: "Alibaba Cloud", preset: "cloudpilot-alibaba", catalog: "components/cloudpilot/alibaba-catalog.ts",
        items: named(CLOUDPILOT_ALIBABA_STATEMENTS, (e) => `${e.actions[0]} (+${e.actions.length - 1})`),
        removals: [],
    },
    {
        vendor: "CloudPilot AI", target: "Kubernetes", preset: "cloudpilot-kubernetes", catalog: "components/cloudpilot/cluster-rbac-catalog.ts",
        items: named(CLOUDPILOT_RBAC_ENTRIES, (e) => e.id),
        removals: [],
    },
    {
        vendor: "Spectro Cloud Palette", target: "AWS", preset: "palette-aws", catalog: "components/palette/aws-catalog.ts",
        items: named(PALETTE_AWS_POLICIES, (e) => e.name),
        removals: [],
    },
];

/** The sentences of `why` that record a departure. */
function departureText(why: string): string {
    return why.split(/(?<=\.)\s+/).filter((s) => DEPARTURE.test(s)).join(" ");
}

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

/** The commits a set of sources cites: `@ <branch> <12 hex>` (kubegrant's format) or `@<8+ hex>`. */
function commits(items: readonly Sourced[]): string[] {
    const out = new Set<string>();
    for (const i of items) {
        for (const m of i.source.matchAll(/([\w.-]+\/[\w.-]+) \S+ @ (?:main|master) ([0-9a-f]{12})/g)) out.add(`${m[1]}@${m[2]}`);
        for (const m of i.source.matchAll(/@([0-9a-f]{8,40})\b/g)) out.add(`@${m[1]}`);
    }
    return [...out].sort();
}

/** docs/fidelity.md, as generated from the catalogs. */
export function fidelityMarkdown(): string {
    const lines: string[] = [
        "# Fidelity: every departure from the vendors' sources, in one place",
        "",
        "Generated by `npm run fidelity` from the catalogs (components/render/fidelity.ts); tests/fidelity.test.ts",
        "fails when this file and the catalogs differ. Do not edit by hand.",
        "",
        "- **From the seed**: entries whose `source` names a seed document (../shared/seeds).",
        "- **Additions**: entries whose `source` is vendor code only, each cited by repository, path and commit.",
        "- **Departures noted**: entries whose `why` records where kubegrant differs from a vendor source",
        "  (narrower scope, an item left out, a risk); the sentences are quoted below.",
        "- **Removals**: vendor items kubegrant does not grant, listed as data with their reason.",
        "",
        "Vendor repositories at the default-branch commit last re-verified (components/core/sources.ts):",
        "",
        ...Object.entries(VENDOR_REPOS).map(([repo, r]) => `- \`${repo}\` ${r.branch} \`${r.commit}\``),
        "",
        "| Vendor × target | Preset | Entries | From the seed | Additions (vendor code) | Departures noted | Removals | Commits cited |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ];
    for (const r of FIDELITY_ROWS) {
        const seed = r.items.filter((i) => FROM_SEED.test(i.source)).length;
        const additions = r.items.filter((i) => !FROM_SEED.test(i.source)).length;
        const departures = r.items.filter((i) => DEPARTURE.test(i.why)).length;
        lines.push(`| ${r.vendor} × ${r.target} | \`${r.preset}\` | ${r.items.length} | ${seed} | ${additions} | ${departures} | ${r.removals.length} | ${commits([...r.items, ...r.removals]).map((c) => `\`${c}\``).join(", ") || "none"} |`);
    }
    for (const r of FIDELITY_ROWS) {
        lines.push("", `## ${r.vendor} × ${r.target} (\`${r.preset}\`, ${r.catalog})`, "");
        const additions = r.items.filter((i) => !FROM_SEED.test(i.source));
        lines.push("Additions (not in the seed):", "");
        lines.push(...(additions.length ? additions.map((i) => `- \`${cell(i.name)}\` (${cell(i.feature)}): ${cell(i.source)}`) : ["- none"]));
        const departures = r.items.filter((i) => DEPARTURE.test(i.why));
        lines.push("", "Departures noted:", "");
        lines.push(...(departures.length ? departures.map((i) => `- \`${cell(i.name)}\`: ${cell(departureText(i.why))}`) : ["- none"]));
        lines.push("", "Removals (vendor items not granted):", "");
        lines.push(...(r.removals.length ? r.removals.map((i) => `- \`${cell(i.name)}\`: ${cell(i.why)} (${cell(i.source)})`) : ["- none"]));
    }
    return `${lines.join("\n")}\n`;
}

/** Where the table lives in the repository. */
export const FIDELITY_PATH = path.join("docs", "fidelity.md");

if (require.main === module) {
    // npm runs scripts at the package root.
    fs.writeFileSync(path.resolve(FIDELITY_PATH), fidelityMarkdown());
}
