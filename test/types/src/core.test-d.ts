import {
  APIError,
  type BinaryStream,
  type Client,
  type ClientOptions,
  ConnectionError,
  createClient,
  type EventStream,
  type FileInput,
  type FilePurpose,
  getResponseMetadata,
  InputRejectedError,
  isRateLimitError,
  OpenAIMicroError,
  type OpenString,
  type OpenValues,
  type Page,
  type RateLimitInfo,
  type RequestOptions,
  type ResponseMetadata,
  StreamProtocolError,
  TimeoutError,
} from '@openai-micro/core';
import { type AzureClientOptions, createAzureClient } from '@openai-micro/core/azure';
import { saveToFile } from '@openai-micro/core/node';
import { describe, expectTypeOf, test } from 'vitest';

describe('clients', () => {
  test('createClient takes the documented options, all optional', () => {
    expectTypeOf(createClient).parameter(0).toEqualTypeOf<ClientOptions | undefined>();
    expectTypeOf(createClient).returns.toEqualTypeOf<Client>();
    expectTypeOf<ClientOptions>().toHaveProperty('apiKey').toEqualTypeOf<string | undefined>();
    expectTypeOf<ClientOptions>().toHaveProperty('baseURL').toEqualTypeOf<string | undefined>();
    expectTypeOf<ClientOptions>().toHaveProperty('maxRetries').toEqualTypeOf<number | undefined>();
    expectTypeOf<ClientOptions>().toHaveProperty('fetch').toEqualTypeOf<typeof fetch | undefined>();
    createClient();
    createClient({ apiKey: 'sk-test', baseURL: 'http://127.0.0.1:8080/v1', timeout: 1000, headers: { 'x-drop': null } });
    // @ts-expect-error an unknown option is a typo, not a pass-through
    createClient({ apiKey: 'sk-test', retries: 3 });
  });

  test('the client is read-only', () => {
    const client = createClient({ apiKey: 'sk-test' });
    expectTypeOf(client.kind).toEqualTypeOf<'openai' | 'azure'>();
    // @ts-expect-error the client is frozen
    client.baseURL = 'http://elsewhere';
  });

  test('an Azure client is a Client with Azure options', () => {
    expectTypeOf(createAzureClient).returns.toEqualTypeOf<Client>();
    expectTypeOf<AzureClientOptions>().toHaveProperty('apiVersion').toEqualTypeOf<string | undefined>();
    expectTypeOf<AzureClientOptions>().toHaveProperty('deployment').toEqualTypeOf<((model: string) => string) | undefined>();
    createAzureClient({ baseURL: 'https://example.openai.azure.com', azureADToken: async () => 'token' });
    // @ts-expect-error organization is an OpenAI option, not an Azure one
    createAzureClient({ organization: 'org' });
  });
});

describe('per-call options', () => {
  test('RequestOptions carries the call settings and a typed schema', () => {
    expectTypeOf<RequestOptions>().toHaveProperty('signal').toEqualTypeOf<AbortSignal | undefined>();
    expectTypeOf<RequestOptions>().toHaveProperty('timeout').toEqualTypeOf<number | undefined>();
    expectTypeOf<RequestOptions>().toHaveProperty('maxRetries').toEqualTypeOf<number | undefined>();
    expectTypeOf<RequestOptions>().toHaveProperty('streamIdleTimeout').toEqualTypeOf<number | undefined>();
    expectTypeOf<RequestOptions<{ id: string }>['schema']>().exclude<undefined>().toHaveProperty('~standard');
    const options: RequestOptions = { signal: AbortSignal.timeout(1000), headers: { 'x-extra': 'yes', authorization: null }, query: { 'api-version': '1' } };
    expectTypeOf(options).toExtend<RequestOptions<unknown>>();
  });
});

describe('OpenString', () => {
  test('accepts the known literals and any other string, and keeps the literals', () => {
    type Color = OpenString<'red' | 'green'>;
    expectTypeOf<'red'>().toExtend<Color>();
    expectTypeOf<'a-colour-added-later'>().toExtend<Color>();
    expectTypeOf<string>().toExtend<Color>();
    expectTypeOf<Color>().toExtend<string>();
    // The literals survive (so editors still complete them): the union is not collapsed to string.
    expectTypeOf<Extract<Color, 'red'>>().toEqualTypeOf<'red'>();
    expectTypeOf<FilePurpose>().not.toEqualTypeOf<string>();
    expectTypeOf<Extract<FilePurpose, 'fine-tune'>>().toEqualTypeOf<'fine-tune'>();
    // @ts-expect-error only strings
    const notAString: Color = 42;
    expectTypeOf(notAString).toEqualTypeOf<Color>();
  });
});

describe('OpenValues', () => {
  test("is the OpenString of an as-const object's values", () => {
    const Color = { Red: 'red', Green: 'green' } as const;
    type Color = OpenValues<typeof Color>;
    expectTypeOf<Color>().toEqualTypeOf<OpenString<'red' | 'green'>>();
    expectTypeOf<Extract<Color, 'red'>>().toEqualTypeOf<'red'>();
    // @ts-expect-error only objects of strings
    expectTypeOf<OpenValues<{ One: 1 }>>().toBeString();
  });
});

