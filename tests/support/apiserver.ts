/**
 * A real Kubernetes API server for the tests, envtest style: a throwaway etcd and kube-apiserver
 * on free loopback ports, no nodes and no controller manager. The server is the judge of what the
 * rendered objects mean: it validates them (server-side apply, dry run), answers
 * SubjectAccessReviews with its RBAC authorizer, and runs its escalation check when a Role,
 * ClusterRole or binding is created.
 *
 * - Binary: $KUBEGRANT_KUBE_APISERVER, else the cache scripts/kube-apiserver.sh fills
 *   (${KUBEGRANT_CACHE:-~/.cache/kubegrant}/kube-apiserver/<Debian version>/kube-apiserver).
 *   etcd: $KUBEGRANT_ETCD, else `etcd` on the PATH (Debian's etcd-server). No network.
 * - Every run gets a fresh temporary directory (etcd data, certificates, token file, kubeconfig,
 *   logs); it is removed on stop. With `controllerManager` (tests/engine.test.ts), the
 *   kube-controller-manager scripts/kube-apiserver.sh builds beside the server runs its namespace
 *   controller, garbage collector and token controller, so a deleted namespace finishes deleting
 *   and a ServiceAccount gets its token Secret; without it a namespace never finishes deleting,
 *   and the data dies with the run.
 * - Processes run in their own process groups and are killed by group on stop, on process exit
 *   (Mocha exits on SIGINT), and by a watchdog if this process dies without running its handlers.
 * - HTTPS with Node's https module, trusting the certificate the server generates in its
 *   --cert-dir; requests authenticate with a static admin token (group system:masters).
 */
import { ChildProcess, spawn } from "child_process";
import { randomBytes, generateKeyPairSync } from "crypto";
import * as fs from "fs";
import * as https from "https";
import * as net from "net";
import * as os from "os";
import * as path from "path";
import { KubeObject, serviceAccountUsername } from "../../components/kubernetes/rbac";
import { Request, ServiceAccountRef, rulesFor } from "../../components/kubernetes/authorize";
import { cacheDir, executable } from "./tools";
import { recordSubjectAccessReview } from "./coverage";

/** Set by .ci/run: a missing binary is a test failure, not a skip. */
export const REQUIRE_ENV = "KUBEGRANT_REQUIRE_APISERVER";
export const HOW_TO_GET = "bash scripts/kube-apiserver.sh";

export interface Binaries {
    readonly kubeApiserver: string;
    readonly etcd: string;
}

/** kube-controller-manager: $KUBEGRANT_KUBE_CONTROLLER_MANAGER, else the one beside kube-apiserver. */
export function findControllerManager(bin: Binaries): string | { missing: string } {
    const file = process.env.KUBEGRANT_KUBE_CONTROLLER_MANAGER ?? path.join(path.dirname(bin.kubeApiserver), "kube-controller-manager");
    return executable(file) ? file
        : { missing: `kube-controller-manager missing (${file}): run \`${HOW_TO_GET}\` to build it beside kube-apiserver (or set KUBEGRANT_KUBE_CONTROLLER_MANAGER)` };
}


/** The first executable file `name` in a directory of the PATH. */
function onPath(name: string): string | undefined {
    return (process.env.PATH ?? "").split(path.delimiter).map((dir) => path.join(dir, name)).find(executable);
}

/**
 * Inside a describe(): the binaries, or undefined after registering the one test that says why
 * they are missing (a failure when KUBEGRANT_REQUIRE_APISERVER=1, else a skipped test).
 */
export function binariesOrSkip(): Binaries | undefined {
    const found = findBinaries();
    if (!("missing" in found)) return found;
    if (process.env[REQUIRE_ENV] === "1") {
        it(`has a kube-apiserver (${REQUIRE_ENV} is set)`, () => {
            throw new Error(found.missing);
        });
    } else {
        it.skip(`SKIPPED: ${found.missing}`);
    }
    return undefined;
}

