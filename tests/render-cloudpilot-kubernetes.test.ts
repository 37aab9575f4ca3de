import * as assert from "assert";
import { parseAllDocuments } from "yaml";
import { render } from "../components/render/run";
import { serviceAccountUsername } from "../components/kubernetes/rbac";
import { authorize } from "../components/kubernetes/authorize";
import { run } from "./support/cli";
import { renderedObjects } from "./support/cloudpilot-k8s";

describe("render cloudpilot-kubernetes", () => {
    it("prints the JSON contract: 8 resources in phase 1, 17 with the optimizer (phase 2)", async () => {
        for (const [sets, count, ready] of [
            [[], 8, ["cloudpilot-agent"]],
            [["--set", "optimizer=true"], 17, ["cloudpilot-agent", "cloudpilot-aws-optimizer"]],
        ] as const) {
            const { code, out, err } = await run("render", "cloudpilot-kubernetes", ...sets);
            assert.strictEqual(err, "");
            assert.strictEqual(code, 0);
            const r = JSON.parse(out);
            assert.strictEqual(r.preset, "cloudpilot-kubernetes");
            assert.strictEqual(r.resources.length, count);
            assert.deepStrictEqual(r.resources[0], { type: "kubegrant:cloudpilot:CloudPilotClusterRbac", name: "cloudpilot", parent: null, inputs: {} });
            assert.deepStrictEqual(r.outputs.ready, ready);
            assert.strictEqual(r.outputs.namespace, "cloudpilot");
        }
    });

    for (const [sets, count] of [[[], 6], [["--set", "optimizer=true"], 15]] as const) {
        it(`prints multi-document YAML for kubectl apply (${count} objects): apiVersion, kind, metadata.name everywhere, a namespace where namespaced, namespace first`, async () => {
            const { code, out } = await run("render", "cloudpilot-kubernetes", "--format", "yaml", ...sets);
            assert.strictEqual(code, 0);
            assert.ok(out.startsWith("---\n"));
            const docs = parseAllDocuments(out).map((d) => d.toJSON());
            assert.strictEqual(docs.length, count);
            assert.strictEqual(docs[0].kind, "Namespace");
            const kinds = docs.map((d) => d.kind);
            assert.ok(kinds.lastIndexOf("ServiceAccount") < kinds.indexOf("ClusterRole") && kinds.lastIndexOf("Role") < kinds.indexOf("ClusterRoleBinding"));
            for (const d of docs) {
                assert.ok(d.apiVersion && d.kind && d.metadata.name, JSON.stringify(d));
                const namespaced = ["ServiceAccount", "Role", "RoleBinding"].includes(d.kind);
                assert.strictEqual(d.metadata.namespace, namespaced ? "cloudpilot" : undefined, `${d.kind} ${d.metadata.name}`);
            }
        });
    }

    it("prints a markdown review: per service account, what it can do, grouped by the document's objects", async () => {
        const { code, out } = await run("render", "cloudpilot-kubernetes", "--format", "markdown", "--set", "optimizer=true");
        assert.strictEqual(code, 0);
        assert.match(out, /^# kubegrant review: CloudPilot AI in the cluster \(Kubernetes RBAC\) \(`cloudpilot-kubernetes`\)/);
        const doc = "cloudpilot-ai/docs src/content/guide/security/permissions_required.mdx @ main 154f490d8e16";
        for (const [sa, groups] of [
            ["cloudpilot-agent", ["\"ClusterRole/Role Used in Phase 1\": ClusterRole cloudpilot-agent-cluster-role", "\"ClusterRole/Role Used in Phase 1\": Role cloudpilot-agent-role"]],
            ["cloudpilot-aws-optimizer", ["\"ClusterRole/Role Used in Phase 2 for AWS\": Role cloudpilot-aws-optimizer",
                "\"ClusterRole/Role Used in Phase 2 for AWS\": ClusterRole cloudpilot-aws-optimizer", "\"ClusterRole/Role Used in Phase 2 for AWS\": ClusterRole cloudpilot-aws-optimizer-admin",
                "\"ClusterRole/Role Used in Phase 2 for AWS\": ClusterRole cloudpilot-aws-optimizer-core"]],
        ] as const) {
            const start = out.indexOf(`Service account \`${sa}\` in namespace \`cloudpilot\` (username \`system:serviceaccount:cloudpilot:${sa}\`).\n\nWhat it can do, grouped as the vendor document groups it:`);
            assert.ok(start > 0, sa);
            const section = out.slice(start, out.indexOf("\n### ", start));
            // Repository citations are links to the file at its commit (issue 19): compare their text.
            const found = [...section.matchAll(/^\*\*(.+)\*\*$/gm)].map((m) => m[1].replace(/\[([^\]]+)\]\(https:\/\/github\.com\/[^)]+\)/g, "$1"));
            assert.deepStrictEqual(found.map((f) => f.replace(/^.*@ main 154f490d8e16, /, "")).sort(), [...groups].sort(), sa);
            for (const f of found) assert.match(f, new RegExp(`^${doc}, `));
        }
        assert.match(out, /\| namespace `cloudpilot` \(Role `cloudpilot-aws-optimizer`\) \| `core` \| `secrets` \| `update` \| `cloudpilot-aws-optimizer-cert`, `cloudpilot-webhook` \| webhook certificates: /);
        assert.match(out, /\| cluster-wide \(ClusterRole `cloudpilot-aws-optimizer`\) \| `certificates.k8s.io` \| `signers` \| `approve` \| `kubernetes.io\/kubelet-serving`, `beta.eks.amazonaws.com\/app-serving` \| webhook certificates: The document grants approve on `\*`/);
        // Phase 2 lists the documented workload update it keeps; the webhook update only with its opt-in.
        const risksOf = (text: string) => text.slice(text.indexOf("\n## Risks\n"), text.indexOf("\n## Outputs\n")).split("\n- ").slice(1).map((x) => x.slice(0, x.indexOf("**:") + 3));
        assert.deepStrictEqual(risksOf(out), ["**workload rebalancing**:"]);
        const phase1 = await run("render", "cloudpilot-kubernetes", "--format", "markdown");
        assert.match(phase1.out, /\n## Risks\n\nNone: no grant of this render holds a known escalation path/);
        const optIn = await run("render", "cloudpilot-kubernetes", "--format", "markdown", "--set", "optimizer=true", "--set", "allowAnyWebhookConfigurationUpdate=true");
        assert.strictEqual(optIn.code, 0);
        assert.deepStrictEqual(risksOf(optIn.out), ["**webhook certificates (allowAnyWebhookConfigurationUpdate)**:", "**workload rebalancing**:"]);
        assert.match(optIn.out, /- \*\*webhook certificates \(allowAnyWebhookConfigurationUpdate\)\*\*: update of every mutating and validating webhook configuration of the cluster: /);
        assert.doesNotMatch(out, /no catalog entry|not in the catalog/);
    });

    const bad: [string, string[], string][] = [
        ["bad namespace", ["--set", "namespace=Cloud_Pilot"], `kubegrant: namespace: must be a DNS-1123 label (lower-case letters, digits and '-', starting and ending with a letter or digit), got "Cloud_Pilot"\n`],
        ["kube-system", ["--set", "namespace=kube-system"], "kubegrant: namespace: must not be kube-system (the optimizer reads every secret in its namespace, and both components write leases there)\n"],
        ["non-boolean optimizer", ["--set", "optimizer=yes"], `kubegrant: optimizer: must be true or false, got "yes"\n`],
        ["unknown key", ["--set", "phase=2"], "kubegrant: phase: is not a key of preset cloudpilot-kubernetes (known: namespace, createNamespace, optimizer, allowAnyWebhookConfigurationUpdate, serviceAccountNames, serviceAccountAnnotations)\n"],
        ["serviceAccountNames not a JSON object", ["--set", "serviceAccountNames=cloudpilot-agent"], `kubegrant: serviceAccountNames: must be a JSON object such as '{"team":"platform"}', got "cloudpilot-agent"\n`],
        ["a bad service account name", ["--set", 'serviceAccountNames={"agent":"Agent"}'], `kubegrant: serviceAccountNames.agent: must be a DNS-1123 subdomain (lower-case letters, digits, '-' and '.'), got "Agent"\n`],
        ["the optimizer's name without the optimizer", ["--set", 'serviceAccountNames={"optimizer":"controller"}'], "kubegrant: serviceAccountNames.optimizer: is only used when the optimizer is granted (set optimizer to true)\n"],
        ["annotations of an unknown account", ["--set", "optimizer=true", "--set", 'serviceAccountAnnotations={"karpenter":{}}'], "kubegrant: serviceAccountAnnotations.karpenter: is not a service account of the selected components (known: cloudpilot-agent, cloudpilot-aws-optimizer)\n"],
    ];
    for (const [what, argv, message] of bad) {
        it(`exits 2 with one line naming the key: ${what}`, async () => {
            const { code, out, err } = await run("render", "cloudpilot-kubernetes", ...argv);
            assert.strictEqual(err, message);
            assert.strictEqual(out, "");
            assert.strictEqual(code, 2);
        });
    }
});

