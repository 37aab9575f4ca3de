export {
    KubegrantMocks, MockOptions, RegisteredResource, Recorder, installMocks, isSecretValue, mockSecret, outputValue, outputValues,
    redactSecrets, revealSecrets,
} from "../testing/mocks";
export { ProgramOptions, ProgramRun, runProgram } from "../testing/program";
