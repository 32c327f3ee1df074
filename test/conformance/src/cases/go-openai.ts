/**
 * Operations the 2024-03 spec no longer has. Each expectation below is
 * written from ../shared/reference/go-openai-inventory.md (go-openai v1.20.4:
 * §1 "common to every row", §1.3 Edits, §1.9 Fine-tunes, §1.11 Engines) and
 * the request structs on the go-openai API page, not from our code:
 *
 * - URL = base URL + path; path ids as given; no query string.
 * - `Authorization: Bearer <token>`, `OpenAI-Organization` when set,
 *   `Accept: application/json`.
 * - A JSON body with `Content-Type: application/json` where go-openai sends a
 *   body; none for GET, DELETE and the cancel POST. (go-openai also sets
 *   `Content-Type` on requests without a body; a content type with no content
 *   says nothing, so it is not required here.)
 * - Bodies use go-openai's JSON field names; every value below is non-zero,
 *   so go-openai's `omitempty` would send each of them too.
 */
import * as completions from '@openai-micro/completions';
import * as fineTuning from '@openai-micro/fine-tuning';
import * as models from '@openai-micro/models';
import { describe, expect, it } from 'vitest';
import { apiKey, ctx, organization } from '../context.js';
import { type Exchange, exercise, only } from '../harness.js';
import { absentFromSpec } from '../operations.js';

interface GoRequest {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  /** The JSON go-openai sends, or undefined for no body. */
  json?: unknown;
}

function expectGoRequest(exchange: Exchange, expected: GoRequest): void {
  const { request } = exchange;
  expect(request.method).toBe(expected.method);
  expect(request.url).toBe(expected.path);
  expect(request.headers.authorization).toBe(`Bearer ${apiKey}`);
  expect(request.headers['openai-organization']).toBe(organization);
  expect(request.headers.accept).toBe('application/json');
  if (expected.json === undefined) {
    expect(request.body.length).toBe(0);
  } else {
    expect(request.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request.body.toString('utf8'))).toEqual(expected.json);
  }
}

function checked<Name extends keyof typeof absentFromSpec>(name: Name): Name {
  // Only the operations listed in absentFromSpec may be checked here rather than by Prism.
  expect(absentFromSpec[name]).toBeDefined();
  return name;
}

