import {
  type Assistant,
  type AssistantDeleted,
  type AssistantFile,
  type AssistantFileDeleted,
  type AssistantStreamEvent,
  type CreateAssistantRequest,
  type CreateMessageRequest,
  type CreateRunRequest,
  type CreateThreadAndRunRequest,
  type CreateThreadRequest,
  cancelRun,
  createAssistant,
  createAssistantFile,
  createMessage,
  createRun,
  createRunStream,
  createThread,
  createThreadAndRun,
  createThreadAndRunStream,
  deleteAssistant,
  deleteAssistantFile,
  deleteThread,
  type ListQuery,
  listAssistantFiles,
  listAssistants,
  listMessageFiles,
  listMessages,
  listRunSteps,
  listRuns,
  type Message,
  type MessageFile,
  type ModifyAssistantRequest,
  type ModifyMetadataRequest,
  modifyAssistant,
  modifyMessage,
  modifyRun,
  modifyThread,
  type PollRunOptions,
  pollRun,
  type Run,
  type RunStep,
  retrieveAssistant,
  retrieveAssistantFile,
  retrieveMessage,
  retrieveMessageFile,
  retrieveRun,
  retrieveRunStep,
  retrieveThread,
  type SubmitToolOutputsRequest,
  submitToolOutputsToRun,
  submitToolOutputsToRunStream,
  type Thread,
  type ThreadDeleted,
} from '@openai-micro/assistants';
import type { Client, EventStream, Page } from '@openai-micro/core';
import type { CallOptions } from './options.js';

// Positional ids follow the official SDK v4 (the Assistants v1 era this API matches):
// `runs.retrieve(threadId, runId)`, not v5's `runs.retrieve(runId, { thread_id })`.

/** A body that may ask for a stream, as the official SDK's `create` methods accept. */
type MaybeStreamed<Body> = Body & { stream?: boolean | null };

/**
 * `openai.beta.assistants.files` (Assistants v1).
 *
 * @example
 * await openai.beta.assistants.files.create('asst_abc', { file_id: 'file-abc' });
 */
export class AssistantFiles {
  readonly #client: Client;

  /**
   * Made by {@link OpenAI}.
   *
   * @example
   * const files = new AssistantFiles(createClient());
   */
  constructor(client: Client) {
    this.#client = client;
  }

