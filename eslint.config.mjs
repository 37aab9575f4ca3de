// ESLint flat config for every TypeScript file of ours: `npm run lint` (run by `npm test`), no warnings
// allowed. Every suppression says why (`// eslint-disable-next-line rule -- why`), and one that
// suppresses nothing is an error.
//
// Not type-aware: typed linting (parserOptions.project, for no-floating-promises and the like) builds
// the whole TypeScript program a second time after `tsc --noEmit`; measured on this shared 2-core
// machine it took 37-157 s of wall time, 36-48 s of CPU and 2.1 GB, against 9-43 s, 8-10 s and 0.4 GB
// without it. The floating promise that matters most in a test suite, an assert.rejects that is not
// awaited, is caught below without types.
import js from "@eslint/js";
import comments from "@eslint-community/eslint-plugin-eslint-comments/configs";
import tseslint from "typescript-eslint";

const TEST_FILES = ["tests/**/*.ts", "examples/**/*.test.ts"];

export default tseslint.config(
    { ignores: ["bin/", "node_modules/", "tests/fixtures/", "tests/snapshots/"] },
    {
        files: ["**/*.ts"],
        extends: [js.configs.recommended, tseslint.configs.recommended, comments.recommended],
        linterOptions: { reportUnusedDisableDirectives: "error" },
        rules: {
            "@eslint-community/eslint-comments/require-description": ["error", { ignore: ["eslint-enable"] }],
            // `import x = require("m")` is a static, typed import; it is the form that patches a CommonJS
            // module's own object (tests/support/self-reference.ts), where `import * as` gets a copy.
            "@typescript-eslint/no-require-imports": ["error", { allowAsImport: true }],
            // `_arg` is kept on purpose (a signature that stays when a case differs); `{ [k]: _, ...rest }` omits k.
            "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", ignoreRestSiblings: true }],
            // Possible problems the recommended sets leave off.
            "array-callback-return": "error",
            "eqeqeq": ["error", "smart"],
            "no-self-compare": "error",
            "no-unmodified-loop-condition": "error",
            "no-unreachable-loop": "error",
        },
    },
    {
        files: TEST_FILES,
        rules: {
            // A committed `.only` silently skips the rest of the suite.
            "no-restricted-properties": ["error",
                ...["describe", "context", "it", "specify"].map((object) => ({ object, property: "only", message: "runs this test alone and skips every other one" }))],
            // A rejection assertion that is neither awaited nor returned asserts nothing: the test ends first.
            "no-restricted-syntax": ["error", {
                selector: "ExpressionStatement > CallExpression[callee.object.name='assert'][callee.property.name=/^(rejects|doesNotReject)$/]",
                message: "await (or return) this assertion, else the test ends before it is checked",
            }],
        },
    },
);
