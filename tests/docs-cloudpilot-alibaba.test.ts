/**
 * cloudpilot-alibaba: in both trust modes, the stack outputs the preset registers are exactly the
 * outputs the component's spec declares, in its order, and so are the component's Output
 * properties (none missing from the spec); the secret external ID stays "[secret]". Its
 * Arguments and Outputs tables are checked against the spec in tests/spec.test.ts.
 */
import * as assert from "assert";
import { CLOUDPILOT_ALIBABA_OUTPUTS } from "../components/cloudpilot/alibaba-plan";
import { render } from "../components/render/run";
import { presetOutputNames } from "./support/preset-outputs";
import { RENDER_CASES } from "./support/render-cases";

describe("cloudpilot-alibaba: stack outputs are the spec's", () => {
    const cases = RENDER_CASES.filter((c) => c.preset === "cloudpilot-alibaba");
    it("has a render case per trust mode", () => assert.deepStrictEqual(cases.map((c) => c.values.trust ?? "rrsa"), ["rrsa", "account"]));
    for (const c of cases) {
        it(c.name, async () => {
            const { stack, component } = await presetOutputNames("cloudpilot-alibaba", c.values);
            assert.deepStrictEqual(stack, Object.keys(CLOUDPILOT_ALIBABA_OUTPUTS), "stack outputs");
            assert.deepStrictEqual(component.sort(), Object.keys(CLOUDPILOT_ALIBABA_OUTPUTS).sort(), "the component's Output properties");
            // A render resolves them (undefined ones left out): the account trust's external ID stays secret.
            const { outputs } = await render("cloudpilot-alibaba", c.values);
            assert.strictEqual(outputs.externalId, c.values.externalId === undefined ? undefined : "[secret]");
        });
    }
});
