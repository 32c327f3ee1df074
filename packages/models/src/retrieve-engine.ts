import { type Client, pathFor, type RequestOptions, request } from '@openai-micro/core';
import type { Engine } from './types.js';

/**
 * Parameters of {@link retrieveEngine}.
 *
 * @deprecated Engines were replaced by models; use {@link retrieveModel}.
 *
 * @example
 * const params: RetrieveEngineParams = { engine_id: 'davinci' };
 */
export interface RetrieveEngineParams {
  engine_id: string;
}

/**
 * Retrieves one engine (go-openai `GetEngine`). The id is sent as one path segment.
 *
 * @deprecated OpenAI replaced engines with models and no longer serves
 * `/engines`; use {@link retrieveModel}. Kept for go-openai parity and for
 * compatible servers that still answer it.
 *
 * @throws {InputRejectedError} with `field: 'engine_id'` for an empty, `.` or `..` id.
 *
 * @example
 * const engine = await retrieveEngine(client, { engine_id: 'davinci' });
 */
export async function retrieveEngine(client: Client, params: RetrieveEngineParams, options?: RequestOptions<Engine>): Promise<Engine> {
  return request<Engine>(client, { method: 'GET', path: pathFor('/engines/{engine_id}', params) }, options);
}
