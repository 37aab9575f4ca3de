/**
 * kubegrant/policy: each policy passes what our components register (the render: the components
 * under Pulumi's mocks) and fails a mutated resource. Policies are called the way @pulumi/policy
 * documents for unit tests: `validateResource(args, reportViolation)` / `validateStack(args,
 * reportViolation)` with the arguments the analyzer would pass (type, props, URN, name, config).
 */
import * as assert from "assert";
import type { PolicyResource, ResourceValidationArgs, ResourceValidationPolicy, StackValidationArgs, StackValidationPolicy } from "@pulumi/policy";
import {
    KUBEGRANT_POLICIES, awsManagedPoliciesPerRole, awsPolicySize, noAuthoritativeGcpIam, noEscalatingRoleForVendor, noWildcardAction,
    vendorTrustConditions,
} from "../components/exports/policy";
import { RenderedResource } from "../components/render/run";
import { keptSecret } from "../components/core/preset";
import { loadPreset } from "../components/render/preset";
import { installMocks, revealSecrets } from "../components/testing/mocks";
import { AKS_WI } from "./support/aks-values";
import { GKE } from "./support/gke-values";
import { EKS, HARDENED, OIDC } from "./support/values";

const ACK = "c0123456789abcdef0123456789abcdef";

/** Renders exercised: every preset, and the opt-ins that change the kinds of grants. */
const RENDERS: readonly [string, Record<string, unknown>][] = [
    ["castai-eks", EKS],
    ["castai-eks", HARDENED],
    ["castai-eks", { ...EKS, agentIdentity: "podIdentity", clusterRbac: {} }],
    ["castai-eks", { ...EKS, agentIdentity: "irsa", oidcProviderArn: OIDC }],
    ["castai-eks", { ...EKS, allowPassAnyRole: true, sshKeyPairs: true, pauseResume: true, ipv6: true, cniPolicy: true, ssmPolicy: true }],
    ["castai-gke", GKE],
    ["castai-aks", AKS_WI],
    ["castai-kubernetes", {}],
    ["castai-kubernetes", { extendedPermissions: true, operatorClusterWidePodWrite: true }],
    ["cloudpilot-kubernetes", { optimizer: true, allowAnyWebhookConfigurationUpdate: true }],
    ["cloudpilot-eks", { clusterName: "prod-eu", accountId: "123456789012", region: "eu-central-1" }],
    ["cloudpilot-alibaba", { clusterName: "prod-hz", internalClusterId: ACK, accountId: "1234567890123456", oidcIssuerUrl: `https://oidc-ack-cn-hangzhou.oss-cn-hangzhou.aliyuncs.com/${ACK}` }],
    ["cloudpilot-alibaba", { clusterName: "prod-hz", internalClusterId: ACK, trust: "account", trustedAccountId: "5555666677778888", externalId: "cp-7f3e9a1c-ext" }],
    ["palette-aws", { accountId: "123456789012", trustedAccountId: "111122223333", externalId: "palette-ext-7f3a", eks: true }],
    ["palette-aws", { accountId: "123456789012", trustedAccountId: "111122223333", externalId: "palette-ext-7f3a", eks: true, variant: "core", allowIamPrivilegeEscalation: true }],
];

/** A resource as the engine passes it to a policy: its URN carries the types of its parents. */
function asPolicyResource(r: RenderedResource, all: readonly RenderedResource[]): PolicyResource {
    const chain: string[] = [];
    for (let p = r.parent; p !== null;) {
        const parent = all.find((x) => x.name === p && x.type.startsWith("kubegrant:"));
        if (!parent) break;
        chain.unshift(parent.type);
        p = parent.parent;
    }
    return {
        type: r.type, name: r.name, urn: `urn:pulumi:test::kubegrant::${[...chain, r.type].join("$")}::${r.name}`,
        props: r.inputs,
        opts: { protect: false, ignoreChanges: [], aliases: [], additionalSecretOutputs: [] } as unknown as PolicyResource["opts"],
        dependencies: [], propertyDependencies: {},
        isType: () => false, asType: () => undefined,
    };
}

