/**
 * Pulumi mocks with realistic computed values, and a recorder of everything a program registers.
 * The render CLI uses exactly these, and so can users' own unit tests (`kubegrant/testing`).
 */
import * as pulumi from "@pulumi/pulumi";
import { getMonitor } from "@pulumi/pulumi/runtime/settings";

// The options' type is in core (a Preset's mockOptions returns one); testing re-exports it for users.
import { MockOptions } from "../core/mock-options";
export { MockOptions };

/** A resource as the program registered it. */
export interface RegisteredResource {
    /** Provider type token, e.g. `aws:iam/role:Role`, or the component's type. */
    readonly type: string;
    /** Logical (Pulumi) name. */
    readonly name: string;
    readonly urn: string;
    /** Logical name of the parent, or null for a top-level resource. */
    readonly parent: string | null;
    /** False for component resources. */
    readonly custom: boolean;
    /** True for a resource the program reads instead of creating (a `pulumi:pulumi:StackReference`). */
    readonly read: boolean;
    /** Inputs as sent to the engine; secrets stay wrapped (see `isSecretValue`). */
    readonly inputs: Record<string, unknown>;
}

const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

/** True for a secret value as the mocks receive it. */
export function isSecretValue(value: unknown): boolean {
    return typeof value === "object" && value !== null
        && (value as Record<string, unknown>)["4dabf18193072939515e22adb298388d"] === SECRET_SIG;
}

/** A secret value as the mocks receive it (for `MockOptions.stacks`; `revealSecrets` unwraps it). */
export function mockSecret<T>(value: T): { readonly value: T } {
    return { "4dabf18193072939515e22adb298388d": SECRET_SIG, value } as unknown as { readonly value: T };
}

/** True when a value holds a secret anywhere. */
function containsSecret(value: unknown): boolean {
    if (isSecretValue(value)) return true;
    if (Array.isArray(value)) return value.some(containsSecret);
    if (typeof value === "object" && value !== null) return Object.values(value).some(containsSecret);
    return false;
}

/** Replaces secrets with `"[secret]"`, everywhere in a value. */
export function redactSecrets(value: unknown): unknown {
    if (isSecretValue(value)) return "[secret]";
    if (Array.isArray(value)) return value.map(redactSecrets);
    if (typeof value === "object" && value !== null) {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactSecrets(v)]));
    }
    return value;
}

/** Unwraps secrets into their plain values (for assertions in tests). */
export function revealSecrets(value: unknown): unknown {
    if (isSecretValue(value)) return revealSecrets((value as { value: unknown }).value);
    if (Array.isArray(value)) return value.map(revealSecrets);
    if (typeof value === "object" && value !== null) {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, revealSecrets(v)]));
    }
    return value;
}

function nameOf(args: pulumi.runtime.MockResourceArgs): string {
    const n = revealSecrets(args.inputs.name);
    return typeof n === "string" ? n : args.name;
}

const DEFAULT_REGION: Readonly<Record<string, string>> = { "aws": "us-east-1", "aws-us-gov": "us-gov-west-1", "aws-cn": "cn-north-1" };

/** Mocks that compute what the clouds would: ARNs, IDs, e-mails, principal IDs. */
export class KubegrantMocks implements pulumi.runtime.Mocks {
    private readonly account: string;
    private readonly partition: string;
    private readonly tenant: string;
    private readonly subscription: string;
    private readonly region: string;
    private counter = 0;

    constructor(private readonly options: MockOptions = {}) {
        this.account = options.awsAccountId ?? "123456789012";
        this.partition = options.awsPartition ?? "aws";
        this.tenant = options.azureTenantId ?? "11111111-0000-4000-8000-000000000001";
        this.subscription = options.azureSubscriptionId ?? "00000000-0000-4000-8000-000000000000";
        this.region = options.awsRegion ?? DEFAULT_REGION[this.partition] ?? "us-east-1";
    }

