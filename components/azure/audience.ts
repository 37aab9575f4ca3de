/** The audience Microsoft Entra expects in federated tokens (token exchange). Pure. */
export const AZURE_TOKEN_EXCHANGE_AUDIENCE = "api://AzureADTokenExchange";
