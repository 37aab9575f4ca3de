export {
    KubegrantMocks, MockOptions, RegisteredResource, Recorder, installMocks, isSecretValue, mockSecret, outputValue, outputValues,
    redactSecrets, revealSecrets,
} from "./mocks";
export { ProgramOptions, ProgramRun, runProgram } from "./program";
