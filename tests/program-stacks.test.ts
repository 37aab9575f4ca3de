/** The root program reading preset keys from other stacks (`kubegrant:inputsFrom`). */
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { installMocks, mockSecret, outputValue } from "../components/exports/testing";
import { INPUTS_FROM, parseInputsFrom, readConfig, run } from "../components/program/main";
import { loadPreset, presetNames } from "../components/render/preset";
import { failure } from "./support/failure";
import { EKS } from "./support/values";

const REG = "acme/castai-registration/prod";
const { clusterId, ...rest } = EKS;
const config = (extra: Record<string, string> = {}) => ({
    "kubegrant:preset": "castai-eks",
    ...Object.fromEntries(Object.entries(rest).map(([k, v]) => [`kubegrant:${k}`, v])),
    [INPUTS_FROM]: JSON.stringify({ clusterId: `${REG}#eksClusterId` }),
    ...extra,
});
const message = (m: string) => (e: unknown) => (e as Error).message === m;

describe("root program: preset keys from other stacks (kubegrant:inputsFrom)", () => {
    afterEach(() => pulumi.runtime.setAllConfig({}));

    it("reads the cluster ID from the registration stack, keeps it secret, and exports the preset's outputs", async () => {
        const rec = installMocks({ stacks: { [REG]: { eksClusterId: mockSecret(clusterId) } } });
        pulumi.runtime.setAllConfig(config(), []);
        const outputs = run();
        assert.deepStrictEqual(Object.keys(outputs), ["roleArn", "roleName", "externalId", "castaiUserArn", "instanceProfileArn", "nodeRoleArn", "ready"]);
        assert.deepStrictEqual(await outputValue(outputs.externalId), { value: clusterId, secret: true });
        assert.deepStrictEqual(await outputValue(outputs.castaiUserArn), { value: `arn:aws:iam::809060229965:user/cast-crossrole-${clusterId}`, secret: true });
        assert.deepStrictEqual(await outputValue(outputs.roleArn), { value: "arn:aws:iam::123456789012:role/castai-eks-prod-eu", secret: false });
        await outputValue(outputs.ready);
        await rec.settle();
        const reads = rec.resources.filter((r) => r.read);
        assert.deepStrictEqual(reads.map((r) => [r.type, r.name]), [["pulumi:pulumi:StackReference", REG]]);
        assert.strictEqual(rec.resources.length - reads.length, 17, "the same resources as with the cluster ID in config");
    });

    it("reads several keys of one stack through one StackReference, and plain outputs stay plain", async () => {
        const rec = installMocks({ stacks: { [REG]: { eksClusterId: clusterId, eksVpcId: EKS.vpcId } } });
        const c = { ...config({ [INPUTS_FROM]: JSON.stringify({ clusterId: `${REG}#eksClusterId`, vpcId: `${REG}#eksVpcId` }) }) };
        delete (c as Record<string, string>)["kubegrant:vpcId"];
        pulumi.runtime.setAllConfig(c, []);
        const outputs = run();
        assert.deepStrictEqual(await outputValue(outputs.externalId), { value: clusterId, secret: false });
        await outputValue(outputs.ready);
        await rec.settle();
        assert.strictEqual(rec.resources.filter((r) => r.read).length, 1);
    });

    it("fails the deployment naming the stack when the stack does not exist", async () => {
        installMocks({ stacks: {} });
        pulumi.runtime.setAllConfig(config(), []);
        const outputs = run();
        assert.match(await failure(outputs.externalId), /unknown stack "acme\/castai-registration\/prod"/);
    });

    it("fails the deployment naming the stack and the output when the output is missing or not a string", async () => {
        installMocks({ stacks: { [REG]: { aksClusterId: clusterId } } });
        pulumi.runtime.setAllConfig(config(), []);
        // The error reaches the output through the resources that used the value; no serialization prefix.
        assert.strictEqual(await failure(run().externalId), `${REG}#eksClusterId: is not an output of the stack (its outputs: aksClusterId)`);
        installMocks({ stacks: { [REG]: { eksClusterId: 42 } } });
        pulumi.runtime.setAllConfig(config(), []);
        assert.strictEqual(await failure(run().externalId), `${REG}#eksClusterId: must be a string, got a number`);
    });

    it("fails an output that resolves invalid with the component's own rule", async () => {
        installMocks({ stacks: { [REG]: { eksClusterId: "not a cluster id!" } } });
        pulumi.runtime.setAllConfig(config(), []);
        assert.strictEqual(await failure(run().externalId), 'clusterId: must be an AWS external ID: 2-1224 characters of letters, digits and +=,.@:/-_, got "not a cluster id!"');
    });

    it("rejects bad kubegrant:inputsFrom before reading any stack, naming the key", async () => {
        const preset = loadPreset("castai-eks");
        const cases: [Record<string, string>, string][] = [
            [{ [INPUTS_FROM]: "acme/x/y#z" }, `${INPUTS_FROM}: must be an object of <key>: "<org>/<project>/<stack>#<output>" (pulumi config set --path '${INPUTS_FROM}.<key>' ...), got "acme/x/y#z"`],
            [{ [INPUTS_FROM]: "[]" }, `${INPUTS_FROM}: must be an object of <key>: "<org>/<project>/<stack>#<output>" (pulumi config set --path '${INPUTS_FROM}.<key>' ...), got "[]"`],
            [{ [INPUTS_FROM]: JSON.stringify({ clusterID: `${REG}#eksClusterId` }) }, `${INPUTS_FROM}.clusterID: is not a key of preset castai-eks (known: ${preset.keys.map((k) => k.name).join(", ")})`],
            [{ [INPUTS_FROM]: JSON.stringify({ hardened: `${REG}#hardened` }) }, `${INPUTS_FROM}.hardened: preset castai-eks takes hardened only from config (keys it reads from other stacks: clusterName, clusterId, accountId, region, vpcId, vpcAccountId, castaiUserArn, roleName, nodeRoleName, oidcProviderArn, agentRoleName, agentNamespace)`],
            [{ [INPUTS_FROM]: JSON.stringify({ clusterId: "castai-registration/prod#eksClusterId" }) }, `${INPUTS_FROM}.clusterId: must be "<org>/<project>/<stack>#<output>", got "castai-registration/prod#eksClusterId"`],
            [{ [INPUTS_FROM]: JSON.stringify({ clusterId: REG }) }, `${INPUTS_FROM}.clusterId: must be "<org>/<project>/<stack>#<output>", got "${REG}"`],
            [{ "kubegrant:clusterId": clusterId }, `kubegrant:clusterId: is set twice: in config and in ${INPUTS_FROM}`],
            [{ "kubegrant:vpcID": "x" }, `kubegrant:vpcID: is not a key of preset castai-eks (known: ${preset.keys.map((k) => k.name).join(", ")})`],
        ];
        const rec = installMocks({ stacks: { [REG]: { eksClusterId: clusterId } } });
        for (const [extra, m] of cases) assert.throws(() => readConfig(preset, config(extra), []), message(m), m);
        const missing = config({ [INPUTS_FROM]: "{}" });
        assert.throws(() => readConfig(preset, missing, []),
            message("clusterId: is required by preset castai-eks (pulumi config set kubegrant:clusterId ...)"));
        await rec.settle();
        assert.deepStrictEqual(rec.resources, [], "no StackReference before the config is valid");
    });

    it("keeps a key the preset marks secret secret, from plain config or a plain stack output (Palette's external ID)", async () => {
        const palette = { "kubegrant:preset": "palette-aws", "kubegrant:accountId": "123456789012", "kubegrant:trustedAccountId": "111122223333" };
        installMocks({ stacks: { "acme/palette-registration/prod": { externalId: "palette-ext-7f3a" } } });
        pulumi.runtime.setAllConfig({ ...palette, "kubegrant:externalId": "palette-ext-7f3a" }, []);
        assert.deepStrictEqual(await outputValue(run().externalId), { value: "palette-ext-7f3a", secret: true });
        installMocks({ stacks: { "acme/palette-registration/prod": { externalId: "palette-ext-7f3a" } } });
        pulumi.runtime.setAllConfig({ ...palette, [INPUTS_FROM]: JSON.stringify({ externalId: "acme/palette-registration/prod#externalId" }) }, []);
        assert.deepStrictEqual(await outputValue(run().externalId), { value: "palette-ext-7f3a", secret: true });
    });

    it("offers exactly the component's string inputs of every preset, each a key of the preset", () => {
        for (const name of presetNames()) {
            const preset = loadPreset(name);
            for (const key of preset.outputKeys ?? []) {
                assert.strictEqual(preset.keys.find((k) => k.name === key)?.type, "string", `${name}: ${key}`);
                assert.deepStrictEqual(parseInputsFrom(preset, JSON.stringify({ [key]: `${REG}#${key}` })), { [key]: { stack: REG, output: key } });
            }
        }
        assert.deepStrictEqual(loadPreset("castai-kubernetes").outputKeys ?? [], [], "namespace and names must be plain: object names are planned");
        assert.ok(loadPreset("castai-aks").outputKeys?.includes("clusterId"));
        assert.ok(loadPreset("castai-gke").outputKeys?.includes("castaiServiceAccount"));
    });
});
