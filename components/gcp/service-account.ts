import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import { InputError } from "../core";
import { isRealDeployment } from "../core/inputs";
import { defineLazy } from "../core/lazy";
import { IamCondition } from "./condition";

/** A project-level custom role; `key` names its resource and never changes. */
export interface CustomRoleSpec {
    readonly key: string;
    /** Project the role is defined in. */
    readonly project: pulumi.Input<string>;
    /** Role ID: letters, digits, `_` and `.` (3-64). */
    readonly roleId: pulumi.Input<string>;
    readonly title: pulumi.Input<string>;
    readonly description?: pulumi.Input<string>;
    /** Sorted IAM permissions. */
    readonly permissions: readonly string[];
}

/** A non-authoritative project binding (`gcp.projects.IAMMember`). */
export interface ProjectBindingSpec {
    readonly key: string;
    readonly project: pulumi.Input<string>;
    /** A predefined role (`roles/…`), or `{ customRole: <key> }` for one of `customRoles`. */
    readonly role: string | { readonly customRole: string };
    /** The member. @default this service account (`serviceAccount:<email>`) */
    readonly member?: pulumi.Input<string>;
    /** @default unconditional */
    readonly condition?: pulumi.Input<IamCondition>;
}

/** A non-authoritative binding on this service account itself (`gcp.serviceaccount.IAMMember`). */
export interface AccountBindingSpec {
    readonly key: string;
    readonly role: string;
    readonly member: pulumi.Input<string>;
    /** @default unconditional */
    readonly condition?: pulumi.Input<IamCondition>;
}

/** An API to enable; never disabled on destroy (other workloads of the project may use it). */
export interface ServiceSpec {
    readonly key: string;
    readonly project: pulumi.Input<string>;
    /** e.g. `serviceusage.googleapis.com`. */
    readonly service: string;
}

export interface ServiceAccountAccessArgs {
    /** Project of the service account. */
    readonly project: pulumi.Input<string>;
    /** Account ID (the part of the e-mail before `@`), explicit so vendors can rely on it. */
    readonly accountId: pulumi.Input<string>;
    readonly displayName?: pulumi.Input<string>;
    readonly description?: pulumi.Input<string>;
    /** @default [] */
    readonly customRoles?: readonly CustomRoleSpec[];
    /** @default [] */
    readonly projectBindings?: readonly ProjectBindingSpec[];
    /** @default [] */
    readonly accountBindings?: readonly AccountBindingSpec[];
    /** APIs enabled (with `disableOnDestroy: false`). @default [] */
    readonly services?: readonly ServiceSpec[];
    /** Create one service-account key; its private key is a secret output. @default false (keyless) */
    readonly createKey?: boolean;
    /**
     * After every binding exists, wait this long before `ready` resolves (IAM propagation), during
     * `pulumi up` only (never in preview).
     * @default 0
     */
    readonly propagationDelaySeconds?: number;
}

/**
 * A GCP service account with project custom roles, non-authoritative project and account IAM
 * members (optionally conditioned), the APIs it needs, and optionally one key. `ready` resolves
 * to the account's e-mail only once every role, binding and API exists.
 */
export class ServiceAccountAccess extends pulumi.ComponentResource {
    readonly account: gcp.serviceaccount.Account;
    readonly email: pulumi.Output<string>;
    /** The account ID (before `@`). */
    readonly accountId: pulumi.Output<string>;
    /** The numeric unique ID. */
    readonly uniqueId: pulumi.Output<string>;
    /** Custom roles by key. */
    readonly customRoles: Readonly<Record<string, gcp.projects.IAMCustomRole>>;
    readonly key?: gcp.serviceaccount.Key;
    /** The key's private key (base64 JSON credentials), secret; undefined when keyless. */
    declare readonly privateKey: pulumi.Output<string | undefined>;
    /** The e-mail, resolved once every role, binding and API exists (and the propagation delay passed). */
    declare readonly ready: pulumi.Output<string>;

