import * as assert from "assert";
import { parseAllDocuments } from "yaml";
import { run } from "./support/cli";

describe("render castai-kubernetes", () => {
    it("prints the JSON contract: 19 resources in phase 1 (agent and operator), 34 in phase 2 (all five)", async () => {
        for (const [sets, count, ready] of [
            [[], 19, ["castai-agent", "castware-operator-controller-manager"]],
            [["--set", "extendedPermissions=true"], 34, ["castai-agent", "castai-cluster-controller", "castai-evictor", "castai-pod-pinner", "castware-operator-controller-manager"]],
        ] as const) {
            const { code, out, err } = await run("render", "castai-kubernetes", ...sets);
            assert.strictEqual(err, "");
            assert.strictEqual(code, 0);
            const r = JSON.parse(out);
            assert.strictEqual(r.preset, "castai-kubernetes");
            assert.strictEqual(r.resources.length, count);
            assert.deepStrictEqual(r.resources[0], { type: "kubegrant:castai:CastAiClusterRbac", name: "castai", parent: null, inputs: {} });
            assert.deepStrictEqual(r.outputs.ready, ready);
        }
    });

    it("prints multi-document YAML for kubectl apply: every object with apiVersion, kind, metadata.name, namespaced ones with a namespace, namespace first", async () => {
        const { code, out } = await run("render", "castai-kubernetes", "--format", "yaml", "--set", "extendedPermissions=true");
        assert.strictEqual(code, 0);
        const docs = parseAllDocuments(out).map((d) => d.toJSON());
        assert.strictEqual(docs.length, 32);
        assert.strictEqual(docs[0].kind, "Namespace");
        const kinds = docs.map((d) => d.kind);
        assert.ok(kinds.lastIndexOf("ServiceAccount") < kinds.indexOf("ClusterRole") && kinds.lastIndexOf("Role") < kinds.indexOf("ClusterRoleBinding"));
        for (const d of docs) {
            assert.ok(d.apiVersion && d.kind && d.metadata.name);
            assert.strictEqual(typeof d.metadata.namespace === "string", ["ServiceAccount", "Role", "RoleBinding"].includes(d.kind));
        }
    });

    it("prints a markdown review: per service account, what it can do, grouped as the seed groups it", async () => {
        const { code, out } = await run("render", "castai-kubernetes", "--format", "markdown", "--set", 'components=["agent","operator"]');
        assert.strictEqual(code, 0);
        assert.match(out, /^# kubegrant review: Cast AI in the cluster \(Kubernetes RBAC\) \(`castai-kubernetes`\)/);
        assert.match(out, /Service account `castai-agent` in namespace `castai-agent` \(username `system:serviceaccount:castai-agent:castai-agent`\)\.\n\nWhat it can do, grouped as the vendor document groups it:/);
        assert.match(out, /\*\*seed castai-kubernetes-permissions.txt, "Phase 1: namespace-wide permissions in castai-agent shared by the agent and Operator"\*\*/);
        assert.match(out, /\| namespace `castai-agent` \(Role `castai-agent`\) \| `apps` \| `deployments` \| `patch` \| `castai-agent` \| proportional vertical autoscaling/);
        assert.match(out, /\*\*seed castai-kubernetes-permissions.txt, "Phase 1: Operator-only permissions in kube-system namespace"\*\*/);
        assert.match(out, /RoleBinding `castware-operator-kube-system-access`: grants Role `castware-operator-kube-system-access` to ServiceAccount `castai-agent\/castware-operator-controller-manager`, in namespace `kube-system` only\./);
        assert.doesNotMatch(out, /no catalog entry|not in the catalog/);
        assert.match(out, /\n## Risks\n\nNone: no grant of this render holds a known escalation path/);
        // Phase 2 lists its escalation paths (features in the order the report meets them); the opt-in adds the Operator's chart-install rules.
        const risksOf = (text: string) => text.slice(text.indexOf("\n## Risks\n"), text.indexOf("\n## Outputs\n")).split("\n- ").slice(1).map((x) => x.slice(0, x.indexOf(":")));
        const phase2 = await run("render", "castai-kubernetes", "--format", "markdown", "--set", "extendedPermissions=true");
        assert.deepStrictEqual(risksOf(phase2.out), ["**pod pinner upgrades**", "**bin packing**", "**component upgrades**"]);
        assert.match(phase2.out, /\n- \*\*pod pinner upgrades\*\*: patch or update of the pod pinner's MutatingWebhookConfiguration castai-pod-pinner: /);
        assert.match(phase2.out, /\n- \*\*component upgrades\*\*: `\*` includes escalate and bind on Roles and RoleBindings and impersonate on service accounts, in the components' namespace only/);
        assert.match(phase2.out, /\n- \*\*bin packing\*\*: create of pods in every namespace, kube-system included: /);
        const optIn = await run("render", "castai-kubernetes", "--format", "markdown", "--set", "extendedPermissions=true", "--set", "operatorClusterWidePodWrite=true");
        assert.deepStrictEqual(risksOf(optIn.out).sort(), [...risksOf(phase2.out), "**installing the evictor**", ...Array(4).fill("**installing the pod pinner**")].sort());
        for (const what of ["lease write in every namespace", "nodes create", "pods patch in every namespace", "pods/binding create"]) {
            assert.ok(optIn.out.includes(`**: ${what} (operatorClusterWidePodWrite): `), what);
        }
    });

    const bad: [string, string[], string][] = [
        ["bad namespace", ["--set", "namespace=Cast"], `kubegrant: namespace: must be a DNS-1123 label (lower-case letters, digits and '-', starting and ending with a letter or digit), got "Cast"\n`],
        ["unknown component", ["--set", 'components=["agent","spot-handler"]'], `kubegrant: components[1]: must be one of "agent", "cluster-controller", "evictor", "pod-pinner", "operator", got "spot-handler"\n`],
        ["non-boolean extendedPermissions", ["--set", "extendedPermissions=yes"], `kubegrant: extendedPermissions: must be true or false, got "yes"\n`],
        ["unknown key", ["--set", "namespce=x"], "kubegrant: namespce: is not a key of preset castai-kubernetes (known: namespace, createNamespace, extendedPermissions, operatorClusterWidePodWrite, components, serviceAccountAnnotations)\n"],
        ["annotations of an unknown account", ["--set", 'serviceAccountAnnotations={"castai-kvisor":{}}'], "kubegrant: serviceAccountAnnotations.castai-kvisor: is not a service account of the selected components (known: castai-agent, castware-operator-controller-manager)\n"],
    ];
    for (const [what, argv, message] of bad) {
        it(`exits 2 with one line naming the key: ${what}`, async () => {
            const { code, out, err } = await run("render", "castai-kubernetes", ...argv);
            assert.strictEqual(err, message);
            assert.strictEqual(out, "");
            assert.strictEqual(code, 2);
        });
    }
});
