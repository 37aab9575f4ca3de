// Entry point of the root Pulumi.yaml program: the stack outputs are the preset's outputs. Bad
// stack config throws an InputError, which is a Pulumi RunError (core/errors.ts), so the Node.js SDK
// prints its one-line message alone, never "Unhandled exception" with a stack trace.
import { run } from "./main";

export = run();
