import * as assert from "assert";
import { installMocks, outputValue } from "../components/exports/testing";
import { ServiceAccountAccess } from "../components/gcp/service-account";

describe("ServiceAccountAccess (generic, mocks)", () => {
    it("binds custom roles by reference, members default to the account, and enables APIs without disabling them", async () => {
        const rec = installMocks();
        const c = new ServiceAccountAccess("sa", {
            project: "acme-prod", accountId: "robot-account",
            customRoles: [{ key: "r", project: "acme-prod", roleId: "robot.role", title: "Robot", permissions: ["compute.zones.list"] }],
            projectBindings: [
                { key: "custom", project: "acme-prod", role: { customRole: "r" } },
                { key: "viewer", project: "acme-prod", role: "roles/viewer", member: "user:ops@example.com" },
            ],
            accountBindings: [{ key: "tc", role: "roles/iam.serviceAccountTokenCreator", member: "user:ops@example.com" }],
            services: [{ key: "api", project: "acme-prod", service: "iam.googleapis.com" }],
        });
        assert.strictEqual((await outputValue(c.ready)).value, "robot-account@acme-prod.iam.gserviceaccount.com");
        await rec.settle();
        const inputs = Object.fromEntries(rec.resources.filter((r) => r.custom).map((r) => [r.name, r.inputs]));
        assert.deepStrictEqual(Object.keys(inputs).sort(), ["sa", "sa-api", "sa-custom", "sa-r", "sa-tc", "sa-viewer"]);
        assert.deepStrictEqual(inputs["sa-custom"], { project: "acme-prod", role: "projects/acme-prod/roles/robot.role", member: "serviceAccount:robot-account@acme-prod.iam.gserviceaccount.com" });
        assert.deepStrictEqual(inputs["sa-viewer"], { project: "acme-prod", role: "roles/viewer", member: "user:ops@example.com" });
        assert.strictEqual(inputs["sa-api"].disableOnDestroy, false);
        assert.strictEqual((await outputValue(c.privateKey)).value, undefined);
    });

    it("rejects duplicate keys and unknown custom-role references before registering anything", async () => {
        const rec = installMocks();
        assert.throws(() => new ServiceAccountAccess("sa", {
            project: "p", accountId: "a",
            projectBindings: [{ key: "x", project: "p", role: "roles/viewer" }, { key: "x", project: "p", role: "roles/browser" }],
        }), /^InputError: key: binding x is given twice; every key must be unique$/);
        assert.throws(() => new ServiceAccountAccess("sa", {
            project: "p", accountId: "a", projectBindings: [{ key: "x", project: "p", role: { customRole: "nope" } }],
        }), /^InputError: projectBindings: x refers to custom role nope, which customRoles does not define$/);
        await rec.settle();
        assert.deepStrictEqual(rec.resources, []);
    });
});
