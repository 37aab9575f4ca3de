export { InputError } from "./errors";
export { Sourced } from "./catalog";
export { shortHash } from "./hash";
export * from "./validate";