function config(policy: ResourceValidationPolicy | StackValidationPolicy): Record<string, unknown> {
    return Object.fromEntries(Object.entries(policy.configSchema?.properties ?? {}).map(([k, v]) => [k, (v as { default?: unknown }).default]));
}

const notApplicable = (reason?: string): never => { throw new Error(`not applicable: ${reason}`); };

/** The violations `policy` reports for `resources` (each resource, or the stack). */
async function violations(policy: ResourceValidationPolicy | StackValidationPolicy, resources: readonly PolicyResource[], cfg = config(policy)): Promise<string[]> {
    const found: string[] = [];
    const report = (message: string) => { found.push(message); };
    if ("validateResource" in policy && policy.validateResource) {
        const validations = Array.isArray(policy.validateResource) ? policy.validateResource : [policy.validateResource];
        for (const r of resources) {
            const args: ResourceValidationArgs = {
                type: r.type, props: r.props, urn: r.urn, name: r.name, opts: r.opts, stackTags: new Map(),
                isType: () => false, asType: () => undefined, getConfig: <T extends object>() => cfg as T, notApplicable,
            };
            for (const v of validations) await v(args, report);
        }
    } else if ("validateStack" in policy && policy.validateStack) {
        const args: StackValidationArgs = { resources: [...resources], stackTags: new Map(), getConfig: <T extends object>() => cfg as T, notApplicable };
        await policy.validateStack(args, report);
    }
    return found;
}

const renders = new Map<string, PolicyResource[]>();
async function rendered(preset: string, values: Record<string, unknown>): Promise<PolicyResource[]> {
    const key = JSON.stringify([preset, values]);
    if (!renders.has(key)) {
        // What the component registers under mocks, secrets revealed: the engine passes a policy their values.
        const p = loadPreset(preset);
        const recorder = installMocks(p.mockOptions(values));
        p.create(p.name.split("-")[0], Object.fromEntries(Object.entries(values).map(([k, v]) => [k, keptSecret(p.keys.find((x) => x.name === k)!, v)])));
        await recorder.settle();
        const all: RenderedResource[] = recorder.resources.map((r) => ({ type: r.type, name: r.name, parent: r.parent, inputs: revealSecrets(r.inputs) as Record<string, unknown> }));
        renders.set(key, all.map((x) => asPolicyResource(x, all)));
    }
    return renders.get(key)!;
}

/** Parsed JSON of any shape (resource props, policy documents) that a test reaches into and changes. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests mutate many shapes of parsed JSON in place; types for each would only restate the data
type Json = any;

/** A copy of `resources` with the one named `name` (of `type`) changed by `mutate`. */
function mutated(resources: readonly PolicyResource[], type: string, name: string, mutate: (props: Record<string, Json>) => void): PolicyResource[] {
    let hit = 0;
    const out = resources.map((r) => {
        if (r.type !== type || r.name !== name) return r;
        hit++;
        const props = JSON.parse(JSON.stringify(r.props)) as Record<string, Json>;
        mutate(props);
        return { ...r, props };
    });
    assert.strictEqual(hit, 1, `no ${type} ${name} to mutate`);
    return out;
}

const doc = (s: string) => JSON.parse(s) as { Statement: Record<string, Json>[] };
const mutateDoc = (key: string, f: (d: { Statement: Record<string, Json>[] }) => void) => (props: Record<string, Json>) => {
    const d = doc(props[key]);
    f(d);
    props[key] = JSON.stringify(d);
};

