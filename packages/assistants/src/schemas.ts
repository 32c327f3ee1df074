/**
 * valibot schemas of the Assistants responses, for core's opt-in `schema`
 * call option (`@openai-micro/assistants/schemas`). Each schema is built on
 * the first call of its function and kept: importing this module builds
 * nothing, and the main entry never imports it, so apps that do not validate
 * carry no valibot. Objects are loose (v2 and later fields pass) and
 * statuses, roles and `object` are strings (the API adds values), as in the
 * types; tools, message content and step details are checked by their `type`.
 */
import * as v from 'valibot';
import type {
  Assistant,
  AssistantFile,
  DeleteAssistantFileResponse,
  DeleteAssistantResponse,
  DeleteThreadResponse,
  Message,
  MessageFile,
  Run,
  RunStep,
  Thread,
} from './types.js';

/**
 * One page of an Assistants list as the API sends it (the spec's
 * ListAssistantsResponse, ListMessagesResponse, ListRunsResponse…).
 *
 * @example
 * const page: CursorListResponse<Run> = v.parse(createListRunsResponseSchema(), body);
 */
export interface CursorListResponse<Item> {
  object: string;
  data: Item[];
  first_id: string | null;
  last_id: string | null;
  has_more: boolean;
}

/** A schema whose output is `Output`, what the `schema` call option of an operation resolving `Output` takes. */
type Schema<Output> = v.GenericSchema<unknown, Output>;

let assistant: Schema<Assistant> | undefined;
let assistantList: Schema<CursorListResponse<Assistant>> | undefined;
let assistantDeleted: Schema<DeleteAssistantResponse> | undefined;
let assistantFile: Schema<AssistantFile> | undefined;
let assistantFileList: Schema<CursorListResponse<AssistantFile>> | undefined;
let assistantFileDeleted: Schema<DeleteAssistantFileResponse> | undefined;
let thread: Schema<Thread> | undefined;
let threadDeleted: Schema<DeleteThreadResponse> | undefined;
let message: Schema<Message> | undefined;
let messageList: Schema<CursorListResponse<Message>> | undefined;
let messageFile: Schema<MessageFile> | undefined;
let messageFileList: Schema<CursorListResponse<MessageFile>> | undefined;
let run: Schema<Run> | undefined;
let runList: Schema<CursorListResponse<Run>> | undefined;
let runStep: Schema<RunStep> | undefined;
let runStepList: Schema<CursorListResponse<RunStep>> | undefined;

function cursorList<Item>(item: Schema<Item>) {
  return v.looseObject({
    object: v.string(),
    data: v.array(item),
    first_id: v.nullable(v.string()),
    last_id: v.nullable(v.string()),
    has_more: v.boolean(),
  });
}

function deletion() {
  return v.looseObject({ id: v.string(), object: v.string(), deleted: v.boolean() });
}

function openObject() {
  return v.record(v.string(), v.unknown());
}

function metadata() {
  return v.nullable(openObject());
}

/** A Unix time in seconds, or null until the event happens. */
function timestamp() {
  return v.nullable(v.number());
}

/** Where an annotation sits in a message's text. */
function annotationSpan() {
  return { text: v.string(), start_index: v.number(), end_index: v.number() };
}

function tools() {
  return v.array(
    v.variant('type', [
      v.looseObject({ type: v.literal('code_interpreter') }),
      v.looseObject({ type: v.literal('retrieval') }),
      v.looseObject({ type: v.literal('file_search'), file_search: v.optional(openObject()) }),
      v.looseObject({
        type: v.literal('function'),
        function: v.looseObject({
          name: v.string(),
          description: v.optional(v.string()),
          parameters: v.optional(openObject()),
          strict: v.nullish(v.boolean()),
        }),
      }),
    ]),
  );
}

function lastError() {
  return v.nullable(v.looseObject({ code: v.string(), message: v.string() }));
}

function usage() {
  return v.looseObject({ prompt_tokens: v.number(), completion_tokens: v.number(), total_tokens: v.number() });
}

/** The head every Assistants object starts with. */
function head() {
  return { id: v.string(), object: v.string(), created_at: v.number() };
}

/**
 * The schema of an assistant (the spec's AssistantObject), built on the first call.
 *
 * @example
 * import { createAssistant } from '@openai-micro/assistants';
 * import { createAssistantObjectSchema } from '@openai-micro/assistants/schemas';
 *
 * const assistant = await createAssistant(client, { model: 'gpt-4o-mini', tools: [{ type: 'code_interpreter' }] }, { schema: createAssistantObjectSchema() });
 */