describe("CloudPilotEksAccess trusts a service account CloudPilotClusterRbac creates", () => {
    const EKS = { clusterName: "prod-eu", accountId: "123456789012", region: "eu-central-1" };
    const OIDC = "arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-central-1.amazonaws.com/id/0123456789ABCDEF0123456789ABCDEF";
    const ISSUER = "oidc.eks.eu-central-1.amazonaws.com/id/0123456789ABCDEF0123456789ABCDEF";

    /** `system:serviceaccount:<ns>:<name>` of every service account cloudpilot-kubernetes renders with `values`. */
    async function usernames(values: Record<string, unknown>): Promise<string[]> {
        return (await renderedObjects(values)).filter((o) => o.kind === "ServiceAccount")
            .map((o) => serviceAccountUsername(o.metadata.namespace!, o.metadata.name));
    }

    /** The service account the EKS role trusts: the Pod Identity association's, or the IRSA trust's `sub`. */
    async function trusted(values: Record<string, unknown>): Promise<string> {
        const r = await render("cloudpilot-eks", { ...EKS, ...values });
        if ((values.trust ?? "podIdentity") === "podIdentity") {
            const assoc = r.resources.find((x) => x.type === "aws:eks/podIdentityAssociation:PodIdentityAssociation")!;
            return serviceAccountUsername(assoc.inputs.namespace as string, assoc.inputs.serviceAccount as string);
        }
        const role = r.resources.find((x) => x.type === "aws:iam/role:Role" && x.name === "cloudpilot-access")!;
        const policy = role.inputs.assumeRolePolicy as { Statement: { Condition: { StringEquals: Record<string, string> } }[] };
        return policy.Statement[0].Condition.StringEquals[`${ISSUER}:sub`];
    }

    for (const trust of ["podIdentity", "irsa"]) {
        const extra = trust === "irsa" ? { oidcProviderArn: OIDC } : {};
        it(`${trust}, defaults: exactly the optimizer's service account, which holds the optimizer's roles`, async () => {
            const who = await trusted({ trust, ...extra });
            assert.strictEqual(who, "system:serviceaccount:cloudpilot:cloudpilot-aws-optimizer");
            assert.ok((await usernames({ optimizer: true })).includes(who), who);
            const [, , namespace, name] = who.split(":");
            assert.ok(authorize(await renderedObjects({ optimizer: true }), { namespace, name },
                { verb: "create", apiGroup: "karpenter.sh", resource: "nodeclaims" }));
        });

        it(`${trust}, renamed on both sides: the same service account again`, async () => {
            const who = await trusted({ trust, ...extra, serviceAccountNamespace: "cp", serviceAccountName: "controller" });
            assert.strictEqual(who, "system:serviceaccount:cp:controller");
            assert.ok((await usernames({ optimizer: true, namespace: "cp", serviceAccountNames: { optimizer: "controller" } })).includes(who), who);
        });
    }

    it("phase 1 creates no account the role trusts: the optimizer's comes with optimizer=true", async () => {
        assert.ok(!(await usernames({})).includes(await trusted({})));
    });
});
