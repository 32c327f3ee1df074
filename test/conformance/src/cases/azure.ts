/**
 * Azure URL and header building, checked by Prism serving the Azure OpenAI
 * inference spec (2024-02-01): every one of its six operations is called
 * through our packages with an Azure client, so Prism judges the
 * deployment-scoped path (`/openai/deployments/{deployment-id}/…`), the
 * required `api-version` query, the `api-key` (or bearer) credential and the
 * body against Azure's own schemas. Routes that spec does not have (models,
 * files, assistants) are checked against go-openai's Azure rule instead
 * (../shared/reference/go-openai-inventory.md §2.2: `{base}/openai{suffix}`,
 * no deployment, `?api-version=`), on the recorder.
 */
import * as assistants from '@openai-micro/assistants';
import * as audio from '@openai-micro/audio';
import * as chat from '@openai-micro/chat';
import * as completions from '@openai-micro/completions';
import { createAzureClient } from '@openai-micro/core/azure';
import * as embeddings from '@openai-micro/embeddings';
import * as files from '@openai-micro/files';
import * as images from '@openai-micro/images';
import * as models from '@openai-micro/models';
import { describe, expect, it } from 'vitest';
import { azureKey, ctx } from '../context.js';
import { type Exchange, exercise, only, requestJSON, responseJSON } from '../harness.js';
import { chatChunks, dataEvents } from '../streams.js';

const apiVersion = '2024-02-01';

function expectAzureRequest(exchange: Exchange, path: string): void {
  const url = new URL(exchange.request.url, 'http://azure.invalid');
  expect(url.pathname).toBe(path);
  expect(url.searchParams.get('api-version')).toBe(apiVersion);
  expect(exchange.request.headers['api-key']).toBe(azureKey);
  expect(exchange.request.headers.authorization).toBeUndefined();
}