export function createAssistantObjectSchema(): Schema<Assistant> {
  assistant ??= v.looseObject({
    ...head(),
    name: v.nullable(v.string()),
    description: v.nullable(v.string()),
    model: v.string(),
    instructions: v.nullable(v.string()),
    tools: tools(),
    file_ids: v.optional(v.array(v.string())),
    metadata: metadata(),
  });
  return assistant;
}

/**
 * The schema of one page of assistants (the spec's ListAssistantsResponse), built on the first call.
 *
 * @example
 * import { listAssistants } from '@openai-micro/assistants';
 * import { createListAssistantsResponseSchema } from '@openai-micro/assistants/schemas';
 *
 * for await (const assistant of await listAssistants(client, {}, { schema: createListAssistantsResponseSchema() })) console.log(assistant.name);
 */
export function createListAssistantsResponseSchema(): Schema<CursorListResponse<Assistant>> {
  assistantList ??= cursorList(createAssistantObjectSchema());
  return assistantList;
}

/**
 * The schema of the answer to deleting an assistant (the spec's DeleteAssistantResponse), built on the first call.
 *
 * @example
 * import { deleteAssistant } from '@openai-micro/assistants';
 * import { createDeleteAssistantResponseSchema } from '@openai-micro/assistants/schemas';
 *
 * const { deleted } = await deleteAssistant(client, { assistant_id: 'asst_abc' }, { schema: createDeleteAssistantResponseSchema() });
 */
export function createDeleteAssistantResponseSchema(): Schema<DeleteAssistantResponse> {
  assistantDeleted ??= deletion();
  return assistantDeleted;
}

/**
 * The schema of a file attached to an assistant (v1; the spec's AssistantFileObject), built on the first call.
 *
 * @example
 * import { createAssistantFile } from '@openai-micro/assistants';
 * import { createAssistantFileObjectSchema } from '@openai-micro/assistants/schemas';
 *
 * const file = await createAssistantFile(client, { assistant_id: 'asst_abc', file_id: 'file-abc' }, { schema: createAssistantFileObjectSchema() });
 */
export function createAssistantFileObjectSchema(): Schema<AssistantFile> {
  assistantFile ??= v.looseObject({ ...head(), assistant_id: v.string() });
  return assistantFile;
}

/**
 * The schema of one page of an assistant's files (v1; the spec's ListAssistantFilesResponse), built on the first call.
 *
 * @example
 * import { listAssistantFiles } from '@openai-micro/assistants';
 * import { createListAssistantFilesResponseSchema } from '@openai-micro/assistants/schemas';
 *
 * const page = await listAssistantFiles(client, { assistant_id: 'asst_abc' }, { schema: createListAssistantFilesResponseSchema() });
 */
export function createListAssistantFilesResponseSchema(): Schema<CursorListResponse<AssistantFile>> {
  assistantFileList ??= cursorList(createAssistantFileObjectSchema());
  return assistantFileList;
}

/**
 * The schema of the answer to detaching a file from an assistant (v1; the spec's DeleteAssistantFileResponse), built on the first call.
 *
 * @example
 * import { deleteAssistantFile } from '@openai-micro/assistants';
 * import { createDeleteAssistantFileResponseSchema } from '@openai-micro/assistants/schemas';
 *
 * await deleteAssistantFile(client, { assistant_id: 'asst_abc', file_id: 'file-abc' }, { schema: createDeleteAssistantFileResponseSchema() });
 */
export function createDeleteAssistantFileResponseSchema(): Schema<DeleteAssistantFileResponse> {
  assistantFileDeleted ??= deletion();
  return assistantFileDeleted;
}

/**
 * The schema of a thread (the spec's ThreadObject), built on the first call.
 *
 * @example
 * import { createThread } from '@openai-micro/assistants';
 * import { createThreadObjectSchema } from '@openai-micro/assistants/schemas';
 *
 * const thread = await createThread(client, { messages: [{ role: 'user', content: 'Hello' }] }, { schema: createThreadObjectSchema() });
 */
export function createThreadObjectSchema(): Schema<Thread> {
  thread ??= v.looseObject({ ...head(), metadata: metadata() });
  return thread;
}

/**
 * The schema of the answer to deleting a thread (the spec's DeleteThreadResponse), built on the first call.
 *
 * @example
 * import { deleteThread } from '@openai-micro/assistants';
 * import { createDeleteThreadResponseSchema } from '@openai-micro/assistants/schemas';
 *
 * const { deleted } = await deleteThread(client, { thread_id: 'thread_abc' }, { schema: createDeleteThreadResponseSchema() });
 */
