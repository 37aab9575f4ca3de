export {
    KubegrantMocks, MockOptions, RegisteredResource, Recorder, installMocks, isSecretValue, outputValue,
    redactSecrets, revealSecrets,
} from "./mocks";
