// A Kubernetes-only user's own test (tests/consumer.test.ts copies it, with examples/castai-kubernetes,
// into a fresh project that has kubegrant from the packed tarball, @pulumi/pulumi and @pulumi/kubernetes only).
import * as assert from "assert";
import { CASTAI_SERVICE_ACCOUNTS } from "kubegrant/kubernetes";
import { runProgram } from "kubegrant/testing";

const missing = (module: string, packages: string[]) => `${module}: needs ${packages.join(" and ")}, not installed: npm install ${packages.join(" ")}`;

describe("a Kubernetes-only project", () => {
    it("runs the program under kubegrant/testing's mocks", async () => {
        const { outputs, resources } = await runProgram(require.resolve("./index"), { config: { extendedPermissions: true } });
        assert.strictEqual(outputs.namespace, "castai-agent");
        assert.ok(resources.some((r) => r.type === "kubernetes:rbac.authorization.k8s.io/v1:ClusterRole"), "a ClusterRole");
        const accounts = resources.filter((r) => r.type === "kubernetes:core/v1:ServiceAccount").map((r) => (r.inputs.metadata as { name: string }).name);
        assert.deepStrictEqual(accounts.sort(), Object.values(outputs.serviceAccountNames as Record<string, string>).sort());
        assert.ok(accounts.every((a) => Object.values(CASTAI_SERVICE_ACCOUNTS).includes(a)), "the vendor's service account names");
    });

    it("gets one error naming every missing package from a cloud's sub-path", () => {
        /* eslint-disable @typescript-eslint/no-require-imports -- loading a sub-path whose peer is missing is what is tested: it must throw at run time */
        assert.throws(() => require("kubegrant/aws"), { message: missing("kubegrant/aws", ["@pulumi/aws"]) });
        assert.throws(() => require("kubegrant/gcp"), { message: missing("kubegrant/gcp", ["@pulumi/gcp"]) });
        assert.throws(() => require("kubegrant/azure"), { message: missing("kubegrant/azure", ["@pulumi/azure-native", "@pulumi/azuread"]) });
        /* eslint-enable @typescript-eslint/no-require-imports */
    });
});
