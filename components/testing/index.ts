export {
    KubegrantMocks, MockOptions, RegisteredResource, Recorder, installMocks, isSecretValue, mockSecret, outputValue,
    redactSecrets, revealSecrets,
} from "./mocks";
export { ProgramOptions, ProgramRun, outputValues, runProgram } from "./program";