export function createDeleteThreadResponseSchema(): Schema<DeleteThreadResponse> {
  threadDeleted ??= deletion();
  return threadDeleted;
}

/**
 * The schema of a message (the spec's MessageObject), built on the first
 * call. Content parts are text (with file citation and file path
 * annotations) and image files, and with Assistants v2 also image URLs and refusals.
 *
 * @example
 * import { createMessage } from '@openai-micro/assistants';
 * import { createMessageObjectSchema } from '@openai-micro/assistants/schemas';
 *
 * const message = await createMessage(client, { thread_id: 'thread_abc', role: 'user', content: 'Hello' }, { schema: createMessageObjectSchema() });
 */
export function createMessageObjectSchema(): Schema<Message> {
  message ??= v.looseObject({
    ...head(),
    thread_id: v.string(),
    status: v.optional(v.string()),
    incomplete_details: v.nullish(v.looseObject({ reason: v.string() })),
    completed_at: v.nullish(v.number()),
    incomplete_at: v.nullish(v.number()),
    role: v.string(),
    content: v.array(
      v.variant('type', [
        v.looseObject({
          type: v.literal('text'),
          text: v.looseObject({
            value: v.string(),
            annotations: v.array(
              v.variant('type', [
                v.looseObject({ type: v.literal('file_citation'), ...annotationSpan(), file_citation: v.looseObject({ file_id: v.string(), quote: v.optional(v.string()) }) }),
                v.looseObject({ type: v.literal('file_path'), ...annotationSpan(), file_path: v.looseObject({ file_id: v.string() }) }),
              ]),
            ),
          }),
        }),
        v.looseObject({ type: v.literal('image_file'), image_file: v.looseObject({ file_id: v.string() }) }),
        v.looseObject({ type: v.literal('image_url'), image_url: v.looseObject({ url: v.string(), detail: v.optional(v.string()) }) }),
        v.looseObject({ type: v.literal('refusal'), refusal: v.string() }),
      ]),
    ),
    assistant_id: v.nullable(v.string()),
    run_id: v.nullable(v.string()),
    file_ids: v.optional(v.array(v.string())),
    metadata: metadata(),
  });
  return message;
}

/**
 * The schema of one page of a thread's messages (the spec's ListMessagesResponse), built on the first call.
 *
 * @example
 * import { listMessages } from '@openai-micro/assistants';
 * import { createListMessagesResponseSchema } from '@openai-micro/assistants/schemas';
 *
 * const page = await listMessages(client, { thread_id: 'thread_abc', order: 'asc' }, { schema: createListMessagesResponseSchema() });
 */
export function createListMessagesResponseSchema(): Schema<CursorListResponse<Message>> {
  messageList ??= cursorList(createMessageObjectSchema());
  return messageList;
}

/**
 * The schema of a file attached to a message (v1; the spec's MessageFileObject), built on the first call.
 *
 * @example
 * import { retrieveMessageFile } from '@openai-micro/assistants';
 * import { createMessageFileObjectSchema } from '@openai-micro/assistants/schemas';
 *
 * const file = await retrieveMessageFile(client, { thread_id: 'thread_abc', message_id: 'msg_abc', file_id: 'file-abc' }, { schema: createMessageFileObjectSchema() });
 */
export function createMessageFileObjectSchema(): Schema<MessageFile> {
  messageFile ??= v.looseObject({ ...head(), message_id: v.string() });
  return messageFile;
}

/**
 * The schema of one page of a message's files (v1; the spec's ListMessageFilesResponse), built on the first call.
 *
 * @example
 * import { listMessageFiles } from '@openai-micro/assistants';
 * import { createListMessageFilesResponseSchema } from '@openai-micro/assistants/schemas';
 *
 * const page = await listMessageFiles(client, { thread_id: 'thread_abc', message_id: 'msg_abc' }, { schema: createListMessageFilesResponseSchema() });
 */
export function createListMessageFilesResponseSchema(): Schema<CursorListResponse<MessageFile>> {
  messageFileList ??= cursorList(createMessageFileObjectSchema());
  return messageFileList;
}

