import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { installMocks, outputValue } from "../components/exports/testing";
import { run } from "../components/program/main";
import { CASTAI_SA, NODE_SA_IDS } from "./support/gke-values";

const config = (extra: Record<string, string>) => ({
    "kubegrant:preset": "castai-gke",
    "kubegrant:projectId": "acme-prod",
    "kubegrant:clusterName": "prod-eu",
    "kubegrant:location": "europe-west1",
    "kubegrant:nodeServiceAccountIds": JSON.stringify(NODE_SA_IDS),
    ...extra,
});

describe("root Pulumi program with preset castai-gke", () => {
    afterEach(() => pulumi.runtime.setAllConfig({}));

    it("deploys impersonation mode from stack config, the same resources as render", async () => {
        const rec = installMocks();
        pulumi.runtime.setAllConfig(config({ "kubegrant:castaiServiceAccount": CASTAI_SA }), []);
        const outputs = run();
        assert.deepStrictEqual(Object.keys(outputs), ["serviceAccountEmail", "serviceAccountId", "serviceAccountUniqueId", "customRoleId", "privateKey", "mode", "propagationDelaySeconds", "ready"]);
        assert.strictEqual((await outputValue(outputs.ready)).value, "castai-gke-f00c9019@acme-prod.iam.gserviceaccount.com");
        await rec.settle();
        assert.strictEqual(rec.resources.length, 10);
    });

    it("key mode exports the private key as a secret stack output", async () => {
        const rec = installMocks();
        pulumi.runtime.setAllConfig(config({ "kubegrant:mode": "key" }), []);
        const outputs = run();
        const key = await outputValue(outputs.privateKey);
        assert.strictEqual(key.secret, true);
        assert.strictEqual(typeof key.value, "string");
        await outputValue(outputs.ready);
        await rec.settle();
        assert.strictEqual(rec.resources.length, 9);
    });
});
