/**
 * Every IAM condition CastAiGkeAccess generates, parsed and evaluated as CEL by a third-party
 * engine (@bufbuild/cel) against requests that must pass and requests that must not.
 */
import * as assert from "assert";
import { isCelError, parse } from "@bufbuild/cel";
import { runCondition } from "./support/cel";
import { installMocks, outputValue } from "../components/exports/testing";
import { CastAiGkeAccess } from "../components/castai/gke";
import { planCastAiGke } from "../components/castai/gke-plan";
import { CASTAI_SA, GKE, NODE_SA_IDS } from "./support/gke-values";

interface Request {
    readonly resourceName?: string;
    readonly email?: string;
}

/** The decision of GCP's condition engine: the expression must evaluate to the boolean true. */
function allows(expression: string, req: Request): boolean {
    parse(expression); // throws on a syntax error
    const result = runCondition(expression, {
        resource: { name: req.resourceName ?? "projects/-/serviceAccounts/000000000000000000000", type: "iam.googleapis.com/ServiceAccount", service: "iam.googleapis.com" },
        request: { auth: { claims: { email: req.email ?? "nobody@example.iam.gserviceaccount.com" } }, time: new Date(0).toISOString() },
    });
    if (isCelError(result)) throw new Error(`CEL error in ${expression}: ${String(result)}`);
    assert.strictEqual(typeof result, "boolean", `${expression} must evaluate to a boolean`);
    return result as boolean;
}

const sa = (id: string) => `projects/-/serviceAccounts/${id}`;

async function conditions(args: Parameters<typeof planCastAiGke>[0]): Promise<Record<string, string>> {
    const rec = installMocks();
    const c = new CastAiGkeAccess("castai", args);
    await outputValue(c.ready);
    await rec.settle();
    const out: Record<string, string> = {};
    for (const r of rec.resources) {
        const cond = r.inputs.condition as { expression?: string } | undefined;
        if (cond?.expression) out[r.name] = cond.expression;
    }
    return out;
}

describe("GKE IAM conditions, judged by @bufbuild/cel", () => {
    it("every generated condition parses and evaluates (impersonation mode, all features)", async () => {
        const all = await conditions({ ...GKE, cloudProxyWorkloadIdentity: true, computeManagerProjectIds: ["acme-sole-tenant"] });
        assert.deepStrictEqual(Object.keys(all).sort(), ["castai-access-impersonation-user", "castai-access-sa-user"]);
        for (const e of Object.values(all)) allows(e, {});
    });

    it("serviceAccountUser admits each listed node service account and no other", async () => {
        const expr = (await conditions(GKE))["castai-access-sa-user"];
        for (const id of NODE_SA_IDS) {
            assert.strictEqual(allows(expr, { resourceName: sa(id) }), true, id);
            assert.strictEqual(allows(expr, { resourceName: `${sa(id)}/keys/abc` }), true, "sub-resources of a listed account");
        }
        assert.strictEqual(allows(expr, { resourceName: sa("123456789012345678901") }), false, "another service account");
        assert.strictEqual(allows(expr, { resourceName: sa(NODE_SA_IDS[0].slice(0, 20)) }), false, "a prefix of a listed ID");
        assert.strictEqual(allows(expr, { resourceName: `projects/acme-prod/serviceAccounts/castai-gke-f00c9019@acme-prod.iam.gserviceaccount.com` }), false);
        assert.strictEqual(allows(expr, { resourceName: "" }), false);
    });

    it("the default has no unconditional serviceAccountUser: without node IDs the plan refuses, and only the opt-in drops the condition", async () => {
        assert.throws(() => planCastAiGke({ ...GKE, nodeServiceAccountIds: [] }), /^InputError: nodeServiceAccountIds: is required: /);
        const wide = await conditions({ ...GKE, nodeServiceAccountIds: undefined, allowProjectWideServiceAccountUse: true });
        assert.deepStrictEqual(Object.keys(wide), ["castai-access-impersonation-user"], "no condition left on the project-wide grant");
    });

    it("one node ID: the condition admits exactly that one", () => {
        const expr = planCastAiGke({ ...GKE, nodeServiceAccountIds: [NODE_SA_IDS[1]] }).serviceAccountUserCondition!.expression;
        assert.strictEqual(allows(expr, { resourceName: sa(NODE_SA_IDS[1]) }), true);
        assert.strictEqual(allows(expr, { resourceName: sa(NODE_SA_IDS[0]) }), false);
    });

    it("impersonation serviceAccountUser admits Cast AI's account and no other caller", async () => {
        const expr = (await conditions(GKE))["castai-access-impersonation-user"];
        assert.strictEqual(allows(expr, { email: CASTAI_SA }), true);
        assert.strictEqual(allows(expr, { email: "cast-gke-99999999@prod-cast-identity.iam.gserviceaccount.com" }), false, "another Cast AI organization");
        assert.strictEqual(allows(expr, { email: `${CASTAI_SA}.evil.com` }), false);
        assert.strictEqual(allows(expr, { email: CASTAI_SA.toUpperCase() }), false);
    });
});
