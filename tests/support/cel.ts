/** GCP's condition engine, as the tests run it: @bufbuild/cel, each decision recorded for permission coverage. */
import { CelInput, isCelError, run } from "@bufbuild/cel";
import { recordCel } from "./coverage";

/**
 * The value of the CEL `expression` for `activation` (resource, request), as @bufbuild/cel
 * returns it; a boolean result is one decision of the condition (true: the binding applies).
 */
export function runCondition(expression: string, activation: Record<string, CelInput>): unknown {
    const result = run(expression, activation);
    if (!isCelError(result) && typeof result === "boolean") recordCel(expression, result);
    return result;
}
