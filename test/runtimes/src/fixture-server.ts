/**
 * The API the matrix calls: an OpenAI-shaped fixture on 127.0.0.1, built on the
 * tooling loopback server (real sockets, recorded requests), that answers CORS
 * preflights so a page of another origin may call it, and exposes the headers
 * our response metadata reads. It answers only what the smoke program asks.
 */
import { type LoopbackReply, type LoopbackServer, type RecordedRequest, startLoopbackServer } from '@openai-micro/tooling/loopback';
import { endlessModel, fixtureApiKey, missingModel } from './constants.js';

/** What the fixture saw of the endless stream that the abort case cancels. */
export interface EndlessStreamRecord {
  chunksWritten: number;
  /** True when the client closed the connection before the fixture ran out of chunks. */
  cancelledByClient: boolean;
  /** Milliseconds from the last chunk written to the connection closing. */
  closedAfterLastChunkMs: number | undefined;
}

/** A file part of a multipart upload, as received. */
export interface ReceivedUpload {
  fields: Record<string, string>;
  filename: string | undefined;
  contentType: string | undefined;
  content: Buffer;
}

/** The running fixture. */
export interface FixtureServer {
  /** Origin, e.g. `http://127.0.0.1:43123`. */
  origin: string;
  /** Base URL for `createClient`, ending in `/v1`. */
  baseURL: string;
  /** Every request, preflights included, in arrival order. */
  requests: RecordedRequest[];
  /** Requests other than CORS preflights. */
  apiRequests(): RecordedRequest[];
  uploads: ReceivedUpload[];
  endlessStreams: EndlessStreamRecord[];
  handlerErrors: unknown[];
  close(): Promise<void>;
}

/** The vectors the fixture returns: float32-exact values, so every runtime must decode them to the same numbers. */
export function fixtureVector(index: number): number[] {
  return [0.5, -0.25, 0.125 * (index + 1), index + 1];
}

/** The deltas of the streamed chat reply, in order. */
export const streamDeltas = ['Hel', 'lo ', 'from ', 'the ', 'fixture'];

const exposedHeaders = 'x-request-id, x-ratelimit-remaining-tokens';
const endlessChunkLimit = 400;
const endlessChunkIntervalMs = 50;
const endlessStatusWaitMs = 3000;

function corsHeaders(request: RecordedRequest): Record<string, string> {
  const headers: Record<string, string> = { 'access-control-allow-origin': '*', 'access-control-expose-headers': exposedHeaders };
  if (request.method === 'OPTIONS') {
    headers['access-control-allow-methods'] = 'GET, POST, DELETE, OPTIONS';
    // `*` does not cover Authorization, so the requested names are echoed.
    const asked = request.headers['access-control-request-headers'];
    if (typeof asked === 'string') headers['access-control-allow-headers'] = asked;
    headers['access-control-max-age'] = '600';
  }
  return headers;
}

function chunk(delta: { role?: string; content?: string }, finishReason: string | null, model: string): string {
  const body = { id: 'chatcmpl-stream', object: 'chat.completion.chunk', created: 1_700_000_000, model, choices: [{ index: 0, delta, finish_reason: finishReason }] };
  return `data: ${JSON.stringify(body)}\n\n`;
}

function float32Base64(values: number[]): string {
  return Buffer.from(new Float32Array(values).buffer).toString('base64');
}

/** Splits a multipart/form-data body into fields and its one file part. */
export function parseMultipart(body: Buffer, contentType: string | undefined): ReceivedUpload {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType ?? '');
  if (!boundary) throw new Error(`not a multipart body: content-type ${contentType}`);
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const upload: ReceivedUpload = { fields: {}, filename: undefined, contentType: undefined, content: Buffer.alloc(0) };
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const afterDelimiter = start + delimiter.length;
    if (body.subarray(afterDelimiter, afterDelimiter + 2).toString() === '--') break;
    const next = body.indexOf(delimiter, afterDelimiter);
    if (next === -1) throw new Error('multipart body without a closing delimiter');
    const part = body.subarray(afterDelimiter + 2, next - 2); // drop the CRLF after the delimiter and before the next one
    const headerEnd = part.indexOf('\r\n\r\n');
    const head = part.subarray(0, headerEnd).toString('utf8');
    const content = part.subarray(headerEnd + 4);
    const name = /name="([^"]*)"/i.exec(head)?.[1] ?? '';
    const filename = /filename="([^"]*)"/i.exec(head)?.[1];
    if (filename === undefined) upload.fields[name] = content.toString('utf8');
    else {
      upload.filename = filename;
      upload.contentType = /content-type:\s*([^\r\n]+)/i.exec(head)?.[1];
      upload.content = Buffer.from(content);
    }
    start = next;
  }
  return upload;
}

/**
 * Starts the fixture on a free port of 127.0.0.1.
 *
 * @example
 * const fixture = await startFixtureServer();
 * const client = createClient({ apiKey: 'sk-test', baseURL: fixture.baseURL });
 */