describe("kubegrant/policy: the CrossGuard policy pack", function () {
    this.timeout(60_000);

    it("every policy has a name, a level (mandatory or advisory) and a description a reviewer can act on", () => {
        assert.deepStrictEqual(KUBEGRANT_POLICIES.map((p) => [p.name, p.enforcementLevel]), [
            ["kubegrant-vendor-trust-conditions", "mandatory"],
            ["kubegrant-no-wildcard-action", "mandatory"],
            ["kubegrant-no-authoritative-gcp-iam", "mandatory"],
            ["kubegrant-no-escalating-role-for-vendor", "mandatory"],
            ["kubegrant-aws-policy-size", "mandatory"],
            ["kubegrant-aws-managed-policies-per-role", "advisory"],
        ]);
        for (const p of KUBEGRANT_POLICIES) assert.ok(p.description.length > 150 && /\.$/.test(p.description), p.name);
    });

    for (const [preset, values] of RENDERS) {
        it(`passes every policy: ${preset} ${JSON.stringify(values).slice(0, 120)}`, async () => {
            const resources = await rendered(preset, values);
            // Not vacuous: every role's trust policy is a document the trust policy reads.
            for (const r of resources.filter((x) => x.type === "aws:iam/role:Role" || x.type === "alicloud:ram/role:Role")) {
                assert.ok((JSON.parse(r.props.assumeRolePolicy ?? r.props.assumeRolePolicyDocument) as { Statement: unknown[] }).Statement.length > 0, r.name);
            }
            for (const p of KUBEGRANT_POLICIES) assert.deepStrictEqual(await violations(p, resources), [], p.name);
        });
    }

    describe("fails a mutated resource", () => {
        it("vendor-trust-conditions: the external ID dropped from Cast AI's role", async () => {
            const r = mutated(await rendered("castai-eks", EKS), "aws:iam/role:Role", "castai-access", mutateDoc("assumeRolePolicy", (d) => { delete d.Statement[0].Condition; }));
            assert.deepStrictEqual(await violations(vendorTrustConditions, r), [
                "castai-access: trusts arn:aws:iam::809060229965:user/cast-crossrole-3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b without a StringEquals sts:ExternalId condition (the external ID kubegrant sets is gone).",
            ]);
        });
        it("vendor-trust-conditions: the external ID turned into a StringLike wildcard (Palette)", async () => {
            const values = { accountId: "123456789012", trustedAccountId: "111122223333", externalId: "palette-ext-7f3a", eks: true };
            const role = (await rendered("palette-aws", values)).find((x) => x.type === "aws:iam/role:Role")!;
            const r = mutated(await rendered("palette-aws", values), "aws:iam/role:Role", role.name, mutateDoc("assumeRolePolicy", (d) => {
                d.Statement[0].Condition = { StringLike: { "sts:ExternalId": "*" } };
            }));
            assert.strictEqual((await violations(vendorTrustConditions, r)).length, 1);
        });
        it("vendor-trust-conditions: IRSA's subject condition dropped", async () => {
            const values = { ...EKS, agentIdentity: "irsa", oidcProviderArn: OIDC };
            const role = (await rendered("castai-eks", values)).find((x) => x.type === "aws:iam/role:Role" && x.props.assumeRolePolicy.includes(":sub"))!;
            const r = mutated(await rendered("castai-eks", values), "aws:iam/role:Role", role.name, mutateDoc("assumeRolePolicy", (d) => {
                for (const op of Object.values(d.Statement[0].Condition) as Record<string, unknown>[]) for (const k of Object.keys(op)) if (k.endsWith(":sub")) delete op[k];
            }));
            assert.deepStrictEqual(await violations(vendorTrustConditions, r), [
                `${role.name}: trusts ${OIDC} without a StringEquals condition on the token's exact subject (<issuer>:sub).`,
            ]);
        });
        it("vendor-trust-conditions: Pod Identity's service-account tag dropped", async () => {
            const values = { ...EKS, agentIdentity: "podIdentity" };
            const role = (await rendered("castai-eks", values)).find((x) => x.type === "aws:iam/role:Role" && x.props.assumeRolePolicy.includes("pods.eks"))!;
            const r = mutated(await rendered("castai-eks", values), "aws:iam/role:Role", role.name, mutateDoc("assumeRolePolicy", (d) => {
                delete d.Statement[0].Condition.StringEquals["aws:RequestTag/kubernetes-service-account"];
            }));
            assert.deepStrictEqual(await violations(vendorTrustConditions, r), [
                `${role.name}: trusts EKS Pod Identity without StringEquals conditions on the session tags aws:RequestTag/kubernetes-service-account (any pod of any cluster in the account could assume it).`,
            ]);
        });
        it("vendor-trust-conditions: the RAM role's external ID dropped (Alibaba, account trust)", async () => {
            const values = { clusterName: "prod-hz", internalClusterId: ACK, trust: "account", trustedAccountId: "5555666677778888", externalId: "cp-7f3e9a1c-ext" };
            const role = (await rendered("cloudpilot-alibaba", values)).find((x) => x.type === "alicloud:ram/role:Role")!;
            const r = mutated(await rendered("cloudpilot-alibaba", values), "alicloud:ram/role:Role", role.name, mutateDoc("assumeRolePolicyDocument", (d) => { delete d.Statement[0].Condition; }));
            assert.strictEqual((await violations(vendorTrustConditions, r)).length, 1);
        });

        it("no-wildcard-action: ec2:* added to Cast AI's policy; \"*\" added to the Azure role; a reviewed catalog wildcard passes", async () => {
            const eks = mutated(await rendered("castai-eks", EKS), "aws:iam/policy:Policy", "castai-access-policy", mutateDoc("policy", (d) => { d.Statement[0].Action = ["ec2:*"]; }));
            assert.deepStrictEqual(await violations(noWildcardAction, eks), [
                "castai-access-policy: grants the wildcard action \"ec2:*\", which kubegrant's catalogs do not; list the actions the vendor needs instead.",
            ]);
            const aks = mutated(await rendered("castai-aks", AKS_WI), "azure-native:authorization:RoleDefinition", "castai-role", (p) => { p.permissions[0].actions.push("*"); });
            assert.strictEqual((await violations(noWildcardAction, aks)).length, 1);
            assert.ok((await rendered("castai-aks", AKS_WI)).some((x) => JSON.stringify(x.props).includes("Microsoft.Compute/virtualMachines/*")));
        });

        it("no-authoritative-gcp-iam: a projects IAMBinding beside CastAiGkeAccess; the same binding in a stack without kubegrant is not its business", async () => {
            const binding: PolicyResource = { ...(await rendered("castai-gke", GKE))[0], type: "gcp:projects/iAMBinding:IAMBinding", name: "editors",
                urn: "urn:pulumi:test::kubegrant::gcp:projects/iAMBinding:IAMBinding::editors", props: { project: "acme-prod", role: "roles/iam.serviceAccountUser", members: ["group:ops@example.com"] } };
            assert.deepStrictEqual(await violations(noAuthoritativeGcpIam, [...await rendered("castai-gke", GKE), binding]), [
                "editors (gcp:projects/iAMBinding:IAMBinding) is authoritative: it replaces the members kubegrant grants; use the IAMMember resource instead.",
            ]);
            assert.deepStrictEqual(await violations(noAuthoritativeGcpIam, [binding]), []);
        });

        it("no-escalating-role-for-vendor: the agent ClusterRole rule widened to * * *; escalate in a user's role bound to Cast AI's agent", async () => {
            const base = await rendered("castai-kubernetes", {});
            const role = base.find((x) => x.type.endsWith(":ClusterRole") && x.props.metadata.name === "castai-agent")!;
            const r = mutated(base, role.type, role.name, (p) => { p.rules[0] = { apiGroups: ["*"], resources: ["*"], verbs: ["*"] }; });
            const found = await violations(noEscalatingRoleForVendor, r);
            assert.strictEqual(found.length, 1);
            assert.match(found[0], /^castai-rbac-clusterrolebinding-castai-agent binds ClusterRole castai-agent \(rules "\* \*: \*": escalate, bind or impersonate\) to the vendor's service account castai-agent\/castai-agent\.$/);
            const mine = (name: string, type: string, props: Record<string, unknown>): PolicyResource =>
                ({ ...base[0], type, name, urn: `urn:pulumi:test::kubegrant::${type}::${name}`, props });
            const users = [
                mine("admin", "kubernetes:rbac.authorization.k8s.io/v1:ClusterRole", { metadata: { name: "escalator" }, rules: [{ apiGroups: ["rbac.authorization.k8s.io"], resources: ["clusterroles"], verbs: ["escalate"] }] }),
                mine("admin-binding", "kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding", { metadata: { name: "escalator" }, roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "escalator" }, subjects: [{ kind: "ServiceAccount", name: "castai-agent", namespace: "castai-agent" }] }),
            ];
            assert.deepStrictEqual(await violations(noEscalatingRoleForVendor, [...base, ...users]), [
                "admin-binding binds ClusterRole escalator (rules \"rbac.authorization.k8s.io clusterroles: escalate\": escalate, bind or impersonate) to the vendor's service account castai-agent/castai-agent.",
            ]);
            // Bound to someone else's service account: not the vendor's, not this policy's.
            users[1].props.subjects = [{ kind: "ServiceAccount", name: "ci", namespace: "ops" }];
            assert.deepStrictEqual(await violations(noEscalatingRoleForVendor, [...base, ...users]), []);
        });

        it("aws-policy-size: a managed policy grown past 6,144 characters; inline policies past 10,240 per role", async () => {
            const big = Array.from({ length: 400 }, (_, i) => `ec2:DescribeThing${i}`);
            const managed = mutated(await rendered("castai-eks", EKS), "aws:iam/policy:Policy", "castai-access-policy", mutateDoc("policy", (d) => { d.Statement[1].Action = big; }));
            const found = await violations(awsPolicySize, managed);
            assert.strictEqual(found.length, 1);
            assert.match(found[0], /^castai-access-policy: the managed policy is \d+ characters; IAM allows 6144\.$/);
            const inline = mutated(await rendered("castai-eks", EKS), "aws:iam/rolePolicy:RolePolicy", "castai-access-restricted", mutateDoc("policy", (d) => { d.Statement[0].Action = [...big, ...big]; }));
            assert.match((await violations(awsPolicySize, inline)).join("\n"), /^role castai-eks-prod-eu: its inline policies are \d+ characters together; IAM allows 10240 per role\.$/);
        });

        it("aws-managed-policies-per-role (advisory): an 11th attachment to the node role; the quota is configurable", async () => {
            const base = await rendered("castai-eks", { ...EKS, cniPolicy: true, ssmPolicy: true });
            const attachment = base.find((x) => x.type === "aws:iam/rolePolicyAttachment:RolePolicyAttachment" && x.props.role === "castai-eks-instance-prod-eu")!;
            const count = base.filter((x) => x.type === attachment.type && x.props.role === "castai-eks-instance-prod-eu").length;
            const extra = Array.from({ length: 11 - count }, (_, i) => ({ ...attachment, name: `extra-${i}`, urn: `${attachment.urn}-extra-${i}`, props: { ...attachment.props, policyArn: `arn:aws:iam::123456789012:policy/extra-${i}` } }));
            assert.deepStrictEqual(await violations(awsManagedPoliciesPerRole, [...base, ...extra]), [
                "role castai-eks-instance-prod-eu: 11 managed policies attached; the quota is 10 per role (maxManagedPoliciesPerRole).",
            ]);
            assert.deepStrictEqual(await violations(awsManagedPoliciesPerRole, [...base, ...extra], { maxManagedPoliciesPerRole: 20 }), []);
        });
    });
});