    /** The look-ups programs usually make for where they run, answered from the options. */
    private defaultCalls(): Readonly<Record<string, () => Record<string, unknown>>> {
        const dnsSuffix = this.partition === "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com";
        return {
            "aws:index/getCallerIdentity:getCallerIdentity": () => ({
                accountId: this.account, arn: `arn:${this.partition}:iam::${this.account}:user/kubegrant-test`,
                userId: "AIDAKUBEGRANTTEST00000", id: this.account,
            }),
            "aws:index/getRegion:getRegion": () => ({ region: this.region, name: this.region, id: this.region, description: this.region, endpoint: `ec2.${this.region}.${dnsSuffix}` }),
            "aws:index/getPartition:getPartition": () => ({
                partition: this.partition, dnsSuffix, id: this.partition,
                reverseDnsPrefix: this.partition === "aws-cn" ? "cn.com.amazonaws" : "com.amazonaws",
            }),
            "azure-native:authorization:getClientConfig": () => ({
                clientId: "22222222-0000-4000-8000-000000000002", objectId: "33333333-0000-4000-8000-000000000003",
                subscriptionId: this.subscription, tenantId: this.tenant,
            }),
        };
    }

    /** A deterministic GUID, recognisable as a mock (`…-4000-8000-<counter>`). */
    private guid(): string {
        this.counter += 1;
        return `${this.counter.toString(16).padStart(8, "0")}-0000-4000-8000-${String(this.counter).padStart(12, "0")}`;
    }

    /** A deterministic, realistic-looking unique ID (`prefix` + 17 upper-case characters). */
    private uniqueId(prefix: string): string {
        this.counter += 1;
        return `${prefix}${String(this.counter).padStart(17, "0")}`;
    }

    newResource(args: pulumi.runtime.MockResourceArgs): { id: string; state: Record<string, unknown> } {
        const iam = `arn:${this.partition}:iam::${this.account}`;
        const name = nameOf(args);
        let state: Record<string, unknown> = {};
        switch (args.type) {
            case "aws:iam/role:Role":
                state = { arn: `${iam}:role/${name}`, uniqueId: this.uniqueId("AROA"), name };
                break;
            case "aws:iam/policy:Policy":
                state = { arn: `${iam}:policy/${name}`, policyId: this.uniqueId("ANPA"), name };
                break;
            case "aws:iam/instanceProfile:InstanceProfile":
                state = { arn: `${iam}:instance-profile/${name}`, uniqueId: this.uniqueId("AIPA"), name };
                break;
            case "aws:iam/user:User":
                state = { arn: `${iam}:user/${name}`, uniqueId: this.uniqueId("AIDA"), name };
                break;
            case "aws:eks/podIdentityAssociation:PodIdentityAssociation": {
                const associationId = this.uniqueId("a-");
                const region = String(args.inputs.region ?? "us-east-1");
                state = {
                    id: `${args.inputs.clusterName},${associationId}`, associationId,
                    associationArn: `arn:${this.partition}:eks:${region}:${this.account}:podidentityassociation/${args.inputs.clusterName}/${associationId}`,
                };
                break;
            }
            case "aws:iam/accessKey:AccessKey":
                state = { id: this.uniqueId("AKIA"), secret: "mock-secret-access-key" };
                break;
            case "gcp:serviceaccount/account:Account": {
                const email = `${args.inputs.accountId}@${args.inputs.project}.iam.gserviceaccount.com`;
                const resourceName = `projects/${args.inputs.project}/serviceAccounts/${email}`;
                state = { id: resourceName, name: resourceName, email, member: `serviceAccount:${email}`, uniqueId: this.uniqueId("1000") };
                break;
            }
            case "gcp:projects/iAMCustomRole:IAMCustomRole": {
                const roleName = `projects/${args.inputs.project}/roles/${args.inputs.roleId}`;
                state = { id: roleName, name: roleName, deleted: false };
                break;
            }
            case "gcp:serviceaccount/key:Key":
                state = {
                    name: `${args.inputs.serviceAccountId}/keys/${this.uniqueId("k")}`,
                    privateKey: Buffer.from(JSON.stringify({ type: "service_account", private_key: "mock-private-key" })).toString("base64"),
                    publicKey: "mock-public-key",
                };
                break;
            case "azure-native:authorization:RoleDefinition": {
                const guid = String(args.inputs.roleDefinitionId ?? this.guid());
                state = { name: guid, type: "Microsoft.Authorization/roleDefinitions", id: `${args.inputs.scope}/providers/Microsoft.Authorization/roleDefinitions/${guid}` };
                break;
            }
            case "azure-native:authorization:RoleAssignment": {
                const guid = String(args.inputs.roleAssignmentName ?? this.guid());
                state = { name: guid, type: "Microsoft.Authorization/roleAssignments", id: `${args.inputs.scope}/providers/Microsoft.Authorization/roleAssignments/${guid}` };
                break;
            }
            case "azure-native:managedidentity:UserAssignedIdentity": {
                const n = String(args.inputs.resourceName ?? args.name);
                state = {
                    name: n, clientId: this.guid(), principalId: this.guid(), tenantId: this.tenant,
                    type: "Microsoft.ManagedIdentity/userAssignedIdentities",
                    id: `/subscriptions/${this.subscription}/resourceGroups/${args.inputs.resourceGroupName}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/${n}`,
                };
                break;
            }
            case "azure-native:managedidentity:FederatedIdentityCredential": {
                const n = String(args.inputs.federatedIdentityCredentialResourceName ?? args.name);
                state = {
                    name: n, type: "Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials",
                    id: `/subscriptions/${this.subscription}/resourceGroups/${args.inputs.resourceGroupName}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/${args.inputs.resourceName}/federatedIdentityCredentials/${n}`,
                };
                break;
            }
            case "azuread:index/application:Application": {
                const objectId = this.guid();
                state = { id: `/applications/${objectId}`, objectId, clientId: this.guid() };
                break;
            }
            case "azuread:index/servicePrincipal:ServicePrincipal": {
                const objectId = this.guid();
                state = { id: `/servicePrincipals/${objectId}`, objectId, applicationTenantId: this.tenant };
                break;
            }
            case "alicloud:ram/role:Role": {
                const roleName = String(args.inputs.roleName ?? args.name);
                state = { arn: `acs:ram::${this.options.alicloudAccountId ?? "1234567890123456"}:role/${roleName}`, roleId: this.uniqueId("3"), roleName, id: roleName };
                break;
            }
            case "pulumi:pulumi:StackReference": {
                const stack = String(args.inputs.name ?? args.name);
                const outputs = this.options.stacks?.[stack];
                if (!outputs) {
                    const known = Object.keys(this.options.stacks ?? {});
                    throw new Error(`unknown stack "${stack}" (kubegrant mocks: add its outputs to the stacks option; mocked: ${known.length > 0 ? known.join(", ") : "none"})`);
                }
                state = {
                    id: stack, name: stack, outputs,
                    secretOutputNames: Object.keys(outputs).filter((k) => containsSecret(outputs[k])).sort(),
                };
                break;
            }
            case "azuread:index/applicationPassword:ApplicationPassword": {
                const keyId = this.guid();
                state = { id: `${args.inputs.applicationId}/password/${keyId}`, keyId, value: "mock-client-secret-value" };
                break;
            }
        }
        const extra = this.options.states?.[args.type]?.(args) ?? {};
        const id = (extra.id as string | undefined) ?? (state.id as string | undefined) ?? `${args.name}-id`;
        return { id, state: { ...args.inputs, ...state, ...extra } };
    }