export function azureCases(): void {
  describe('Azure OpenAI (azure-openai-inference-2024-02-01.json)', () => {
    it('createChatCompletion: gpt-3.5 model names map to deployments without dots, api-version and api-key pass Prism', async () => {
      const params = {
        model: 'gpt-3.5-turbo-0301',
        messages: [
          { role: 'system' as const, content: 'You are terse.' },
          { role: 'user' as const, content: 'Hello' },
        ],
        temperature: 0,
        max_tokens: 16,
        n: 1,
        stop: ['\n'],
        user: 'user-1234',
      };
      const { result, exchanges } = await exercise('@openai-micro/chat', chat, 'createChatCompletion', (fn) => fn(ctx.azureClient, params));
      const exchange = only(exchanges);
      expect(exchange.server).toBe('azure-prism');
      expectAzureRequest(exchange, '/openai/deployments/gpt-35-turbo-0301/chat/completions');
      expect(requestJSON(exchange)).toEqual(params);
      expect(result).toEqual(responseJSON(exchange));
    });

    it('createChatCompletionStream: the Azure spec accepts the streamed body; the client reads the events', async () => {
      ctx.azureStream.script = dataEvents(chatChunks);
      const { result, exchanges } = await exercise('@openai-micro/chat', chat, 'createChatCompletionStream', async (fn) => {
        const stream = await fn(ctx.azureStreamClient, { model: 'gpt-4', messages: [{ role: 'user', content: 'Hello' }] });
        const received: unknown[] = [];
        for await (const chunk of stream) received.push(chunk);
        return received;
      });
      expectAzureRequest(only(exchanges), '/openai/deployments/gpt-4/chat/completions');
      expect(result).toEqual(chatChunks);
    });

    it('createCompletion, createEmbedding, createImage pass the Azure spec with a custom deployment mapper', async () => {
      const client = createAzureClient({
        baseURL: ctx.azureGateway.url,
        apiKey: azureKey,
        maxRetries: 0,
        deployment: (model) => `team-${model}`,
      });
      const completion = await exercise('@openai-micro/completions', completions, 'createCompletion', (fn) =>
        fn(client, { model: 'gpt-35-turbo-instruct', prompt: ['Say this is a test'], max_tokens: 8, temperature: 0, logprobs: 1, echo: false }),
      );
      expectAzureRequest(only(completion.exchanges), '/openai/deployments/team-gpt-35-turbo-instruct/completions');
      expect(completion.result).toEqual(responseJSON(only(completion.exchanges)));

      const embedding = await exercise('@openai-micro/embeddings', embeddings, 'createEmbedding', (fn) =>
        fn(client, { model: 'text-embedding-ada-002', input: ['one', 'two'], user: 'user-1234' }),
      );
      expectAzureRequest(only(embedding.exchanges), '/openai/deployments/team-text-embedding-ada-002/embeddings');
      expect(embedding.result).toEqual(responseJSON(only(embedding.exchanges)));

      const image = await exercise('@openai-micro/images', images, 'createImage', (fn) =>
        fn(client, { model: 'dall-e-3', prompt: 'A sea otter', n: 1, size: '1024x1024', quality: 'standard', style: 'vivid', response_format: 'url', user: 'u' }),
      );
      expectAzureRequest(only(image.exchanges), '/openai/deployments/team-dall-e-3/images/generations');
      expect(image.result).toEqual(responseJSON(only(image.exchanges)));
    });

    it('createTranscription and createTranslation pass the Azure spec as multipart', async () => {
      const file = { data: new TextEncoder().encode('ID3 not really audio'), name: 'speech.mp3', type: 'audio/mpeg' };
      const transcription = await exercise('@openai-micro/audio', audio, 'createTranscription', (fn) =>
        fn(ctx.azureClient, { file, model: 'whisper', language: 'en', prompt: 'otters', response_format: 'verbose_json', temperature: 0 }),
      );
      expectAzureRequest(only(transcription.exchanges), '/openai/deployments/whisper/audio/transcriptions');
      expect(transcription.result).toEqual(responseJSON(only(transcription.exchanges)));

      const translation = await exercise('@openai-micro/audio', audio, 'createTranslation', (fn) =>
        fn(ctx.azureClient, { file, model: 'whisper', prompt: 'otters', response_format: 'json', temperature: 0.5 }),
      );
      expectAzureRequest(only(translation.exchanges), '/openai/deployments/whisper/audio/translations');
      expect(translation.result).toEqual(responseJSON(only(translation.exchanges)));
    });

    it('Azure AD tokens go out as a bearer credential, which the Azure spec accepts', async () => {
      const client = createAzureClient({ baseURL: ctx.azureGateway.url, azureADToken: async () => 'entra-token', maxRetries: 0 });
      const { exchanges } = await exercise('@openai-micro/embeddings', embeddings, 'createEmbedding', (fn) => fn(client, { model: 'ada', input: 'hello' }));
      const exchange = only(exchanges);
      expect(exchange.request.headers.authorization).toBe('Bearer entra-token');
      expect(exchange.request.headers['api-key']).toBeUndefined();
      expect(new URL(exchange.request.url, 'http://azure.invalid').searchParams.get('api-version')).toBe(apiVersion);
    });

    it('routes the inference spec lacks follow go-openai: {base}/openai{path}?api-version=, no deployment', async () => {
      ctx.recorder.script = (request) => (request.path.endsWith('/models') || request.path.endsWith('/assistants') ? { object: 'list', data: [] } : { id: 'x', object: 'file' });
      const listed = await exercise('@openai-micro/models', models, 'listModels', (fn) => fn(ctx.azureRecorderClient));
      expectAzureRequest(only(listed.exchanges), '/openai/models');
      const file = await exercise('@openai-micro/files', files, 'retrieveFile', (fn) => fn(ctx.azureRecorderClient, { file_id: 'file-abc123' }));
      expectAzureRequest(only(file.exchanges), '/openai/files/file-abc123');
      // go-openai v1.20.4 wrote `?limit=20?api-version=…` here (a bug, fixed in v1.28.2): one query string is right.
      const assistantsPage = await exercise('@openai-micro/assistants', assistants, 'listAssistants', (fn) => fn(ctx.azureRecorderClient, { limit: 20 }));
      const exchange = only(assistantsPage.exchanges);
      expectAzureRequest(exchange, '/openai/assistants');
      expect(new URL(exchange.request.url, 'http://azure.invalid').searchParams.get('limit')).toBe('20');
    });
  });
}
