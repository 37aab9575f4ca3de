/**
 * Serves kubegrant's policies as a policy pack. A policy pack project (PulumiPolicy.yaml with
 * `runtime: nodejs`, a package.json with a version, kubegrant and @pulumi/policy) holds one line:
 *
 *     require("kubegrant/policy").kubegrantPolicyPack();
 *
 * and `pulumi preview --policy-pack <that directory>` runs it (docs/guides/policy-pack.md).
 */
import type { EnforcementLevel, PolicyPack } from "@pulumi/policy";
import { KUBEGRANT_POLICIES } from "./policies";

export function kubegrantPolicyPack(name = "kubegrant", enforcementLevel?: EnforcementLevel): PolicyPack {
    let policy: typeof import("@pulumi/policy");
    try {
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- @pulumi/policy is an optional peer: loaded only here, and its absence reported
        policy = require("@pulumi/policy");
    } catch {
        throw new Error("kubegrant/policy needs @pulumi/policy: npm install @pulumi/policy");
    }
    return new policy.PolicyPack(name, { policies: [...KUBEGRANT_POLICIES], ...(enforcementLevel ? { enforcementLevel } : {}) });
}
