import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { InputError } from "../core";
import { LaterValue, splitLaterValues, validateKubernetesProvider } from "../core/inputs";
import { defineLazy } from "../core/lazy";
import { ClusterRbacPlan } from "./catalog";
import { KubeObject, RbacBundle, bundleObjects } from "./rbac";
import { validateAnnotations } from "./validate";

export interface ServiceAccountRbacArgs {
    /** What to create, as plain data (build it with a vendor plan, or by hand). */
    readonly bundle: RbacBundle;
    /** The Kubernetes provider of the target cluster. @default the default provider (ambient kubeconfig) */
    readonly provider?: pulumi.ProviderResource;
    /**
     * Annotation values that are not known when the program is planned (a role ARN or a client ID
     * from another component or stack), by service account `<namespace>/<name>`. They are merged
     * over the bundle's annotations of that account.
     * @default none
     */
    readonly annotations?: Readonly<Record<string, Readonly<Record<string, pulumi.Input<string>>>>>;
}

/** Pulumi logical name of one object: stable, unique, and independent of the order of the bundle. */
export function logicalName(prefix: string, o: KubeObject): string {
    const kind = o.kind.toLowerCase();
    return o.metadata.namespace ? `${prefix}-${kind}-${o.metadata.namespace}-${o.metadata.name}` : `${prefix}-${kind}-${o.metadata.name}`;
}

/**
 * Namespaces, service accounts, and Roles/ClusterRoles each with its binding, all with explicit
 * `metadata.name`s (never auto-suffixed: charts, operators and cloud trusts refer to the exact
 * names). `ready` resolves to the service account names once every object exists.
 */
export class ServiceAccountRbac extends pulumi.ComponentResource {
    /** Every object, by its Pulumi logical name. */
    readonly objects: Readonly<Record<string, pulumi.CustomResource>>;
    /**
     * The service accounts (k8s.core.v1.ServiceAccount), by `<namespace>/<name>`. Typed as their base
     * class so these declarations need no @pulumi/kubernetes: kubegrant/aws, /gcp and /azure hold
     * this class (a cloud component's `clusterRbac`), and an AWS-only project type-checks without it.
     */
    readonly serviceAccounts: Readonly<Record<string, pulumi.CustomResource>>;
    /** `<namespace>/<name>` of every service account, resolved once every object exists. */
    declare readonly ready: pulumi.Output<string[]>;

    constructor(name: string, args: ServiceAccountRbacArgs, opts?: pulumi.ComponentResourceOptions) {
        const accounts = args.bundle.serviceAccounts.map((sa) => `${sa.namespace}/${sa.name}`);
        for (const key of Object.keys(args.annotations ?? {})) {
            if (!accounts.includes(key)) {
                throw new InputError(`annotations.${key}`, `is not a service account of the bundle (known: ${accounts.join(", ")})`);
            }
        }
        super("kubegrant:kubernetes:ServiceAccountRbac", name, {}, opts);
        const base: pulumi.CustomResourceOptions = { parent: this, provider: args.provider };
        const objects: Record<string, pulumi.CustomResource> = {};
        const serviceAccounts: Record<string, pulumi.CustomResource> = {};
        const namespaces: k8s.core.v1.Namespace[] = [];
        for (const o of bundleObjects(args.bundle)) {
            const id = logicalName(name, o);
            // Namespaced objects wait for a namespace this bundle creates.
            const opts: pulumi.CustomResourceOptions = o.metadata.namespace ? { ...base, dependsOn: namespaces } : base;
            let r: pulumi.CustomResource;
            switch (o.kind) {
                case "Namespace":
                    r = new k8s.core.v1.Namespace(id, { metadata: o.metadata }, base);
                    namespaces.push(r as k8s.core.v1.Namespace);
                    break;
                case "ServiceAccount": {
                    const key = `${o.metadata.namespace}/${o.metadata.name}`;
                    const later = args.annotations?.[key];
                    const metadata = later ? { ...o.metadata, annotations: { ...o.metadata.annotations, ...later } } : o.metadata;
                    r = new k8s.core.v1.ServiceAccount(id, { metadata }, opts);
                    serviceAccounts[key] = r;
                    break;
                }
                case "ClusterRole":
                    r = new k8s.rbac.v1.ClusterRole(id, { metadata: o.metadata, rules: o.rules }, opts);
                    break;
                case "Role":
                    r = new k8s.rbac.v1.Role(id, { metadata: o.metadata, rules: o.rules }, opts);
                    break;
                case "ClusterRoleBinding":
                    r = new k8s.rbac.v1.ClusterRoleBinding(id, { metadata: o.metadata, roleRef: o.roleRef!, subjects: o.subjects }, opts);
                    break;
                case "RoleBinding":
                    r = new k8s.rbac.v1.RoleBinding(id, { metadata: o.metadata, roleRef: o.roleRef!, subjects: o.subjects }, opts);
                    break;
                default:
                    throw new Error(`kubegrant: ServiceAccountRbac cannot create kind ${o.kind}`);
            }
            objects[id] = r;
        }
        this.objects = objects;
        this.serviceAccounts = serviceAccounts;
        const names = Object.keys(serviceAccounts);
        // Depending on every object's ID makes anything built from `ready` wait for all of them.
        defineLazy(this, "ready", () => pulumi.all(Object.values(objects).map((r) => r.id)).apply(() => names));
        this.registerOutputs({});
    }
}

