/**
 * The AWS escalation matrix (issue 13): every AWS preset × every mode, rendered as `pulumi up`
 * would create it (the render path), every IAM principal's policies judged by iam-simulate against
 * the published escalation paths of ./support/aws-escalations. Defaults hold none; each opt-in
 * adds exactly the patterns it names, and the markdown report lists it under "Risks".
 *
 * AWS-managed policies (AmazonEC2ReadOnlyAccess, IAMReadOnlyAccess on the vendor roles; the node
 * roles' worker, CNI, ECR, EBS CSI and SSM core policies) are attached by ARN: their documents are
 * not in the render and are not judged here (all read-only or node-scoped, by AWS).
 */
import * as assert from "assert";
import { render, Rendering } from "../components/render/run";
import { loadPreset } from "../components/render/preset";
import { toMarkdown } from "../components/render/markdown";
import { diffRenderings } from "../components/render/diff";
import { decide } from "./support/iam";
import { AWS_ESCALATIONS, Scope, withoutChain } from "./support/aws-escalations";
import { EKS, HARDENED, OIDC } from "./support/values";

const PALETTE = { accountId: EKS.accountId, trustedAccountId: "111122223333", externalId: "palette-ext-7f3a" };
const CLOUDPILOT = { clusterName: EKS.clusterName, accountId: EKS.accountId, region: EKS.region };
const CORE = { variant: "core", allowIamPrivilegeEscalation: true };

/** What each opt-in may add, and nothing more. */
const OPT_INS: Readonly<Record<string, readonly string[]>> = {
    "castai-eks allowPassAnyRole": ["passrole-ec2-runinstances"],
    // Palette's core policies as Palette publishes them (PaletteDeploymentPolicy, PaletteControllerPolicy).
    "palette-aws allowIamPrivilegeEscalation (core)": ["create-policy-version", "attach-group-policy", "add-user-to-group", "assume-any-role", "bucket-policy-any"],
    // ... and with eks, PaletteControllersEKSPolicy: iam:CreateRole and iam:AttachRolePolicy on every role.
    "palette-aws allowIamPrivilegeEscalation (core, eks)": ["create-policy-version", "attach-group-policy", "add-user-to-group", "assume-any-role", "bucket-policy-any", "attach-role-policy", "create-role-and-attach", "passrole-eks-nodegroup"],
};

interface Mode {
    readonly preset: string;
    readonly mode: string;
    readonly values: Readonly<Record<string, unknown>>;
    readonly scope: Scope;
    readonly vpcId: string;
    /** The opt-in (a key of OPT_INS) that is on, if any. */
    readonly optIn?: string;
}

const castai = (mode: string, values: Record<string, unknown>, optIn?: string): Mode => ({
    preset: "castai-eks", mode, values: { ...EKS, ...values }, scope: { clusterName: EKS.clusterName, clusterId: EKS.clusterId }, vpcId: EKS.vpcId, optIn,
});
const cloudpilot = (mode: string, values: Record<string, unknown>): Mode => ({
    preset: "cloudpilot-eks", mode, values: { ...CLOUDPILOT, ...values }, scope: { clusterName: EKS.clusterName }, vpcId: EKS.vpcId,
});
const palette = (mode: string, values: Record<string, unknown>, optIn?: string): Mode => ({
    preset: "palette-aws", mode, values: { ...PALETTE, ...values }, scope: { clusterName: "palette-cluster" }, vpcId: EKS.vpcId, optIn,
});

