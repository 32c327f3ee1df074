/**
 * Test-only helpers: job fixtures and a paging handler. The server, its
 * clients and `jsonBody` come from `@openai-micro/tooling/test-client`. Never
 * exported from the package.
 */
import { type Client, type ClientOptions, createClient } from '@openai-micro/core';
import type { LoopbackHandler, LoopbackServer } from '@openai-micro/tooling/loopback';
import { useLoopbackClient } from '@openai-micro/tooling/test-client';

export { jsonBody, testApiKey } from '@openai-micro/tooling/test-client';

/** tooling's useLoopbackClient with core's createClient: a server per file, clients without retries. */
export function useServer(handler: LoopbackHandler): { readonly server: LoopbackServer; client(options?: Partial<ClientOptions>): Client } {
  return useLoopbackClient(handler, createClient);
}

/** A fine-tuning job as the API sends it, with `fields` overriding. */
export function jobFixture(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'ftjob-abc',
    object: 'fine_tuning.job',
    created_at: 1_700_000_000,
    error: null,
    fine_tuned_model: null,
    finished_at: null,
    hyperparameters: { n_epochs: 'auto' },
    model: 'gpt-3.5-turbo-0125',
    organization_id: 'org-1',
    result_files: [],
    status: 'queued',
    trained_tokens: null,
    training_file: 'file-train',
    validation_file: null,
    ...fields,
  };
}

/**
 * A handler serving `pages` of items with ids as a cursor list: the first page
 * without `after`, the next one after the last id of the previous one.
 */
export function pagedHandler(pages: { id: string }[][], extra: Record<string, unknown> = {}): LoopbackHandler {
  return (request, reply) => {
    const after = request.query.get('after');
    const index = after === null ? 0 : pages.findIndex((_page, position) => position > 0 && pages[position - 1]!.at(-1)?.id === after);
    if (index < 0) return reply.json(400, { error: { message: `unexpected after=${after}` } });
    return reply.json(200, { object: 'list', data: pages[index], has_more: index < pages.length - 1, ...extra });
  };
}
