/**
 * What a preset gives for some values, before any value resolves: its stack outputs by name and in
 * order (undefined ones too, which a render leaves out), and every Output property its component
 * has (besides `urn`), so a test can hold both to the component's output spec.
 */
import * as pulumi from "@pulumi/pulumi";
import { installMocks } from "../../components/testing/mocks";
import { loadPreset } from "../../components/render/preset";

export async function presetOutputNames(preset: string, values: Readonly<Record<string, unknown>>): Promise<{ stack: string[]; component: string[] }> {
    const p = loadPreset(preset);
    const recorder = installMocks(p.mockOptions(values));
    const { component, outputs } = p.create("t", values);
    await recorder.settle();
    // `for…in`: an output built when first read is an enumerable accessor on the component's class.
    const fields: string[] = [];
    for (const k in component) if (k !== "urn" && pulumi.Output.isInstance((component as unknown as Record<string, unknown>)[k])) fields.push(k);
    return { stack: Object.keys(outputs), component: fields };
}
