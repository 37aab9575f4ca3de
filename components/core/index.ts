export { InputError, oneLine, redact, withSecrets } from "./errors";
export { Sourced } from "./catalog";
export { VENDOR_REPOS, VendorRepo, vendorSource } from "./sources";
export { shortHash } from "./hash";
export * from "./validate";
export {
    stackOutputs, StackOutputs, StackOutputSpec, StackOutputKind, StackOutputType, parseStackOutputRef, validateStackName,
} from "./stacks";
