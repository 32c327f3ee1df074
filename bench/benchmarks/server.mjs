#!/usr/bin/env node
// The benchmark server: a separate node:http process on 127.0.0.1, so client and
// server never share an event loop. Every response is rendered once at start-up
// and written as one Buffer, so a request costs the server its HTTP parsing and
// a write, and the client under test is what the numbers measure.
//
//   POST /v1/chat/completions  JSON completion; with "stream": true, an SSE stream of
//                              `max_tokens` chunks (the count the benchmark asks for)
//   POST /v1/embeddings        100 x 1536 vectors, as floats or base64 (encoding_format;
//                              the official package asks for base64 when none is given)
//   POST /v1/files             reads and discards the body, answers a file object
//
// Prints `{"port":…}` on its first stdout line once listening.
import { createServer } from 'node:http';

const vectorCount = 100;
const dimensions = 1536;

// What api.openai.com sends with every answer, so header handling costs what it costs in production.
function openAIHeaders(contentType) {
  return [
    'content-type', contentType,
    'access-control-expose-headers', 'X-Request-ID',
    'openai-organization', 'user-bench',
    'openai-processing-ms', '312',
    'openai-project', 'proj_bench',
    'openai-version', '2020-10-01',
    'x-envoy-upstream-service-time', '315',
    'x-ratelimit-limit-requests', '10000',
    'x-ratelimit-limit-tokens', '30000000',
    'x-ratelimit-remaining-requests', '9999',
    'x-ratelimit-remaining-tokens', '29999990',
    'x-ratelimit-reset-requests', '6ms',
    'x-ratelimit-reset-tokens', '0s',
    'x-request-id', 'req_0123456789abcdef0123456789abcdef',
    'strict-transport-security', 'max-age=31536000; includeSubDomains; preload',
    'cf-cache-status', 'DYNAMIC',
    'set-cookie', '__cf_bm=bench; path=/; expires=Thu, 01-Jan-2099 00:00:00 GMT; domain=.api.openai.com; HttpOnly; Secure; SameSite=None',
    'set-cookie', '_cfuvid=bench; path=/; domain=.api.openai.com; HttpOnly; Secure; SameSite=None',
    'x-content-type-options', 'nosniff',
    'server', 'cloudflare',
    'cf-ray', '8e0123456789abcd-AMS',
    'alt-svc', 'h3=":443"; ma=86400',
  ];
}

function jsonResponse(value) {
  const body = Buffer.from(JSON.stringify(value));
  return { headers: [...openAIHeaders('application/json'), 'content-length', String(body.byteLength)], body };
}

const completion = jsonResponse({
  id: 'chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT',
  object: 'chat.completion',
  created: 1741569952,
  model: 'gpt-4o-mini-2024-07-18',
  choices: [
    {
      index: 0,
      message: { role: 'assistant', content: 'Hello! How can I assist you today? Let me know what you would like to talk about.', refusal: null, annotations: [] },
      logprobs: null,
      finish_reason: 'stop',
    },
  ],
  usage: {
    prompt_tokens: 19,
    completion_tokens: 18,
    total_tokens: 37,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
  },
  service_tier: 'default',
  system_fingerprint: 'fp_06737a9306',
});

const words = ['The', ' quick', ' brown', ' fox', ' jumps', ' over', ' the', ' lazy', ' dog', '.', ' It', ' was', ' a', ' sunny', ' day', '\n'];
const streamHead = '{"id":"chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT","object":"chat.completion.chunk","created":1741569952,"model":"gpt-4o-mini-2024-07-18","service_tier":"default","system_fingerprint":"fp_06737a9306","choices":[{"index":0,"delta":';

function renderStream(chunkCount) {
  const events = [`data: ${streamHead}{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}]}\n\n`];
  for (let index = 1; index < chunkCount - 1; index++) {
    events.push(`data: ${streamHead}{"content":${JSON.stringify(words[index % words.length])}},"logprobs":null,"finish_reason":null}]}\n\n`);
  }
  events.push(`data: ${streamHead}{},"logprobs":null,"finish_reason":"stop"}]}\n\n`, 'data: [DONE]\n\n');
  const body = Buffer.from(events.join(''));
  return { headers: [...openAIHeaders('text/event-stream; charset=utf-8'), 'content-length', String(body.byteLength)], body };
}

// Deterministic vectors shaped like real embeddings (unit length, small components),
// printed the way the API prints float32 values.
function renderEmbeddings() {
  let seed = 42;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const floatData = [];
  const base64Data = [];
  for (let index = 0; index < vectorCount; index++) {
    const vector = new Float32Array(dimensions);
    for (let component = 0; component < dimensions; component++) vector[component] = (random() - 0.5) * 0.09;
    floatData.push({ object: 'embedding', index, embedding: Array.from(vector, (value) => Number(value.toPrecision(9))) });
    base64Data.push({ object: 'embedding', index, embedding: Buffer.from(vector.buffer).toString('base64') });
  }
  const envelope = (data) => ({ object: 'list', data, model: 'text-embedding-3-small', usage: { prompt_tokens: 800, total_tokens: 800 } });
  return { float: jsonResponse(envelope(floatData)), base64: jsonResponse(envelope(base64Data)) };
}

const embeddings = renderEmbeddings();
const uploaded = jsonResponse({
  id: 'file-abc123',
  object: 'file',
  bytes: 1073741824,
  created_at: 1741569952,
  filename: 'upload.jsonl',
  purpose: 'fine-tune',
  status: 'processed',
  status_details: null,
});
const notFound = jsonResponse({ error: { message: 'Unknown benchmark route', type: 'invalid_request_error', param: null, code: null } });
const streams = new Map();

function streamOf(chunkCount) {
  let rendered = streams.get(chunkCount);
  if (!rendered) {
    rendered = renderStream(Math.max(2, chunkCount));
    streams.set(chunkCount, rendered);
  }
  return rendered;
}

function send(response, status, rendered) {
  response.writeHead(status, rendered.headers);
  response.end(rendered.body);
}

function readJSON(request, callback) {
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', () => {
    let value;
    try {
      value = JSON.parse(Buffer.concat(chunks).toString());
    } catch {
      value = {};
    }
    callback(value);
  });
}

const server = createServer((request, response) => {
  const path = request.url.split('?')[0];
  if (request.method === 'POST' && path === '/v1/chat/completions') {
    readJSON(request, (body) => send(response, 200, body.stream ? streamOf(body.max_tokens ?? 1000) : completion));
  } else if (request.method === 'POST' && path === '/v1/embeddings') {
    readJSON(request, (body) => send(response, 200, body.encoding_format === 'base64' ? embeddings.base64 : embeddings.float));
  } else if (request.method === 'POST' && path === '/v1/files') {
    // Counted and dropped as it arrives: the server never holds the upload.
    let received = 0;
    request.on('data', (chunk) => {
      received += chunk.byteLength;
    });
    request.on('end', () => send(response, 200, received > 0 ? uploaded : notFound));
  } else {
    request.resume();
    send(response, 404, notFound);
  }
});
server.keepAliveTimeout = 60_000;
server.headersTimeout = 65_000;
server.requestTimeout = 0;
server.listen(0, '127.0.0.1', () => {
  // Streams the benchmarks ask for, rendered before the first one is timed.
  for (const count of [2_000, 20_000]) streamOf(count);
  process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`);
});
process.on('disconnect', () => process.exit(0));
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
