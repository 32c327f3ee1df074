import { jsonReply } from './replies';
import type { AzureRequestDetails, JsonReply } from './types';

/**
 * How an Azure-shaped path maps onto the OpenAI routes.
 *
 * @example
 * parseAzurePath('/openai/deployments/gpt-35/chat/completions', new URLSearchParams('api-version=2024-02-01'));
 * // { operationPath: '/v1/chat/completions', details: { deployment: 'gpt-35', apiVersion: '2024-02-01' } }
 */
export function parseAzurePath(
  pathname: string,
  query: URLSearchParams,
): { operationPath: string; details: AzureRequestDetails } | undefined {
  if (!pathname.startsWith('/openai/')) return undefined;
  const apiVersion = query.get('api-version') ?? undefined;
  const deploymentMatch = /^\/openai\/deployments\/([^/]*)(\/.*)?$/.exec(pathname);
  if (deploymentMatch) {
    return {
      operationPath: `/v1${deploymentMatch[2] ?? ''}`,
      details: { deployment: safeDecode(deploymentMatch[1]!), apiVersion },
    };
  }
  return { operationPath: `/v1${pathname.slice('/openai'.length)}`, details: { deployment: undefined, apiVersion } };
}

/**
 * Azure settings of the server.
 *
 * @example
 * const settings: AzureSettings = { apiVersions: ['2024-02-01'], deployments: ['gpt-35-turbo'] };
 */
export interface AzureSettings {
  /** When set, other `api-version` values get Azure's 400. */
  apiVersions?: string[];
  /** When set, other deployments get Azure's `DeploymentNotFound` 404. */
  deployments?: string[];
}

/**
 * Azure's own answer to a request it would refuse before any model runs: no
 * `api-version` (404 "Resource not found", as Azure answers), an unsupported
 * version (400), an empty or unknown deployment (404).
 *
 * @example
 * const refusal = azureRefusal(request.azure, { apiVersions: ['2024-02-01'] });
 */
export function azureRefusal(details: AzureRequestDetails, settings: AzureSettings = {}): JsonReply | undefined {
  if (details.apiVersion === undefined || details.deployment === '') return azureError(404, '404', 'Resource not found');
  if (settings.apiVersions && !settings.apiVersions.includes(details.apiVersion)) {
    return azureError(400, 'BadRequest', 'API version not supported');
  }
  if (details.deployment !== undefined && settings.deployments && !settings.deployments.includes(details.deployment)) {
    return azureError(
      404,
      'DeploymentNotFound',
      'The API deployment for this resource does not exist. If you created the deployment within the last 5 minutes, please wait a moment and try again.',
    );
  }
  return undefined;
}

/**
 * An error in Azure's shape: `{ error: { code, message } }`, the code a string.
 *
 * @example
 * azureError(404, '404', 'Resource not found');
 */
export function azureError(status: number, code: string, message: string): JsonReply {
  return jsonReply({ error: { code, message } }, { status });
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