export const MODES: readonly Mode[] = [
    castai("default", {}),
    castai("hardened", { ...HARDENED }),
    castai("agentIdentity podIdentity", { agentIdentity: "podIdentity" }),
    castai("agentIdentity irsa", { agentIdentity: "irsa", oidcProviderArn: OIDC }),
    castai("hardened, agentIdentity podIdentity", { ...HARDENED, agentIdentity: "podIdentity" }),
    castai("every switch off", { sshKeyPairs: false, pauseResume: false, cniPolicy: false, ssmPolicy: false, ebsVolumes: "none", ipv6: false }),
    castai("passRoleArns (named roles)", { passRoleArns: [`arn:aws:iam::${EKS.accountId}:role/castai-custom-profile`] }),
    castai("allowPassAnyRole", { allowPassAnyRole: true }, "castai-eks allowPassAnyRole"),
    cloudpilot("trust podIdentity (default)", {}),
    cloudpilot("trust irsa", { trust: "irsa", oidcProviderArn: OIDC }),
    cloudpilot("trust crossAccount", { trust: "crossAccount", trustedPrincipalArn: "arn:aws:iam::210987654321:role/cloudpilot", externalId: "cp-ext-1" }),
    ...["role", "user"].flatMap((identity) => {
        const who = identity === "user" ? { identity: "user", trustedAccountId: undefined, externalId: undefined } : {};
        return [
            palette(`${identity}, minimum-dynamic (default)`, { ...who }),
            palette(`${identity}, minimum-dynamic, eks, cloudFormationStack`, { ...who, eks: true, cloudFormationStack: true }),
            palette(`${identity}, minimum-static, eks`, { ...who, variant: "minimum-static", eks: true }),
            palette(`${identity}, minimum-static, cloudFormationStack, hostResourceGroups, combined`, { ...who, variant: "minimum-static", cloudFormationStack: true, hostResourceGroups: true, combinePolicies: true }),
            palette(`${identity}, core`, { ...who, ...CORE }, "palette-aws allowIamPrivilegeEscalation (core)"),
            palette(`${identity}, core, eks, combined`, { ...who, ...CORE, eks: true, combinePolicies: true }, "palette-aws allowIamPrivilegeEscalation (core, eks)"),
        ];
    }),
];

/**
 * The product's pattern (components/core/escalations.ts, what `kubegrant diff` marks) for each
 * published path the judge finds: the diff of a render against nothing must mark exactly these.
 */
const DIFF_PATTERN: Readonly<Record<string, string>> = {
    "passrole-ec2-runinstances": "aws-passrole-any-role", "passrole-ec2-associate-profile": "aws-passrole-any-role",
    "passrole-lambda": "aws-passrole-any-role", "passrole-glue": "aws-passrole-any-role", "passrole-cloudformation": "aws-passrole-any-role",
    "passrole-eks-nodegroup": "aws-passrole-any-role", "create-policy-version": "aws-policy-write", "set-default-policy-version": "aws-policy-write",
    "attach-role-policy": "aws-policy-write", "attach-user-policy": "aws-policy-write", "attach-group-policy": "aws-policy-write",
    "put-role-policy": "aws-policy-write", "put-user-policy": "aws-policy-write", "put-group-policy": "aws-policy-write",
    "add-user-to-group": "aws-policy-write", "create-role-and-attach": "aws-policy-write", "create-access-key": "aws-credentials",
    "login-profile": "aws-credentials", "update-assume-role-policy": "aws-trust-rewrite", "assume-any-role": "aws-assume-any-role",
    "ssm-send-command": "aws-instance-role-swap", "bucket-policy-any": "aws-bucket-exposure", "tag-then-terminate": "aws-tag-into-scope",
};

/** The escalation patterns `kubegrant diff` marks on the additions of `r` diffed against nothing (catalog risks aside). */
function diffMarks(r: Rendering, explanations: Parameters<typeof diffRenderings>[2]): string[] {
    const d = diffRenderings({ preset: r.preset, resources: [], outputs: {} }, r, explanations);
    return [...new Set(d.resources.flatMap((x) => x.added).flatMap((c) => (c.risks ?? []).map((k) => k.id)).filter((id) => id !== "catalog"))].sort();
}

/** Every IAM principal of a render (role or user) with the identity policy documents it holds. */
export function principals(r: Rendering): Map<string, unknown[]> {
    const out = new Map<string, unknown[]>();
    const add = (who: string, doc: unknown) => out.set(who, [...(out.get(who) ?? []), doc]);
    const managed = new Map(r.resources.filter((x) => x.type === "aws:iam/policy:Policy").map((x) => [String(x.inputs.name), x.inputs.policy]));
    for (const x of r.resources) {
        const i = x.inputs;
        if (x.type === "aws:iam/role:Role") out.set(`role/${i.name}`, out.get(`role/${i.name}`) ?? []);
        if (x.type === "aws:iam/user:User") out.set(`user/${i.name}`, out.get(`user/${i.name}`) ?? []);
        if (x.type === "aws:iam/rolePolicy:RolePolicy") add(`role/${i.role}`, i.policy);
        const attached = /:policy\/(.+)$/.exec(String(i.policyArn ?? ""));
        if (attached && managed.has(attached[1])) {
            if (x.type === "aws:iam/rolePolicyAttachment:RolePolicyAttachment") add(`role/${i.role}`, managed.get(attached[1]));
            if (x.type === "aws:iam/userPolicyAttachment:UserPolicyAttachment") add(`user/${i.user}`, managed.get(attached[1]));
        }
    }
    return out;
}

