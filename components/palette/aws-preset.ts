import { Sourced } from "../core";
import { definePreset } from "../core/preset";
import { PaletteAwsAccess, PaletteAwsAccessArgs } from "./aws";
import { PALETTE_AWS_POLICIES } from "./aws-catalog";
import { PALETTE_AWS_ARGS, PALETTE_AWS_OUTPUTS } from "./aws-plan";

const explanations = new Map<string, Sourced>([
    ...PALETTE_AWS_POLICIES.map((e) => [`policy:${e.name}`, e] as const),
    // The Sids kubegrant gives the risky statements, so the report finds them in combined policies too.
    ...PALETTE_AWS_POLICIES.flatMap((e) => (e.risk ? e.statements.filter((st) => st.sid).map((st) => [`sid:${st.sid}`, e] as const) : [])),
    ["policy:PaletteCombinedPolicy", {
        feature: "all of Palette's policies, combined",
        why: "combinePolicies packs the statements of every selected Palette policy into as few documents as fit under 6,144 characters, to stay under the 10-managed-policies quota.",
        source: "spectrocloud/librarium required-iam-policies.md (\"combine policies into one customer-managed policy\")",
    }],
]);

/** `palette-aws`: Spectro Cloud Palette on AWS (PaletteAwsAccess). */
export const paletteAwsPreset = definePreset<PaletteAwsAccessArgs>({
    name: "palette-aws",
    title: "Spectro Cloud Palette on AWS",
    args: PALETTE_AWS_ARGS,
    outputs: PALETTE_AWS_OUTPUTS,
    explanations,
    mockOptions: (v) => ({
        awsAccountId: typeof v.accountId === "string" ? v.accountId : undefined,
        awsPartition: typeof v.partition === "string" ? v.partition : undefined,
    }),
    component: PaletteAwsAccess,
});
