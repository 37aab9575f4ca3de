// A GCP-only user's own test (tests/consumer.test.ts copies it, with examples/castai-gke, into a
// fresh project that has kubegrant from the packed tarball, @pulumi/pulumi and @pulumi/gcp only).
import * as assert from "assert";
import { CastAiGkeAccess } from "kubegrant/gcp";
import { installMocks, redactSecrets, runProgram } from "kubegrant/testing";

const config = {
    "gcp:project": "acme-prod", clusterName: "prod-eu", location: "europe-west1",
    castaiServiceAccount: "cast-gke-1a2b3c4d@prod-cast-identity.iam.gserviceaccount.com", nodeServiceAccountIds: ["112233445566778899001"],
};
const missing = (module: string, packages: string[]) => `${module}: needs ${packages.join(" and ")}, not installed: npm install ${packages.join(" ")}`;

describe("a GCP-only project", () => {
    it("runs the program under kubegrant/testing's mocks", async () => {
        const { outputs, resources } = await runProgram(require.resolve("./index"), { config });
        assert.strictEqual((redactSecrets(outputs) as Record<string, unknown>).serviceAccountEmail, "castai-gke-f00c9019@acme-prod.iam.gserviceaccount.com");
        assert.ok(resources.some((r) => r.type === "gcp:projects/iAMCustomRole:IAMCustomRole"), "a custom role");
    });

    it("gets one error naming every missing package from another cloud's sub-path", () => {
        /* eslint-disable @typescript-eslint/no-require-imports -- loading a sub-path whose peer is missing is what is tested: it must throw at run time */
        assert.throws(() => require("kubegrant/aws"), { message: missing("kubegrant/aws", ["@pulumi/aws"]) });
        assert.throws(() => require("kubegrant/azure"), { message: missing("kubegrant/azure", ["@pulumi/azure-native", "@pulumi/azuread"]) });
        assert.throws(() => require("kubegrant/kubernetes"), { message: missing("kubegrant/kubernetes", ["@pulumi/kubernetes"]) });
        /* eslint-enable @typescript-eslint/no-require-imports */
    });

    it("gets one error, before anything is registered, for clusterRbac without @pulumi/kubernetes", () => {
        const recorder = installMocks();
        assert.throws(() => new CastAiGkeAccess("castai", {
            projectId: "acme-prod", clusterName: "prod-eu", location: "europe-west1", castaiServiceAccount: config.castaiServiceAccount,
            nodeServiceAccountIds: config.nodeServiceAccountIds, clusterRbac: {},
        }), { message: missing("clusterRbac", ["@pulumi/kubernetes"]) });
        assert.deepStrictEqual(recorder.resources, []);
    });
});
