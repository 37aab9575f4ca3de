import * as assert from "assert";
import { setFlagsFromString } from "v8";
import { defineLazy } from "../components/core/lazy";
import { installMocks, outputValue } from "../components/exports/testing";
import { CastAiGkeAccess } from "../components/exports/gcp";

// V8's own answer to "are this object's properties still fast (a shared hidden class), or a per-object dictionary?"
setFlagsFromString("--allow-natives-syntax");
// A function compiled after the flag is set may call V8 intrinsics (this module was compiled before).
const hasFastProperties = new Function("o", "return %HasFastProperties(o)") as (o: object) => boolean;

class Lazy {
    declare readonly value: string;
    declare readonly other: number;
    readonly plain = "p";
    constructor(value: string, readonly built: string[]) {
        defineLazy(this, "value", () => {
            built.push(value);
            return value;
        });
        defineLazy(this, "other", () => value.length);
    }
}

describe("defineLazy: a property built on its first read, on the prototype", () => {
    it("builds nothing until read, then once per instance, each instance its own value", () => {
        const built: string[] = [];
        const a = new Lazy("alpha", built);
        const b = new Lazy("beta", built);
        assert.deepStrictEqual(built, []);
        assert.strictEqual(b.value, "beta");
        assert.strictEqual(b.value, "beta");
        assert.strictEqual(a.value, "alpha");
        assert.deepStrictEqual(built, ["beta", "alpha"]);
        assert.strictEqual(a.other, 5);
    });

    it("is read-only, listed by `in`, and not an own property of the instance", () => {
        const a = new Lazy("alpha", []);
        assert.ok("value" in a);
        assert.ok(!Object.prototype.hasOwnProperty.call(a, "value"));
        assert.ok(Object.keys(Object.getPrototypeOf(a) as object).includes("value"));
        assert.throws(() => { (a as { value: string }).value = "x"; }, /^TypeError: Cannot set property value of #<Lazy> which has only a getter$/);
    });

    it("keeps every instance's properties fast (an accessor per instance made all but the first a dictionary)", () => {
        const all = [1, 2, 3].map((i) => new Lazy(`v${i}`, []));
        assert.deepStrictEqual(all.map(hasFastProperties), [true, true, true]);
        assert.deepStrictEqual(all.map((x) => x.value), ["v1", "v2", "v3"]);
        assert.deepStrictEqual(all.map(hasFastProperties), [true, true, true]);
    });

    it("a component's lazy outputs resolve per instance, and its instances and children stay fast", async () => {
        const rec = installMocks();
        const clusters = [1, 2, 3].map((i) => new CastAiGkeAccess(`c${i}`, {
            projectId: "acme-prod", clusterName: `fleet-${i}`, location: "europe-west1",
            castaiServiceAccount: "cast-gke-1a2b3c4d@prod-cast-identity.iam.gserviceaccount.com",
            nodeServiceAccountIds: ["112233445566778899001"],
        }));
        await rec.settle();
        assert.deepStrictEqual(clusters.flatMap((c) => [hasFastProperties(c), hasFastProperties(c.access)]), [true, true, true, true, true, true]);
        const emails = new Set<unknown>();
        for (const c of clusters) {
            assert.strictEqual((await outputValue(c.mode)).value, "impersonation");
            assert.strictEqual((await outputValue(c.propagationDelaySeconds)).value, 0);
            assert.strictEqual((await outputValue(c.privateKey)).value, undefined);
            const ready = (await outputValue(c.ready)).value;
            assert.match(ready as string, /^castai-gke-[0-9a-f]{8}@acme-prod\.iam\.gserviceaccount\.com$/);
            assert.strictEqual(ready, (await outputValue(c.serviceAccountEmail)).value);
            emails.add(ready);
        }
        assert.strictEqual(emails.size, 3);
    });
});
