// kubegrant/testing: Pulumi mocks with realistic computed values, and runProgram, for users' own unit tests (needs only @pulumi/pulumi).
export {
    KubegrantMocks, MockOptions, RegisteredResource, Recorder, installMocks, isSecretValue, mockSecret, outputValue, outputValues,
    redactSecrets, revealSecrets,
} from "../testing/mocks";
export { ProgramOptions, ProgramRun, runProgram } from "../testing/program";
