/**
 * The markdown review report is the document a security team signs (issue 19): one snapshot per
 * preset, as `kubegrant render <preset> --format markdown` prints it, in tests/snapshots/markdown/.
 * A change to the report shows as a diff of these files in review. Re-record after an intended
 * change with `KUBEGRANT_UPDATE_SNAPSHOTS=1 npx mocha tests/review-report.test.ts` (and copy
 * castai-eks.md to docs/review-castai-eks.md, which a test keeps equal).
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { main } from "../components/render/cli";
import { kubegrantVersion } from "../components/render/package";
import { loadPreset, presetNames } from "../components/render/preset";
import { PRESET_VALUES } from "./support/preset-values";

const SNAPSHOTS = path.join(__dirname, "snapshots", "markdown");
const UPDATE = process.env.KUBEGRANT_UPDATE_SNAPSHOTS === "1";

/** `--set` arguments for `values` (strings as they are, anything else as JSON). */
const sets = (values: Readonly<Record<string, unknown>>) =>
    Object.entries(values).flatMap(([k, v]) => ["--set", `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`]);

async function cli(argv: readonly string[]): Promise<{ code: number; out: string; err: string }> {
    let out = "";
    let err = "";
    const code = await main(argv, (s) => { out += s; }, (s) => { err += s; });
    return { code, out, err };
}

/** The shell words of the report's reproduce command (plain words and '…' quoted ones, as the report writes them). */
function words(command: string): string[] {
    return [...command.matchAll(/'((?:[^']|'\\'')*)'|(\S+)/g)].map((m) => (m[1] !== undefined ? m[1].replace(/'\\''/g, "'") : m[2]));
}

describe("the markdown review report: a snapshot per preset", () => {
    it("has values for every preset", () => {
        assert.deepStrictEqual(Object.keys(PRESET_VALUES).sort(), presetNames().sort());
    });

    for (const preset of presetNames()) {
        it(`${preset}: prints tests/snapshots/markdown/${preset}.md; its header's command reproduces it, no secret shows`, async () => {
            const values = PRESET_VALUES[preset];
            const r = await cli(["render", preset, "--format", "markdown", ...sets(values)]);
            assert.strictEqual(r.code, 0, r.err);
            const file = path.join(SNAPSHOTS, `${preset}.md`);
            if (UPDATE) {
                fs.mkdirSync(SNAPSHOTS, { recursive: true });
                fs.writeFileSync(file, r.out);
            }
            assert.ok(fs.existsSync(file), `${file} is recorded (KUBEGRANT_UPDATE_SNAPSHOTS=1)`);
            assert.strictEqual(r.out, fs.readFileSync(file, "utf8"), `the report changed: re-record with KUBEGRANT_UPDATE_SNAPSHOTS=1 if intended (${file})`);

            // The header: version, preset, every input given (secret ones as [secret]), the command.
            const lines = r.out.split("\n");
            assert.ok(lines[2].startsWith(`Rendered by kubegrant ${kubegrantVersion()}, preset \`${preset}\`: `), lines[2]);
            assert.strictEqual(kubegrantVersion(), JSON.parse(fs.readFileSync(path.join(__dirname, "..", "package.json"), "utf8")).version);
            const keys = loadPreset(preset).keys;
            const secret = keys.filter((k) => k.secret && typeof values[k.name] === "string").map((k) => k.name);
            for (const [k, v] of Object.entries(values)) {
                const shown = secret.includes(k) ? "[secret]" : typeof v === "string" ? v : JSON.stringify(v);
                assert.ok(r.out.includes(`| \`${k}\` | \`${shown}\` |`), `input ${k}`);
            }
            for (const k of secret) assert.ok(!r.out.includes(String(values[k])), `secret ${k} is not shown`);
            const command = /^`(kubegrant render .*)`$/m.exec(r.out);
            assert.ok(command, "the reproduce command");
            const argv = words(command[1]).slice(1).map((w) => {
                const k = secret.find((s) => w === `${s}=[secret]`);
                return k ? `${k}=${String(values[k])}` : w;
            });
            const again = await cli(argv);
            assert.strictEqual(again.out, r.out, "the command reproduces the report");

            // A summary first, then the Risks; Sources cite links at a commit.
            const h2 = lines.filter((l) => l.startsWith("## "));
            assert.deepStrictEqual(h2.slice(0, 4), ["## Summary", "## Risks", "## Outputs", "## Resources"]);
            for (const l of lines.filter((x) => x.startsWith("- [") && x.includes("](https://github.com/"))) {
                assert.match(l, /\]\(https:\/\/github\.com\/[\w.-]+\/[\w.-]+\/(blob|tree)\/[0-9a-f]{7,40}\/[^)]+\) at /, l);
            }
            // Headings say what a resource is: never a bare hashed Pulumi name.
            for (const h of lines.filter((l) => l.startsWith("### "))) assert.doesNotMatch(h, /\([\w-]*-[0-9a-f]{8}\)$/, h);
        });
    }

    it("docs/review-castai-eks.md is the castai-eks snapshot (the example a reviewer reads without running the tool)", () => {
        assert.strictEqual(fs.readFileSync(path.join(__dirname, "..", "docs", "review-castai-eks.md"), "utf8"),
            fs.readFileSync(path.join(SNAPSHOTS, "castai-eks.md"), "utf8"));
    });
});
