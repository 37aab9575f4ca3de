import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { outputValue } from "../../components/exports/testing";

/** The message an Output fails with (the test fails if it resolves). */
export async function failure(output: pulumi.Output<unknown>): Promise<string> {
    try {
        await outputValue(output);
    } catch (e) {
        return (e as Error).message;
    }
    assert.fail("the output resolved");
}
