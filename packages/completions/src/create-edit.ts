import { type Client, type RequestOptions, request } from '@openai-micro/core';
import type { CreateEditRequest, CreateEditResponse } from './types.js';

/**
 * Edits text following an instruction (go-openai `Edits`, `POST /edits`).
 * The model picks the Azure deployment (go-openai printed a pointer address there).
 *
 * @deprecated OpenAI retired the edits API and its models in January 2024; use
 * `createChatCompletion` from `@openai-micro/chat`. Kept for compatible servers
 * and for parity.
 *
 * @example
 * const edit = await createEdit(client, { model: 'text-davinci-edit-001', input: 'What day of the wek is it?', instruction: 'Fix the spelling mistakes' });
 * console.log(edit.choices[0]?.text);
 */
export async function createEdit(client: Client, params: CreateEditRequest, options?: RequestOptions<CreateEditResponse>): Promise<CreateEditResponse> {
  return request<CreateEditResponse>(client, { method: 'POST', path: '/edits', body: params, model: params.model }, options);
}