/** The patterns any principal of the render holds, judged by iam-simulate. */
async function held(r: Rendering, m: Mode): Promise<string[]> {
    const found = new Set<string>();
    for (const [who, docs] of principals(r)) {
        if (docs.length === 0) continue;
        const principal = `arn:aws:iam::${EKS.accountId}:${who}`;
        const allowed = async (req: Parameters<typeof decide>[1]) => (await decide(docs, { principal, ...req })) === "Allowed";
        for (const p of AWS_ESCALATIONS) {
            for (const chain of p.chains(m.scope, m.vpcId)) {
                let all = true;
                for (const req of chain) if (!(await allowed(req))) { all = false; break; }
                if (all && p.gainOnlyFromChain && await allowed(withoutChain(chain))) all = false;
                if (all) found.add(p.id);
            }
        }
    }
    return [...found].sort();
}

describe("AWS escalation matrix: every AWS preset × mode, judged by iam-simulate", function () {
    this.timeout(120000);

    it("names only patterns the matrix knows, and every mode's opt-in is listed", () => {
        const ids = new Set(AWS_ESCALATIONS.map((p) => p.id));
        assert.strictEqual(ids.size, AWS_ESCALATIONS.length, "pattern ids are unique");
        for (const patterns of Object.values(OPT_INS)) for (const id of patterns) assert.ok(ids.has(id), id);
        for (const m of MODES) if (m.optIn) assert.ok(OPT_INS[m.optIn], m.optIn);
        assert.deepStrictEqual([...new Set(MODES.map((m) => m.preset))], ["castai-eks", "cloudpilot-eks", "palette-aws"]);
    });

    for (const m of MODES) {
        const expected = [...(m.optIn ? OPT_INS[m.optIn] : [])].sort();
        it(`${m.preset} (${m.mode}): ${expected.length === 0 ? "holds none" : `holds exactly ${expected.join(", ")}`}; the report's Risks ${m.optIn ? "list the opt-in" : "are empty"}`, async () => {
            const preset = loadPreset(m.preset);
            const r = await render(preset, Object.fromEntries(Object.entries(m.values).filter(([, v]) => v !== undefined)));
            assert.ok(principals(r).size > 0);
            assert.deepStrictEqual(await held(r, m), expected);
            // kubegrant diff's marks agree with the judge: the patterns it finds, no others.
            assert.deepStrictEqual(diffMarks(JSON.parse(JSON.stringify(r)) as Rendering, preset.explanations), [...new Set(expected.map((id) => DIFF_PATTERN[id]))].sort());
            const risks = toMarkdown(r, preset.title, preset.explanations).split("\n## Risks\n")[1]?.split("\n## ")[0];
            assert.ok(risks !== undefined, "the report has a Risks section");
            if (m.optIn) {
                const opt = m.optIn.split(" ")[1];
                assert.ok(risks.includes(opt), `Risks names ${opt}:\n${risks}`);
            } else {
                assert.ok(risks.trim().startsWith("None"), risks);
            }
        });
    }

    it("the patterns are live: a policy granting each one's chains is judged to hold it", async () => {
        // Guards the matrix itself: a pattern whose requests iam-simulate could never allow would pass vacuously.
        const scope = { clusterName: EKS.clusterName, clusterId: EKS.clusterId };
        const everything = [{ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] }];
        for (const p of AWS_ESCALATIONS) {
            for (const chain of p.chains(scope, EKS.vpcId)) {
                for (const req of chain) assert.strictEqual(await decide(everything, { principal: `arn:aws:iam::${EKS.accountId}:role/x`, ...req }), "Allowed", `${p.id}: ${req.action}`);
            }
        }
    });
});
