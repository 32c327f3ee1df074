import * as audio from '@openai-micro/audio';
import { getResponseMetadata } from '@openai-micro/core';
import * as embeddings from '@openai-micro/embeddings';
import * as files from '@openai-micro/files';
import * as fineTuning from '@openai-micro/fine-tuning';
import * as images from '@openai-micro/images';
import * as models from '@openai-micro/models';
import * as moderations from '@openai-micro/moderations';
import { describe, expect, it } from 'vitest';
import { ctx } from '../context.js';
import { exercise, expectCall, formParts, only, requestJSON, responseJSON } from '../harness.js';

// A tiny PNG (1x1, transparent) and a few bytes of "audio": Prism checks form fields, not file contents.
const png = Uint8Array.from(
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64'),
);
const audioBytes = new TextEncoder().encode('ID3 not really audio');

export function resourceCases(): void {
  describe('@openai-micro/embeddings', () => {
    it('createEmbedding: string, string-array, token and token-array inputs pass Prism', async () => {
      for (const input of ['The food was delicious', ['one', 'two'], [1212, 318], [[1212, 318], [257]]]) {
        const params = { model: 'text-embedding-3-small', input, encoding_format: 'float' as const, dimensions: 256, user: 'user-1234' };
        expectCall(await exercise('@openai-micro/embeddings', embeddings, 'createEmbedding', (fn) => fn(ctx.client, params)), 'POST', '/v1/embeddings', params);
      }
    });

    it('createEmbedding: base64 passes Prism; a vector the server sends as numbers still comes back as a Float32Array', async () => {
      const params = { model: 'text-embedding-ada-002', input: 'hello', encoding_format: 'base64' as const };
      const { result, exchanges } = await exercise('@openai-micro/embeddings', embeddings, 'createEmbedding', (fn) => fn(ctx.client, params));
      const sent = responseJSON(only(exchanges)) as { data: { embedding: number[] }[] };
      expect(result.data[0]?.embedding).toBeInstanceOf(Float32Array);
      expect(Array.from(result.data[0]?.embedding ?? [])).toEqual(sent.data[0]?.embedding);
    });
  });

  describe('@openai-micro/moderations', () => {
    it('createModeration: string and string-array inputs pass Prism, the response parses', async () => {
      for (const params of [{ input: 'I want to hug them.', model: 'text-moderation-stable' }, { input: ['one', 'two'] }]) {
        expectCall(await exercise('@openai-micro/moderations', moderations, 'createModeration', (fn) => fn(ctx.client, params)), 'POST', '/v1/moderations', params);
      }
    });
  });

  describe('@openai-micro/models', () => {
    it('listModels, retrieveModel, deleteModel pass Prism (a fine-tuned id with colons is one path segment)', async () => {
      expectCall(await exercise('@openai-micro/models', models, 'listModels', (fn) => fn(ctx.client)), 'GET', '/v1/models');

      expectCall(await exercise('@openai-micro/models', models, 'retrieveModel', (fn) => fn(ctx.client, { model: 'gpt-3.5-turbo-instruct' })), 'GET', '/v1/models/gpt-3.5-turbo-instruct');

      const deleted = await exercise('@openai-micro/models', models, 'deleteModel', (fn) => fn(ctx.client, { model: 'ft:gpt-3.5-turbo:acemeco:suffix:abc123' }));
      const exchange = only(deleted.exchanges);
      expect(exchange.request.method).toBe('DELETE');
      // One path segment; `:` may be sent as it is or percent-encoded, the server decodes either.
      expect(decodeURIComponent(exchange.request.url)).toBe('/v1/models/ft:gpt-3.5-turbo:acemeco:suffix:abc123');
      expect(deleted.result).toEqual(responseJSON(exchange));
    });
  });

  describe('@openai-micro/images', () => {
    it('createImage: every field passes Prism, the response parses', async () => {
      const params = {
        prompt: 'A cute baby sea otter',
        model: 'dall-e-3',
        n: 1,
        quality: 'hd' as const,
        response_format: 'b64_json' as const,
        size: '1024x1024' as const,
        style: 'natural' as const,
        user: 'user-1234',
      };
      expectCall(await exercise('@openai-micro/images', images, 'createImage', (fn) => fn(ctx.client, params)), 'POST', '/v1/images/generations', params);
    });

    it('createImageEdit: image, mask and every field pass Prism as multipart', async () => {
      const params = {
        image: { data: png, name: 'otter.png', type: 'image/png' },
        mask: new File([png], 'mask.png', { type: 'image/png' }),
        prompt: 'A sea otter wearing a beret',
        model: 'dall-e-2',
        n: 2,
        size: '256x256' as const,
        response_format: 'url' as const,
        user: 'user-1234',
      };
      const { result, exchanges } = await exercise('@openai-micro/images', images, 'createImageEdit', (fn) => fn(ctx.client, params));
      const exchange = only(exchanges);
      expect(exchange.request.path).toBe('/v1/images/edits');
      const parts = formParts(exchange);
      expect(parts.map((part) => [part.name, part.filename ?? part.value])).toEqual(
        expect.arrayContaining([
          ['image', 'otter.png'],
          ['mask', 'mask.png'],
          ['prompt', 'A sea otter wearing a beret'],
          ['model', 'dall-e-2'],
          ['n', '2'],
          ['size', '256x256'],
          ['response_format', 'url'],
          ['user', 'user-1234'],
        ]),
      );
      expect(parts).toHaveLength(8);
      expect(result).toEqual(responseJSON(exchange));
    });

    it('createImageVariation: image and every field pass Prism as multipart', async () => {
      const params = { image: new Blob([png], { type: 'image/png' }), model: 'dall-e-2', n: 1, size: '512x512' as const, response_format: 'b64_json' as const, user: 'u' };
      const { result, exchanges } = await exercise('@openai-micro/images', images, 'createImageVariation', (fn) =>
        fn(ctx.client, { ...params, image: { data: params.image, name: 'otter.png' } }),
      );
      const exchange = only(exchanges);
      expect(exchange.request.path).toBe('/v1/images/variations');
      expect(formParts(exchange).map((part) => part.name).sort()).toEqual(['image', 'model', 'n', 'response_format', 'size', 'user']);
      expect(result).toEqual(responseJSON(exchange));
    });
  });

  describe('@openai-micro/audio', () => {
    it('createSpeech: every field passes Prism, the binary body reads', async () => {
      const params = { model: 'tts-1-hd', input: 'Hello there', voice: 'nova' as const, response_format: 'opus' as const, speed: 1.25 };
      const { result, exchanges } = await exercise('@openai-micro/audio', audio, 'createSpeech', async (fn) => {
        const stream = await fn(ctx.client, params);
        return { bytes: await stream.bytes(), stream };
      });
      const exchange = only(exchanges);
      expect(exchange.request.path).toBe('/v1/audio/speech');
      expect(requestJSON(exchange)).toEqual(params);
      expect(Buffer.from(result.bytes).toString('utf8')).toBe(exchange.responseBody);
      expect(getResponseMetadata(result.stream).status).toBe(200);
    });

    for (const name of ['createTranscription', 'createTranslation'] as const) {
      const path = name === 'createTranscription' ? '/v1/audio/transcriptions' : '/v1/audio/translations';
      it(`${name}: each response format passes Prism as multipart, every answer parses`, async () => {
        for (const response_format of ['json', 'verbose_json', 'text', 'srt', 'vtt'] as const) {
          const params = {
            file: { data: audioBytes, name: 'speech.mp3', type: 'audio/mpeg' },
            model: 'whisper-1',
            prompt: 'A talk about otters.',
            response_format,
            temperature: 0,
            ...(name === 'createTranscription'
              ? { language: 'en', ...(response_format === 'verbose_json' ? { 'timestamp_granularities[]': ['word' as const, 'segment' as const] } : {}) }
              : {}),
          };
          const { result, exchanges } = await exercise('@openai-micro/audio', audio, name, (fn) => fn(ctx.client, params as never));
          const exchange = only(exchanges);
          expect(exchange.request.path).toBe(path);
          const parts = formParts(exchange);
          expect(parts.find((part) => part.name === 'file')).toMatchObject({ filename: 'speech.mp3', contentType: 'audio/mpeg', value: 'ID3 not really audio' });
          expect(parts.find((part) => part.name === 'temperature')?.value).toBe('0');
          if ('timestamp_granularities[]' in params) {
            expect(parts.filter((part) => part.name === 'timestamp_granularities[]').map((part) => part.value)).toEqual(['word', 'segment']);
          }
          // The spec answers JSON for every format; the text formats hand the body over as text.
          if (['text', 'srt', 'vtt'].includes(response_format)) expect(result).toMatchObject({ text: exchange.responseBody });
          else expect(result).toEqual(responseJSON(exchange));
        }
      });
    }
  });

  describe('@openai-micro/files', () => {
    it('createFile, listFiles, retrieveFile, downloadFile, deleteFile pass Prism', async () => {
      const created = await exercise('@openai-micro/files', files, 'createFile', (fn) =>
        fn(ctx.client, { file: { data: new TextEncoder().encode('{"prompt":"a","completion":"b"}\n'), name: 'train.jsonl' }, purpose: 'fine-tune' }),
      );
      const upload = only(created.exchanges);
      expect(upload.request.path).toBe('/v1/files');
      expect(formParts(upload).map((part) => [part.name, part.filename ?? part.value])).toEqual([
        ['purpose', 'fine-tune'],
        ['file', 'train.jsonl'],
      ]);
      expect(created.result).toEqual(responseJSON(upload));

      expectCall(await exercise('@openai-micro/files', files, 'listFiles', (fn) => fn(ctx.client, { purpose: 'assistants' })), 'GET', '/v1/files?purpose=assistants');

      const listedAll = await exercise('@openai-micro/files', files, 'listFiles', (fn) => fn(ctx.client));
      expect(only(listedAll.exchanges).request.url).toBe('/v1/files');

      expectCall(await exercise('@openai-micro/files', files, 'retrieveFile', (fn) => fn(ctx.client, { file_id: 'file-abc123' })), 'GET', '/v1/files/file-abc123');

      const downloaded = await exercise('@openai-micro/files', files, 'downloadFile', async (fn) => (await fn(ctx.client, { file_id: 'file-abc123' })).text());
      expect(only(downloaded.exchanges).request.url).toBe('/v1/files/file-abc123/content');
      expect(downloaded.result).toBe(only(downloaded.exchanges).responseBody);

      const deleted = await exercise('@openai-micro/files', files, 'deleteFile', (fn) => fn(ctx.client, { file_id: 'file-abc123' }));
      expect(only(deleted.exchanges).request.method).toBe('DELETE');
      expect(deleted.result).toEqual(responseJSON(only(deleted.exchanges)));
    });
  });

  describe('@openai-micro/fine-tuning', () => {
    it('createFineTuningJob: every field passes Prism, the response parses', async () => {
      const params = {
        model: 'gpt-3.5-turbo',
        training_file: 'file-abc123',
        validation_file: 'file-def456',
        hyperparameters: { batch_size: 'auto' as const, learning_rate_multiplier: 0.1, n_epochs: 3 },
        suffix: 'custom-model-name',
      };
      expectCall(await exercise('@openai-micro/fine-tuning', fineTuning, 'createFineTuningJob', (fn) => fn(ctx.client, params)), 'POST', '/v1/fine_tuning/jobs', params);
    });

    it('listFineTuningJobs, retrieveFineTuningJob, listFineTuningEvents, cancelFineTuningJob pass Prism', async () => {
      expectCall(await exercise('@openai-micro/fine-tuning', fineTuning, 'listFineTuningJobs', (fn) => fn(ctx.client, { after: 'ftjob-1', limit: 2 })), 'GET', '/v1/fine_tuning/jobs?after=ftjob-1&limit=2');

      expectCall(await exercise('@openai-micro/fine-tuning', fineTuning, 'retrieveFineTuningJob', (fn) => fn(ctx.client, { fine_tuning_job_id: 'ftjob-abc123' })), 'GET', '/v1/fine_tuning/jobs/ftjob-abc123');

      expectCall(await exercise('@openai-micro/fine-tuning', fineTuning, 'listFineTuningEvents', (fn) =>
        fn(ctx.client, { fine_tuning_job_id: 'ftjob-abc123', after: 'ftevent-1', limit: 5 }),
      ), 'GET', '/v1/fine_tuning/jobs/ftjob-abc123/events?after=ftevent-1&limit=5');

      const cancelled = await exercise('@openai-micro/fine-tuning', fineTuning, 'cancelFineTuningJob', (fn) => fn(ctx.client, { fine_tuning_job_id: 'ftjob-abc123' }));
      const exchange = only(cancelled.exchanges);
      expect(exchange.request.method).toBe('POST');
      expect(exchange.request.url).toBe('/v1/fine_tuning/jobs/ftjob-abc123/cancel');
      expect(exchange.request.body.length).toBe(0);
      expect(cancelled.result).toEqual(responseJSON(exchange));
    });
  });
}
