/**
 * The argument specs: the compiler holds each to its component's Args type (the @ts-expect-error
 * lines below fail `tsc --noEmit` if a mismatch ever passes), and the docs' tables, the preset's
 * keys and the builders' defaults all come from them.
 */
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import {
    ArgSpecs, argNames, argumentsTable, checkArgSpec, defaultText, outputArgs, outputsTable, readBoolean, readChoice, typeText,
} from "../components/core/spec";
import { InputError } from "../components/core";
import { loadPreset, presetNames } from "../components/render/preset";
import { reference as presetReference } from "./support/references";

interface Args {
    readonly name: pulumi.Input<string>;
    readonly plainName?: string;
    readonly on?: boolean;
    readonly count?: number;
    readonly ids?: readonly string[];
    readonly mode?: "a" | "b";
    readonly tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

const SPEC = {
    name: { type: "string", output: true, required: true, doc: "the name" },
    plainName: { type: "string", defaultText: "`name`", doc: "a plain name" },
    on: { type: "boolean", default: true, doc: "a switch" },
    count: { type: "number", default: 10, doc: "a count" },
    ids: { type: "list", default: [], doc: "some IDs" },
    mode: { type: "string", choices: ["a", "b"], default: "a", doc: "a mode" },
    tags: { type: "object", typeText: "Input<Record<string, Input<string>>>", doc: "tags" },
} as const satisfies ArgSpecs;

describe("argument specs", () => {
    it("the compiler refuses a spec that does not describe the Args type exactly", () => {
        const check = checkArgSpec<Args>();
        check(SPEC);
        // @ts-expect-error a required argument not marked required
        check({ ...SPEC, name: { type: "string", output: true, doc: "x" } });
        // @ts-expect-error an Input<string> argument not marked output
        check({ ...SPEC, name: { type: "string", required: true, doc: "x" } });
        // @ts-expect-error a plain argument marked output
        check({ ...SPEC, on: { type: "boolean", output: true, doc: "x" } });
        // @ts-expect-error the wrong kind
        check({ ...SPEC, count: { type: "string", doc: "x" } });
        // @ts-expect-error an argument the Args type does not have
        check({ ...SPEC, extra: { type: "boolean", doc: "x" } });
        // @ts-expect-error an argument of the Args type missing from the spec
        check({ name: SPEC.name, plainName: SPEC.plainName, on: SPEC.on, count: SPEC.count, ids: SPEC.ids, mode: SPEC.mode });
    });
    it("derives names, string inputs, types and defaults", () => {
        assert.deepStrictEqual(argNames(SPEC), ["name", "plainName", "on", "count", "ids", "mode", "tags"]);
        assert.deepStrictEqual(outputArgs(SPEC), ["name"]);
        assert.deepStrictEqual(Object.values(SPEC).map(typeText),
            ["`Input<string>`", "`string`", "`boolean`", "`number`", "`string[]`", "`\"a\" \\| \"b\"`", "`Input<Record<string, Input<string>>>`"]);
        assert.deepStrictEqual(Object.values(SPEC).map(defaultText), ["required", "`name`", "`true`", "`10`", "`[]`", "`\"a\"`", "none"]);
        assert.strictEqual(argumentsTable({ on: SPEC.on }),
            "| Argument | Type | Default | What the vendor uses it for |\n| --- | --- | --- | --- |\n| `on` | `boolean` | `true` | a switch |");
        assert.strictEqual(outputsTable({ arn: { doc: "its ARN" } }), "| Output | What it is |\n| --- | --- |\n| `arn` | its ARN |");
    });
    it("builders read defaults and choices from the spec, with the usual messages", () => {
        assert.strictEqual(readBoolean(SPEC, "on", undefined), true);
        assert.strictEqual(readBoolean(SPEC, "on", false), false);
        assert.throws(() => readBoolean(SPEC, "on", "yes"), (e: Error) => e instanceof InputError && e.message === "on: must be true or false, got \"yes\"");
        assert.strictEqual(readChoice(SPEC, "mode", undefined), "a");
        assert.throws(() => readChoice(SPEC, "mode", "c"), (e: Error) => e instanceof InputError && /^mode: must be one of /.test(e.message));
        assert.throws(() => readBoolean(SPEC, "count", undefined), /spec of count: no boolean default/);
    });
    for (const name of presetNames()) {
        it(`${name}: the preset's keys are its spec's, and its reference shows the spec's tables`, () => {
            const preset = loadPreset(name);
            const spec = preset.spec;
            assert.deepStrictEqual(preset.keys.map((k) => k.name), Object.keys(spec.args).filter((k) => spec.args[k].renderKey !== false));
            const reference = presetReference(name);
            assert.ok(reference.includes(argumentsTable(spec.args)), `${name}: the Arguments table differs from the spec's:\n${argumentsTable(spec.args)}`);
            assert.ok(reference.includes(outputsTable(spec.outputs)), `${name}: the Outputs table differs from the spec's:\n${outputsTable(spec.outputs)}`);
        });
    }
});
