import { assembleClient, type Client, type ClientOptions, parseBaseURL } from './client.js';
import { ConfigurationError, InputRejectedError } from './errors.js';
import { encodePathSegment } from './path.js';

/**
 * Options for {@link createAzureClient}: the client options plus Azure's.
 *
 * @example
 * const options: AzureClientOptions = { baseURL: 'https://my-resource.openai.azure.com', azureADToken: () => getEntraToken(), apiVersion: '2024-06-01' };
 * const azure = createAzureClient(options);
 */
export interface AzureClientOptions extends Omit<ClientOptions, 'apiKey' | 'baseURL' | 'organization' | 'project'> {
  /** The resource endpoint, such as `https://my-resource.openai.azure.com`. Defaults to `AZURE_OPENAI_ENDPOINT`. */
  baseURL?: string;
  /** Key authentication, sent as the `api-key` header. Defaults to `AZURE_OPENAI_API_KEY` when no `azureADToken` is given. */
  apiKey?: string;
  /** Microsoft Entra ID (Azure AD) authentication, sent as a Bearer token: a token, or a function called before every request (for refreshing tokens). */
  azureADToken?: string | (() => string | Promise<string>);
  /** The `api-version` query parameter. Default `2024-02-01`, the stable version. */
  apiVersion?: string;
  /** Maps a request's model to its deployment name. Default: {@link defaultAzureDeployment}. */
  deployment?: (model: string) => string;
}

/**
 * go-openai's default model-to-deployment rule: Azure deployment names cannot
 * contain `.` or `:`, so gpt-3.5 models lose them (`gpt-3.5-turbo` →
 * `gpt-35-turbo`); every other model name is used as it is.
 *
 * @example
 * defaultAzureDeployment('gpt-3.5-turbo-0301'); // 'gpt-35-turbo-0301'
 * defaultAzureDeployment('gpt-4o');             // 'gpt-4o'
 */
export function defaultAzureDeployment(model: string): string {
  return model.startsWith('gpt-3.5') ? model.replace(/[.:]/g, '') : model;
}

const unscopedPaths = /^\/(models|engines|files|fine_tuning|fine-tunes|assistants|threads|batches|vector_stores)(\/|$)/;

/**
 * Creates a client for Azure OpenAI (go-openai's DefaultAzureConfig). Operations
 * that take a model go to `{endpoint}/openai/deployments/{deployment}/{path}`;
 * models, files, fine-tuning, assistants and threads go to `{endpoint}/openai/{path}`;
 * every URL carries `api-version`.
 *
 * @example
 * import { createAzureClient } from '@openai-micro/core/azure';
 * const client = createAzureClient({
 *   baseURL: 'https://my-resource.openai.azure.com',
 *   apiKey: process.env.AZURE_OPENAI_API_KEY,
 *   deployment: (model) => ({ 'gpt-4o': 'my-gpt4o' })[model] ?? model,
 * });
 */
export function createAzureClient(options: AzureClientOptions = {}): Client {
  const environment = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  const endpoint = options.baseURL ?? environment?.AZURE_OPENAI_ENDPOINT;
  if (!endpoint) throw new ConfigurationError('No Azure endpoint: pass createAzureClient({ baseURL }) or set AZURE_OPENAI_ENDPOINT.');
  const base = parseBaseURL(endpoint, 'https://my-resource.openai.azure.com');
  const token = options.azureADToken;
  const apiKey = token === undefined ? (options.apiKey ?? environment?.AZURE_OPENAI_API_KEY) : undefined;
  if (token === undefined && apiKey === undefined) {
    throw new ConfigurationError('No Azure credential: pass apiKey (or set AZURE_OPENAI_API_KEY) or azureADToken.');
  }
  const apiVersion = options.apiVersion ?? '2024-02-01';
  const deployment = options.deployment ?? defaultAzureDeployment;
  return assembleClient(options, {
    kind: 'azure',
    baseURL: base,
    hasCredential: true,
    secretHeaders: ['api-key', 'authorization'],
    url(path, model) {
      let url: URL;
      if (unscopedPaths.test(path)) url = new URL(`${base}/openai${path}`);
      else {
        if (!model) throw new InputRejectedError(`Azure routes ${path} to a deployment chosen by the request's model, but no model was given.`, 'model');
        url = new URL(`${base}/openai/deployments/${encodePathSegment(deployment(model), 'deployment')}${path}`);
      }
      url.searchParams.set('api-version', apiVersion);
      return url;
    },
    async authHeaders(): Promise<Record<string, string>> {
      if (token === undefined) return apiKey ? { 'api-key': apiKey } : {};
      const value = typeof token === 'function' ? await token() : token;
      return { authorization: `Bearer ${value}` };
    },
  });
}
