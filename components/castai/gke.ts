import * as pulumi from "@pulumi/pulumi";
import { InputError } from "../core";
import { planOnInputs, validateKubernetesProvider } from "../core/inputs";
import { defineLazy } from "../core/lazy";
import { ServiceAccountAccess, ProjectBindingSpec, AccountBindingSpec, CustomRoleSpec } from "../gcp/service-account";
import { createBundledClusterRbac, plannableClusterRbac } from "./bundled";
import type { CastAiClusterRbac, CastAiClusterRbacArgs } from "./cluster-rbac";
import { checkArgSpec, checkOutputSpec } from "../core/spec";
import {
    CASTAI_CLOUD_PROXY_KSA, CASTAI_GKE_ARGS, CASTAI_GKE_OUTPUTS, CASTAI_GKE_STRING_ARGS, CastAiGkeArgsOf, CastAiGkeMode, CastAiGkePlainArgs, planCastAiGke,
} from "./gke-plan";

/** The arguments of CastAiGkeAccess (documented on CastAiGkeArgsOf). */
export interface CastAiGkeAccessArgs extends CastAiGkeArgsOf<pulumi.Input<string>, CastAiClusterRbacArgs> {
    /**
     * With Workload Identity on: a Kubernetes provider for the cluster, to create the
     * `castai-cloud-proxy` Kubernetes service account annotated with `iam.gke.io/gcp-service-account`
     * (with clusterRbac, its provider is used instead).
     * @default no Kubernetes object is created
     */
    readonly kubernetesProvider?: pulumi.ProviderResource;
}

/**
 * Everything Cast AI needs in GCP to manage one GKE cluster: its service account with the custom
 * role `castai.gkeAccess.<hash>`, roles/iam.serviceAccountUser scoped to the node pools' service
 * accounts, the required APIs, keyless impersonation by Cast AI's account (or one key), and
 * optionally Workload Identity for the cloud proxy and roles in sole-tenant projects. Every IAM
 * grant is a non-authoritative member.
 */
export class CastAiGkeAccess extends pulumi.ComponentResource {
    /** E-mail of the service account Cast AI uses: hand it to Cast AI (gcp-create-sa `gke_sa_impersonate`). */
    readonly serviceAccountEmail: pulumi.Output<string>;
    /** Its account ID, `castai-gke-<sha1(clusterName)[:8]>`. */
    readonly serviceAccountId: pulumi.Output<string>;
    /** Its numeric unique ID. */
    readonly serviceAccountUniqueId: pulumi.Output<string>;
    /** The custom role, `projects/<projectId>/roles/castai.gkeAccess.<hash>`. */
    readonly customRoleId: pulumi.Output<string>;
    /** Key mode: the private key (base64 JSON credentials), secret. Undefined in impersonation mode. */
    declare readonly privateKey: pulumi.Output<string | undefined>;
    /** The mode in effect. */
    declare readonly mode: pulumi.Output<CastAiGkeMode>;
    /** Seconds `ready` waits after the last binding (see propagationDelaySeconds). */
    declare readonly propagationDelaySeconds: pulumi.Output<number>;
    /** The service account e-mail, resolved only once every role, binding and API exists. */
    declare readonly ready: pulumi.Output<string>;
    /** The child holding every GCP resource. */
    readonly access: ServiceAccountAccess;
    /** The in-cluster part (clusterRbac), else undefined. */
    readonly clusterRbac?: CastAiClusterRbac;

