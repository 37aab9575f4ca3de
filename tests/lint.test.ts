/**
 * The lint rules this repository adds (eslint.config.mjs) fire where they should and nowhere else:
 * ESLint itself judges snippets linted as if they were files of the repository.
 */
import * as assert from "assert";
import { ESLint } from "eslint";
import { join } from "path";

const eslint = new ESLint({ cwd: join(__dirname, "..") });

/** `rule: message` of every problem ESLint reports for `code` as the file `filePath`. */
async function problems(filePath: string, code: string): Promise<string[]> {
    const [result] = await eslint.lintText(code, { filePath });
    return result.messages.map((m) => `${m.ruleId ?? "(directive)"}: ${m.message}`);
}

const TEST_HEAD = `import * as assert from "assert";\nconst f = async (): Promise<void> => undefined;\n`;

describe("lint (eslint.config.mjs)", function () {
    this.timeout(60_000);

    it("refuses an assert.rejects a test neither awaits nor returns, and accepts both forms that wait", async () => {
        assert.deepStrictEqual(await problems("tests/probe.test.ts", `${TEST_HEAD}it("x", async () => { assert.rejects(f()); });\n`),
            ["no-restricted-syntax: await (or return) this assertion, else the test ends before it is checked"]);
        assert.deepStrictEqual(await problems("tests/probe.test.ts",
            `${TEST_HEAD}it("x", async () => { await assert.rejects(f()); });\nit("y", () => assert.doesNotReject(f()));\n`), []);
    });

    it("refuses a committed .only in tests, and leaves .skip alone", async () => {
        assert.deepStrictEqual(await problems("tests/probe.test.ts", `describe.only("x", () => undefined);\nit.skip("y", () => undefined);\n`),
            ["no-restricted-properties: 'describe.only' is restricted from being used. runs this test alone and skips every other one"]);
    });

    it("refuses a suppression without a reason, and one that suppresses nothing", async () => {
        assert.deepStrictEqual(await problems("components/probe.ts", `// eslint-disable-next-line no-control-regex\nexport const r = /\\u0000/;\n`), [
            "@eslint-community/eslint-comments/require-description: Unexpected undescribed directive comment. Include descriptions to explain why the comment is necessary.",
        ]);
        assert.deepStrictEqual(await problems("components/probe.ts", `// eslint-disable-next-line no-control-regex -- why\nexport const r = /\\u0000/;\n`), []);
        assert.deepStrictEqual(await problems("components/probe.ts", `// eslint-disable-next-line no-control-regex -- why\nexport const r = /a/;\n`),
            ["(directive): Unused eslint-disable directive (no problems were reported from 'no-control-regex')."]);
    });

    it("refuses require() and accepts TypeScript's static import-equals", async () => {
        assert.deepStrictEqual(await problems("components/probe.ts", `export const m = require("module") as unknown;\n`),
            ["@typescript-eslint/no-require-imports: A `require()` style import is forbidden."]);
        assert.deepStrictEqual(await problems("components/probe.ts", `import m = require("module");\nexport const n = m;\n`), []);
    });

    it("refuses loose equality except against null, and a map callback that returns nothing", async () => {
        assert.deepStrictEqual(await problems("components/probe.ts",
            `export const e = (a: unknown, b: unknown) => a == b || a == null;\nexport const m = [1].map((x) => { if (x) return x; });\n`), [
            "eqeqeq: Expected '===' and instead saw '=='.",
            "array-callback-return: Array.prototype.map() expects a value to be returned at the end of arrow function.",
        ]);
    });

    it("keeps an argument or an omitted key named with _ and refuses any other unused name", async () => {
        assert.deepStrictEqual(await problems("components/probe.ts",
            `export const f = (_kept: string, used: string) => used;\nexport const g = (o: { a: 1; b: 2 }) => { const { a: _, ...rest } = o; return rest; };\nconst unused = 1;\n`),
            ["@typescript-eslint/no-unused-vars: 'unused' is assigned a value but never used."]);
    });
});