  /**
   * `createAssistantFile`.
   *
   * @example
   * await openai.beta.assistants.files.create('asst_abc', { file_id: 'file-abc' });
   */
  async create(assistantId: string, body: { file_id: string }, options?: CallOptions): Promise<AssistantFile> {
    return createAssistantFile(this.#client, { ...body, assistant_id: assistantId }, options);
  }

  /**
   * `retrieveAssistantFile`.
   *
   * @example
   * await openai.beta.assistants.files.retrieve('asst_abc', 'file-abc');
   */
  async retrieve(assistantId: string, fileId: string, options?: CallOptions): Promise<AssistantFile> {
    return retrieveAssistantFile(this.#client, { assistant_id: assistantId, file_id: fileId }, options);
  }

  /**
   * `listAssistantFiles`: a page, async-iterable over every file.
   *
   * @example
   * for await (const file of await openai.beta.assistants.files.list('asst_abc')) console.log(file.id);
   */
  async list(assistantId: string, query: ListQuery = {}, options?: CallOptions): Promise<Page<AssistantFile>> {
    return listAssistantFiles(this.#client, { ...query, assistant_id: assistantId }, options);
  }

  /**
   * `deleteAssistantFile`.
   *
   * @example
   * await openai.beta.assistants.files.del('asst_abc', 'file-abc');
   */
  async del(assistantId: string, fileId: string, options?: CallOptions): Promise<AssistantFileDeleted> {
    return deleteAssistantFile(this.#client, { assistant_id: assistantId, file_id: fileId }, options);
  }
}

/**
 * `openai.beta.assistants`.
 *
 * @example
 * const assistant = await openai.beta.assistants.create({ model: 'gpt-4o-mini', name: 'Tutor' });
 */
export class Assistants {
  readonly #client: Client;
  /** The files of an assistant (Assistants v1). */
  readonly files: AssistantFiles;

  /**
   * Made by {@link OpenAI}.
   *
   * @example
   * const assistants = new Assistants(createClient());
   */
  constructor(client: Client) {
    this.#client = client;
    this.files = new AssistantFiles(client);
  }

  /**
   * `createAssistant`.
   *
   * @example
   * const assistant = await openai.beta.assistants.create({ model: 'gpt-4o-mini', instructions: 'Be brief.' });
   */
  async create(body: CreateAssistantRequest, options?: CallOptions): Promise<Assistant> {
    return createAssistant(this.#client, body, options);
  }

  /**
   * `retrieveAssistant`.
   *
   * @example
   * const assistant = await openai.beta.assistants.retrieve('asst_abc');
   */
  async retrieve(assistantId: string, options?: CallOptions): Promise<Assistant> {
    return retrieveAssistant(this.#client, { assistant_id: assistantId }, options);
  }

  /**
   * `modifyAssistant`.
   *
   * @example
   * await openai.beta.assistants.update('asst_abc', { instructions: 'Be briefer.' });
   */
  async update(assistantId: string, body: ModifyAssistantRequest, options?: CallOptions): Promise<Assistant> {
    return modifyAssistant(this.#client, { ...body, assistant_id: assistantId }, options);
  }

  /**
   * `listAssistants`: a page, async-iterable over every assistant.
   *
   * @example
   * for await (const assistant of await openai.beta.assistants.list({ limit: 20 })) console.log(assistant.name);
   */
  async list(query: ListQuery = {}, options?: CallOptions): Promise<Page<Assistant>> {
    return listAssistants(this.#client, query, options);
  }

  /**
   * `deleteAssistant` (official SDK v4 name).
   *
   * @example
   * await openai.beta.assistants.del('asst_abc');
   */
  async del(assistantId: string, options?: CallOptions): Promise<AssistantDeleted> {
    return deleteAssistant(this.#client, { assistant_id: assistantId }, options);
  }

  /**
   * `deleteAssistant` (official SDK v5 name of {@link Assistants.del}).
   *
   * @example
   * await openai.beta.assistants.delete('asst_abc');
   */
  async delete(assistantId: string, options?: CallOptions): Promise<AssistantDeleted> {
    return this.del(assistantId, options);
  }
}

/**
 * `openai.beta.threads.messages.files` (Assistants v1).
 *
 * @example
 * const files = await openai.beta.threads.messages.files.list('thread_abc', 'msg_abc');
 */
export class MessageFiles {
  readonly #client: Client;

  /**
   * Made by {@link OpenAI}.
   *
   * @example
   * const files = new MessageFiles(createClient());
   */
  constructor(client: Client) {
    this.#client = client;
  }

  /**
   * `retrieveMessageFile`.
   *
   * @example
   * await openai.beta.threads.messages.files.retrieve('thread_abc', 'msg_abc', 'file-abc');
   */
  async retrieve(threadId: string, messageId: string, fileId: string, options?: CallOptions): Promise<MessageFile> {
    return retrieveMessageFile(this.#client, { thread_id: threadId, message_id: messageId, file_id: fileId }, options);
  }

  /**
   * `listMessageFiles`: a page, async-iterable over every file.
   *
   * @example
   * for await (const file of await openai.beta.threads.messages.files.list('thread_abc', 'msg_abc')) console.log(file.id);
   */
  async list(threadId: string, messageId: string, query: ListQuery = {}, options?: CallOptions): Promise<Page<MessageFile>> {
    return listMessageFiles(this.#client, { ...query, thread_id: threadId, message_id: messageId }, options);
  }
}

/**
 * `openai.beta.threads.messages`.
 *
 * @example
 * await openai.beta.threads.messages.create('thread_abc', { role: 'user', content: 'Hello' });
 */
export class Messages {
  readonly #client: Client;
  /** The files of a message (Assistants v1). */
  readonly files: MessageFiles;

  /**
   * Made by {@link OpenAI}.
   *
   * @example
   * const messages = new Messages(createClient());
   */
  constructor(client: Client) {
    this.#client = client;
    this.files = new MessageFiles(client);
  }

  /**
   * `createMessage`.
   *
   * @example
   * await openai.beta.threads.messages.create('thread_abc', { role: 'user', content: 'Hello' });
   */
  async create(threadId: string, body: CreateMessageRequest, options?: CallOptions): Promise<Message> {
    return createMessage(this.#client, { ...body, thread_id: threadId }, options);
  }

  /**
   * `retrieveMessage`.
   *
   * @example
   * const message = await openai.beta.threads.messages.retrieve('thread_abc', 'msg_abc');
   */
  async retrieve(threadId: string, messageId: string, options?: CallOptions): Promise<Message> {
    return retrieveMessage(this.#client, { thread_id: threadId, message_id: messageId }, options);
  }

  /**
   * `modifyMessage` (metadata).
   *
   * @example
   * await openai.beta.threads.messages.update('thread_abc', 'msg_abc', { metadata: { seen: 'yes' } });
   */
  async update(threadId: string, messageId: string, body: ModifyMetadataRequest, options?: CallOptions): Promise<Message> {
    return modifyMessage(this.#client, { ...body, thread_id: threadId, message_id: messageId }, options);
  }

  /**
   * `listMessages`: a page, async-iterable over every message.
   *
   * @example
   * for await (const message of await openai.beta.threads.messages.list('thread_abc', { order: 'asc' })) console.log(message.role);
   */
  async list(threadId: string, query: ListQuery = {}, options?: CallOptions): Promise<Page<Message>> {
    return listMessages(this.#client, { ...query, thread_id: threadId }, options);
  }
}

/**
 * `openai.beta.threads.runs.steps`.
 *
 * @example
 * const steps = await openai.beta.threads.runs.steps.list('thread_abc', 'run_abc');
 */
export class Steps {
  readonly #client: Client;

  /**
   * Made by {@link OpenAI}.
   *
   * @example
   * const steps = new Steps(createClient());
   */
  constructor(client: Client) {
    this.#client = client;
  }

  /**
   * `retrieveRunStep`.
   *
   * @example
   * const step = await openai.beta.threads.runs.steps.retrieve('thread_abc', 'run_abc', 'step_abc');
   */
  async retrieve(threadId: string, runId: string, stepId: string, options?: CallOptions): Promise<RunStep> {
    return retrieveRunStep(this.#client, { thread_id: threadId, run_id: runId, step_id: stepId }, options);
  }

  /**
   * `listRunSteps`: a page, async-iterable over every step.
   *
   * @example
   * for await (const step of await openai.beta.threads.runs.steps.list('thread_abc', 'run_abc')) console.log(step.type);
   */
  async list(threadId: string, runId: string, query: ListQuery = {}, options?: CallOptions): Promise<Page<RunStep>> {
    return listRunSteps(this.#client, { ...query, thread_id: threadId, run_id: runId }, options);
  }
}

/**
 * `openai.beta.threads.runs`.
 *
 * @example
 * const run = await openai.beta.threads.runs.createAndPoll('thread_abc', { assistant_id: 'asst_abc' });
 */
export class Runs {
  readonly #client: Client;
  /** The steps of a run. */
  readonly steps: Steps;

  /**
   * Made by {@link OpenAI}.
   *
   * @example
   * const runs = new Runs(createClient());
   */
  constructor(client: Client) {
    this.#client = client;
    this.steps = new Steps(client);
  }

  /**
   * `createRunStream` when `stream: true`, else `createRun`.
   *
   * @example
   * const stream = await openai.beta.threads.runs.create('thread_abc', { assistant_id: 'asst_abc', stream: true });
   * for await (const event of stream) console.log(event.event);
   */
  create(threadId: string, body: CreateRunRequest & { stream: true }, options?: CallOptions): Promise<EventStream<AssistantStreamEvent>>;
  create(threadId: string, body: CreateRunRequest & { stream?: false | null }, options?: CallOptions): Promise<Run>;
  create(threadId: string, body: MaybeStreamed<CreateRunRequest>, options?: CallOptions): Promise<Run | EventStream<AssistantStreamEvent>>;
  async create(threadId: string, body: MaybeStreamed<CreateRunRequest>, options?: CallOptions): Promise<Run | EventStream<AssistantStreamEvent>> {
    const { stream, ...rest } = body;
    const params = { ...rest, thread_id: threadId };
    return stream ? createRunStream(this.#client, params, options) : createRun(this.#client, params, options);
  }

  /**
   * `retrieveRun`.
   *
   * @example
   * const run = await openai.beta.threads.runs.retrieve('thread_abc', 'run_abc');
   */
  async retrieve(threadId: string, runId: string, options?: CallOptions): Promise<Run> {
    return retrieveRun(this.#client, { thread_id: threadId, run_id: runId }, options);
  }

  /**
   * `modifyRun` (metadata).
   *
   * @example
   * await openai.beta.threads.runs.update('thread_abc', 'run_abc', { metadata: { user: 'u1' } });
   */
  async update(threadId: string, runId: string, body: ModifyMetadataRequest, options?: CallOptions): Promise<Run> {
    return modifyRun(this.#client, { ...body, thread_id: threadId, run_id: runId }, options);
  }

  /**
   * `listRuns`: a page, async-iterable over every run.
   *
   * @example
   * for await (const run of await openai.beta.threads.runs.list('thread_abc')) console.log(run.status);
   */
  async list(threadId: string, query: ListQuery = {}, options?: CallOptions): Promise<Page<Run>> {
    return listRuns(this.#client, { ...query, thread_id: threadId }, options);
  }

  /**
   * `cancelRun`.
   *
   * @example
   * await openai.beta.threads.runs.cancel('thread_abc', 'run_abc');
   */
  async cancel(threadId: string, runId: string, options?: CallOptions): Promise<Run> {
    return cancelRun(this.#client, { thread_id: threadId, run_id: runId }, options);
  }

  /**
   * `submitToolOutputsToRunStream` when `stream: true`, else `submitToolOutputsToRun`.
   *
   * @example
   * await openai.beta.threads.runs.submitToolOutputs('thread_abc', 'run_abc', { tool_outputs: [{ tool_call_id: 'call_1', output: '42' }] });
   */
  submitToolOutputs(
    threadId: string,
    runId: string,
    body: SubmitToolOutputsRequest & { stream: true },
    options?: CallOptions,
  ): Promise<EventStream<AssistantStreamEvent>>;
  submitToolOutputs(threadId: string, runId: string, body: SubmitToolOutputsRequest & { stream?: false | null }, options?: CallOptions): Promise<Run>;
  submitToolOutputs(
    threadId: string,
    runId: string,
    body: MaybeStreamed<SubmitToolOutputsRequest>,
    options?: CallOptions,
  ): Promise<Run | EventStream<AssistantStreamEvent>>;
  async submitToolOutputs(
    threadId: string,
    runId: string,
    body: MaybeStreamed<SubmitToolOutputsRequest>,
    options?: CallOptions,
  ): Promise<Run | EventStream<AssistantStreamEvent>> {
    const { stream, ...rest } = body;
    const params = { ...rest, thread_id: threadId, run_id: runId };
    return stream ? submitToolOutputsToRunStream(this.#client, params, options) : submitToolOutputsToRun(this.#client, params, options);
  }

  /**
   * `pollRun`: waits until the run needs action or has ended.
   *
   * @example
   * const run = await openai.beta.threads.runs.poll('thread_abc', 'run_abc', { intervalMs: 1000 });
   */
  async poll(threadId: string, runId: string, options?: PollRunOptions): Promise<Run> {
    return pollRun(this.#client, { thread_id: threadId, run_id: runId }, options);
  }

  /**
   * `createRun`, then `pollRun`.
   *
   * @example
   * const run = await openai.beta.threads.runs.createAndPoll('thread_abc', { assistant_id: 'asst_abc' });
   */
  async createAndPoll(threadId: string, body: CreateRunRequest, options?: PollRunOptions): Promise<Run> {
    const run = await createRun(this.#client, { ...body, thread_id: threadId }, pollCallOptions(options));
    return pollRun(this.#client, { thread_id: threadId, run_id: run.id }, options);
  }

  /**
   * `submitToolOutputsToRun`, then `pollRun`.
   *
   * @example
   * const run = await openai.beta.threads.runs.submitToolOutputsAndPoll('thread_abc', 'run_abc', { tool_outputs });
   */
  async submitToolOutputsAndPoll(threadId: string, runId: string, body: SubmitToolOutputsRequest, options?: PollRunOptions): Promise<Run> {
    await submitToolOutputsToRun(this.#client, { ...body, thread_id: threadId, run_id: runId }, pollCallOptions(options));
    return pollRun(this.#client, { thread_id: threadId, run_id: runId }, options);
  }
}

/**
 * `openai.beta.threads`.
 *
 * @example
 * const thread = await openai.beta.threads.create({ messages: [{ role: 'user', content: 'Hello' }] });
 */
export class Threads {
  readonly #client: Client;
  /** The messages of a thread. */
  readonly messages: Messages;
  /** The runs of a thread. */
  readonly runs: Runs;

  /**
   * Made by {@link OpenAI}.
   *
   * @example
   * const threads = new Threads(createClient());
   */
  constructor(client: Client) {
    this.#client = client;
    this.messages = new Messages(client);
    this.runs = new Runs(client);
  }

  /**
   * `createThread`.
   *
   * @example
   * const thread = await openai.beta.threads.create();
   */
  async create(body: CreateThreadRequest = {}, options?: CallOptions): Promise<Thread> {
    return createThread(this.#client, body, options);
  }

  /**
   * `retrieveThread`.
   *
   * @example
   * const thread = await openai.beta.threads.retrieve('thread_abc');
   */
  async retrieve(threadId: string, options?: CallOptions): Promise<Thread> {
    return retrieveThread(this.#client, { thread_id: threadId }, options);
  }

  /**
   * `modifyThread` (metadata).
   *
   * @example
   * await openai.beta.threads.update('thread_abc', { metadata: { topic: 'billing' } });
   */
  async update(threadId: string, body: ModifyMetadataRequest, options?: CallOptions): Promise<Thread> {
    return modifyThread(this.#client, { ...body, thread_id: threadId }, options);
  }

  /**
   * `deleteThread` (official SDK v4 name).
   *
   * @example
   * await openai.beta.threads.del('thread_abc');
   */
  async del(threadId: string, options?: CallOptions): Promise<ThreadDeleted> {
    return deleteThread(this.#client, { thread_id: threadId }, options);
  }

  /**
   * `deleteThread` (official SDK v5 name of {@link Threads.del}).
   *
   * @example
   * await openai.beta.threads.delete('thread_abc');
   */
  async delete(threadId: string, options?: CallOptions): Promise<ThreadDeleted> {
    return this.del(threadId, options);
  }

  /**
   * `createThreadAndRunStream` when `stream: true`, else `createThreadAndRun`.
   *
   * @example
   * const run = await openai.beta.threads.createAndRun({ assistant_id: 'asst_abc', thread: { messages: [{ role: 'user', content: 'Hi' }] } });
   */
  createAndRun(body: CreateThreadAndRunRequest & { stream: true }, options?: CallOptions): Promise<EventStream<AssistantStreamEvent>>;
  createAndRun(body: CreateThreadAndRunRequest & { stream?: false | null }, options?: CallOptions): Promise<Run>;
  createAndRun(body: MaybeStreamed<CreateThreadAndRunRequest>, options?: CallOptions): Promise<Run | EventStream<AssistantStreamEvent>>;
  async createAndRun(body: MaybeStreamed<CreateThreadAndRunRequest>, options?: CallOptions): Promise<Run | EventStream<AssistantStreamEvent>> {
    const { stream, ...params } = body;
    return stream ? createThreadAndRunStream(this.#client, params, options) : createThreadAndRun(this.#client, params, options);
  }

  /**
   * `createThreadAndRun`, then `pollRun`.
   *
   * @example
   * const run = await openai.beta.threads.createAndRunPoll({ assistant_id: 'asst_abc' });
   */
  async createAndRunPoll(body: CreateThreadAndRunRequest, options?: PollRunOptions): Promise<Run> {
    const run = await createThreadAndRun(this.#client, body, pollCallOptions(options));
    return pollRun(this.#client, { thread_id: run.thread_id, run_id: run.id }, options);
  }
}

/**
 * `openai.beta`: the Assistants API.
 *
 * @example
 * const assistant = await openai.beta.assistants.create({ model: 'gpt-4o-mini' });
 */
export class Beta {
  /** Assistants and their files. */
  readonly assistants: Assistants;
  /** Threads, their messages, runs and run steps. */
  readonly threads: Threads;

  /**
   * Made by {@link OpenAI}.
   *
   * @example
   * const beta = new Beta(createClient());
   */
  constructor(client: Client) {
    this.assistants = new Assistants(client);
    this.threads = new Threads(client);
  }
}

// The first call of an *AndPoll method takes the per-call settings but not the polling ones.
function pollCallOptions(options: PollRunOptions | undefined): CallOptions | undefined {
  if (!options) return undefined;
  const { intervalMs: _interval, maxIntervalMs: _maxInterval, timeoutMs: _timeout, ...callOptions } = options;
  return callOptions;
}
