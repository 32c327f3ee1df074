import { createRunStream, retrieveRun } from '@openai-micro/assistants';
import { createChatCompletion, createChatCompletionStream } from '@openai-micro/chat';
import { APIError, type ClientOptions, InputRejectedError, RedirectError, ResponseParseError, StreamEventError, TimeoutError } from '@openai-micro/core';
import { type AzureClientOptions, createAzureClient } from '@openai-micro/core/azure';
import { createFile, downloadFile, listFiles, retrieveFile } from '@openai-micro/files';
import { createImageEdit } from '@openai-micro/images';
import { retrieveModel } from '@openai-micro/models';
import type { RecordedRequest } from '@openai-micro/tooling/loopback';
import { expect } from 'vitest';
import {
  apiKey,
  chatChunk,
  chatCompletion,
  chatParams,
  exposedForms,
  fileObject,
  openAIError,
  type Run,
  runFamily,
  type Scenario,
  scenarioOf,
  slackMs,
} from './support.js';

/** The Azure client a scenario would make: same limits, transport and hooks, `api-key` auth. */
const scenario = scenarioOf('security');

const azure = (run: Run<unknown>, extra: Omit<AzureClientOptions, 'baseURL'> = {}) => {
  const { apiKey: _key, baseURL: _base, organization: _organization, project: _project, ...shared } = run.options as ClientOptions;
  return createAzureClient({ ...shared, baseURL: run.server.url, apiKey, ...extra });
};

// ---------------------------------------------------------------------------
// Cross-origin redirects: refused, and the second origin hears nothing at all.

const redirectCases: [variant: string, status: number, act: (run: Run<unknown>) => Promise<unknown>][] = [
  ['307 on a POST chat completion (307 would re-send the body)', 307, (run) => createChatCompletion(run.client(), chatParams)],
  ['302 on retrieveFile', 302, (run) => retrieveFile(run.client(), { file_id: 'file-fault' })],
  ['301 on a download', 301, (run) => downloadFile(run.client(), { file_id: 'file-fault' })],
  ['308 on a stream', 308, async (run) => run.collect(await createChatCompletionStream(run.client(), chatParams))],
  ['303 on an Azure call with the api-key header', 303, (run) => createChatCompletion(azure(run), chatParams)],
];

const crossOriginRedirects = redirectCases.map(([variant, status, act]) =>
  scenario({
    name: 'a cross-origin redirect',
    variant,
    options: { maxRetries: 2 },
    serve: (run) => (_request, reply) => reply.redirect(status, `${run.other.url}/v1/steal?next=1`),
    act: (_client, run) => act(run),
    expect: {
      error: { is: RedirectError, status },
      requests: 1,
      elapsedMs: [0, slackMs],
      verify: (outcome, run) => {
        expect((outcome.error as RedirectError).location).toBe(run.other.url);
        expect((outcome.error as RedirectError).message).toContain(run.other.url);
        expect((outcome.error as RedirectError).reason).toBe('crossOrigin');
        expect(run.other.requests).toHaveLength(0);
      },
    },
  }),
);

// ---------------------------------------------------------------------------
// CRLF (and NUL) in header values: refused before a byte is sent.

const injected = '\r\nX-Injected: 1';
const headerCases: [variant: string, options: ClientOptions, call?: ClientOptions & { headers?: Record<string, string> }][] = [
  ['a client header value', { headers: { 'X-Trace': `trace-1${injected}` } }],
  ['a per-call header value', {}, { headers: { 'X-Trace': `trace-1${injected}` } }],
  ['a header name', { headers: { [`X-Trace${injected}`]: 'trace-1' } }],
  ['a bare LF', { headers: { 'X-Trace': 'trace-1\nX-Injected: 1' } }],
  ['a NUL', { headers: { 'X-Trace': 'trace-1\0' } }],
  ['the organization', { organization: `org-1${injected}` }],
  ['the project', { project: `proj_1${injected}` }],
  ['the API key, without echoing the key', { apiKey: `${apiKey}${injected}` }],
];

