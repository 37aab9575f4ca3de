import * as assert from "assert";
import { CASTAI_GKE_ARGS, CastAiGkePlainArgs, planCastAiGke } from "../components/castai/gke-plan";
import { loadPreset } from "../components/render/preset";
import { GKE } from "./support/gke-values";
import { assertSpecDefaults } from "./support/spec-defaults";
import { reference } from "./support/references";

const section = reference("castai-gke");

// The Arguments and Outputs tables are generated from CASTAI_GKE_ARGS / CASTAI_GKE_OUTPUTS
// (tests/spec.test.ts); the TSDoc @default tags are checked in tests/docs-presets.test.ts.
describe("README stays in sync with CastAiGkeAccess", () => {
    it("documents kubernetesProvider, which is an argument but not a render key", () => {
        assert.deepStrictEqual(loadPreset("castai-gke").keys.map((k) => k.name),
            Object.keys(CASTAI_GKE_ARGS).filter((k) => k !== "kubernetesProvider"));
        assert.match(section, /\n\| `kubernetesProvider` \| `ProviderResource` \| none \| .*\(not a render key;/);
    });

    it("every default the spec states is what the builder does when the argument is left out", () => {
        // The base each argument may be set in (cloudProxyNamespace only with Workload Identity).
        const bases: readonly CastAiGkePlainArgs[] = [GKE, { ...GKE, cloudProxyWorkloadIdentity: true }];
        assert.deepStrictEqual(assertSpecDefaults(CASTAI_GKE_ARGS, planCastAiGke, bases), [
            "mode", "allowProjectWideServiceAccountUse", "computeManagerProjectIds", "cloudProxyWorkloadIdentity", "cloudProxyNamespace",
            "loadBalancersTargetBackendPools", "loadBalancersUnmanagedInstanceGroups", "propagationDelaySeconds",
        ]);
    });

    it("states the resource counts the render tests pin", () => {
        assert.match(section, /\| impersonation, scoped \| 8:/);
        assert.match(section, /\| key, scoped \| 7:/);
    });
});
