// kubegrant: re-exports only. Each cloud is loaded on first use, so an AWS-only install (no GCP,
// Azure or Alibaba provider package) can `require("kubegrant")` and use `kubegrant.aws`.
export { InputError } from "./components/core/errors";
// Typed reads of other stacks' outputs (multi-stack onboarding); needs only @pulumi/pulumi.
export { stackOutputs, StackOutputs, StackOutputSpec, StackOutputKind, StackOutputType, KindType } from "./components/core/stacks";

import type * as alicloudModule from "./components/exports/alicloud";
import type * as awsModule from "./components/exports/aws";
import type * as azureModule from "./components/exports/azure";
import type * as gcpModule from "./components/exports/gcp";
import type * as kubernetesModule from "./components/exports/kubernetes";
import type * as testingModule from "./components/exports/testing";

export declare const alicloud: typeof alicloudModule;
export declare const aws: typeof awsModule;
export declare const azure: typeof azureModule;
export declare const gcp: typeof gcpModule;
export declare const kubernetes: typeof kubernetesModule;
export declare const testing: typeof testingModule;

function lazy(name: string, path: string): void {
    Object.defineProperty(exports, name, {
        enumerable: true,
        configurable: true,
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- each cloud loads on first use, so a missing optional peer fails only the cloud asked for
        get: () => require(path),
    });
}

lazy("aws", "./components/exports/aws");
lazy("alicloud", "./components/exports/alicloud");
lazy("gcp", "./components/exports/gcp");
lazy("azure", "./components/exports/azure");
lazy("kubernetes", "./components/exports/kubernetes");
lazy("testing", "./components/exports/testing");