const refusedHeaders = headerCases.map(([variant, options, call]) =>
  scenario({
    name: 'CRLF in header values',
    variant: `${variant} is refused before sending`,
    options,
    serve: () => (_request, reply) => reply.json(200, { object: 'list', data: [] }),
    act: (client) => listFiles(client, {}, call),
    expect: {
      error: { is: InputRejectedError, fields: { field: 'headers' }, message: /line break or NUL/ },
      requests: 0,
      elapsedMs: [0, slackMs],
      verify: (_outcome, run) => expect(run.server.totalConnections()).toBe(0),
    },
  }),
);

const azureHeaderCases: [variant: string, extra: Parameters<typeof azure>[1]][] = [
  ['an Azure api-key', { apiKey: `${apiKey}${injected}` }],
  ['an Azure AD token returned by the token function', { azureADToken: async () => `eyJ0eXAi${injected}` }],
];

const refusedAzureHeaders = azureHeaderCases.map(([variant, extra]) =>
  scenario({
    name: 'CRLF in header values',
    variant: `${variant} is refused before sending`,
    serve: () => (_request, reply) => reply.json(200, chatCompletion),
    act: (_client, run) => createChatCompletion(azure(run, extra), chatParams),
    expect: {
      error: { is: InputRejectedError, fields: { field: 'headers' } },
      requests: 0,
      elapsedMs: [0, slackMs],
      verify: (_outcome, run) => expect(run.server.totalConnections()).toBe(0),
    },
  }),
);

const encodedElsewhere = [
  scenario({
    name: 'CRLF in header values',
    variant: 'a CRLF in a query value is percent-encoded, never a header',
    serve: () => (_request, reply) => reply.json(200, { object: 'list', data: [], has_more: false }),
    act: (client) => listFiles(client, {}, { query: { tag: `a${injected}` } }),
    expect: {
      value: (page) => expect(page.data).toEqual([]),
      requests: 1,
      elapsedMs: [0, slackMs],
      verify: (_outcome, run) => {
        const [request] = run.server.requests;
        expect(request?.url).toContain('tag=a%0D%0AX-Injected%3A+1');
        expect(request?.query.get('tag')).toBe(`a${injected}`);
        expect(request?.headers['x-injected']).toBeUndefined();
      },
    },
  }),
  scenario({
    name: 'CRLF in header values',
    variant: 'a CRLF in an Azure deployment name is percent-encoded in the path',
    serve: () => (_request, reply) => reply.json(200, chatCompletion),
    act: (_client, run) => createChatCompletion(azure(run, { deployment: () => `prod${injected}` }), chatParams),
    expect: {
      value: (completion) => expect(completion.id).toBe('chatcmpl-fault'),
      requests: 1,
      elapsedMs: [0, slackMs],
      verify: (_outcome, run) => {
        expect(run.server.requests[0]?.path).toBe('/openai/deployments/prod%0D%0AX-Injected%3A%201/chat/completions');
        expect(run.server.requests[0]?.headers['x-injected']).toBeUndefined();
      },
    },
  }),
];

// ---------------------------------------------------------------------------
// Path traversal through ids: one segment each, or refused.

const pathCases: [variant: string, act: (run: Run<unknown>) => Promise<unknown>, sent: string][] = [
  ['retrieveFile "../x"', (run) => retrieveFile(run.client(), { file_id: '../x' }), '/v1/files/..%2Fx'],
  ['retrieveFile "a/b"', (run) => retrieveFile(run.client(), { file_id: 'a/b' }), '/v1/files/a%2Fb'],
  ['retrieveFile "%2e%2e" (pre-encoded dots)', (run) => retrieveFile(run.client(), { file_id: '%2e%2e' }), '/v1/files/%252e%252e'],
  ['retrieveFile "x?purpose=a#f" (query and fragment)', (run) => retrieveFile(run.client(), { file_id: 'x?purpose=a#f' }), '/v1/files/x%3Fpurpose%3Da%23f'],
  ['retrieveFile "a\\b" (a backslash)', (run) => retrieveFile(run.client(), { file_id: 'a\\b' }), '/v1/files/a%5Cb'],
  ['downloadFile "../../models"', (run) => downloadFile(run.client(), { file_id: '../../models' }), '/v1/files/..%2F..%2Fmodels/content'],
  ['retrieveModel "ft:gpt-4o:org/../../files"', (run) => retrieveModel(run.client(), { model: 'ft:gpt-4o:org/../../files' }), '/v1/models/ft%3Agpt-4o%3Aorg%2F..%2F..%2Ffiles'],
  ['retrieveRun with two hostile ids', (run) => retrieveRun(run.client(), { thread_id: '../assistants', run_id: '..%2F' }), '/v1/threads/..%2Fassistants/runs/..%252F'],
  ['Azure retrieveFile "../deployments/x"', (run) => retrieveFile(azure(run), { file_id: '../deployments/x' }), '/openai/files/..%2Fdeployments%2Fx'],
];

