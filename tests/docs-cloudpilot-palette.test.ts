import * as assert from "assert";
import { readFileSync } from "fs";
import { join } from "path";
import { CLOUDPILOT_EKS_ARG_NAMES } from "../components/cloudpilot/eks-plan";
import { PALETTE_AWS_ARG_NAMES } from "../components/palette/aws-plan";
import { loadPreset } from "../components/render/preset";
import { reference } from "./support/references";

for (const [preset, args, file, heading] of [
    ["cloudpilot-eks", CLOUDPILOT_EKS_ARG_NAMES, "cloudpilot/eks-preset.ts", "# CloudPilotEksAccess"],
    ["palette-aws", PALETTE_AWS_ARG_NAMES, "palette/aws-preset.ts", "# PaletteAwsAccess"],
] as const) {
    describe(`docs/components/${preset}.md documents ${preset}`, () => {
        const text = reference(preset);
        it("is the component's reference", () => assert.ok(text.startsWith(`${heading} `)));
        it("every argument, and the preset takes exactly those keys", () => {
            for (const arg of args) assert.match(text, new RegExp(`\\| \`${arg}\` \\|`), arg);
            assert.deepStrictEqual(loadPreset(preset).keys.map((k) => k.name), [...args]);
        });
        it("every output", () => {
            const src = readFileSync(join(__dirname, "..", "components", file), "utf8");
            const outputs = [...src.matchAll(/^ {16}(\w+): c\.\w+,$/gm)].map((m) => m[1]);
            assert.ok(outputs.length >= 7);
            for (const o of outputs) assert.match(text, new RegExp(`\\| \`${o}\` \\|`), o);
        });
    });
}
