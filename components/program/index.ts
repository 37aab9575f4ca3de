// Entry point of the root Pulumi.yaml program: the stack outputs are the preset's outputs.
import * as pulumi from "@pulumi/pulumi";
import { InputError } from "../core";
import { run } from "./main";

/**
 * Bad stack config is reported as its one-line message: the Node.js SDK prints any other error
 * thrown by a program as "Unhandled exception" with its stack trace (seen under the real engine;
 * mocks show only the message), and only a RunError as its message alone.
 */
function outputs(): ReturnType<typeof run> {
    try {
        return run();
    } catch (e) {
        if (e instanceof InputError) throw new pulumi.RunError(e.message);
        throw e;
    }
}

export = outputs();