/** The binaries, or why they are missing (one line, naming the way to get them). */
export function findBinaries(): Binaries | { missing: string } {
    const cache = cacheDir("kube-apiserver");
    let kubeApiserver = process.env.KUBEGRANT_KUBE_APISERVER;
    if (!kubeApiserver) {
        try {
            const version = fs.readFileSync(path.join(cache, "current"), "utf8").trim();
            kubeApiserver = path.join(cache, version, "kube-apiserver");
        } catch {
            kubeApiserver = undefined;
        }
    }
    const etcd = process.env.KUBEGRANT_ETCD ?? onPath("etcd");
    const missing = [
        ...(executable(kubeApiserver) ? [] : [`kube-apiserver (${process.env.KUBEGRANT_KUBE_APISERVER ? `$KUBEGRANT_KUBE_APISERVER=${kubeApiserver}` : `not in ${cache}`})`]),
        ...(executable(etcd) ? [] : ["etcd (not on the PATH)"]),
    ];
    if (missing.length > 0) return { missing: `${missing.join(" and ")} missing: run \`${HOW_TO_GET}\` to build it once (or set KUBEGRANT_KUBE_APISERVER)` };
    return { kubeApiserver: kubeApiserver!, etcd: etcd! };
}

function freePort(): Promise<number> {
    return new Promise((resolve, reject) => {
        const srv = net.createServer();
        srv.unref();
        srv.on("error", reject);
        srv.listen(0, "127.0.0.1", () => {
            const port = (srv.address() as net.AddressInfo).port;
            srv.close(() => resolve(port));
        });
    });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface HttpResult<T = unknown> {
    readonly status: number;
    readonly body: T;
}

/** An error status of the server, with its Status message. */
export class ApiError extends Error {
    constructor(readonly status: number, readonly body: unknown, what: string) {
        super(`${what}: HTTP ${status}: ${(body as { message?: string })?.message ?? JSON.stringify(body)}`);
    }
}

export interface ApplyOptions {
    readonly dryRun?: boolean;
    /** Impersonate this service account (with its groups) instead of acting as the admin. */
    readonly as?: ServiceAccountRef;
}

/** The user and groups Kubernetes gives a service account's token. */
/**
 * The RBAC authorizer answers from informer caches, which see a just-applied Role or binding a
 * moment later (seen in CI: a kube-system RoleBinding applied last, denied by the next
 * SubjectAccessReview). Asks `ask` until `settled` holds of its answer or `ms` pass, and returns
 * the last answer: a wrong answer that does not change within the window still fails the caller.
 */
export async function eventually<T>(ask: () => Promise<T>, settled: (answer: T) => boolean, ms = 10_000): Promise<T> {
    const deadline = Date.now() + ms;
    for (;;) {
        const answer = await ask();
        if (settled(answer) || Date.now() >= deadline) return answer;
        await new Promise((resolve) => setTimeout(resolve, 250));
    }
}

export function serviceAccountUser(who: ServiceAccountRef): { user: string; groups: string[] } {
    return {
        user: serviceAccountUsername(who.namespace, who.name),
        groups: ["system:serviceaccounts", `system:serviceaccounts:${who.namespace}`, "system:authenticated"],
    };
}

interface Discovered {
    readonly plural: string;
    readonly namespaced: boolean;
}

export class ApiServer {
    private readonly agent: https.Agent;
    private readonly discovery = new Map<string, Promise<Map<string, Discovered>>>();

    constructor(readonly url: string, private readonly ca: Buffer, private readonly token: string) {
        this.agent = new https.Agent({ ca, keepAlive: true, maxSockets: 16 });
    }

    /**
     * One HTTPS request as the admin (or impersonating `as`); the body is sent as JSON, or
     * `rawBody` as is. Never throws on a status.
     */
    request<T = unknown>(method: string, urlPath: string, body?: unknown,
        opts: { contentType?: string; as?: ServiceAccountRef; rawBody?: string } = {}): Promise<HttpResult<T>> {
        const payload = opts.rawBody !== undefined ? Buffer.from(opts.rawBody) : body === undefined ? undefined : Buffer.from(JSON.stringify(body));
        const headers: Record<string, string | string[]> = { Authorization: `Bearer ${this.token}`, Accept: "application/json" };
        if (payload) {
            headers["Content-Type"] = opts.contentType ?? "application/json";
            headers["Content-Length"] = String(payload.length);
        }
        if (opts.as) {
            const { user, groups } = serviceAccountUser(opts.as);
            headers["Impersonate-User"] = user;
            headers["Impersonate-Group"] = groups;
        }
        return new Promise((resolve, reject) => {
            const req = https.request(new URL(urlPath, this.url), { method, headers, agent: this.agent, timeout: 30_000 }, (res) => {
                const chunks: Buffer[] = [];
                res.on("data", (c: Buffer) => chunks.push(c));
                res.on("end", () => {
                    const text = Buffer.concat(chunks).toString("utf8");
                    let parsed: unknown = text;
                    try {
                        parsed = JSON.parse(text);
                    } catch {
                        // plain text (e.g. /readyz)
                    }
                    resolve({ status: res.statusCode ?? 0, body: parsed as T });
                });
                res.on("error", reject);
            });
            req.on("timeout", () => req.destroy(new Error(`${method} ${urlPath}: timed out`)));
            req.on("error", reject);
            if (payload) req.write(payload);
            req.end();
        });
    }

    /** The resources of one apiVersion by kind (the server's discovery document). */
    private resources(apiVersion: string): Promise<Map<string, Discovered>> {
        if (!this.discovery.has(apiVersion)) {
            const p = this.request<{ resources: { name: string; kind: string; namespaced: boolean }[] }>(
                "GET", apiVersion.includes("/") ? `/apis/${apiVersion}` : `/api/${apiVersion}`,
            ).then((r) => {
                if (r.status !== 200) throw new ApiError(r.status, r.body, `discovery of ${apiVersion}`);
                return new Map(r.body.resources.filter((x) => !x.name.includes("/")).map((x) => [x.kind, { plural: x.name, namespaced: x.namespaced }]));
            });
            p.catch(() => this.discovery.delete(apiVersion));
            this.discovery.set(apiVersion, p);
        }
        return this.discovery.get(apiVersion)!;
    }

    /** The REST path of an object (of its collection with `collection`), found through discovery. */
    async pathOf(o: Pick<KubeObject, "apiVersion" | "kind"> & { metadata: { name?: string; namespace?: string } }, collection = false): Promise<string> {
        const name = collection ? undefined : o.metadata.name;
        const found = (await this.resources(o.apiVersion)).get(o.kind);
        if (!found) throw new Error(`${o.apiVersion} has no kind ${o.kind}`);
        const base = o.apiVersion.includes("/") ? `/apis/${o.apiVersion}` : `/api/${o.apiVersion}`;
        if (found.namespaced && !o.metadata.namespace) throw new Error(`${o.kind} ${o.metadata.name} is namespaced but has no namespace`);
        const ns = found.namespaced ? `/namespaces/${encodeURIComponent(o.metadata.namespace!)}` : "";
        return `${base}${ns}/${found.plural}${name ? `/${encodeURIComponent(name)}` : ""}`;
    }

    /**
     * Server-side apply (PATCH application/apply-patch+yaml, fieldManager=kubegrant,
     * fieldValidation=Strict, which servers before 1.23 ignore: their server-side apply rejects
     * fields outside the schema anyway). `o` names the target unless `path` is given; `yaml`, when
     * given, is sent instead of `o`. Returns the status and body; the caller asserts.
     */
    async apply(o: KubeObject | Record<string, unknown>, opts: ApplyOptions & { yaml?: string; path?: string } = {}): Promise<HttpResult> {
        const target = opts.path ?? await this.pathOf(o as KubeObject);
        const q = new URLSearchParams({ fieldManager: "kubegrant", fieldValidation: "Strict", ...(opts.dryRun ? { dryRun: "All" } : {}) });
        // The YAML document when given (what `render --format yaml` prints); else JSON, which is YAML too.
        return this.request("PATCH", `${target}?${q}`, o, { contentType: "application/apply-patch+yaml", as: opts.as, rawBody: opts.yaml });
    }

    /** Creates (POST) an object, as the admin or impersonating a service account. */
    async create(o: KubeObject, opts: ApplyOptions = {}): Promise<HttpResult> {
        const q = new URLSearchParams(opts.dryRun ? { dryRun: "All" } : {});
        return this.request("POST", `${await this.pathOf(o, true)}${opts.dryRun ? `?${q}` : ""}`, o, { as: opts.as });
    }

    /** The RBAC authorizer's answer for a service account's request (SubjectAccessReview). */
    async allowed(who: ServiceAccountRef, r: Request): Promise<boolean> {
        const { user, groups } = serviceAccountUser(who);
        const spec = "nonResourceURL" in r
            ? { user, groups, nonResourceAttributes: { path: r.nonResourceURL, verb: r.verb } }
            : {
                user, groups, resourceAttributes: {
                    verb: r.verb, group: r.apiGroup, resource: r.resource,
                    ...(r.subresource ? { subresource: r.subresource } : {}), ...(r.name ? { name: r.name } : {}), ...(r.namespace ? { namespace: r.namespace } : {}),
                },
            };
        const res = await this.request<{ status?: { allowed?: boolean } }>("POST", "/apis/authorization.k8s.io/v1/subjectaccessreviews",
            { apiVersion: "authorization.k8s.io/v1", kind: "SubjectAccessReview", spec });
        if (res.status !== 201 && res.status !== 200) throw new ApiError(res.status, res.body, "SubjectAccessReview");
        const allowed = res.body.status?.allowed === true;
        recordSubjectAccessReview(r, allowed);
        return allowed;
    }

    /**
     * Waits (up to 10 s, see eventually) until the authorizer grants `who` one request of every rule
     * `objects` bind to it, in each namespace they bind it in: after an apply, the escalation check
     * and SubjectAccessReviews then see what was applied. Returns whether they all settled.
     */
    async awaitRules(objects: readonly KubeObject[], who: ServiceAccountRef): Promise<boolean> {
        const namespaces = [undefined, ...new Set(objects.filter((o) => o.kind === "RoleBinding").map((o) => o.metadata.namespace))];
        const asks: Request[] = namespaces.flatMap((namespace) => rulesFor(objects, who, namespace)
            .filter((rule) => (rule.resources ?? []).length > 0 && (rule.verbs ?? []).length > 0)
            .map((rule) => {
                const [resource, subresource] = rule.resources![0].split("/");
                return {
                    verb: rule.verbs![0], apiGroup: (rule.apiGroups ?? [""])[0], resource,
                    ...(subresource ? { subresource } : {}), ...(rule.resourceNames?.length ? { name: rule.resourceNames[0] } : {}),
                    ...(namespace ? { namespace } : {}),
                };
            }));
        const answers = await eventually(() => ApiServer.pool(asks, 16, (r) => this.allowed(who, r)), (got) => got.every(Boolean));
        return answers.every(Boolean);
    }

    /** Maps `items` through `fn` with at most `limit` in flight (SubjectAccessReviews in batches). */
    static async pool<T, R>(items: readonly T[], limit: number, fn: (t: T) => Promise<R>): Promise<R[]> {
        const out = new Array<R>(items.length);
        let next = 0;
        const worker = async () => {
            while (next < items.length) {
                const i = next++;
                out[i] = await fn(items[i]);
            }
        };
        await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
        return out;
    }

    close(): void {
        this.agent.destroy();
    }
}

interface Started {
    readonly server: ApiServer;
    /** A kubeconfig file for the admin (token, the server's CA), for clients such as Pulumi's provider. */
    readonly kubeconfig: string;
    stop(): Promise<void>;
}

const running = new Set<{ kill(): void }>();
let handlersInstalled = false;

/** Kills every group still running, synchronously (exit handlers cannot wait). */
function killAll(): void {
    for (const r of [...running]) r.kill();
}

function installHandlers(): void {
    if (handlersInstalled) return;
    handlersInstalled = true;
    // Mocha turns SIGINT into an exit; a signal that kills this process outright is the watchdog's.
    process.on("exit", killAll);
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
    try {
        process.kill(-child.pid, signal);
    } catch {
        // already gone
    }
}

function exited(child: ChildProcess, ms: number): Promise<boolean> {
    if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
    return new Promise((resolve) => {
        const t = setTimeout(() => resolve(false), ms);
        child.once("exit", () => {
            clearTimeout(t);
            resolve(true);
        });
    });
}

function tail(file: string, lines = 25): string {
    try {
        return fs.readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
    } catch {
        return "(no log)";
    }
}

/** Starts etcd and kube-apiserver and waits until /readyz answers ok. Stop it with stop(), always. */
export async function startApiServer(bin: Binaries, opts: { timeoutMs?: number; controllerManager?: string } = {}): Promise<Started> {
    installHandlers();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kubegrant-apiserver-"));
    const children: ChildProcess[] = [];
    let watchdog: ChildProcess | undefined;
    let server: ApiServer | undefined;
    const entry = {
        kill(): void {
            for (const c of children) killGroup(c, "SIGKILL");
            if (watchdog) killGroup(watchdog, "SIGKILL");
            fs.rmSync(dir, { recursive: true, force: true });
            running.delete(entry);
        },
    };
    running.add(entry);

    const stop = async (): Promise<void> => {
        server?.close();
        // apiserver first (it holds etcd connections), then etcd; SIGKILL whatever ignores SIGTERM.
        for (const c of [...children].reverse()) {
            killGroup(c, "SIGTERM");
            if (!await exited(c, 5_000)) {
                killGroup(c, "SIGKILL");
                await exited(c, 5_000);
            }
        }
        entry.kill();
    };

    const run = (name: string, file: string, args: string[]): ChildProcess => {
        const log = fs.openSync(path.join(dir, `${name}.log`), "a");
        const child = spawn(file, args, { cwd: dir, detached: true, stdio: ["ignore", log, log] });
        fs.closeSync(log);
        child.on("error", () => undefined);
        children.push(child);
        return child;
    };

    try {
        const [etcdClient, etcdPeer, securePort] = [await freePort(), await freePort(), await freePort()];
        const token = randomBytes(24).toString("hex");
        fs.writeFileSync(path.join(dir, "tokens.csv"), `${token},kubegrant-admin,kubegrant-admin,"system:masters"\n`, { mode: 0o600 });
        const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
        fs.writeFileSync(path.join(dir, "sa.pub"), publicKey.export({ type: "spki", format: "pem" }));
        fs.writeFileSync(path.join(dir, "sa.key"), privateKey.export({ type: "pkcs8", format: "pem" }), { mode: 0o600 });
        const certDir = path.join(dir, "certs");
        fs.mkdirSync(certDir);

        const etcdUrl = `http://127.0.0.1:${etcdClient}`;
        const etcd = run("etcd", bin.etcd, [
            "--name=kubegrant", `--data-dir=${path.join(dir, "etcd")}`,
            `--listen-client-urls=${etcdUrl}`, `--advertise-client-urls=${etcdUrl}`,
            `--listen-peer-urls=http://127.0.0.1:${etcdPeer}`, `--initial-advertise-peer-urls=http://127.0.0.1:${etcdPeer}`,
            `--initial-cluster=kubegrant=http://127.0.0.1:${etcdPeer}`, "--initial-cluster-state=new",
            "--log-level=warn", "--logger=zap",
        ]);
        const apiserver = run("kube-apiserver", bin.kubeApiserver, [
            `--etcd-servers=${etcdUrl}`,
            "--bind-address=127.0.0.1", "--advertise-address=127.0.0.1", `--secure-port=${securePort}`, "--insecure-port=0",
            `--cert-dir=${certDir}`,
            `--token-auth-file=${path.join(dir, "tokens.csv")}`,
            "--authorization-mode=RBAC",
            "--anonymous-auth=false",
            "--service-account-issuer=https://kubernetes.default.svc.cluster.local",
            `--service-account-key-file=${path.join(dir, "sa.pub")}`,
            `--service-account-signing-key-file=${path.join(dir, "sa.key")}`,
            "--service-cluster-ip-range=10.0.0.0/24",
            "--enable-priority-and-fairness=false",
            "--v=0",
        ]);

        // If this process dies without running its handlers (SIGKILL), the watchdog kills every group
        // listed in pgids (a controller manager started later adds its own).
        const pgids = path.join(dir, "pgids");
        const listGroups = () => fs.writeFileSync(pgids, children.map((c) => `-${c.pid}`).join(" "));
        listGroups();
        watchdog = spawn("/bin/sh", ["-c",
            `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done; kill -KILL $(cat '${pgids}') 2>/dev/null; rm -rf '${dir}'`,
        ], { detached: true, stdio: "ignore" });
        watchdog.unref();

        const deadline = Date.now() + (opts.timeoutMs ?? 90_000);
        const crt = path.join(certDir, "apiserver.crt");
        let last = "";
        for (;;) {
            for (const [name, c] of [["etcd", etcd], ["kube-apiserver", apiserver]] as const) {
                if (c.exitCode !== null || c.signalCode !== null) {
                    throw new Error(`${name} exited (${c.exitCode ?? c.signalCode}):\n${tail(path.join(dir, `${name}.log`))}`);
                }
            }
            if (Date.now() > deadline) {
                throw new Error(`kube-apiserver not ready after ${opts.timeoutMs ?? 90_000} ms (${last}):\n${tail(path.join(dir, "kube-apiserver.log"))}`);
            }
            if (fs.existsSync(crt)) {
                // The generated file holds the serving certificate and the CA that signed it (read
                // again each time: the first read may race the server writing it).
                server?.close();
                server = new ApiServer(`https://127.0.0.1:${securePort}`, fs.readFileSync(crt), token);
                try {
                    const r = await server.request<string>("GET", "/readyz");
                    if (r.status === 200) break;
                    last = `readyz ${r.status}`;
                } catch (e) {
                    last = (e as Error).message;
                }
            }
            await sleep(250);
        }
        const kubeconfig = path.join(dir, "kubeconfig");
        fs.writeFileSync(kubeconfig, JSON.stringify({
            apiVersion: "v1", kind: "Config", "current-context": "kubegrant",
            clusters: [{ name: "kubegrant", cluster: { server: server!.url, "certificate-authority-data": fs.readFileSync(crt).toString("base64") } }],
            users: [{ name: "kubegrant-admin", user: { token } }],
            contexts: [{ name: "kubegrant", context: { cluster: "kubegrant", user: "kubegrant-admin" } }],
        }), { mode: 0o600 });
        if (opts.controllerManager) {
            // Only what deletion and Pulumi's await need: the namespace controller empties and
            // removes a terminating namespace, the garbage collector removes dependents, and the
            // token controller gives each ServiceAccount its token Secret (before Kubernetes 1.24
            // the Kubernetes provider waits for it). One client for all controllers (the admin
            // kubeconfig); no serving port, no leader election.
            const kcm = run("kube-controller-manager", opts.controllerManager, [
                `--kubeconfig=${kubeconfig}`, "--controllers=namespace,garbagecollector,serviceaccount-token",
                "--use-service-account-credentials=false", `--service-account-private-key-file=${path.join(dir, "sa.key")}`,
                `--root-ca-file=${crt}`, "--leader-elect=false", "--port=0", "--secure-port=0", "--v=0",
            ]);
            listGroups();
            await sleep(1_000);
            if (kcm.exitCode !== null || kcm.signalCode !== null) {
                throw new Error(`kube-controller-manager exited (${kcm.exitCode ?? kcm.signalCode}):\n${tail(path.join(dir, "kube-controller-manager.log"))}`);
            }
        }
        return { server: server!, kubeconfig, stop };
    } catch (e) {
        await stop();
        throw e;
    }
}