const encodedPaths = pathCases.map(([variant, act, sent]) =>
  scenario({
    name: 'path traversal through ids',
    variant: `${variant} stays one segment`,
    serve: () => (_request, reply) => reply.json(200, fileObject),
    act: (_client, run) => act(run),
    expect: {
      requests: 1,
      elapsedMs: [0, slackMs],
      verify: (_outcome, run) => {
        const [request] = run.server.requests;
        expect(request?.path).toBe(sent);
        expect(request?.url.startsWith(sent)).toBe(true);
        expect([...(request?.query.keys() ?? [])].filter((name) => name !== 'api-version')).toEqual([]);
      },
    },
  }),
);

const refusedIds: [variant: string, act: (run: Run<unknown>) => Promise<unknown>, field: string][] = [
  ['retrieveFile ".."', (run) => retrieveFile(run.client(), { file_id: '..' }), 'file_id'],
  ['retrieveFile "."', (run) => retrieveFile(run.client(), { file_id: '.' }), 'file_id'],
  ['retrieveFile ""', (run) => retrieveFile(run.client(), { file_id: '' }), 'file_id'],
  ['downloadFile ".."', (run) => downloadFile(run.client(), { file_id: '..' }), 'file_id'],
  ['createRunStream thread ".."', async (run) => createRunStream(run.client(), { thread_id: '..', assistant_id: 'asst_1' }), 'thread_id'],
];

const refusedPaths = refusedIds.map(([variant, act, field]) =>
  scenario({
    name: 'path traversal through ids',
    variant: `${variant} is refused before sending`,
    serve: () => (_request, reply) => reply.json(200, fileObject),
    act: (_client, run) => act(run),
    expect: {
      error: { is: InputRejectedError, fields: { field } },
      requests: 0,
      elapsedMs: [0, slackMs],
      verify: (_outcome, run) => expect(run.server.totalConnections()).toBe(0),
    },
  }),
);

// ---------------------------------------------------------------------------
// Multipart file-name injection: the parts the server sees are the parts we meant.

/** The parts of a recorded multipart request, parsed by the platform's own parser (undici's FormData). */
async function formParts(request: RecordedRequest | undefined): Promise<[string, FormDataEntryValue][]> {
  const contentType = String(request?.headers['content-type']);
  return [...(await new Response(new Uint8Array(request?.body ?? []), { headers: { 'content-type': contentType } }).formData()).entries()];
}

/** The header lines of every part, straight from the bytes. */
function partHeaderLines(request: RecordedRequest | undefined): string[] {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(String(request?.headers['content-type']));
  const marker = `--${boundary?.[1] ?? boundary?.[2]}`;
  return request!.body
    .toString('latin1')
    .split(marker)
    .slice(1, -1)
    .flatMap((part) => part.slice(2, part.indexOf('\r\n\r\n')).split('\r\n'));
}

const hostileName = 'evil.jsonl"\r\nContent-Disposition: form-data; name="purpose"\r\n\r\nfine-tune\r\n--x\r\nContent-Type: text/html';
const fileBytes = new TextEncoder().encode('{"prompt":"a","completion":"b"}\n');

