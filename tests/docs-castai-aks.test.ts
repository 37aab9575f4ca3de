import * as assert from "assert";
import { CASTAI_AKS_ARGS, CastAiAksPlainArgs, planCastAiAks } from "../components/castai/aks-plan";
import { CASTAI_AKS_ACTIONS } from "../components/castai/aks-catalog";
import { AKS_CS, AKS_WI } from "./support/aks-values";
import { assertSpecDefaults } from "./support/spec-defaults";
import { reference } from "./support/references";

const section = reference("castai-aks");

// The Arguments and Outputs tables are generated from CASTAI_AKS_ARGS / CASTAI_AKS_OUTPUTS
// (tests/spec.test.ts); the TSDoc @default tags are checked in tests/docs-presets.test.ts.
describe("docs/components/castai-aks.md stays in sync with CastAiAksAccess", () => {
    it("states the action count", () => {
        assert.match(section, new RegExp(`with the ${CASTAI_AKS_ACTIONS.length} actions`));
    });

    it("every default the spec states is what the builder does when the argument is left out", () => {
        // The mode each argument may be set in (castaiIdentityIssuer: workload identity; clientSecretExpiry: client secret).
        const bases: readonly CastAiAksPlainArgs[] = [AKS_WI, AKS_CS];
        assert.deepStrictEqual(assertSpecDefaults(CASTAI_AKS_ARGS, planCastAiAks, bases),
            ["additionalResourceGroups", "authentication", "castaiIdentityIssuer", "clientSecretExpiry"]);
    });
});
