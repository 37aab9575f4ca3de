// Entry point of the root Pulumi.yaml program: the stack outputs are the preset's outputs.
import { run } from "./main";

export = run();
