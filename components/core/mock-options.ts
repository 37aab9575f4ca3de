/**
 * What the Pulumi mocks of `kubegrant/testing` make computed values look like. In core because a
 * Preset (core/preset.ts) answers with one, and core imports nothing above it; `kubegrant/testing`
 * re-exports it.
 */
import type * as pulumi from "@pulumi/pulumi";

export interface MockOptions {
    /** Account that computed AWS ARNs carry. @default "123456789012" */
    readonly awsAccountId?: string;
    /** Partition that computed AWS ARNs carry. @default "aws" */
    readonly awsPartition?: string;
    /** Tenant that computed Azure identities carry. @default "11111111-0000-4000-8000-000000000001" */
    readonly azureTenantId?: string;
    /** Subscription of computed Azure resource IDs that carry none in their inputs. @default "00000000-0000-4000-8000-000000000000" */
    readonly azureSubscriptionId?: string;
    /** Account that computed Alibaba Cloud RAM ARNs carry. @default "1234567890123456" */
    readonly alicloudAccountId?: string;
    /** Region that the default `aws:index/getRegion:getRegion` answer carries. @default "us-east-1" (per partition: "us-gov-west-1", "cn-north-1") */
    readonly awsRegion?: string;
    /**
     * Outputs of other stacks, by fully qualified name (`<org>/<project>/<stack>`), for
     * `pulumi.StackReference` and `stackOutputs`. Wrap secret outputs in `mockSecret(...)`. Reading
     * a stack that is not listed fails as a missing stack does: `unknown stack "<name>"`.
     */
    readonly stacks?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
    /** Extra per-type state, merged over the defaults (type token → state function). */
    readonly states?: Readonly<Record<string, (args: pulumi.runtime.MockResourceArgs) => Record<string, unknown>>>;
    /**
     * Answers for provider function calls (token → result), over the defaults (the AWS caller
     * identity, region and partition, and Azure's client config, from the options above). Any
     * other call throws.
     */
    readonly calls?: Readonly<Record<string, (args: pulumi.runtime.MockCallArgs) => Record<string, unknown>>>;
}
