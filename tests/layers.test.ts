/**
 * The layers of components/ (docs/layers.md): every import between its folders points down the
 * rank table below, and no folders import each other in a circle. Imports are read by TypeScript's
 * own scanner (`ts.preProcessFile`): static imports, `import type`, `export … from`, `require("…")`
 * and `import("…")`, comments skipped.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";

const ROOT = path.join(__dirname, "..");
const COMPONENTS = path.join(ROOT, "components");

/**
 * The rank table, lowest first. A folder may import only folders of a lower rank: never up, never
 * sideways (two clouds, two vendors, render and policy share through a lower folder).
 */
export const LAYERS: readonly (readonly string[])[] = [
    // Errors, validation, inputs, names, hashes, sources, the Preset type and key parsing, MockOptions.
    ["core"],
    // Pulumi mocks and runProgram (kubegrant/testing): run any program, know no cloud or vendor.
    ["testing"],
    // The generic per-cloud layers: policy models, builders, components; no vendor in them.
    ["aws", "gcp", "azure", "alicloud", "kubernetes"],
    // Vendors: catalogs, plans, components and presets, composed from clouds and core.
    ["castai", "cloudpilot", "palette"],
    // The registry of presets (with each vendor catalog's card), the CLI and its formats (with the per-cloud describers).
    ["render"],
    // The CrossGuard pack (reads every catalog through the registry's cards); the root Pulumi program: a preset from stack config.
    ["policy", "program"],
    // The public entry points (kubegrant/aws, …): re-exports only.
    ["exports"],
];

export interface Arrow {
    readonly from: string;
    readonly to: string;
    /** `file: specifier` of every import that makes this arrow. */
    readonly imports: string[];
}

/** Every relative import of a TypeScript source, as written. */
export function importsOf(source: string): string[] {
    return ts.preProcessFile(source, true, true).importedFiles.map((f) => f.fileName).filter((f) => f.startsWith("."));
}

function sources(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
        const p = path.join(dir, e.name);
        return e.isDirectory() ? sources(p) : e.name.endsWith(".ts") ? [p] : [];
    });
}

/** The top folder of components/ that holds `file` (render/describe/aws.ts is in render). */
function folderOf(file: string): string {
    return path.relative(COMPONENTS, file).split(path.sep)[0];
}

/** The arrows between folders of components/, each with the imports that make it. */
export function folderArrows(): Arrow[] {
    const arrows = new Map<string, Arrow>();
    for (const file of sources(COMPONENTS)) {
        for (const spec of importsOf(fs.readFileSync(file, "utf8"))) {
            const target = path.resolve(path.dirname(file), spec);
            const rel = path.relative(COMPONENTS, target);
            assert.ok(!rel.startsWith(".."), `${path.relative(ROOT, file)} imports ${spec}, outside components/`);
            // `../core` is the folder's index; `../core/x` a file in it.
            const to = rel.split(path.sep)[0];
            const from = folderOf(file);
            if (from === to) continue;
            const key = `${from} -> ${to}`;
            const arrow = arrows.get(key) ?? { from, to, imports: [] };
            arrow.imports.push(`${path.relative(COMPONENTS, file)}: ${spec}`);
            arrows.set(key, arrow);
        }
    }
    return [...arrows.values()].sort((a, b) => `${a.from} ${a.to}`.localeCompare(`${b.from} ${b.to}`));
}

/** The rank of `folder` in `layers`, or undefined when the table does not place it. */
function rankOf(layers: readonly (readonly string[])[], folder: string): number | undefined {
    const i = layers.findIndex((l) => l.includes(folder));
    return i < 0 ? undefined : i;
}

/** The arrows that do not point down the table (up or sideways). */
export function notDown(arrows: readonly Arrow[], layers: readonly (readonly string[])[]): Arrow[] {
    return arrows.filter((a) => !((rankOf(layers, a.from) ?? -1) > (rankOf(layers, a.to) ?? Infinity)));
}

/** The circles between folders: each strongly connected set of two or more folders (Tarjan). */
export function circles(arrows: readonly Pick<Arrow, "from" | "to">[]): string[][] {
    const next = new Map<string, string[]>();
    for (const a of arrows) {
        next.set(a.from, [...(next.get(a.from) ?? []), a.to]);
        if (!next.has(a.to)) next.set(a.to, []);
    }
    const index = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const found: string[][] = [];
    const visit = (v: string): void => {
        index.set(v, index.size);
        low.set(v, index.get(v)!);
        stack.push(v);
        for (const w of next.get(v)!) {
            if (!index.has(w)) {
                visit(w);
                low.set(v, Math.min(low.get(v)!, low.get(w)!));
            } else if (stack.includes(w)) {
                low.set(v, Math.min(low.get(v)!, index.get(w)!));
            }
        }
        if (low.get(v) === index.get(v)) {
            const scc: string[] = [];
            let w: string;
            do {
                w = stack.pop()!;
                scc.push(w);
            } while (w !== v);
            if (scc.length > 1) found.push(scc.sort());
        }
    };
    for (const v of [...next.keys()].sort()) if (!index.has(v)) visit(v);
    return found;
}