/**
 * The schema of a run (the spec's RunObject), built on the first call: also
 * the answer of `createThreadAndRun`, `cancelRun`, `modifyRun` and `submitToolOutputsToRun`.
 *
 * @example
 * import { retrieveRun } from '@openai-micro/assistants';
 * import { createRunObjectSchema } from '@openai-micro/assistants/schemas';
 *
 * const run = await retrieveRun(client, { thread_id: 'thread_abc', run_id: 'run_abc' }, { schema: createRunObjectSchema() });
 */
export function createRunObjectSchema(): Schema<Run> {
  run ??= v.looseObject({
    ...head(),
    thread_id: v.string(),
    assistant_id: v.string(),
    status: v.string(),
    required_action: v.nullable(
      v.looseObject({
        type: v.string(),
        submit_tool_outputs: v.looseObject({
          tool_calls: v.array(
            v.looseObject({ id: v.string(), type: v.string(), function: v.looseObject({ name: v.string(), arguments: v.string() }) }),
          ),
        }),
      }),
    ),
    last_error: lastError(),
    expires_at: timestamp(),
    started_at: timestamp(),
    cancelled_at: timestamp(),
    failed_at: timestamp(),
    completed_at: timestamp(),
    model: v.string(),
    instructions: v.string(),
    tools: tools(),
    file_ids: v.optional(v.array(v.string())),
    metadata: metadata(),
    usage: v.nullable(usage()),
    temperature: v.nullish(v.number()),
  });
  return run;
}

/**
 * The schema of one page of a thread's runs (the spec's ListRunsResponse), built on the first call.
 *
 * @example
 * import { listRuns } from '@openai-micro/assistants';
 * import { createListRunsResponseSchema } from '@openai-micro/assistants/schemas';
 *
 * const page = await listRuns(client, { thread_id: 'thread_abc' }, { schema: createListRunsResponseSchema() });
 */
export function createListRunsResponseSchema(): Schema<CursorListResponse<Run>> {
  runList ??= cursorList(createRunObjectSchema());
  return runList;
}

/**
 * The schema of a run step (the spec's RunStepObject), built on the first
 * call: a message creation, or tool calls (code interpreter with logs and
 * images, retrieval, file search, function with its output).
 *
 * @example
 * import { retrieveRunStep } from '@openai-micro/assistants';
 * import { createRunStepObjectSchema } from '@openai-micro/assistants/schemas';
 *
 * const step = await retrieveRunStep(client, { thread_id: 'thread_abc', run_id: 'run_abc', step_id: 'step_abc' }, { schema: createRunStepObjectSchema() });
 */
export function createRunStepObjectSchema(): Schema<RunStep> {
  runStep ??= v.looseObject({
    ...head(),
    assistant_id: v.string(),
    thread_id: v.string(),
    run_id: v.string(),
    type: v.string(),
    status: v.string(),
    step_details: v.variant('type', [
      v.looseObject({ type: v.literal('message_creation'), message_creation: v.looseObject({ message_id: v.string() }) }),
      v.looseObject({
        type: v.literal('tool_calls'),
        tool_calls: v.array(
          v.looseObject({
            id: v.string(),
            type: v.string(),
            code_interpreter: v.optional(
              v.looseObject({
                input: v.string(),
                outputs: v.array(
                  v.variant('type', [
                    v.looseObject({ type: v.literal('logs'), logs: v.string() }),
                    v.looseObject({ type: v.literal('image'), image: v.looseObject({ file_id: v.string() }) }),
                  ]),
                ),
              }),
            ),
            retrieval: v.optional(openObject()),
            file_search: v.optional(openObject()),
            function: v.optional(v.looseObject({ name: v.string(), arguments: v.string(), output: v.nullable(v.string()) })),
          }),
        ),
      }),
    ]),
    last_error: lastError(),
    expired_at: timestamp(),
    cancelled_at: timestamp(),
    failed_at: timestamp(),
    completed_at: timestamp(),
    metadata: metadata(),
    usage: v.nullish(usage()),
  });
  return runStep;
}

/**
 * The schema of one page of a run's steps (the spec's ListRunStepsResponse), built on the first call.
 *
 * @example
 * import { listRunSteps } from '@openai-micro/assistants';
 * import { createListRunStepsResponseSchema } from '@openai-micro/assistants/schemas';
 *
 * const page = await listRunSteps(client, { thread_id: 'thread_abc', run_id: 'run_abc' }, { schema: createListRunStepsResponseSchema() });
 */
export function createListRunStepsResponseSchema(): Schema<CursorListResponse<RunStep>> {
  runStepList ??= cursorList(createRunStepObjectSchema());
  return runStepList;
}
