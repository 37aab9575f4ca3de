/**
 * cloudpilot-eks and palette-aws: in every mode of ./support/render-cases, the stack outputs the
 * preset registers are exactly the outputs the component's spec declares, in its order, and so
 * are the component's Output properties: no output missing from the spec, from which the
 * README's Outputs table and the root program's stack-outputs table come. Their
 * Arguments and Outputs tables are checked against the spec in tests/spec.test.ts.
 */
import * as assert from "assert";
import { CLOUDPILOT_EKS_OUTPUTS } from "../components/cloudpilot/eks-plan";
import { PALETTE_AWS_OUTPUTS } from "../components/palette/aws-plan";
import { presetOutputNames } from "./support/preset-outputs";
import { RENDER_CASES } from "./support/render-cases";

for (const [preset, outputs] of [["cloudpilot-eks", CLOUDPILOT_EKS_OUTPUTS], ["palette-aws", PALETTE_AWS_OUTPUTS]] as const) {
    describe(`${preset}: stack outputs are the spec's`, () => {
        const cases = RENDER_CASES.filter((c) => c.preset === preset);
        it("has render cases for several modes", () => assert.ok(cases.length >= 3, `${preset}: ${cases.length} cases`));
        for (const c of cases) {
            it(c.name, async () => {
                const { stack, component } = await presetOutputNames(preset, c.values);
                assert.deepStrictEqual(stack, Object.keys(outputs), "stack outputs");
                assert.deepStrictEqual(component.sort(), Object.keys(outputs).sort(), "the component's Output properties");
            });
        }
    });
}
