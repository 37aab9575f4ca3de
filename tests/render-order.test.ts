/**
 * A render lists resources in tree order (a parent before its children, siblings by name, then
 * type), whatever order Pulumi completed their registrations in: `treeOrder` depends only on what
 * was registered.
 */
import * as assert from "assert";
import { loadPreset } from "../components/render/preset";
import { render, treeOrder } from "../components/render/run";
import { installMocks } from "../components/testing/mocks";
import type { RegisteredResource } from "../components/testing/mocks";

const PREFIX = "urn:pulumi:test::kubegrant";
function resource(qualifiedType: string, name: string, parent: string | null): RegisteredResource {
    return {
        type: qualifiedType.slice(qualifiedType.lastIndexOf("$") + 1), name, parent,
        urn: `${PREFIX}::${qualifiedType}::${name}`, custom: !qualifiedType.endsWith("Access") && !qualifiedType.endsWith("PolicyRole"), read: false, inputs: {},
    };
}

const TREE = [
    resource("kubegrant:castai:CastAiEksAccess", "castai", null),
    resource("kubegrant:castai:CastAiEksAccess$kubegrant:aws:PolicyRole", "castai-access", "castai"),
    resource("kubegrant:castai:CastAiEksAccess$kubegrant:aws:PolicyRole$aws:iam/role:Role", "castai-access", "castai-access"),
    resource("kubegrant:castai:CastAiEksAccess$kubegrant:aws:PolicyRole$aws:iam/rolePolicyAttachment:RolePolicyAttachment", "castai-access-3bd83497", "castai-access"),
    resource("kubegrant:castai:CastAiEksAccess$kubegrant:aws:PolicyRole$aws:iam/policy:Policy", "castai-access-policy", "castai-access"),
    resource("kubegrant:castai:CastAiEksAccess$kubegrant:aws:PolicyRole", "castai-node", "castai"),
    resource("kubegrant:castai:CastAiEksAccess$kubegrant:aws:PolicyRole$aws:iam/instanceProfile:InstanceProfile", "castai-node", "castai-node"),
    resource("kubegrant:castai:CastAiEksAccess$kubegrant:aws:PolicyRole$aws:iam/role:Role", "castai-node", "castai-node"),
    // Another root after the first tree: roots are siblings too.
    resource("kubernetes:core/v1:Namespace", "ns", null),
];
const label = (r: RegisteredResource) => `${r.type} ${r.name}`;

describe("render order: tree order, independent of registration completion", () => {
    it("puts a parent before its children and sorts siblings by name, then type", () => {
        const shuffled = [TREE[7], TREE[2], TREE[8], TREE[4], TREE[0], TREE[6], TREE[3], TREE[5], TREE[1]];
        assert.deepStrictEqual(treeOrder(shuffled).map(label), TREE.map(label));
    });

    it("orders a real render's registrations the same whatever order they completed in", async () => {
        const values = {
            clusterName: "prod-eu", clusterId: "3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b", accountId: "123456789012",
            region: "eu-central-1", vpcId: "vpc-0a1b2c3d4e5f67890", agentIdentity: "podIdentity",
        };
        const preset = loadPreset("castai-eks");
        const recorder = installMocks(preset.mockOptions(values));
        preset.create("castai", values);
        await recorder.settle();
        const completed = [...recorder.resources];
        assert.ok(completed.length > 10);
        const ordered = treeOrder(completed).map(label);
        assert.deepStrictEqual(treeOrder([...completed].reverse()).map(label), ordered);
        // Every third, then the rest: another completion order.
        const interleaved = [...completed.filter((_, i) => i % 3 === 0), ...completed.filter((_, i) => i % 3 !== 0)];
        assert.deepStrictEqual(treeOrder(interleaved).map(label), ordered);
        assert.strictEqual(ordered[0], "kubegrant:castai:CastAiEksAccess castai");
        // The render lists exactly that order.
        const rendering = await render("castai-eks", values);
        assert.deepStrictEqual(rendering.resources.map((r) => `${r.type} ${r.name}`), ordered);
    });
});
