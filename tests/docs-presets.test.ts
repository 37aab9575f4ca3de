/**
 * The docs checked against the code for every preset at once: each component's spec agrees with
 * the `@default` tags of its Args TSDoc (what an editor shows; read with the TypeScript compiler),
 * the preset table links the example, and the root program's table lists exactly the stack
 * outputs. The Arguments and Outputs tables themselves are generated (tests/spec.test.ts).
 */
import * as assert from "assert";
import { readFileSync } from "fs";
import { join } from "path";
import * as ts from "typescript";
import { defaultText } from "../components/core/spec";
import { loadPreset, presetNames } from "../components/render/preset";
import { guide, readme as readReadme } from "./support/references";

const root = join(__dirname, "..");
const readme = readReadme();

/** Preset → the files declaring its component's Args interface(s) (`components/…`). */
const ARGS: Readonly<Record<string, readonly string[]>> = {
    "castai-eks": ["castai/eks-plan.ts", "castai/eks.ts"],
    "castai-gke": ["castai/gke-plan.ts", "castai/gke.ts"],
    "castai-aks": ["castai/aks-plan.ts", "castai/aks.ts"],
    "castai-kubernetes": ["castai/cluster-rbac.ts"],
    "cloudpilot-kubernetes": ["cloudpilot/cluster-rbac.ts"],
    "cloudpilot-eks": ["cloudpilot/eks-plan.ts", "cloudpilot/eks.ts"],
    "cloudpilot-alibaba": ["cloudpilot/alibaba-plan.ts", "cloudpilot/alibaba.ts"],
    "palette-aws": ["palette/aws-plan.ts", "palette/aws.ts"],
};

/** The `@default` tag of every property of every interface in `file`, as the compiler reads the TSDoc. */
function tsdocDefaults(file: string): Map<string, string> {
    const source = ts.createSourceFile(file, readFileSync(join(root, "components", file), "utf8"), ts.ScriptTarget.Latest, true);
    const found = new Map<string, string>();
    const visit = (node: ts.Node) => {
        if (ts.isInterfaceDeclaration(node)) {
            for (const member of node.members) {
                if (!ts.isPropertySignature(member) || !ts.isIdentifier(member.name)) continue;
                const tag = ts.getJSDocTags(member).find((t) => t.tagName.text === "default");
                const text = typeof tag?.comment === "string" ? tag.comment : ts.getTextOfJSDocComment(tag?.comment);
                if (text !== undefined) found.set(member.name.text, text.trim());
            }
        }
        ts.forEachChild(node, visit);
    };
    visit(source);
    return found;
}

/** Text as a reader sees it: no backticks or quotes, no parenthesised remark. */
const plain = (s: string) => s.replace(/[`"]/g, "").replace(/ \(.*$/, "").trim();
/** The table row whose first cell is `name`. */
const row = (text: string, name: string) => text.split("\n").find((l) => l.startsWith(`| \`${name}\` |`));

describe("docs: every preset's spec, TSDoc defaults and stack outputs agree", () => {
    it("covers every preset, each with a spec", () => {
        assert.deepStrictEqual(Object.keys(ARGS).sort(), presetNames().sort());
        for (const name of presetNames()) assert.ok(loadPreset(name).spec, `${name}: its component has a spec`);
    });

    for (const [name, files] of Object.entries(ARGS)) {
        describe(name, () => {
            it("its spec shows each argument's TSDoc @default", () => {
                const spec = loadPreset(name).spec!;
                const defaults = new Map(files.flatMap((f) => [...tsdocDefaults(f)]));
                assert.ok(defaults.size >= 3, `${name}: found the @default tags`);
                for (const [arg, value] of defaults) {
                    const declared = spec.args[arg];
                    if (declared === undefined) continue; // a property of another interface in the file (a plan type)
                    const shown = defaultText(declared);
                    const agrees = /^(none|no )/.test(value) ? /^none$|^no /.test(shown) : plain(shown).includes(plain(value)) || plain(value).includes(plain(shown));
                    assert.ok(agrees, `${name}: ${arg}: TSDoc says @default ${value}, the spec ${shown}`);
                }
            });

            it("is in the preset table with its example, and in the root program's stack outputs table with exactly its outputs", () => {
                const presetRow = row(readme, name);
                assert.ok(presetRow?.includes(`(examples/${name})`), `${name}: preset table links examples/${name}`);
                assert.ok(presetRow?.includes(`(docs/components/${name}.md)`), `${name}: preset table links docs/components/${name}.md`);
                const program = guide("root-program");
                const stackRow = program.slice(program.indexOf("| Preset | Stack outputs |")).split("\n").find((l) => l.startsWith(`| \`${name}\` |`));
                assert.ok(stackRow, `${name}: stack outputs row`);
                const listed = [...stackRow.split("|")[2].matchAll(/`(\w+)`/g)].map((m) => m[1]).filter((o) => o !== "clusterId");
                assert.deepStrictEqual(listed, Object.keys(loadPreset(name).spec!.outputs));
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