export function goOpenAICases(): void {
  describe('operations missing from the spec, checked against go-openai v1.20.4', () => {
    it('createEdit sends what go-openai Edits sends (POST /edits, EditsRequest)', async () => {
      const reply = { object: 'edit', created: 1_700_000_000, usage: { prompt_tokens: 25, completion_tokens: 32, total_tokens: 57 }, choices: [{ text: 'What day of the week is it?', index: 0 }] };
      ctx.recorder.script = () => reply;
      const params = { model: 'text-davinci-edit-001', input: 'What day of the wek is it?', instruction: 'Fix the spelling mistakes', n: 1, temperature: 0.5, top_p: 0.9 };
      const { result, exchanges } = await exercise('@openai-micro/completions', completions, checked('createEdit'), (fn) => fn(ctx.recorderClient, params));
      expectGoRequest(only(exchanges), {
        method: 'POST',
        path: '/v1/edits',
        json: { model: 'text-davinci-edit-001', input: 'What day of the wek is it?', instruction: 'Fix the spelling mistakes', n: 1, temperature: 0.5, top_p: 0.9 },
      });
      expect(result).toEqual(reply);
    });

    it('listEngines and retrieveEngine send what ListEngines and GetEngine send (GET /engines, /engines/{engine_id})', async () => {
      const engine = { id: 'davinci', object: 'engine', owner: 'openai', ready: true };
      ctx.recorder.script = (request) => (request.path.endsWith('/engines') ? { object: 'list', data: [engine] } : engine);
      const listed = await exercise('@openai-micro/models', models, checked('listEngines'), (fn) => fn(ctx.recorderClient));
      expectGoRequest(only(listed.exchanges), { method: 'GET', path: '/v1/engines' });
      expect(listed.result).toEqual({ object: 'list', data: [engine] });
      const retrieved = await exercise('@openai-micro/models', models, checked('retrieveEngine'), (fn) => fn(ctx.recorderClient, { engine_id: 'davinci' }));
      expectGoRequest(only(retrieved.exchanges), { method: 'GET', path: '/v1/engines/davinci' });
      expect(retrieved.result).toEqual(engine);
    });

    it('the legacy fine-tunes send what go-openai CreateFineTune, ListFineTunes, GetFineTune, CancelFineTune, ListFineTuneEvents, DeleteFineTune send', async () => {
      const fineTune = {
        id: 'ft-AF1WoRqd3aJAHsqc9NY7iL8F',
        object: 'fine-tune',
        model: 'curie',
        created_at: 1_614_807_352,
        fine_tuned_model: null,
        hyperparams: { n_epochs: 4, batch_size: 3, learning_rate_multiplier: 0.1, prompt_loss_weight: 0.01 },
        organization_id: organization,
        result_files: [],
        status: 'pending',
        validation_files: [],
        training_files: [{ id: 'file-abc123', object: 'file', bytes: 1547276, created_at: 1_610_062_281, filename: 'train.jsonl', purpose: 'fine-tune' }],
        updated_at: 1_614_807_352,
        events: [{ object: 'fine-tune-event', created_at: 1_614_807_352, level: 'info', message: 'Job enqueued.' }],
      };
      const events = { object: 'list', data: fineTune.events };
      ctx.recorder.script = (request) => {
        if (request.path.endsWith('/events')) return events;
        if (request.method === 'DELETE') return { id: fineTune.id, object: 'fine-tune', deleted: true };
        if (request.method === 'GET' && request.path === '/v1/fine-tunes') return { object: 'list', data: [fineTune] };
        return fineTune;
      };
      // go-openai's FineTuneRequest with every field set, under its JSON tags: training_file,
      // validation_file, model, n_epochs, batch_size, learning_rate_multiplier, prompt_loss_rate,
      // compute_classification_metrics, classification_n_classes, classification_positive_class,
      // classification_betas, suffix. Passed as our params, it must go out as exactly this JSON.
      const goFineTuneRequest = {
        training_file: 'file-abc123',
        validation_file: 'file-def456',
        model: 'curie',
        n_epochs: 4,
        batch_size: 3,
        learning_rate_multiplier: 0.1,
        prompt_loss_rate: 0.01,
        compute_classification_metrics: true,
        classification_n_classes: 2,
        classification_positive_class: ' yes',
        classification_betas: [0.5, 1],
        suffix: 'my-model',
      };
      const created = await exercise('@openai-micro/fine-tuning', fineTuning, checked('createFineTune'), (fn) => fn(ctx.recorderClient, { ...goFineTuneRequest }));
      expectGoRequest(only(created.exchanges), { method: 'POST', path: '/v1/fine-tunes', json: goFineTuneRequest });
      expect(created.result).toEqual(fineTune);

      const listed = await exercise('@openai-micro/fine-tuning', fineTuning, checked('listFineTunes'), (fn) => fn(ctx.recorderClient));
      expectGoRequest(only(listed.exchanges), { method: 'GET', path: '/v1/fine-tunes' });
      expect(listed.result).toEqual({ object: 'list', data: [fineTune] });

      const id = { fine_tune_id: fineTune.id };
      const retrieved = await exercise('@openai-micro/fine-tuning', fineTuning, checked('retrieveFineTune'), (fn) => fn(ctx.recorderClient, id));
      expectGoRequest(only(retrieved.exchanges), { method: 'GET', path: `/v1/fine-tunes/${fineTune.id}` });

      const cancelled = await exercise('@openai-micro/fine-tuning', fineTuning, checked('cancelFineTune'), (fn) => fn(ctx.recorderClient, id));
      expectGoRequest(only(cancelled.exchanges), { method: 'POST', path: `/v1/fine-tunes/${fineTune.id}/cancel` });

      const listedEvents = await exercise('@openai-micro/fine-tuning', fineTuning, checked('listFineTuneEvents'), (fn) => fn(ctx.recorderClient, id));
      expectGoRequest(only(listedEvents.exchanges), { method: 'GET', path: `/v1/fine-tunes/${fineTune.id}/events` });
      expect(listedEvents.result).toEqual(events);

      const deleted = await exercise('@openai-micro/fine-tuning', fineTuning, checked('deleteFineTune'), (fn) => fn(ctx.recorderClient, id));
      expectGoRequest(only(deleted.exchanges), { method: 'DELETE', path: `/v1/fine-tunes/${fineTune.id}` });
      expect(deleted.result).toEqual({ id: fineTune.id, object: 'fine-tune', deleted: true });
    });
  });
}
