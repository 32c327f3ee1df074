import { type Client, createClient, type RequestOptions } from '@openai-micro/core';
import {
  type CreateImageRequest,
  createImage,
  createImageEdit,
  createImageVariation,
  type Image,
  ImageSize,
  type ImagesResponse,
  imageBytes,
} from '@openai-micro/images';
import { deleteModel, type Engine, type ListModelsResponse, listEngines, listModels, type Model, retrieveEngine, retrieveModel } from '@openai-micro/models';
import {
  type CreateModerationResponse,
  createModeration,
  type ModerationCategories,
  ModerationModel,
  type ModerationResult,
} from '@openai-micro/moderations';
import { describe, expectTypeOf, test } from 'vitest';

const client = createClient({ apiKey: 'sk-test' });

describe('models', () => {
  test('list calls take (client, options?); single-object calls take wire-named params', async () => {
    // listModels and listEngines have no params: the options are the second argument.
    expectTypeOf(listModels).parameters.toEqualTypeOf<[client: Client, options?: RequestOptions<ListModelsResponse>]>();
    const models = await listModels(client, { signal: AbortSignal.timeout(1000) });
    expectTypeOf(models.data).toEqualTypeOf<Model[]>();
    expectTypeOf(retrieveModel(client, { model: 'gpt-4o-mini' })).resolves.toEqualTypeOf<Model>();
    expectTypeOf(deleteModel(client, { model: 'ft:gpt-4o-mini:acme::abc' })).resolves.toHaveProperty('deleted').toEqualTypeOf<boolean>();
    expectTypeOf(listEngines(client)).resolves.toHaveProperty('data').toEqualTypeOf<Engine[]>();
    expectTypeOf(retrieveEngine(client, { engine_id: 'davinci' })).resolves.toEqualTypeOf<Engine>();
    // @ts-expect-error the wire name is `model`
    retrieveModel(client, { id: 'gpt-4o-mini' });
  });
});

describe('moderations', () => {
  test('createModeration takes text or parts and resolves to typed categories', async () => {
    const result = await createModeration(client, { input: 'some text', model: ModerationModel.OmniLatest });
    expectTypeOf(result).toEqualTypeOf<CreateModerationResponse>();
    expectTypeOf(result.results[0]).toEqualTypeOf<ModerationResult | undefined>();
    expectTypeOf<ModerationCategories['hate']>().toEqualTypeOf<boolean>();
    expectTypeOf<ModerationCategories['illicit']>().toEqualTypeOf<boolean | null | undefined>();
    createModeration(client, { input: [{ type: 'image_url', image_url: { url: 'https://example.com/a.png' } }], model: 'a-newer-model' });
    // @ts-expect-error input is required
    createModeration(client, { model: 'omni-moderation-latest' });
  });
});

describe('images', () => {
  test('generations, edits and variations resolve to an ImagesResponse', async () => {
    const generated = await createImage(client, { prompt: 'a lighthouse', model: 'dall-e-3', size: ImageSize.Size1024x1024, response_format: 'b64_json' });
    expectTypeOf(generated).toEqualTypeOf<ImagesResponse>();
    expectTypeOf(generated.data[0]).toEqualTypeOf<Image | undefined>();
    expectTypeOf(imageBytes(generated.data[0]!)).toEqualTypeOf<Uint8Array>();
    expectTypeOf(createImageEdit(client, { image: './in.png', prompt: 'add a boat' })).resolves.toEqualTypeOf<ImagesResponse>();
    expectTypeOf(createImageVariation(client, { image: new Blob([]) })).resolves.toEqualTypeOf<ImagesResponse>();
    expectTypeOf<'4096x4096'>().toExtend<NonNullable<CreateImageRequest['size']>>();
    // @ts-expect-error prompt is required
    createImage(client, { model: 'dall-e-3' });
    // @ts-expect-error an edit needs an image
    createImageEdit(client, { prompt: 'add a boat' });
  });
});
