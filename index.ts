// kubegrant: re-exports only. Each cloud is loaded on first use, so an AWS-only install (no GCP,
// Azure or Alibaba provider package) can `require("kubegrant")` and use `kubegrant.aws`.
export { InputError } from "./components/core/errors";
// Typed reads of other stacks' outputs (multi-stack onboarding); needs only @pulumi/pulumi.
export { stackOutputs, StackOutputs, StackOutputSpec, StackOutputKind, StackOutputType } from "./components/core/stacks";

import type * as alicloudModule from "./components/alicloud";
import type * as awsModule from "./components/aws";
import type * as azureModule from "./components/azure";
import type * as gcpModule from "./components/gcp";
import type * as kubernetesModule from "./components/kubernetes";
import type * as testingModule from "./components/testing";

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

lazy("aws", "./components/aws");
lazy("alicloud", "./components/alicloud");
lazy("gcp", "./components/gcp");
lazy("azure", "./components/azure");
lazy("kubernetes", "./components/kubernetes");
lazy("testing", "./components/testing");