export async function startFixtureServer(): Promise<FixtureServer> {
  const uploads: ReceivedUpload[] = [];
  const endlessStreams: EndlessStreamRecord[] = [];
  const endlessSettled: Promise<void>[] = [];
  let requestNumber = 0;

  const endless = async (reply: LoopbackReply, headers: Record<string, string>, model: string) => {
    const record: EndlessStreamRecord = { chunksWritten: 0, cancelledByClient: false, closedAfterLastChunkMs: undefined };
    let closed = false;
    let ended = false;
    let lastWriteAt = Date.now();
    const settled = reply.disconnected.then(() => {
      closed = true;
      record.cancelledByClient = !ended;
      record.closedAfterLastChunkMs = Date.now() - lastWriteAt;
    });
    endlessStreams.push(record);
    endlessSettled.push(settled);
    await reply.head(200, { ...headers, 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    while (!closed && record.chunksWritten < endlessChunkLimit) {
      await reply.write(chunk({ content: `tick ${record.chunksWritten} ` }, null, model));
      lastWriteAt = Date.now();
      record.chunksWritten += 1;
      await new Promise((resolve) => setTimeout(resolve, endlessChunkIntervalMs));
    }
    if (closed) return;
    ended = true;
    await reply.end(`${chunk({}, 'length', model)}data: [DONE]\n\n`);
  };

  const server: LoopbackServer = await startLoopbackServer(async (request, reply) => {
    requestNumber += 1;
    const headers = { ...corsHeaders(request), 'x-request-id': `req_fixture_${requestNumber}` };
    if (request.method === 'OPTIONS') return reply.send(204, '', headers);
    if (request.headers.authorization !== `Bearer ${fixtureApiKey}`) {
      return reply.json(401, { error: { message: 'Incorrect API key provided.', type: 'invalid_request_error', param: null, code: 'invalid_api_key' } }, headers);
    }
    const route = `${request.method} ${request.path}`;
    if (route === 'POST /v1/chat/completions') {
      const body = JSON.parse(request.body.toString('utf8')) as { model: string; stream?: boolean; messages: { content: string }[] };
      if (body.model === missingModel) {
        return reply.json(
          404,
          { error: { message: `The model \`${missingModel}\` does not exist or you do not have access to it.`, type: 'invalid_request_error', param: null, code: 'model_not_found' } },
          headers,
        );
      }
      if (body.stream && body.model === endlessModel) return endless(reply, headers, body.model);
      if (body.stream) {
        const events = [chunk({ role: 'assistant', content: '' }, null, body.model), ...streamDeltas.map((text) => chunk({ content: text }, null, body.model))];
        events.push(chunk({}, 'stop', body.model), 'data: [DONE]\n\n');
        return reply.sse(events, { headers, delayMs: 5 });
      }
      const content = `You said: ${body.messages.at(-1)?.content}`;
      return reply.json(
        200,
        {
          id: 'chatcmpl-fixture',
          object: 'chat.completion',
          created: 1_700_000_000,
          model: body.model,
          choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop', logprobs: null }],
          usage: { prompt_tokens: 3, completion_tokens: 3, total_tokens: 6 },
        },
        headers,
      );
    }
    if (route === 'GET /v1/fixture/endless-stream') {
      // The abort case asks, while its runtime still runs, whether its cancel reached
      // the server; a cancelled connection closes a moment after the client gives up.
      const record = endlessStreams.at(-1);
      if (record) await Promise.race([endlessSettled.at(-1), new Promise((resolve) => setTimeout(resolve, endlessStatusWaitMs))]);
      return reply.json(200, { started: Boolean(record), cancelled: record?.cancelledByClient ?? false, chunksWritten: record?.chunksWritten ?? 0 }, headers);
    }
    if (route === 'POST /v1/embeddings') {
      const body = JSON.parse(request.body.toString('utf8')) as { model: string; input: string | string[]; encoding_format?: string };
      const inputs = Array.isArray(body.input) ? body.input : [body.input];
      const data = inputs.map((_, index) => ({
        object: 'embedding',
        index,
        embedding: body.encoding_format === 'base64' ? float32Base64(fixtureVector(index)) : fixtureVector(index),
      }));
      return reply.json(200, { object: 'list', model: body.model, data, usage: { prompt_tokens: inputs.length, total_tokens: inputs.length } }, headers);
    }
    if (route === 'POST /v1/files') {
      const upload = parseMultipart(request.body, request.headers['content-type'] as string | undefined);
      uploads.push(upload);
      return reply.json(
        200,
        {
          id: `file-fixture-${uploads.length}`,
          object: 'file',
          bytes: upload.content.length,
          created_at: 1_700_000_000,
          filename: upload.filename,
          purpose: upload.fields.purpose,
          status: 'processed',
        },
        headers,
      );
    }
    return reply.json(404, { error: { message: `No fixture for ${route}.`, type: 'invalid_request_error', param: null, code: null } }, headers);
  });

  return {
    origin: server.url,
    baseURL: `${server.url}/v1`,
    requests: server.requests,
    apiRequests: () => server.requests.filter((request) => request.method !== 'OPTIONS'),
    uploads,
    endlessStreams,
    handlerErrors: server.handlerErrors,
    close: () => server.close(),
  };
}
