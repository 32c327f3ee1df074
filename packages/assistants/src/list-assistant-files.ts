import { type Client, type Page, pathFor, type RequestOptions, requestPage } from '@openai-micro/core';
import { assistantsBetaHeaders } from './beta-header.js';
import type { AssistantFile, AssistantParams, ListQuery } from './types.js';

/**
 * Parameters of {@link listAssistantFiles}: the path ids and the query.
 *
 * @example
 * const params: ListAssistantFilesParams = { assistant_id: 'asst_abc', limit: 10 };
 */
export type ListAssistantFilesParams = AssistantParams & ListQuery;

/**
 * Lists the files of an assistant (go-openai `ListAssistantFiles`, whose list
 * dropped the cursor fields). Auto-paginating; Assistants v1.
 *
 * @example
 * for await (const file of await listAssistantFiles(client, { assistant_id: 'asst_abc' })) console.log(file.id);
 */
export async function listAssistantFiles(client: Client, params: ListAssistantFilesParams, options?: RequestOptions): Promise<Page<AssistantFile>> {
  const { assistant_id, ...query } = params;
  return requestPage<AssistantFile>(client, { method: 'GET', path: pathFor('/assistants/{assistant_id}/files', { assistant_id }), query, headers: assistantsBetaHeaders }, options);
}