    call(args: pulumi.runtime.MockCallArgs): Record<string, unknown> {
        const answer = this.options.calls?.[args.token] ?? this.defaultCalls()[args.token];
        if (!answer) {
            throw new Error(`kubegrant mocks: no answer for provider call ${args.token}; kubegrant components make no calls (answer it with the calls option)`);
        }
        return answer(args);
    }
}

/** What `installMocks` returns: the registrations, and a way to wait until they are all in. */
export interface Recorder {
    /** Every registration so far, in order. */
    readonly resources: RegisteredResource[];
    /**
     * Resolves once every registration started so far (and any it started in turn) has finished.
     * Rejects as the engine fails a deployment when two resources had the same URN.
     */
    settle(): Promise<void>;
}

/**
 * Installs `KubegrantMocks` (or `mocks`) as the Pulumi runtime, with preview off (with preview on,
 * awaiting a computed output hangs), and records every resource registered from now on.
 */
export function installMocks(options: MockOptions = {}, mocks: pulumi.runtime.Mocks = new KubegrantMocks(options),
    project = "kubegrant", stack = "test"): Recorder {
    pulumi.runtime.setMocks(mocks, project, stack, false);
    const monitor = getMonitor() as unknown as {
        registerResource(req: RegisterRequest, cb: (err: unknown, res: unknown) => void): Promise<void>;
        readResource(req: ReadRequest, cb: (err: unknown, res: unknown) => void): Promise<void>;
    };
    const resources: RegisteredResource[] = [];
    const pending = new Set<Promise<void>>();
    // The engine rejects a second registration of a URN; so do these mocks (the MockMonitor alone does not).
    const urns = new Set<string>();
    const duplicates: Error[] = [];
    const record = <R>(original: (req: R, cb: (err: unknown, res: unknown) => void) => Promise<void>,
        describe: (req: R) => Omit<RegisteredResource, "urn" | "parent"> & { parentUrn: string }) =>
        (req: R, cb: (err: unknown, res: unknown) => void) => {
            const p = new Promise<void>((resolve) => {
                void original(req, (err, res) => {
                    if (!err && res) {
                        const urn = (res as { getUrn(): string }).getUrn();
                        if (urns.has(urn)) {
                            const duplicate = new Error(`Duplicate resource URN '${urn}'; try giving it a unique name`);
                            duplicates.push(duplicate);
                            cb(duplicate, undefined);
                            resolve();
                            return;
                        }
                        urns.add(urn);
                        const { parentUrn, ...rest } = describe(req);
                        resources.push({
                            ...rest,
                            urn,
                            parent: parentUrn ? parentUrn.slice(parentUrn.lastIndexOf("::") + 2) : null,
                        });
                    }
                    cb(err, res);
                    resolve();
                });
            });
            pending.add(p);
            void p.then(() => pending.delete(p));
            return p;
        };
    monitor.registerResource = record(monitor.registerResource.bind(monitor), (req) => ({
        type: req.getType(), name: req.getName(), parentUrn: req.getParent(), custom: req.getCustom(), read: false,
        inputs: deserialize(req.getObject()),
    }));
    monitor.readResource = record(monitor.readResource.bind(monitor), (req) => ({
        type: req.getType(), name: req.getName(), parentUrn: req.getParent(), custom: true, read: true,
        inputs: deserialize(req.getProperties()),
    }));
    return {
        resources,
        async settle() {
            // Registrations start from apply callbacks too: wait until a few turns pass with none new.
            let quiet = 0;
            while (quiet < 5) {
                const before = resources.length + pending.size;
                await Promise.all([...pending]);
                await new Promise((r) => setImmediate(r));
                quiet = pending.size === 0 && resources.length + pending.size === before ? quiet + 1 : 0;
            }
            if (duplicates.length > 0) throw duplicates[0];
        },
    };
}

