/**
 * Checks on the checker: the run-time patches still find what they were
 * written for, and Prism really refuses an invalid body on every operation of
 * both specs (an operation whose body Prism silently stops validating would
 * let every case above pass while proving nothing).
 */
import { describe, expect, inject, it } from 'vitest';
import { ctx } from '../context.js';
import { absentFromSpec } from '../operations.js';
import { patchedAzureSpec, patchedOpenAISpec, type SpecOperation, specOperations } from '../specs.js';

function operationsWithBodies(document: Parameters<typeof specOperations>[0]): SpecOperation[] {
  return specOperations(document).filter((operation) => operation.bodyType !== undefined);
}

/** A body of the wrong shape for the operation: a JSON array, or a form without its required fields. */
async function sendInvalidBody(baseURL: string, operation: SpecOperation, headers: Record<string, string>): Promise<Response> {
  const path = operation.path.replace(/\{([^}]+)\}/g, (_match, name: string) => `${name}_1`);
  const url = new URL(`${baseURL}${path}`);
  if (path.includes('/deployments/')) url.searchParams.set('api-version', '2024-02-01');
  if (operation.bodyType === 'multipart/form-data') {
    const form = new FormData();
    form.set('unknown_field', '1');
    return fetch(url, { method: operation.method, headers, body: form });
  }
  return fetch(url, { method: operation.method, headers: { ...headers, 'content-type': 'application/json' }, body: '[]' });
}

export function specCases(): void {
  describe('the run-time specs', () => {
    it('the OpenAI copy patches exactly the known defects (src/specs.ts says why for each)', () => {
      const patches = inject('openAIPatches').filter((patch) => patch.pointer !== '/paths' && patch.change !== 'schema check added');
      expect(patches).toEqual([
        { pointer: '/components/schemas/CreateCompletionRequest/properties/prompt', change: 'nullable moved to the string branch' },
        { pointer: '/components/schemas/CreateCompletionRequest/properties/stop', change: 'nullable moved to the string branch' },
        { pointer: '/components/schemas/CreateImageRequest/properties/model', change: 'type: string' },
        { pointer: '/components/schemas/CreateImageEditRequest/properties/model', change: 'type: string' },
        { pointer: '/components/schemas/CreateImageVariationRequest/properties/model', change: 'type: string' },
        { pointer: '/components/schemas/CreateModerationRequest/properties/model', change: 'type: string' },
        { pointer: '/components/schemas/CreateChatCompletionFunctionResponse/properties/choices/items', change: 'required logprobs dropped (not a property)' },
        { pointer: '/components/schemas/CreateRunRequest', change: 'required thread_id dropped (not a property)' },
        { pointer: '/components/schemas/CreateThreadAndRunRequest', change: 'required thread_id dropped (not a property)' },
        { pointer: '/components/schemas/ListAssistantFilesResponse', change: 'required items dropped (not a property)' },
        { pointer: '/components/schemas/ListMessageFilesResponse', change: 'required items dropped (not a property)' },
        { pointer: '/paths/~1audio~1speech/post/responses/200/headers/Transfer-Encoding', change: 'framing header removed' },
        { pointer: '/paths/~1audio~1transcriptions/post/responses/200/content/application~1json/schema', change: 'response oneOf relaxed to anyOf' },
        { pointer: '/paths/~1audio~1translations/post/responses/200/content/application~1json/schema', change: 'response oneOf relaxed to anyOf' },
        { pointer: '/components/schemas/CreateTranscriptionRequest/properties/timestamp_granularities[]', change: 'a form array also accepts one item' },
      ]);
    });

    it('the Azure copy drops its x-ms-examples, patches exactly the known defects and prefixes the /openai base path', () => {
      const patches = inject('azurePatches');
      expect(patches.filter((patch) => patch.change === 'x-ms-examples removed').length).toBeGreaterThan(0);
      expect(patches.filter((patch) => patch.change !== 'x-ms-examples removed')).toEqual([
        { pointer: '/components/schemas/chatCompletionRequestMessageUser/allOf/1/properties/content', change: 'nullable moved to the string branch' },
        { pointer: '/components/schemas/generateImagesResponse/properties/created', change: 'example of the wrong type for integer removed' },
        {
          pointer: '/paths/~1deployments~1{deployment-id}~1audio~1transcriptions/post/responses/200/content/application~1json/schema',
          change: 'response oneOf relaxed to anyOf',
        },
        {
          pointer: '/paths/~1deployments~1{deployment-id}~1audio~1translations/post/responses/200/content/application~1json/schema',
          change: 'response oneOf relaxed to anyOf',
        },
        { pointer: '/paths', change: 'every path prefixed with the server base path /openai' },
      ]);
    });

    it('Prism refuses an invalid body on every operation of the OpenAI spec that takes one', async () => {
      const operations = operationsWithBodies(patchedOpenAISpec().document);
      expect(operations.length).toBeGreaterThanOrEqual(20);
      const accepted: string[] = [];
      for (const operation of operations) {
        const response = await sendInvalidBody(ctx.prismURL, operation, { authorization: 'Bearer sk-conformance' });
        await response.arrayBuffer();
        if (response.status !== 422) accepted.push(`${operation.operationId} (${operation.method} ${operation.path}) -> ${response.status}`);
      }
      expect(accepted).toEqual([]);
    });

    it('Prism refuses an invalid body on every operation of the Azure spec', async () => {
      const operations = operationsWithBodies(patchedAzureSpec().document);
      expect(operations).toHaveLength(6);
      const accepted: string[] = [];
      for (const operation of operations) {
        const response = await sendInvalidBody(ctx.azurePrismURL, operation, { 'api-key': 'azure-key' });
        await response.arrayBuffer();
        if (response.status !== 422) accepted.push(`${operation.operationId} (${operation.method} ${operation.path}) -> ${response.status}`);
      }
      expect(accepted).toEqual([]);
    });

    it('Prism refuses a request without credentials, a query value outside the spec, and an Azure request without api-version', async () => {
      const anonymous = await fetch(`${ctx.prismURL}/v1/models`);
      expect(anonymous.status).toBe(401);
      await anonymous.arrayBuffer();
      const badQuery = await fetch(`${ctx.prismURL}/v1/assistants?order=sideways`, { headers: { authorization: 'Bearer sk-conformance' } });
      expect(badQuery.status).toBe(422);
      await badQuery.arrayBuffer();
      const unversioned = await fetch(`${ctx.azurePrismURL}/openai/deployments/gpt-4/embeddings`, {
        method: 'POST',
        headers: { 'api-key': 'azure-key', 'content-type': 'application/json' },
        body: JSON.stringify({ input: 'hello' }),
      });
      expect(unversioned.status).toBe(422);
      await unversioned.arrayBuffer();
    });

    it('the operations checked against go-openai instead are really absent from the spec', () => {
      const paths = Object.keys(patchedOpenAISpec().document.paths as object).map((path) => path.replace(/^\/v1/, ''));
      const templates = paths.map((path) => path.replace(/\{[^}]+\}/g, '{}'));
      for (const { specPath } of Object.values(absentFromSpec)) expect(templates).not.toContain(specPath.replace(/\{[^}]+\}/g, '{}'));
    });
  });
}