    constructor(name: string, args: ServiceAccountAccessArgs, opts?: pulumi.ComponentResourceOptions) {
        const keys = [...(args.customRoles ?? []).map((r) => `role ${r.key}`), ...(args.projectBindings ?? []).map((b) => `binding ${b.key}`),
            ...(args.accountBindings ?? []).map((b) => `binding ${b.key}`), ...(args.services ?? []).map((s) => `service ${s.key}`)];
        const dup = keys.find((k, i) => keys.indexOf(k) !== i);
        if (dup !== undefined) throw new InputError("key", `${dup} is given twice; every key must be unique`);
        for (const b of args.projectBindings ?? []) {
            const role = b.role;
            if (typeof role !== "string" && !(args.customRoles ?? []).some((r) => r.key === role.customRole)) {
                throw new InputError("projectBindings", `${b.key} refers to custom role ${role.customRole}, which customRoles does not define`);
            }
        }
        super("kubegrant:gcp:ServiceAccountAccess", name, {}, opts);

        this.account = new gcp.serviceaccount.Account(name, {
            project: args.project,
            accountId: args.accountId,
            displayName: args.displayName,
            description: args.description,
        }, { parent: this });
        const self = this.account.email.apply((email) => `serviceAccount:${email}`);

        const grants: pulumi.CustomResource[] = [];
        const roles: Record<string, gcp.projects.IAMCustomRole> = {};
        for (const r of args.customRoles ?? []) {
            roles[r.key] = new gcp.projects.IAMCustomRole(`${name}-${r.key}`, {
                project: r.project,
                roleId: r.roleId,
                title: r.title,
                description: r.description,
                permissions: [...r.permissions],
                stage: "GA",
            }, { parent: this });
            grants.push(roles[r.key]);
        }
        this.customRoles = roles;
        for (const b of args.projectBindings ?? []) {
            grants.push(new gcp.projects.IAMMember(`${name}-${b.key}`, {
                project: b.project,
                role: typeof b.role === "string" ? b.role : roles[b.role.customRole].name,
                member: b.member ?? self,
                condition: b.condition,
            }, { parent: this }));
        }
        for (const b of args.accountBindings ?? []) {
            grants.push(new gcp.serviceaccount.IAMMember(`${name}-${b.key}`, {
                serviceAccountId: this.account.name,
                role: b.role,
                member: b.member,
                condition: b.condition,
            }, { parent: this }));
        }
        for (const s of args.services ?? []) {
            grants.push(new gcp.projects.Service(`${name}-${s.key}`, {
                project: s.project,
                service: s.service,
                disableOnDestroy: false,
                disableDependentServices: false,
            }, { parent: this }));
        }
        if (args.createKey) {
            this.key = new gcp.serviceaccount.Key(`${name}-key`, {
                serviceAccountId: this.account.name,
                publicKeyType: "TYPE_X509_PEM_FILE",
            }, { parent: this, additionalSecretOutputs: ["privateKey"] });
            grants.push(this.key);
        }

        this.email = this.account.email;
        this.accountId = this.account.accountId;
        this.uniqueId = this.account.uniqueId;
        // Built when first read (~20 promises per instance otherwise).
        const key = this.key;
        defineLazy(this, "privateKey", () => key ? pulumi.secret(key.privateKey) : pulumi.output(undefined));
        const delay = args.propagationDelaySeconds ?? 0;
        // Depending on every grant's ID makes anything built from `ready` wait for (and be destroyed
        // before) all of them: a vendor registration never outlives its access.
        defineLazy(this, "ready", () => pulumi.all([this.account.email, ...grants.map((g) => g.id)]).apply(async ([email]) => {
            if (delay > 0 && isRealDeployment()) await new Promise((r) => setTimeout(r, delay * 1000));
            return email;
        }));
        // Only `ready` with a propagation delay, so that the deployment waits for it (built when first
        // read); no other output in the state (the properties are the interface).
        this.registerOutputs(delay > 0 ? { ready: this.ready } : {});
    }
}