interface ReadRequest {
    getType(): string;
    getName(): string;
    getParent(): string;
    getProperties(): unknown;
}

interface RegisterRequest {
    getType(): string;
    getName(): string;
    getParent(): string;
    getCustom(): boolean;
    getObject(): unknown;
}

function deserialize(struct: unknown): Record<string, unknown> {
    return pulumi.runtime.deserializeProperties(struct as Parameters<typeof pulumi.runtime.deserializeProperties>[0]);
}

/**
 * Resolves an Output's value (and whether it is secret) under mocks. Rejects with the Output's
 * error when it fails (a missing stack, an input that resolves invalid), instead of never settling.
 */
export async function outputValue<T>(output: pulumi.Input<T>): Promise<{ value: T; secret: boolean }> {
    const o = pulumi.output(output) as unknown as pulumi.Output<T> & { promise(): Promise<T> };
    const [value, secret] = await Promise.all([o.promise(), pulumi.isSecret(o)]);
    return { value: value as T, secret };
}

/**
 * Resolves every output of a program's exports or of a component: each enumerable property that
 * is an Output (for a component, its public outputs, including those built when first read, whose
 * accessors are on its class; `urn` is left out), plus plain values of a program's exports.
 * Secrets come back wrapped, as in `ProgramRun.outputs`. Rejects with the first output's error if
 * one fails.
 */
export async function outputValues(source: object): Promise<Record<string, unknown>> {
    const component = pulumi.Resource.isInstance(source);
    const keys: string[] = [];
    // `for…in`, not Object.entries: a lazy output is an enumerable accessor on the prototype.
    for (const k in source) keys.push(k);
    const entries = keys.map((k) => [k, (source as Record<string, unknown>)[k]] as const).filter(([k, v]) => component
        ? pulumi.Output.isInstance(v) && k !== "urn" && !k.startsWith("__")
        : v !== undefined && typeof v !== "function" && !pulumi.Resource.isInstance(v));
    const values = await Promise.all(entries.map(async ([k, v]) => {
        const { value, secret } = await outputValue(v as pulumi.Input<unknown>);
        return [k, secret ? mockSecret(value) : value] as const;
    }));
    return Object.fromEntries(values.filter(([, v]) => v !== undefined));
}