describe("layers: imports between the folders of components/ point down (docs/layers.md)", () => {
    const arrows = folderArrows();

    it("reads every kind of import: static, type-only, re-export, require and dynamic import, not comments", () => {
        const source = [
            `import { a } from "./static";`,
            `import type { B } from "../typeonly";`,
            `export { c } from "./reexport";`,
            `export * from "./star";`,
            `const d = require("./required");`,
            `const e = await import("./dynamic");`,
            `let f: typeof import("./typeof");`,
            `import g = require("./equals");`,
            `// import { h } from "./comment";`,
            `/** require("./doc") */`,
            `import * as pulumi from "@pulumi/pulumi";`,
        ].join("\n");
        assert.deepStrictEqual(importsOf(source).sort(),
            ["../typeonly", "./dynamic", "./equals", "./reexport", "./required", "./star", "./static", "./typeof"]);
    });

    it("the check itself flags an upward arrow, a sideways arrow, an unplaced folder and a circle", () => {
        const layers = [["low"], ["mid", "side"], ["high"]];
        const fake = (from: string, to: string): Arrow => ({ from, to, imports: [] });
        const bad = [fake("low", "mid"), fake("mid", "side"), fake("new", "low"), fake("high", "new")];
        assert.deepStrictEqual(notDown([fake("high", "low"), fake("mid", "low"), ...bad], layers), bad);
        assert.deepStrictEqual(circles([fake("a", "b"), fake("b", "c"), fake("c", "a"), fake("c", "d")]), [["a", "b", "c"]]);
        assert.deepStrictEqual(circles([fake("a", "b"), fake("b", "c")]), []);
    });

    it("docs/layers.md shows this rank table", () => {
        const doc = fs.readFileSync(path.join(__dirname, "..", "docs", "layers.md"), "utf8");
        const rows = [...doc.matchAll(/^\| (\d+) \| ((?:`[\w-]+` ?)+) \|/gm)].map((m) => [...m[2].matchAll(/`([\w-]+)`/g)].map((f) => f[1]));
        assert.deepStrictEqual(rows, LAYERS.map((l) => [...l]));
    });
    it("the rank table places every folder of components/ once", () => {
        const folders = fs.readdirSync(COMPONENTS, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
        assert.deepStrictEqual([...LAYERS.flat()].sort(), folders);
    });

    it("no circle between folders, and every arrow points down the rank table", () => {
        const upward = notDown(arrows, LAYERS);
        const loops = circles(arrows);
        console.log(`      ${arrows.length} arrows between folders, ${upward.length} not pointing down, ${loops.length} circles`);
        for (const a of upward) console.log(`      not down: ${a.from} -> ${a.to} (${a.imports.join("; ")})`);
        for (const c of loops) console.log(`      circle: ${c.join(", ")}`);
        assert.deepStrictEqual(loops, []);
        assert.deepStrictEqual(upward.map((a) => `${a.from} -> ${a.to}: ${a.imports.join("; ")}`), []);
    });

    it("package.json's public entry points are exactly the barrels of components/exports/, and they only re-export", () => {
        const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
            exports: Record<string, string>; typesVersions: { "*": Record<string, string[]> };
        };
        const barrels = fs.readdirSync(path.join(COMPONENTS, "exports")).filter((f) => f.endsWith(".ts")).map((f) => f.slice(0, -3)).sort();
        const subpaths = Object.keys(pkg.exports).filter((k) => k !== "." && k !== "./package.json");
        assert.deepStrictEqual(subpaths.map((k) => k.slice(2)).sort(), barrels);
        for (const name of barrels) {
            assert.strictEqual(pkg.exports[`./${name}`], `./bin/components/exports/${name}.js`);
            assert.deepStrictEqual(pkg.typesVersions["*"][name], [`bin/components/exports/${name}.d.ts`]);
            const file = path.join(COMPONENTS, "exports", `${name}.ts`);
            const sf = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, true);
            for (const st of sf.statements) {
                const ok = ts.isExportDeclaration(st)
                    // The one check a cloud's barrel makes first: its provider packages are installed.
                    || (ts.isImportDeclaration(st) && (st.moduleSpecifier as ts.StringLiteral).text === "../core/providers")
                    || (ts.isExpressionStatement(st) && ts.isCallExpression(st.expression)
                        && st.expression.expression.getText(sf) === "requireProviders"
                        && (st.expression.arguments[0] as ts.StringLiteral).text === `kubegrant/${name}`);
                assert.ok(ok, `components/exports/${name}.ts: only re-exports (and its provider check), found: ${st.getText(sf).split("\n")[0]}`);
            }
        }
    });
});
