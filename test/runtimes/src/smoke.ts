/**
 * The smoke program every leg of the runtime matrix runs: the same six calls
 * through the built packages, in whatever runtime loaded it. It only observes;
 * the vitest side (matrix.ts) judges the report together with what the
 * fixture server received.
 *
 * It must stay runtime-neutral: no Node, Deno, DOM or Workers API beyond what
 * all five share (fetch, streams, AbortController, TextEncoder, navigator).
 */
import { createChatCompletion, createChatCompletionStream } from '@openai-micro/chat';
import { APIError, createClient, getResponseMetadata, request } from '@openai-micro/core';
import { createEmbedding } from '@openai-micro/embeddings';
import { createFile } from '@openai-micro/files';
import { endlessModel, fixtureApiKey, missingModel, uploadText } from './constants.js';

/** What one case saw, or the error it died of. */
export type CaseOutcome<Value> = { ok: true; value: Value } | { ok: false; error: { name: string; message: string; stack: string | undefined } };

/** What the response metadata of one result said. */
export interface MetadataSeen {
  status: number;
  requestId: string | undefined;
  transport: string | undefined;
}

/** The whole report, JSON-serializable so every runtime can hand it back as text. */
export interface SmokeReport {
  /** Who ran it: `navigator.userAgent` where the runtime has one. */
  userAgent: string | undefined;
  /** `process.version` where the runtime has one (Node, and Deno's Node compatibility). */
  processVersion: string | undefined;
  chat: CaseOutcome<{ content: string | null | undefined; finishReason: string | null | undefined; metadata: MetadataSeen }>;
  stream: CaseOutcome<{ deltas: string[]; finishReason: string | undefined; metadata: MetadataSeen }>;
  embeddings: CaseOutcome<{ vectors: { index: number; type: string; values: number[] }[]; metadata: MetadataSeen }>;
  upload: CaseOutcome<{ id: string; bytes: number; filename: string; purpose: string; metadata: MetadataSeen }>;
  apiError: CaseOutcome<{
    isAPIError: boolean;
    name: string;
    status: number | undefined;
    message: string;
    type: string | undefined;
    code: string | number | null | undefined;
    requestId: string | undefined;
  }>;
  abort: CaseOutcome<{
    chunksRead: number;
    name: string;
    message: string;
    isDOMException: boolean;
    /** Milliseconds from abort() to the loop throwing, by this runtime's clock (workerd's only moves on I/O). */
    settledAfterMs: number;
    /** What the fixture said, asked after the abort from this same runtime: whether the stream's connection was closed. */
    server: { started: boolean; cancelled: boolean; chunksWritten: number };
  }>;
}

function metadataOf(result: object): MetadataSeen {
  const metadata = getResponseMetadata(result);
  return { status: metadata.status, requestId: metadata.requestId, transport: metadata.transport };
}

async function observe<Value>(run: () => Promise<Value>): Promise<CaseOutcome<Value>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    const caught = error as Error;
    return { ok: false, error: { name: String(caught?.name), message: String(caught?.message ?? caught), stack: caught?.stack } };
  }
}

/**
 * Runs every case against the fixture server at `baseURL` (ending in `/v1`) and reports what it saw.
 *
 * @example
 * const report = await runSmoke('http://127.0.0.1:43123/v1');
 */
export async function runSmoke(baseURL: string): Promise<SmokeReport> {
  // A key in a browser page is refused unless the caller opts in; the fixture checks it arrives.
  const client = createClient({ apiKey: fixtureApiKey, baseURL, dangerouslyAllowBrowser: true, maxRetries: 0 });
  const messages = [{ role: 'user' as const, content: 'Say hello' }];
  const runtime = globalThis as { navigator?: { userAgent?: string }; process?: { version?: string } };

  const chat = await observe(async () => {
    const completion = await createChatCompletion(client, { model: 'gpt-4o-mini', messages, temperature: 0 });
    const choice = completion.choices[0];
    return { content: choice?.message.content, finishReason: choice?.finish_reason, metadata: metadataOf(completion) };
  });

  const stream = await observe(async () => {
    const events = await createChatCompletionStream(client, { model: 'gpt-4o-mini', messages });
    const deltas: string[] = [];
    let finishReason: string | undefined;
    for await (const chunk of events) {
      const choice = chunk.choices[0];
      if (choice?.delta.content) deltas.push(choice.delta.content);
      if (choice?.finish_reason) finishReason = choice.finish_reason;
    }
    return { deltas, finishReason, metadata: metadataOf(events) };
  });

  const embeddings = await observe(async () => {
    const response = await createEmbedding(client, { model: 'text-embedding-3-small', input: ['alpha', 'beta'], encoding_format: 'base64' });
    const vectors = response.data.map((item) => ({ index: item.index, type: item.embedding.constructor.name, values: Array.from(item.embedding) }));
    return { vectors, metadata: metadataOf(response) };
  });

  const upload = await observe(async () => {
    const data = new TextEncoder().encode(uploadText);
    const file = await createFile(client, { file: { data, name: 'smoke.jsonl' }, purpose: 'fine-tune' });
    return { id: file.id, bytes: file.bytes, filename: file.filename, purpose: file.purpose, metadata: metadataOf(file) };
  });

  const apiError = await observe(async () => {
    try {
      await createChatCompletion(client, { model: missingModel, messages });
    } catch (error) {
      const caught = error as APIError;
      return {
        isAPIError: APIError.isInstance(error),
        name: caught.name,
        status: caught.status,
        message: caught.message,
        type: caught.type,
        code: caught.code,
        requestId: caught.requestId,
      };
    }
    throw new Error(`createChatCompletion with model ${missingModel} resolved instead of throwing an APIError`);
  });

  const abort = await observe(async () => {
    const controller = new AbortController();
    const events = await createChatCompletionStream(client, { model: endlessModel, messages }, { signal: controller.signal });
    let chunksRead = 0;
    let abortedAt = 0;
    try {
      for await (const _chunk of events) {
        chunksRead += 1;
        if (chunksRead === 2) {
          abortedAt = Date.now();
          controller.abort();
        }
      }
    } catch (error) {
      const caught = error as Error;
      const settledAfterMs = Date.now() - abortedAt;
      const server = await request<{ started: boolean; cancelled: boolean; chunksWritten: number }>(client, { method: 'GET', path: '/fixture/endless-stream' });
      return {
        chunksRead,
        name: caught.name,
        message: caught.message,
        isDOMException: typeof DOMException === 'function' && error instanceof DOMException,
        settledAfterMs,
        server: { started: server.started, cancelled: server.cancelled, chunksWritten: server.chunksWritten },
      };
    }
    throw new Error(`the stream ended normally after ${chunksRead} chunks although its signal was aborted`);
  });

  return { userAgent: runtime.navigator?.userAgent, processVersion: runtime.process?.version, chat, stream, embeddings, upload, apiError, abort };
}
