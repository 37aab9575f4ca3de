/**
 * The user docs, checked against the code for every preset at once: each component's reference
 * (docs/components/<preset>.md) has a row per argument showing its `@default`, a row per output;
 * the README's preset table links the reference and the example; the root program's guide lists
 * exactly the stack outputs. Adding a preset is one line in SECTIONS.
 */
import * as assert from "assert";
import { readFileSync } from "fs";
import { join } from "path";
import { loadPreset, presetNames } from "../components/render/preset";
import { guide, readme as readReadme, reference } from "./support/references";

const root = join(__dirname, "..");
const readme = readReadme();

/** Preset → its reference's heading and the sources of its arguments (`components/…`). */
const SECTIONS: Readonly<Record<string, { heading: string; args: readonly string[]; preset: string }>> = {
    "castai-eks": { heading: "## `CastAiEksAccess`", args: ["castai/eks-plan.ts", "castai/eks.ts"], preset: "castai/eks-preset.ts" },
    "castai-gke": { heading: "## `CastAiGkeAccess`", args: ["castai/gke-plan.ts", "castai/gke.ts"], preset: "castai/gke-preset.ts" },
    "castai-aks": { heading: "## `CastAiAksAccess`", args: ["castai/aks-plan.ts", "castai/aks.ts"], preset: "castai/aks-preset.ts" },
    "castai-kubernetes": { heading: "## Cast AI in the cluster: `CastAiClusterRbac`", args: ["castai/cluster-rbac.ts"], preset: "castai/cluster-rbac-preset.ts" },
    "cloudpilot-kubernetes": { heading: "## CloudPilot AI in the cluster: `CloudPilotClusterRbac`", args: ["cloudpilot/cluster-rbac.ts"], preset: "cloudpilot/cluster-rbac-preset.ts" },
    "cloudpilot-eks": { heading: "## CloudPilotEksAccess", args: ["cloudpilot/eks-plan.ts", "cloudpilot/eks.ts"], preset: "cloudpilot/eks-preset.ts" },
    "cloudpilot-alibaba": { heading: "## CloudPilotAlibabaAccess", args: ["cloudpilot/alibaba-plan.ts", "cloudpilot/alibaba.ts"], preset: "cloudpilot/alibaba-preset.ts" },
    "palette-aws": { heading: "## PaletteAwsAccess", args: ["palette/aws-plan.ts", "palette/aws.ts"], preset: "palette/aws-preset.ts" },
};

/** The preset's reference, which opens with the component's heading (one level up from `heading`). */
function section(name: string, heading: string): string {
    const text = reference(name);
    const title = text.split("\n")[0];
    assert.ok(title === heading.slice(1) || title.startsWith(`${heading.slice(1)} `), `docs/components/${name}.md opens with ${heading.slice(1)}`);
    return text;
}

const source = (file: string) => readFileSync(join(root, "components", file), "utf8");
/** The table row whose first cell is `name`. */
const row = (text: string, name: string) => text.split("\n").find((l) => l.startsWith(`| \`${name}\` |`));
/** Text as a reader sees it: no backticks or quotes. */
const plain = (s: string) => s.replace(/[`"]/g, "");

/** The outputs a preset exports, in order (its `outputs: { name: c.field, … }` block). */
function presetOutputs(file: string): string[] {
    let src = source(file);
    // In-cluster presets share one preset builder, and with it their outputs.
    if (src.includes("clusterRbacPreset(")) src = source("kubernetes/preset.ts");
    return [...src.slice(src.indexOf("outputs: {")).matchAll(/(\w+): c\.\w+/g)].map((m) => m[1]);
}

describe("docs: every preset's arguments, defaults and outputs match the code", () => {
    it("covers every preset", () => {
        assert.deepStrictEqual(Object.keys(SECTIONS).sort(), presetNames().sort());
    });

    for (const [name, s] of Object.entries(SECTIONS)) {
        describe(name, () => {
            const text = section(name, s.heading);

            it("has a row per key, showing the argument's @default", () => {
                for (const key of loadPreset(name).keys) assert.ok(row(text, key.name), `${name}: ${key.name}`);
                const defaults = s.args.flatMap((f) => [...source(f).matchAll(/@default ([^\n*]+?)\s*(?:\*\/|\n)\s*(?:\*\/\s*)?readonly (\w+)\?/g)])
                    .map((m) => [m[2], m[1].replace(/ \(.*$/, "")] as const);
                assert.ok(defaults.length >= 5, `${name}: found the @default tags`);
                for (const [arg, value] of defaults) {
                    const r = row(text, arg);
                    assert.ok(r, `${name}: reference row for ${arg}`);
                    const shown = /^(none|no )/.test(value) ? /none|no /.test(r) : plain(r).includes(plain(value));
                    assert.ok(shown, `${name}: reference row of ${arg} should show its default ${value}: ${r}`);
                }
            });

            it("has a row per output", () => {
                const outputs = presetOutputs(s.preset);
                assert.ok(outputs.length >= 3);
                for (const o of outputs) assert.ok(row(text, o), `${name}: output ${o}`);
            });

            it("is in the README's preset table with its reference and example, and in the root program's stack outputs table with exactly its outputs", () => {
                const presetRow = row(readme, name);
                assert.ok(presetRow?.includes(`(examples/${name})`), `${name}: preset table links examples/${name}`);
                assert.ok(presetRow?.includes(`(docs/components/${name}.md)`), `${name}: preset table links docs/components/${name}.md`);
                const program = guide("root-program");
                const stackRow = program.slice(program.indexOf("| Preset | Stack outputs |")).split("\n").find((l) => l.startsWith(`| \`${name}\` |`));
                assert.ok(stackRow, `${name}: stack outputs row`);
                const listed = [...stackRow.split("|")[2].matchAll(/`(\w+)`/g)].map((m) => m[1]).filter((o) => o !== "clusterId");
                assert.deepStrictEqual(listed, presetOutputs(s.preset));
                assert.ok(readFileSync(join(root, "Pulumi.yaml"), "utf8").includes(name), `${name}: root Pulumi.yaml lists it`);
            });
        });
    }
});

describe("docs/guides/testing.md: the testing example", () => {
    it("is examples/castai-eks/index.test.ts, character for character (npm test runs that file)", () => {
        const block = /A complete test of[\s\S]*?```ts\n([\s\S]*?)```/.exec(guide("testing"));
        assert.ok(block);
        assert.strictEqual(block[1], readFileSync(join(root, "examples", "castai-eks", "index.test.ts"), "utf8"));
    });
});
