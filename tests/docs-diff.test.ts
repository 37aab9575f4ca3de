import * as assert from "assert";
import * as fs from "fs";
import { DOC, diffDocs } from "./support/diff-docs";

describe("docs/diff.md (tests/support/diff-docs.ts)", function () {
    this.timeout(60_000);
    it("is what the script prints now (npm run --silent docs:diff rewrites it)", async () => {
        assert.strictEqual(fs.readFileSync(DOC, "utf8"), await diffDocs());
    });
});