const multipartCases = [
  scenario({
    name: 'multipart file-name injection',
    variant: 'quotes and CRLF in a file name add no part and no header',
    serve: () => (_request, reply) => reply.json(200, fileObject),
    act: (client) => createFile(client, { file: new File([fileBytes], hostileName), purpose: 'assistants' }),
    expect: {
      value: (file) => expect(file.id).toBe('file-fault'),
      requests: 1,
      elapsedMs: [0, slackMs],
      verify: async (_outcome, run) => {
        const request = run.server.requests[0];
        const parts = await formParts(request);
        expect(parts.map(([name]) => name)).toEqual(['purpose', 'file']);
        expect(parts[0]?.[1]).toBe('assistants');
        const file = parts[1]![1] as File;
        expect(new Uint8Array(await file.arrayBuffer())).toEqual(fileBytes);
        expect(file.name).not.toMatch(/[\r\n]/);
        const lines = partHeaderLines(request);
        expect(lines.filter((line) => /^content-disposition:/i.test(line))).toHaveLength(2);
        expect(lines.filter((line) => /^content-type:/i.test(line))).toHaveLength(1);
      },
    },
  }),
  scenario({
    name: 'multipart file-name injection',
    variant: 'a path in a file name sends only its base name',
    serve: () => (_request, reply) => reply.json(200, fileObject),
    act: (client) => createFile(client, { file: { data: fileBytes, name: '../../../etc/passwd.jsonl' }, purpose: 'fine-tune' }),
    expect: {
      requests: 1,
      elapsedMs: [0, slackMs],
      verify: async (_outcome, run) => {
        const parts = await formParts(run.server.requests[0]);
        expect((parts[1]![1] as File).name).toBe('passwd.jsonl');
        expect(run.server.requests[0]?.body.includes('../')).toBe(false);
      },
    },
  }),
  scenario({
    name: 'multipart file-name injection',
    variant: 'CRLF in a content type and a fake boundary in a text field stay inside their parts',
    serve: () => (_request, reply) => reply.json(200, { created: 1, data: [{ url: 'https://example.invalid/a.png' }] }),
    act: (client) =>
      createImageEdit(client, {
        image: { data: new Uint8Array([0x89, 0x50, 0x4e, 0x47]), name: 'a.png', type: 'image/png\r\nX-Injected: 1' },
        prompt: 'a cat\r\n------formdata-boundary\r\nContent-Disposition: form-data; name="n"\r\n\r\n10',
      }),
    expect: {
      requests: 1,
      elapsedMs: [0, slackMs],
      verify: async (_outcome, run) => {
        const request = run.server.requests[0];
        const parts = await formParts(request);
        expect(parts.map(([name]) => name).sort()).toEqual(['image', 'prompt']);
        expect(parts.find(([name]) => name === 'prompt')?.[1]).toBe('a cat\r\n------formdata-boundary\r\nContent-Disposition: form-data; name="n"\r\n\r\n10');
        expect(partHeaderLines(request).some((line) => /^x-injected/i.test(line))).toBe(false);
      },
    },
  }),
];

// ---------------------------------------------------------------------------
// API key redaction: a server that echoes the key back gets it redacted everywhere.

const echoed = (request: RecordedRequest) => `Incorrect API key provided: ${String(request.headers.authorization ?? request.headers['api-key'])}.`;

/** Proves the server did echo the key, so the redaction checked by the runner had something to hide. */
const serverEchoed = (_outcome: unknown, run: Run<unknown>) => {
  expect(run.server.requests.length).toBeGreaterThan(0);
  expect(exposedForms(undefined, run.log).join('\n')).not.toContain(apiKey);
};