describe('errors', () => {
  test('isInstance narrows unknown to the class it is called on', () => {
    const error: unknown = new Error('x');
    if (APIError.isInstance(error)) {
      expectTypeOf(error).toEqualTypeOf<APIError>();
      expectTypeOf(error.status).toEqualTypeOf<number>();
      expectTypeOf(error.requestId).toEqualTypeOf<string | undefined>();
      expectTypeOf(error.code).toEqualTypeOf<string | number | null | undefined>();
      expectTypeOf(error.headers).toEqualTypeOf<Headers>();
    }
    if (TimeoutError.isInstance(error)) {
      expectTypeOf(error).toEqualTypeOf<TimeoutError>();
      expectTypeOf(error.timeout).toEqualTypeOf<'request' | 'streamIdle'>();
    }
    if (StreamProtocolError.isInstance(error)) expectTypeOf(error.reason).toEqualTypeOf<'truncated' | 'emptyMessagesLimit' | 'malformedEvent'>();
    if (InputRejectedError.isInstance(error)) expectTypeOf(error.field).toEqualTypeOf<string | undefined>();
    if (ConnectionError.isInstance(error)) expectTypeOf(error).toEqualTypeOf<ConnectionError>();
    if (OpenAIMicroError.isInstance(error)) expectTypeOf(error).toEqualTypeOf<OpenAIMicroError>();
    if (isRateLimitError(error)) expectTypeOf(error).toEqualTypeOf<APIError>();
  });

  test('every error is an OpenAIMicroError with a literal name', () => {
    expectTypeOf<APIError>().toExtend<OpenAIMicroError>();
    expectTypeOf<TimeoutError>().toExtend<Error>();
    expectTypeOf<APIError['name']>().toEqualTypeOf<'APIError'>();
    expectTypeOf<TimeoutError['name']>().toEqualTypeOf<'TimeoutError'>();
  });
});

describe('response metadata', () => {
  test('getResponseMetadata reads status, headers, request id, rate limits and transport from any result', () => {
    expectTypeOf(getResponseMetadata).parameter(0).toEqualTypeOf<object>();
    expectTypeOf(getResponseMetadata).returns.toEqualTypeOf<ResponseMetadata>();
    const metadata = getResponseMetadata({});
    expectTypeOf(metadata.status).toEqualTypeOf<number>();
    expectTypeOf(metadata.headers).toEqualTypeOf<Headers>();
    expectTypeOf(metadata.requestId).toEqualTypeOf<string | undefined>();
    expectTypeOf(metadata.rateLimit).toEqualTypeOf<RateLimitInfo>();
    expectTypeOf(metadata.rateLimit.remainingTokens).toEqualTypeOf<number | undefined>();
    expectTypeOf(metadata.rateLimit.resetRequestsMs).toEqualTypeOf<number | undefined>();
    expectTypeOf(metadata.transport).toEqualTypeOf<'undici' | 'fetch' | undefined>();
    // @ts-expect-error a string is not a result
    getResponseMetadata('completion');
  });
});

describe('pages and streams', () => {
  test('iterating a Page<T> yields T, across pages', async () => {
    const page = {} as Page<{ id: string }>;
    for await (const item of page) expectTypeOf(item).toEqualTypeOf<{ id: string }>();
    expectTypeOf(page.data).toEqualTypeOf<{ id: string }[]>();
    expectTypeOf(page.nextPage()).resolves.toEqualTypeOf<Page<{ id: string }> | undefined>();
    expectTypeOf(page.hasNextPage()).toEqualTypeOf<boolean>();
    expectTypeOf(page.has_more).toEqualTypeOf<boolean | undefined>();
  });

  test('iterating an EventStream<T> yields T; it is a ReadableStream too', async () => {
    const stream = {} as EventStream<{ n: number }>;
    for await (const chunk of stream) expectTypeOf(chunk).toEqualTypeOf<{ n: number }>();
    expectTypeOf(stream).toExtend<ReadableStream<{ n: number }>>();
    expectTypeOf(stream.cancel).toBeFunction();
  });

  test('a BinaryStream yields bytes and reads whole bodies', async () => {
    const body = {} as BinaryStream;
    for await (const bytes of body) expectTypeOf(bytes).toEqualTypeOf<Uint8Array>();
    expectTypeOf(body.bytes()).resolves.toEqualTypeOf<Uint8Array>();
    expectTypeOf(body.text()).resolves.toEqualTypeOf<string>();
    expectTypeOf(body.contentType).toEqualTypeOf<string>();
    expectTypeOf(saveToFile).parameters.toEqualTypeOf<[stream: ReadableStream<Uint8Array>, path: string]>();
    expectTypeOf(saveToFile(body, 'out.mp3')).resolves.toEqualTypeOf<number>();
  });

  test('a file input is a Blob, a path, or bytes or a stream with a name', () => {
    expectTypeOf<Blob>().toExtend<FileInput>();
    expectTypeOf<string>().toExtend<FileInput>();
    expectTypeOf<{ data: Uint8Array; name: string }>().toExtend<FileInput>();
    expectTypeOf<{ data: ReadableStream<Uint8Array>; name: string }>().toExtend<FileInput>();
    expectTypeOf<number>().not.toExtend<FileInput>();
  });
});