/**
 * Runs a vendor's in-cluster RBAC builder on `args` whose `serviceAccountAnnotations` values may be
 * Outputs (a role ARN from another component or stack): those are planned as "", so every name and
 * key is checked now; they are returned in `later` for ClusterRbacComponent to check as they resolve.
 */
export function planWithLaterAnnotations<A extends { readonly serviceAccountAnnotations?: unknown }, P>(
    args: A, build: (plain: A) => P,
): { plan: P; later: LaterValue[] } {
    const { known, later } = splitLaterValues(args.serviceAccountAnnotations, "");
    return { plan: build({ ...args, serviceAccountAnnotations: known }), later };
}

/** The arguments every vendor's in-cluster RBAC component takes, beside its own (see CastAiClusterRbacArgs). */
export interface ClusterRbacArgs {
    readonly serviceAccountAnnotations?: Readonly<Record<string, Readonly<Record<string, pulumi.Input<string>>>>>;
    readonly provider?: pulumi.ProviderResource;
}

/**
 * The body every vendor's in-cluster RBAC component shares (CastAiClusterRbac,
 * CloudPilotClusterRbac): the vendor's builder run on the arguments but `provider` → one
 * ServiceAccountRbac child `<name>-rbac`, and the outputs namespace, serviceAccountNames and
 * ready. The builder runs before anything is registered, so bad input leaves no resource behind;
 * annotation values that are Outputs (see planWithLaterAnnotations) are checked by the same rule
 * once they resolve, and an invalid one fails the deployment.
 */
export abstract class ClusterRbacComponent<C extends string> extends pulumi.ComponentResource {
    /** The namespace the components run in. */
    declare readonly namespace: pulumi.Output<string>;
    /** Service account name per granted component. */
    declare readonly serviceAccountNames: pulumi.Output<Partial<Record<C, string>>>;
    /** The service account names, resolved once every namespace, account, role and binding exists. */
    declare readonly ready: pulumi.Output<string[]>;
    /** The generic bundle, for programs that need the objects themselves. */
    readonly rbac: ServiceAccountRbac;

    protected constructor(type: string, name: string, args: ClusterRbacArgs,
        build: (plain: Omit<ClusterRbacArgs, "provider">) => ClusterRbacPlan<C>, opts?: pulumi.ComponentResourceOptions) {
        const { provider, ...plain } = args;
        validateKubernetesProvider("provider", provider);
        const { plan, later } = planWithLaterAnnotations(plain, build);
        super(type, name, {}, opts);
        const annotations: Record<string, Record<string, pulumi.Output<string>>> = {};
        for (const l of later) {
            (annotations[`${plan.namespace}/${l.outer}`] ??= {})[l.inner] = pulumi.output(l.value as pulumi.Input<string>)
                .apply((v: unknown) => validateAnnotations(`serviceAccountAnnotations.${l.outer}`, { [l.inner]: v })[l.inner]);
        }
        this.rbac = new ServiceAccountRbac(`${name}-rbac`, {
            bundle: plan.bundle, provider, ...(later.length > 0 ? { annotations } : {}),
        }, { parent: this });
        // Outputs of plain values are built when first read: each costs ~20 promises per cluster.
        defineLazy(this, "namespace", () => pulumi.output(plan.namespace));
        defineLazy(this, "serviceAccountNames", () => pulumi.output(plan.serviceAccountNames) as pulumi.Output<Partial<Record<C, string>>>);
        const names = plan.bundle.serviceAccounts.map((s) => s.name);
        const values = Object.values(annotations).flatMap((a) => Object.values(a));
        defineLazy(this, "ready", () => pulumi.all([this.rbac.ready as pulumi.Output<unknown>, ...values]).apply(() => names));
        // No outputs in the state (the properties are the interface; each costs promises per cluster).
        this.registerOutputs({});
    }
}