const redactionCases = [
  scenario({
    name: 'API key redaction',
    variant: 'a 401 whose message echoes the key, retried and logged',
    options: { maxRetries: 1, headers: { 'x-trace': 'keep-me' } },
    serve: () => (request, reply) => reply.json(401, openAIError(echoed(request), 'invalid_request_error', 'invalid_api_key'), { 'x-should-retry': 'true', 'retry-after-ms': '0' }),
    act: (client) => createChatCompletion(client, chatParams),
    expect: {
      error: { is: APIError, status: 401, message: 'Incorrect API key provided: [redacted].', fields: { code: 'invalid_api_key' } },
      requests: 2,
      elapsedMs: [0, slackMs],
      verify: (outcome, run) => {
        serverEchoed(outcome, run);
        expect(run.log.length).toBeGreaterThanOrEqual(3);
        for (const retry of run.retries) for (const form of exposedForms(retry.error)) expect(form).not.toContain(apiKey);
      },
    },
  }),
  scenario({
    name: 'API key redaction',
    variant: 'a 200 HTML page echoing the key (the excerpt of a parse error)',
    serve: () => (request, reply) => reply.send(200, `<html><body><pre>${echoed(request)}</pre></body></html>`, { 'content-type': 'text/html' }),
    act: (client) => retrieveModel(client, { model: 'gpt-4o-mini' }),
    expect: {
      error: { is: ResponseParseError, status: 200 },
      requests: 1,
      elapsedMs: [0, slackMs],
      verify: (outcome, run) => {
        serverEchoed(outcome, run);
        expect((outcome.error as ResponseParseError).bodyExcerpt).toContain('[redacted]');
      },
    },
  }),
  scenario({
    name: 'API key redaction',
    variant: 'an error event echoing the key inside a stream',
    serve: () => (request, reply) => reply.sse([chatChunk('Hi'), `data: ${JSON.stringify(openAIError(echoed(request)))}\n\n`]),
    act: async (client, run) => run.collect(await createChatCompletionStream(client, chatParams)),
    expect: {
      error: { is: StreamEventError, message: 'Incorrect API key provided: [redacted].' },
      requests: 1,
      items: 1,
      elapsedMs: [0, slackMs],
      verify: serverEchoed,
    },
  }),
  scenario({
    name: 'API key redaction',
    variant: 'a proxy echoing the Authorization header back as a response header',
    serve: () => (request, reply) => reply.json(502, openAIError('Bad gateway'), { 'x-echo-authorization': String(request.headers.authorization) }),
    act: (client) => createChatCompletion(client, chatParams),
    expect: {
      error: { is: APIError, status: 502, message: 'Bad gateway' },
      requests: 1,
      elapsedMs: [0, slackMs],
      verify: (outcome, run) => {
        serverEchoed(outcome, run);
        expect((outcome.error as APIError).headers.get('x-echo-authorization')).toBe('[redacted]');
      },
    },
  }),
  scenario({
    name: 'API key redaction',
    variant: 'an Azure api-key echoed in a 401',
    serve: () => (request, reply) => reply.json(401, openAIError(echoed(request))),
    act: (_client, run) => createChatCompletion(azure(run), chatParams),
    expect: { error: { is: APIError, status: 401, message: /\[redacted\]/ }, requests: 1, elapsedMs: [0, slackMs], verify: serverEchoed },
  }),
  scenario({
    name: 'API key redaction',
    variant: 'connection failures, timeouts and the client object itself',
    options: { timeout: 200 },
    serve: () => (_request, reply) => reply.stall(),
    act: (client) => createChatCompletion(client, chatParams),
    expect: {
      error: { is: TimeoutError },
      requests: 1,
      elapsedMs: [190, 200 + slackMs],
      verify: (_outcome, run) => {
        const client = run.client();
        for (const form of exposedForms(client)) expect(form).not.toContain(apiKey);
        expect(JSON.stringify(client)).not.toContain('SECRET');
      },
    },
  }),
];

const table: Scenario<'security', any>[] = [
  ...crossOriginRedirects,
  scenario({
    name: 'a cross-origin redirect',
    variant: 'a same-origin hop first, then another origin',
    options: { maxRetries: 2 },
    serve: (run) => (request, reply) =>
      request.path === '/v1/files/file-fault' ? reply.redirect(302, '/v1/files/moved') : reply.redirect(302, `${run.other.url}/v1/files/moved`),
    act: (client) => retrieveFile(client, { file_id: 'file-fault' }),
    expect: {
      error: { is: RedirectError, status: 302 },
      requests: 2,
      elapsedMs: [0, slackMs],
      verify: (_outcome, run) => expect(run.server.requests.map((request) => request.headers.authorization)).toEqual([`Bearer ${apiKey}`, `Bearer ${apiKey}`]),
    },
  }),
  scenario({
    name: 'a cross-origin redirect',
    variant: 'the same host and port on https is another origin',
    serve: (run) => (_request, reply) => reply.redirect(302, `https://127.0.0.1:${run.server.port}/v1/models`),
    act: (client) => retrieveModel(client, { model: 'gpt-4o-mini' }),
    expect: { error: { is: RedirectError, status: 302, fields: { reason: 'crossOrigin' } }, requests: 1, elapsedMs: [0, slackMs] },
  }),
  ...refusedHeaders,
  ...refusedAzureHeaders,
  ...encodedElsewhere,
  ...encodedPaths,
  ...refusedPaths,
  ...multipartCases,
  ...redactionCases,
];

runFamily('security', table);
