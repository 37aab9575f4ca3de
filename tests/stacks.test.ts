/** stackOutputs (typed StackReference reads) and the stack mocks of kubegrant/testing. */
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { stackOutputs } from "kubegrant";
import { installMocks, mockSecret, outputValue } from "../components/exports/testing";
import { parseStackOutputRef } from "../components/core/stacks";
import { failure } from "./support/failure";

const REG = "acme/castai-registration/prod";
const CLUSTER_ID = "3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b";
const registration = {
    eksClusterId: mockSecret(CLUSTER_ID),
    gkeImpersonationAccount: "cast-gke-1a2b3c4d@prod-cast-identity.iam.gserviceaccount.com",
    nodePools: ["a", "b"],
    replicas: 3,
    hardened: true,
    labels: { team: "platform" },
};

describe("stackOutputs: typed reads of another stack", () => {
    it("gives typed Outputs, each keeping its own secretness, from one StackReference", async () => {
        const rec = installMocks({ stacks: { [REG]: registration } });
        const reg = stackOutputs(REG, {
            eksClusterId: "string", gkeImpersonationAccount: "string", nodePools: "string[]", replicas: "number",
            hardened: "boolean", labels: "object", missing: "string?",
        });
        const id: pulumi.Output<string> = reg.eksClusterId;
        const pools: pulumi.Output<string[]> = reg.nodePools;
        const missing: pulumi.Output<string | undefined> = reg.missing;
        assert.deepStrictEqual(await outputValue(id), { value: CLUSTER_ID, secret: true });
        assert.deepStrictEqual(await outputValue(reg.gkeImpersonationAccount), { value: registration.gkeImpersonationAccount, secret: false });
        assert.deepStrictEqual(await outputValue(pools), { value: ["a", "b"], secret: false });
        assert.deepStrictEqual(await outputValue(reg.replicas), { value: 3, secret: false });
        assert.deepStrictEqual(await outputValue(reg.hardened), { value: true, secret: false });
        assert.deepStrictEqual(await outputValue(reg.labels), { value: { team: "platform" }, secret: false });
        assert.deepStrictEqual(await outputValue(missing), { value: undefined, secret: false });
        await rec.settle();
        assert.deepStrictEqual(rec.resources.map((r) => [r.type, r.name, r.read, r.inputs]), [
            ["pulumi:pulumi:StackReference", REG, true, { name: REG }],
        ]);
    });

    it("reads through a StackReference the program made itself", async () => {
        installMocks({ stacks: { [REG]: registration } });
        const ref = new pulumi.StackReference("registration", { name: REG });
        assert.deepStrictEqual(await outputValue(stackOutputs(ref, { eksClusterId: "string" }).eksClusterId), { value: CLUSTER_ID, secret: true });
    });

    it("fails a missing output naming the stack and the output, and listing what the stack exports", async () => {
        installMocks({ stacks: { [REG]: registration } });
        const reg = stackOutputs(REG, { aksClusterId: "string" });
        assert.strictEqual(await failure(reg.aksClusterId),
            `${REG}#aksClusterId: is not an output of the stack (its outputs: eksClusterId, gkeImpersonationAccount, hardened, labels, nodePools, replicas)`);
    });

    it("fails an output of the wrong type, without showing its (possibly secret) value", async () => {
        installMocks({ stacks: { [REG]: registration } });
        const reg = stackOutputs(REG, { eksClusterId: "number", replicas: "string", nodePools: "object", labels: "string[]", hardened: "list" });
        assert.strictEqual(await failure(reg.eksClusterId), `${REG}#eksClusterId: must be a number, got a string`);
        assert.strictEqual(await failure(reg.replicas), `${REG}#replicas: must be a string, got a number`);
        assert.strictEqual(await failure(reg.nodePools), `${REG}#nodePools: must be an object, got a list`);
        assert.strictEqual(await failure(reg.labels), `${REG}#labels: must be a list of strings, got an object`);
        assert.strictEqual(await failure(reg.hardened), `${REG}#hardened: must be a list, got a boolean`);
    });

    it("fails a stack that is not mocked the way the engine fails a missing stack", async () => {
        installMocks({ stacks: { [REG]: registration } });
        const other = stackOutputs("acme/castai-registration/staging", { eksClusterId: "string" });
        assert.strictEqual(await failure(other.eksClusterId),
            "failed to read resource #acme/castai-registration/staging 'acme/castai-registration/staging' [pulumi:pulumi:StackReference]: "
            + `unknown stack "acme/castai-registration/staging" (kubegrant mocks: add its outputs to the stacks option; mocked: ${REG})`);
    });

    it("checks the stack name and the spec before creating any StackReference", async () => {
        const rec = installMocks({ stacks: { [REG]: registration } });
        const cases: [() => unknown, string][] = [
            [() => stackOutputs("castai-registration/prod", { a: "string" }), `stack: must be a fully qualified stack name <org>/<project>/<stack>, got "castai-registration/prod"`],
            [() => stackOutputs(REG, {}), "spec: names no output to read"],
            [() => stackOutputs(REG, { a: "text" } as never), `spec.a: must be one of "string", "number", "boolean", "string[]", "list", "object" (with "?" if optional), got "text"`],
            [() => stackOutputs(REG, { "a b": "string" }), "spec.a b: is not an output name"],
        ];
        for (const [f, message] of cases) assert.throws(f, (e: unknown) => (e as Error).message === message, message);
        await rec.settle();
        assert.deepStrictEqual(rec.resources, []);
    });

    it("parses <org>/<project>/<stack>#<output> references", () => {
        assert.deepStrictEqual(parseStackOutputRef("k", `${REG}#eksClusterId`), { stack: REG, output: "eksClusterId" });
        for (const bad of [REG, `${REG}#`, "prod#eksClusterId", `${REG}#a#b`, 7]) {
            assert.throws(() => parseStackOutputRef("k", bad),
                (e: unknown) => (e as Error).message === `k: must be "<org>/<project>/<stack>#<output>", got ${JSON.stringify(bad)}`, String(bad));
        }
    });
});

describe("KubegrantMocks: look-ups answered by default", () => {
    it("answers the AWS caller identity, region and partition, and Azure's client config, from the options", async () => {
        installMocks({ awsAccountId: "210987654321", awsPartition: "aws-us-gov", azureSubscriptionId: "2b3c4d5e-6f70-4a81-9b2c-3d4e5f607182" });
        const invoke = (token: string) => pulumi.runtime.invoke(token, {}) as Promise<Record<string, unknown>>;
        assert.strictEqual((await invoke("aws:index/getCallerIdentity:getCallerIdentity")).accountId, "210987654321");
        assert.strictEqual((await invoke("aws:index/getRegion:getRegion")).region, "us-gov-west-1");
        assert.strictEqual((await invoke("aws:index/getPartition:getPartition")).partition, "aws-us-gov");
        const client = await invoke("azure-native:authorization:getClientConfig");
        assert.deepStrictEqual([client.subscriptionId, client.tenantId], ["2b3c4d5e-6f70-4a81-9b2c-3d4e5f607182", "11111111-0000-4000-8000-000000000001"]);
        // Anything else still fails (the SDK drops the mock's message on the way).
        await assert.rejects(invoke("gcp:organizations/getProject:getProject"));
    });
});
