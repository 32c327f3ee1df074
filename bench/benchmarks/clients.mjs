// The three clients under test, behind one small interface, so every benchmark
// asks each of them for exactly the same work:
//
//   undici  raw `undici.request`: the floor — no retries, timeouts, errors or checks
//   micro   openai-micro (@openai-micro/core + chat, embeddings, files; built dist)
//   openai  the official `openai` package, 6.49.0 (global fetch on Node)
//
// Each adapter resolves what the caller would use: a parsed completion, every
// stream chunk parsed, vectors decoded (Float32Array or number[] as the library
// gives them), an uploaded file object. Only chat is imported up front, so the
// cold-start benchmark loads what a program making one chat call loads.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';

export const clientNames = ['undici', 'micro', 'openai'];

export const apiKey = 'sk-bench-0123456789abcdef';
export const chatParams = { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Say hello in one short sentence.' }] };
export const embeddingInput = Array.from({ length: 100 }, (_, index) => `The benchmark sentence number ${index}.`);
const embeddingModel = 'text-embedding-3-small';
const packages = new URL('../../packages/', import.meta.url);

/**
 * Loads one client, pointed at the benchmark server.
 *
 * @param {'undici' | 'micro' | 'openai'} name
 * @param {string} baseURL such as `http://127.0.0.1:1234/v1`
 */
export async function loadClient(name, baseURL) {
  if (name === 'undici') return loadUndici(baseURL);
  if (name === 'micro') return loadMicro(baseURL);
  if (name === 'openai') return loadOpenAI(baseURL);
  throw new Error(`Unknown client "${name}"; expected one of ${clientNames.join(', ')}.`);
}

async function loadUndici(baseURL) {
  const { request } = await import('undici');
  const headers = { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' };
  const post = async (path, body) => {
    const response = await request(`${baseURL}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
    if (response.statusCode !== 200) {
      await response.body.dump();
      throw new Error(`HTTP ${response.statusCode}`);
    }
    return response;
  };
  return {
    async chat() {
      return (await post('/chat/completions', chatParams)).body.json();
    },
    // The least an SSE reader can do: split events on blank lines, parse each data line.
    async stream(chunks) {
      const response = await post('/chat/completions', { ...chatParams, stream: true, max_tokens: chunks });
      const decoder = new TextDecoder();
      let pending = '';
      let count = 0;
      for await (const bytes of response.body) {
        pending += decoder.decode(bytes, { stream: true });
        let start = 0;
        for (let end = pending.indexOf('\n\n'); end !== -1; end = pending.indexOf('\n\n', start)) {
          const line = pending.slice(start, end);
          start = end + 2;
          if (!line.startsWith('data: ') || line === 'data: [DONE]') continue;
          if (JSON.parse(line.slice(6)).choices) count++;
        }
        pending = pending.slice(start);
      }
      return count;
    },
    async embed(format) {
      const result = await (await post('/embeddings', { model: embeddingModel, input: embeddingInput, encoding_format: format })).body.json();
      if (format === 'base64') {
        for (const item of result.data) {
          const bytes = Buffer.from(item.embedding, 'base64');
          item.embedding = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
        }
      }
      return result.data;
    },
    // A hand-made multipart body: the fields, then the file streamed from disk.
    async upload(path) {
      const boundary = '----openai-micro-bench-boundary';
      const head = Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="purpose"\r\n\r\nfine-tune\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="upload.jsonl"\r\nContent-Type: application/jsonl\r\n\r\n`,
      );
      const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
      const { size } = await stat(path);
      async function* parts() {
        yield head;
        yield* createReadStream(path);
        yield tail;
      }
      const response = await request(`${baseURL}/files`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${apiKey}`,
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'content-length': String(head.byteLength + size + tail.byteLength),
        },
        body: Readable.from(parts()),
      });
      return response.body.json();
    },
  };
}

async function loadMicro(baseURL) {
  const [{ createClient }, { createChatCompletion, createChatCompletionStream }] = await Promise.all([
    import('@openai-micro/core'),
    import(new URL('chat/dist/index.js', packages).href),
  ]);
  const client = createClient({ apiKey, baseURL });
  return {
    chat() {
      return createChatCompletion(client, chatParams);
    },
    async stream(chunks) {
      let count = 0;
      for await (const chunk of await createChatCompletionStream(client, { ...chatParams, max_tokens: chunks })) if (chunk.choices) count++;
      return count;
    },
    async embed(format) {
      const { createEmbedding } = await import(new URL('embeddings/dist/index.js', packages).href);
      return (await createEmbedding(client, { model: embeddingModel, input: embeddingInput, encoding_format: format })).data;
    },
    async upload(path) {
      const { createFile } = await import(new URL('files/dist/index.js', packages).href);
      return createFile(client, { file: path, purpose: 'fine-tune' });
    },
  };
}

async function loadOpenAI(baseURL) {
  const { default: OpenAI } = await import('openai');
  const client = new OpenAI({ apiKey, baseURL });
  return {
    chat() {
      return client.chat.completions.create(chatParams);
    },
    async stream(chunks) {
      let count = 0;
      for await (const chunk of await client.chat.completions.create({ ...chatParams, stream: true, max_tokens: chunks })) if (chunk.choices) count++;
      return count;
    },
    // With no encoding_format the package asks for base64 and decodes it (into number[]):
    // its default, and its only path that turns base64 into vectors.
    async embed(format) {
      const params = { model: embeddingModel, input: embeddingInput };
      return (await client.embeddings.create(format === 'float' ? { ...params, encoding_format: 'float' } : params)).data;
    },
    // A file stream is what its README shows for uploads.
    upload(path) {
      return client.files.create({ file: createReadStream(path), purpose: 'fine-tune' });
    },
  };
}
