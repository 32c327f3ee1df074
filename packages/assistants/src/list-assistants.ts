import { type Client, type Page, type RequestOptions, requestPage } from '@openai-micro/core';
import { assistantsBetaHeaders } from './beta-header.js';
import type { Assistant, ListQuery } from './types.js';

/**
 * Lists assistants (go-openai `ListAssistants`). The page is async-iterable over
 * every assistant of every page, following the `after` cursor.
 *
 * @example
 * for await (const assistant of await listAssistants(client, { limit: 20, order: 'desc' })) console.log(assistant.id, assistant.name);
 */
export async function listAssistants(client: Client, params: ListQuery = {}, options?: RequestOptions): Promise<Page<Assistant>> {
  return requestPage<Assistant>(client, { method: 'GET', path: '/assistants', query: { ...params }, headers: assistantsBetaHeaders }, options);
}