    constructor(name: string, args: CastAiGkeAccessArgs, opts?: pulumi.ComponentResourceOptions) {
        // Validate and plan before anything is registered: bad input leaves no resource behind.
        const { kubernetesProvider, ...rest } = args;
        validateKubernetesProvider("kubernetesProvider", kubernetesProvider);
        const plain = { ...rest, clusterRbac: plannableClusterRbac(args.clusterRbac) } as CastAiGkePlainArgs;
        const { layout, input: field } = planOnInputs(plain, CASTAI_GKE_STRING_ARGS, planCastAiGke, worstCaseArgs);
        if (kubernetesProvider !== undefined && layout.clusterRbac !== undefined) {
            throw new InputError("kubernetesProvider", "is clusterRbac.provider when clusterRbac is set; set the provider there (one cluster for every object)");
        }
        if (kubernetesProvider !== undefined && layout.cloudProxyMember === undefined) {
            throw new InputError("kubernetesProvider", "is only used when cloudProxyWorkloadIdentity is true");
        }
        super("kubegrant:castai:CastAiGkeAccess", name, {}, opts);
        for (const w of layout.warnings) pulumi.log.warn(w, this);

        const project = field((p) => p.projectId);
        const customRoles: CustomRoleSpec[] = [{
            key: "role", project, roleId: field((p) => p.roleId), title: layout.roleTitle,
            description: field((p) => p.roleDescription), permissions: layout.permissions,
        }];
        const projectBindings: ProjectBindingSpec[] = [
            { key: "gke-access", project, role: { customRole: "role" } },
            {
                key: "sa-user", project, role: "roles/iam.serviceAccountUser",
                condition: layout.serviceAccountUserCondition ? field((p) => p.serviceAccountUserCondition!) : undefined,
            },
        ];
        layout.computeManagerRoles.forEach((cm, i) => {
            customRoles.push({
                key: `role-${cm.key}`, project: cm.projectId, roleId: field((p) => p.computeManagerRoles[i].roleId),
                title: "Role to manage GKE compute resources via CAST AI",
                description: field((p) => `Cast AI manages sole-tenant compute of GKE cluster ${p.clusterName} (kubegrant)`),
                permissions: layout.permissions,
            });
            projectBindings.push({ key: `gke-access-${cm.key}`, project: cm.projectId, role: { customRole: `role-${cm.key}` } });
        });
        const accountBindings: AccountBindingSpec[] = [];
        if (layout.castaiServiceAccount !== undefined) {
            const castai = field((p) => `serviceAccount:${p.castaiServiceAccount}`);
            accountBindings.push(
                { key: "token-creator", role: "roles/iam.serviceAccountTokenCreator", member: castai },
                { key: "impersonation-user", role: "roles/iam.serviceAccountUser", member: castai, condition: field((p) => p.impersonationCondition!) },
            );
        }
        if (layout.cloudProxyMember !== undefined) {
            accountBindings.push({ key: "cloud-proxy-wi", role: "roles/iam.workloadIdentityUser", member: field((p) => p.cloudProxyMember!) });
        }

        this.access = new ServiceAccountAccess(`${name}-access`, {
            project,
            accountId: field((p) => p.accountId),
            displayName: field((p) => p.displayName),
            description: field((p) => p.description),
            customRoles,
            projectBindings,
            accountBindings,
            services: layout.apis.map((s) => ({ key: `api-${s.split(".")[0]}`, project, service: s })),
            createKey: layout.mode === "key",
            propagationDelaySeconds: layout.propagationDelaySeconds,
        }, { parent: this });

        const grants: (() => pulumi.Output<unknown>)[] = [() => this.access.ready];
        if (layout.clusterRbac !== undefined) {
            this.clusterRbac = createBundledClusterRbac(this, name, args.clusterRbac!, layout.clusterRbac.namespace);
            grants.push(() => this.clusterRbac!.ready);
        }
        if (layout.cloudProxyMember !== undefined && (kubernetesProvider !== undefined || this.clusterRbac !== undefined)) {
            // eslint-disable-next-line @typescript-eslint/no-require-imports -- @pulumi/kubernetes is an optional peer, loaded only when the cloud proxy needs a Kubernetes service account
            const k8s = require("@pulumi/kubernetes") as typeof import("@pulumi/kubernetes");
            const ksa = new k8s.core.v1.ServiceAccount(`${name}-cloud-proxy`, {
                metadata: {
                    name: CASTAI_CLOUD_PROXY_KSA,
                    namespace: field((p) => p.cloudProxyNamespace),
                    annotations: { "iam.gke.io/gcp-service-account": this.access.email },
                },
            }, {
                parent: this,
                provider: kubernetesProvider ?? args.clusterRbac?.provider,
                // In the namespace the in-cluster part creates.
                dependsOn: this.clusterRbac ? [this.clusterRbac] : [],
            });
            grants.push(() => ksa.id);
        }

        this.serviceAccountEmail = this.access.email;
        this.serviceAccountId = this.access.accountId;
        this.serviceAccountUniqueId = this.access.uniqueId;
        this.customRoleId = this.access.customRoles.role.name;
        // Outputs of plain values are built when first read: each costs ~20 promises per cluster.
        defineLazy(this, "privateKey", () => this.access.privateKey);
        defineLazy(this, "mode", () => pulumi.output(layout.mode));
        defineLazy(this, "propagationDelaySeconds", () => pulumi.output(layout.propagationDelaySeconds));
        // Built when first read; with a propagation delay, the deployment waits for it as before.
        defineLazy(this, "ready", () => pulumi.all(grants.map((g) => g())).apply(([email]) => email as string));
        // Only `ready` with a propagation delay, so that the deployment waits for it; no other output
        // in the state (the properties are the interface; each costs promises per cluster).
        this.registerOutputs(layout.propagationDelaySeconds > 0 ? { ready: this.ready } : {});
    }
}

// The compiler holds the spec to the Args type and the outputs to the class (no runtime cost).
checkArgSpec<CastAiGkeAccessArgs>()(CASTAI_GKE_ARGS);
checkOutputSpec<CastAiGkeAccess>()(CASTAI_GKE_OUTPUTS);

/** Valid values for the string args still unknown at construction (no name or count depends on them). */
function worstCaseArgs(unknown: readonly string[]): Partial<CastAiGkePlainArgs> {
    const values: Record<string, string> = {
        projectId: `p${"0".repeat(29)}`,
        clusterName: `c${"0".repeat(39)}`,
        location: "northamerica-northeast1-a",
        castaiServiceAccount: "cast-gke-00000000@prod-cast-identity.iam.gserviceaccount.com",
        cloudProxyNamespace: "castai-agent",
    };
    return Object.fromEntries(unknown.map((k) => [k, values[k]])) as Partial<CastAiGkePlainArgs>;
}
