/**
 * Every relative link of the user and contributor docs (README.md, CONTRIBUTING.md, docs/**, the
 * examples' READMEs) resolves: the file or directory exists, and a `#anchor` names a heading of the
 * target (GitHub's heading IDs). Every component reference and guide is reachable from the README.
 */
import * as assert from "assert";
import { existsSync, readFileSync, readdirSync, statSync } from "fs";
import { dirname, join, relative, resolve } from "path";
import { ROOT } from "./support/references";

/** The markdown files checked, relative to the repository root. */
function docs(): string[] {
    const under = (dir: string, keep: (f: string) => boolean) => readdirSync(join(ROOT, dir), { recursive: true, encoding: "utf8" })
        .map((f) => join(dir, f).split("\\").join("/")).filter(keep);
    return ["README.md", "CONTRIBUTING.md", ...under("docs", (f) => f.endsWith(".md")), ...under("examples", (f) => f.endsWith("/README.md"))].sort();
}

/** The text outside fenced code blocks and code spans (links there are not links). */
function prose(text: string): string {
    return text.split(/^```.*$/m).filter((_, i) => i % 2 === 0).join("\n").replace(/`[^`\n]*`/g, "``");
}

/** Inline links `[text](target)` and images, their target without a title. */
export function links(text: string): string[] {
    return [...prose(text).matchAll(/\]\(([^()\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => m[1]);
}

/** GitHub's ID of each heading, in order (a repeated ID gets -1, -2, …). */
export function anchors(text: string): Set<string> {
    const seen = new Map<string, number>();
    const ids = new Set<string>();
    for (const m of text.split(/^```.*$/m).filter((_, i) => i % 2 === 0).join("\n").matchAll(/^#{1,6} +(.+?)\s*#*\s*$/gm)) {
        const plain = m[1].replace(/\[([^\]]*)\]\([^)]*\)/g, "$1").replace(/<[^>]+>/g, "");
        const id = plain.toLowerCase().replace(/[^\p{L}\p{N}\p{M}\p{Pc} -]/gu, "").replace(/ /g, "-");
        const n = seen.get(id) ?? 0;
        seen.set(id, n + 1);
        ids.add(n === 0 ? id : `${id}-${n}`);
    }
    return ids;
}

describe("docs: every relative link and #anchor resolves", () => {
    it("GitHub's heading IDs, as the checker computes them", () => {
        assert.deepStrictEqual([...anchors("# Upgrade review: `kubegrant diff`\n## Tests: `pulumi up` for real (the Pulumi engine)\n```sh\n# not a heading\n```\n## Arguments\n## Arguments\n")],
            ["upgrade-review-kubegrant-diff", "tests-pulumi-up-for-real-the-pulumi-engine", "arguments", "arguments-1"]);
        assert.deepStrictEqual(links("[a](x.md#y) `[b](not.md)` [c](https://e.com) ![d](i.png \"t\")\n```\n[e](code.md)\n```\n"), ["x.md#y", "https://e.com", "i.png"]);
    });

    const files = docs();
    it("checks the README, CONTRIBUTING.md, the component references and the guides", () => {
        for (const f of ["README.md", "CONTRIBUTING.md", "docs/components/castai-eks.md", "docs/guides/render.md"]) assert.ok(files.includes(f), f);
    });

    for (const file of files) {
        it(file, () => {
            const text = readFileSync(join(ROOT, file), "utf8");
            const broken: string[] = [];
            for (const link of links(text)) {
                if (/^[a-z][a-z0-9+.-]*:/i.test(link)) continue; // https:, mailto:, …
                const [path, anchor] = link.split("#", 2) as [string, string | undefined];
                const target = path === "" ? join(ROOT, file) : resolve(ROOT, dirname(file), decodeURIComponent(path));
                if (!target.startsWith(ROOT) || !existsSync(target)) {
                    broken.push(`${link}: no file ${relative(ROOT, target)}`);
                    continue;
                }
                if (anchor === undefined) continue;
                if (statSync(target).isDirectory() || !target.endsWith(".md")) broken.push(`${link}: an anchor into a file that is not markdown`);
                else if (!anchors(readFileSync(target, "utf8")).has(anchor)) broken.push(`${link}: no heading #${anchor} in ${relative(ROOT, target)}`);
            }
            assert.deepStrictEqual(broken, []);
        });
    }

    it("the README links every component reference and every guide", () => {
        const linked = new Set(links(readFileSync(join(ROOT, "README.md"), "utf8")).map((l) => l.split("#")[0]));
        for (const dir of ["docs/components", "docs/guides"]) {
            for (const f of readdirSync(join(ROOT, dir))) assert.ok(linked.has(`${dir}/${f}`), `README links ${dir}/${f}`);
        }
    });
});
