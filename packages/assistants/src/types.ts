import type { CursorQuery as CoreCursorQuery, FunctionObject as CoreFunctionObject, OpenString } from '@openai-micro/core';

export type { Page } from '@openai-micro/core';

/**
 * The cursor query of a list (core's CursorQuery): `limit`, `order`, `after`, `before`.
 *
 * @example
 * const query: CursorQuery = { limit: 100, order: 'asc', after: 'msg_abc' };
 */
export type CursorQuery = CoreCursorQuery;

/**
 * A function a function tool describes (the spec's FunctionObject, shared through core).
 *
 * @example
 * const fn: FunctionObject = { name: 'get_weather', description: 'Weather by city', parameters: { type: 'object', properties: { city: { type: 'string' } } } };
 */
export type FunctionObject = CoreFunctionObject;

/**
 * Up to 16 key-value pairs attached to an object (the spec's `metadata` map).
 *
 * @example
 * const metadata: Metadata = { customer: 'cus_123' };
 */
export type Metadata = Record<string, unknown>;

/**
 * Query parameters every Assistants list takes: `limit` (1–100), `order`
 * (`asc`/`desc` by creation time), and the `after`/`before` cursors.
 *
 * @example
 * const query: ListQuery = { limit: 20, order: 'desc' };
 */
export type ListQuery = CursorQuery;

/**
 * Kinds of assistant tools (go-openai's `AssistantToolType` constants, plus v2's
 * `file_search`), as a union that still accepts kinds the API adds later.
 *
 * @example
 * const kind: AssistantToolType = AssistantToolType.CodeInterpreter;
 */
export type AssistantToolType = OpenString<'code_interpreter' | 'retrieval' | 'function' | 'file_search'>;

/**
 * The known assistant tool kinds by name. `retrieval` is v1 only; v2 replaced it with `file_search`.
 *
 * @example
 * const tools = [{ type: AssistantToolType.Retrieval }];
 */
export const AssistantToolType = {
  CodeInterpreter: 'code_interpreter',
  Retrieval: 'retrieval',
  Function: 'function',
  FileSearch: 'file_search',
} as const;

/**
 * The code interpreter tool (the spec's AssistantToolsCode).
 *
 * @example
 * const tool: AssistantToolsCode = { type: 'code_interpreter' };
 */
export interface AssistantToolsCode {
  type: 'code_interpreter';
}

/**
 * The v1 retrieval tool (the spec's AssistantToolsRetrieval).
 *
 * @example
 * const tool: AssistantToolsRetrieval = { type: 'retrieval' };
 */
export interface AssistantToolsRetrieval {
  type: 'retrieval';
}

/**
 * A function tool (the spec's AssistantToolsFunction).
 *
 * @example
 * const tool: AssistantToolsFunction = { type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: {} } } };
 */
export interface AssistantToolsFunction {
  type: 'function';
  function: FunctionObject;
}

/**
 * The v2 file search tool (send with `OpenAI-Beta: assistants=v2`).
 *
 * @example
 * const tool: AssistantToolsFileSearch = { type: 'file_search' };
 */
export interface AssistantToolsFileSearch {
  type: 'file_search';
  file_search?: Record<string, unknown>;
}

/**
 * A tool an assistant or run may use.
 *
 * @example
 * const tools: AssistantTool[] = [{ type: 'code_interpreter' }, { type: 'function', function: { name: 'lookup' } }];
 */
export type AssistantTool = AssistantToolsCode | AssistantToolsRetrieval | AssistantToolsFunction | AssistantToolsFileSearch;

/**
 * An assistant (the spec's AssistantObject, object `assistant`).
 *
 * @example
 * const assistant: Assistant = await retrieveAssistant(client, { assistant_id: 'asst_abc' });
 */
export interface Assistant {
  id: string;
  object: OpenString<'assistant'>;
  /** Unix seconds. */
  created_at: number;
  name: string | null;
  description: string | null;
  model: string;
  instructions: string | null;
  tools: AssistantTool[];
  /** v1: attached file ids (v2 uses `tool_resources`). */
  file_ids?: string[];
  metadata: Metadata | null;
  [field: string]: unknown;
}

/**
 * The body of `createAssistant` (the spec's CreateAssistantRequest). v2 fields
 * (`tool_resources`, `temperature`, `response_format`…) pass through.
 *
 * @example
 * const request: CreateAssistantRequest = { model: 'gpt-4-turbo', name: 'Math tutor', tools: [{ type: 'code_interpreter' }] };
 */
export interface CreateAssistantRequest {
  model: string;
  name?: string | null;
  description?: string | null;
  instructions?: string | null;
  tools?: AssistantTool[];
  file_ids?: string[];
  metadata?: Metadata | null;
  [field: string]: unknown;
}

/**
 * The body of `modifyAssistant` (the spec's ModifyAssistantRequest). Only what
 * is set is sent: leaving `tools` out keeps the assistant's tools, `tools: []`
 * removes them all (go-openai's AssistantRequest semantics).
 *
 * @example
 * const request: ModifyAssistantRequest = { instructions: 'Be brief.', tools: [] };
 */
export type ModifyAssistantRequest = Partial<CreateAssistantRequest>;

/**
 * The answer of `deleteAssistant` (the spec's DeleteAssistantResponse).
 *
 * @example
 * const { deleted } = await deleteAssistant(client, { assistant_id: 'asst_abc' });
 */
export interface DeleteAssistantResponse {
  id: string;
  object: OpenString<'assistant.deleted'>;
  deleted: boolean;
}

/**
 * The same type as {@link DeleteAssistantResponse}, by its earlier name.
 *
 * @example
 * const status: AssistantDeleted = await deleteAssistant(client, { assistant_id: 'asst_abc' });
 */
export type AssistantDeleted = DeleteAssistantResponse;

/**
 * The body of `createAssistantFile` (the spec's CreateAssistantFileRequest; go-openai's AssistantFileRequest).
 *
 * @example
 * const request: CreateAssistantFileRequest = { file_id: 'file-abc' };
 */
export interface CreateAssistantFileRequest {
  /** The id of a file uploaded with purpose `assistants`. */
  file_id: string;
  [field: string]: unknown;
}

/**
 * A file attached to an assistant (the spec's AssistantFileObject; Assistants v1).
 *
 * @example
 * const file: AssistantFile = await retrieveAssistantFile(client, { assistant_id: 'asst_abc', file_id: 'file-abc' });
 */
export interface AssistantFile {
  id: string;
  object: OpenString<'assistant.file'>;
  created_at: number;
  assistant_id: string;
  [field: string]: unknown;
}

/**
 * The answer of `deleteAssistantFile` (the spec's DeleteAssistantFileResponse).
 *
 * @example
 * const { deleted } = await deleteAssistantFile(client, { assistant_id: 'asst_abc', file_id: 'file-abc' });
 */
export interface DeleteAssistantFileResponse {
  id: string;
  object: OpenString<'assistant.file.deleted'>;
  deleted: boolean;
}

/**
 * The same type as {@link DeleteAssistantFileResponse}, by its earlier name.
 *
 * @example
 * const status: AssistantFileDeleted = await deleteAssistantFile(client, { assistant_id: 'asst_abc', file_id: 'file-abc' });
 */
export type AssistantFileDeleted = DeleteAssistantFileResponse;

/**
 * Who wrote a message (go-openai's `ThreadMessageRole`, which only had `user`).
 *
 * @example
 * const role: MessageRole = ThreadMessageRole.User;
 */
export type MessageRole = OpenString<'user' | 'assistant'>;

/**
 * The known message roles by name.
 *
 * @example
 * ThreadMessageRole.Assistant; // 'assistant'
 */
export const ThreadMessageRole = {
  User: 'user',
  Assistant: 'assistant',
} as const;

/**
 * The same type as {@link MessageRole}, by go-openai's name, so that
 * `ThreadMessageRole` is a type as well as the object of known roles.
 *
 * @example
 * const role: ThreadMessageRole = ThreadMessageRole.User;
 */
export type ThreadMessageRole = MessageRole;

/**
 * The body of `createMessage`, and one message of a new thread (the spec's
 * CreateMessageRequest). v2 content parts and `attachments` pass through.
 *
 * @example
 * const message: CreateMessageRequest = { role: 'user', content: 'Solve 3x + 11 = 14', file_ids: ['file-abc'] };
 */
export interface CreateMessageRequest {
  role: MessageRole;
  /** Text (v1), or v2's array of content parts. */
  content: string | Record<string, unknown>[];
  file_ids?: string[];
  metadata?: Metadata | null;
  [field: string]: unknown;
}

/**
 * A thread (the spec's ThreadObject, object `thread`).
 *
 * @example
 * const thread: Thread = await createThread(client, {});
 */
export interface Thread {
  id: string;
  object: OpenString<'thread'>;
  created_at: number;
  metadata: Metadata | null;
  [field: string]: unknown;
}

/**
 * The body of `createThread`, and the `thread` of `createThreadAndRun` (the spec's CreateThreadRequest).
 *
 * @example
 * const request: CreateThreadRequest = { messages: [{ role: 'user', content: 'Hello' }], metadata: { topic: 'math' } };
 */
export interface CreateThreadRequest {
  messages?: CreateMessageRequest[];
  metadata?: Metadata | null;
  [field: string]: unknown;
}

/**
 * The body the three metadata-only modify calls share: {@link ModifyThreadRequest},
 * {@link ModifyMessageRequest} and {@link ModifyRunRequest} are this type.
 *
 * @example
 * const request: ModifyMetadataRequest = { metadata: { reviewed: 'yes' } };
 */
export interface ModifyMetadataRequest {
  metadata?: Metadata | null;
  [field: string]: unknown;
}

/**
 * The body of `modifyThread` (the spec's ModifyThreadRequest). `metadata: null` is sent as null.
 *
 * @example
 * const request: ModifyThreadRequest = { metadata: { resolved: 'yes' } };
 */
export type ModifyThreadRequest = ModifyMetadataRequest;

/**
 * The body of `modifyMessage` (the spec's ModifyMessageRequest).
 *
 * @example
 * const request: ModifyMessageRequest = { metadata: { flagged: 'no' } };
 */
export type ModifyMessageRequest = ModifyMetadataRequest;

/**
 * The body of `modifyRun` (the spec's ModifyRunRequest; go-openai's RunModifyRequest).
 *
 * @example
 * const request: ModifyRunRequest = { metadata: { ticket: 'T-1' } };
 */
export type ModifyRunRequest = ModifyMetadataRequest;

/**
 * The answer of `deleteThread` (the spec's DeleteThreadResponse).
 *
 * @example
 * const { deleted } = await deleteThread(client, { thread_id: 'thread_abc' });
 */
export interface DeleteThreadResponse {
  id: string;
  object: OpenString<'thread.deleted'>;
  deleted: boolean;
}

/**
 * The same type as {@link DeleteThreadResponse}, by its earlier name.
 *
 * @example
 * const status: ThreadDeleted = await deleteThread(client, { thread_id: 'thread_abc' });
 */
export type ThreadDeleted = DeleteThreadResponse;

/**
 * A citation of a file in message text (the spec's MessageContentTextAnnotationsFileCitationObject).
 *
 * @example
 * if (annotation.type === 'file_citation') console.log(annotation.file_citation.file_id);
 */
export interface FileCitationAnnotation {
  type: 'file_citation';
  text: string;
  file_citation: { file_id: string; quote?: string };
  start_index: number;
  end_index: number;
}

/**
 * A path to a file the assistant wrote (the spec's MessageContentTextAnnotationsFilePathObject).
 *
 * @example
 * if (annotation.type === 'file_path') console.log(annotation.file_path.file_id);
 */
export interface FilePathAnnotation {
  type: 'file_path';
  text: string;
  file_path: { file_id: string };
  start_index: number;
  end_index: number;
}

/**
 * Text content of a message (the spec's MessageContentTextObject).
 *
 * @example
 * for (const part of message.content) if (part.type === 'text') console.log(part.text.value);
 */
export interface MessageContentText {
  type: 'text';
  text: { value: string; annotations: (FileCitationAnnotation | FilePathAnnotation)[] };
}

/**
 * An image file in a message (the spec's MessageContentImageFileObject).
 *
 * @example
 * for (const part of message.content) if (part.type === 'image_file') console.log(part.image_file.file_id);
 */
export interface MessageContentImageFile {
  type: 'image_file';
  image_file: { file_id: string; [field: string]: unknown };
}

/**
 * An image by URL in a message (Assistants v2; the newer spec's MessageContentImageUrlObject).
 *
 * @example
 * for (const part of message.content) if (part.type === 'image_url') console.log(part.image_url.url);
 */
export interface MessageContentImageURL {
  type: 'image_url';
  image_url: { url: string; detail?: OpenString<'auto' | 'low' | 'high'>; [field: string]: unknown };
}

/**
 * The assistant's refusal (Assistants v2; the newer spec's MessageContentRefusalObject).
 *
 * @example
 * for (const part of message.content) if (part.type === 'refusal') console.warn(part.refusal);
 */
export interface MessageContentRefusal {
  type: 'refusal';
  refusal: string;
}

/**
 * One part of a message's content: text and image files, and with Assistants v2 also image URLs and refusals.
 *
 * @example
 * const text = message.content.map((part: MessageContent) => (part.type === 'text' ? part.text.value : '')).join('');
 */
export type MessageContent = MessageContentText | MessageContentImageFile | MessageContentImageURL | MessageContentRefusal;

/**
 * A message of a thread (the spec's MessageObject, object `thread.message`).
 *
 * @example
 * const message: Message = await retrieveMessage(client, { thread_id: 'thread_abc', message_id: 'msg_abc' });
 */
export interface Message {
  id: string;
  object: OpenString<'thread.message'>;
  created_at: number;
  thread_id: string;
  status?: OpenString<'in_progress' | 'incomplete' | 'completed'>;
  incomplete_details?: { reason: string } | null;
  completed_at?: number | null;
  incomplete_at?: number | null;
  role: MessageRole;
  content: MessageContent[];
  assistant_id: string | null;
  run_id: string | null;
  /** v1: attached file ids (v2 uses `attachments`). */
  file_ids?: string[];
  metadata: Metadata | null;
  [field: string]: unknown;
}

/**
 * A change to a message while a run streams (the spec's MessageDeltaObject, object `thread.message.delta`).
 *
 * @example
 * if (event.event === 'thread.message.delta') for (const part of event.data.delta.content ?? []) process.stdout.write(part.text?.value ?? '');
 */
export interface MessageDelta {
  id: string;
  object: OpenString<'thread.message.delta'>;
  delta: {
    role?: MessageRole;
    content?: {
      index: number;
      type: OpenString<'text' | 'image_file'>;
      text?: { value?: string; annotations?: Record<string, unknown>[] };
      image_file?: { file_id?: string };
    }[];
    file_ids?: string[];
    [field: string]: unknown;
  };
}

/**
 * A file attached to a message (the spec's MessageFileObject; Assistants v1).
 *
 * @example
 * const file: MessageFile = await retrieveMessageFile(client, { thread_id: 'thread_abc', message_id: 'msg_abc', file_id: 'file-abc' });
 */
export interface MessageFile {
  id: string;
  object: OpenString<'thread.message.file'>;
  created_at: number;
  message_id: string;
  [field: string]: unknown;
}

/**
 * Where a run is (go-openai's `RunStatus` constants; `incomplete` is v2), as a
 * union that still accepts statuses the API adds later.
 *
 * @example
 * if (run.status === RunStatus.RequiresAction) await submitToolOutputsToRun(client, { thread_id, run_id: run.id, tool_outputs });
 */
export type RunStatus = OpenString<
  'queued' | 'in_progress' | 'requires_action' | 'cancelling' | 'cancelled' | 'failed' | 'completed' | 'expired' | 'incomplete'
>;

/**
 * The known run statuses by name.
 *
 * @example
 * RunStatus.Completed; // 'completed'
 */
export const RunStatus = {
  Queued: 'queued',
  InProgress: 'in_progress',
  RequiresAction: 'requires_action',
  Cancelling: 'cancelling',
  Cancelled: 'cancelled',
  Failed: 'failed',
  Completed: 'completed',
  Expired: 'expired',
  Incomplete: 'incomplete',
} as const;

/**
 * The kind of action a run waits for (go-openai's `RequiredActionType`).
 *
 * @example
 * if (run.required_action?.type === RequiredActionType.SubmitToolOutputs) {}
 */
export type RequiredActionType = OpenString<'submit_tool_outputs'>;

/**
 * The known required action kinds by name.
 *
 * @example
 * RequiredActionType.SubmitToolOutputs; // 'submit_tool_outputs'
 */
export const RequiredActionType = { SubmitToolOutputs: 'submit_tool_outputs' } as const;

/**
 * A function call a run waits on (the spec's RunToolCallObject).
 *
 * @example
 * for (const call of run.required_action?.submit_tool_outputs.tool_calls ?? []) console.log(call.function.name, call.function.arguments);
 */
export interface RunToolCall {
  id: string;
  type: OpenString<'function'>;
  function: {
    name: string;
    /** JSON text written by the model: validate before use. */
    arguments: string;
  };
}

/**
 * What a run in `requires_action` waits for.
 *
 * @example
 * const calls = run.required_action?.submit_tool_outputs.tool_calls;
 */
export interface RunRequiredAction {
  type: RequiredActionType;
  submit_tool_outputs: { tool_calls: RunToolCall[] };
}

/**
 * Why a run or step failed.
 *
 * @example
 * if (run.last_error) console.error(run.last_error.code, run.last_error.message);
 */
export interface RunLastError {
  code: OpenString<'server_error' | 'rate_limit_exceeded' | 'invalid_prompt'>;
  message: string;
}

/**
 * Token usage of a run or step; null until it ends (the spec's RunCompletionUsage).
 *
 * @example
 * console.log(run.usage?.total_tokens);
 */
export interface RunUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

/**
 * A run of an assistant on a thread (the spec's RunObject, object `thread.run`).
 *
 * @example
 * const run: Run = await retrieveRun(client, { thread_id: 'thread_abc', run_id: 'run_abc' });
 */
export interface Run {
  id: string;
  object: OpenString<'thread.run'>;
  created_at: number;
  thread_id: string;
  assistant_id: string;
  status: RunStatus;
  required_action: RunRequiredAction | null;
  last_error: RunLastError | null;
  expires_at: number | null;
  started_at: number | null;
  cancelled_at: number | null;
  failed_at: number | null;
  completed_at: number | null;
  model: string;
  instructions: string;
  tools: AssistantTool[];
  file_ids?: string[];
  metadata: Metadata | null;
  usage: RunUsage | null;
  temperature?: number | null;
  [field: string]: unknown;
}

/**
 * The body of `createRun` and `createRunStream` (the spec's CreateRunRequest,
 * without `stream`: each function sets it). v2 fields pass through.
 *
 * @example
 * const request: CreateRunRequest = { assistant_id: 'asst_abc', additional_instructions: 'Call the user Jane.' };
 */
export interface CreateRunRequest {
  assistant_id: string;
  model?: string | null;
  instructions?: string | null;
  additional_instructions?: string | null;
  tools?: AssistantTool[] | null;
  metadata?: Metadata | null;
  temperature?: number | null;
  [field: string]: unknown;
}

/**
 * The body of `createThreadAndRun` and `createThreadAndRunStream` (the spec's
 * CreateThreadAndRunRequest): a run's fields and the new `thread`, as go-openai
 * embeds its RunRequest (so `additional_instructions`, which the 2024-03 spec
 * lists for `createRun` only, is typed here too).
 *
 * @example
 * const request: CreateThreadAndRunRequest = { assistant_id: 'asst_abc', thread: { messages: [{ role: 'user', content: 'Hi' }] } };
 */
export interface CreateThreadAndRunRequest extends CreateRunRequest {
  thread?: CreateThreadRequest;
}

/**
 * The output of one tool call (the spec's `SubmitToolOutputsRunRequest.tool_outputs` item).
 *
 * @example
 * const output: ToolOutput = { tool_call_id: 'call_abc', output: '22°C' };
 */
export interface ToolOutput {
  tool_call_id: string;
  output: string;
}

/**
 * The body of `submitToolOutputsToRun` and its stream (the spec's
 * SubmitToolOutputsRunRequest, without `stream`: each function sets it).
 *
 * @example
 * const request: SubmitToolOutputsRunRequest = { tool_outputs: [{ tool_call_id: 'call_abc', output: '42' }] };
 */
export interface SubmitToolOutputsRunRequest {
  tool_outputs: ToolOutput[];
  [field: string]: unknown;
}

/**
 * The same type as {@link SubmitToolOutputsRunRequest}, by go-openai's name.
 *
 * @example
 * const request: SubmitToolOutputsRequest = { tool_outputs: [{ tool_call_id: 'call_abc', output: '42' }] };
 */
export type SubmitToolOutputsRequest = SubmitToolOutputsRunRequest;

/**
 * Where a run step is (go-openai's `RunStepStatus`, whose `RunStepStatusCancelling`
 * was a typo for `cancelled`), as a union that still accepts later statuses.
 *
 * @example
 * if (step.status === RunStepStatus.Completed) console.log(step.step_details);
 */
export type RunStepStatus = OpenString<'in_progress' | 'cancelled' | 'failed' | 'completed' | 'expired'>;

/**
 * The known run step statuses by name.
 *
 * @example
 * RunStepStatus.Cancelled; // 'cancelled'
 */
export const RunStepStatus = {
  InProgress: 'in_progress',
  Cancelled: 'cancelled',
  Failed: 'failed',
  Completed: 'completed',
  Expired: 'expired',
} as const;

/**
 * The kind of a run step (go-openai's `RunStepType`).
 *
 * @example
 * if (step.type === RunStepType.ToolCalls) {}
 */
export type RunStepType = OpenString<'message_creation' | 'tool_calls'>;

/**
 * The known run step kinds by name.
 *
 * @example
 * RunStepType.MessageCreation; // 'message_creation'
 */
export const RunStepType = { MessageCreation: 'message_creation', ToolCalls: 'tool_calls' } as const;

/**
 * A tool call made during a step: code interpreter, retrieval (v1), file search (v2) or function.
 *
 * @example
 * if (call.type === 'function') console.log(call.function?.name, call.function?.output);
 */
export interface RunStepToolCall {
  id: string;
  type: OpenString<'code_interpreter' | 'retrieval' | 'file_search' | 'function'>;
  code_interpreter?: { input: string; outputs: ({ type: 'logs'; logs: string } | { type: 'image'; image: { file_id: string } })[] };
  retrieval?: Record<string, unknown>;
  file_search?: Record<string, unknown>;
  function?: { name: string; arguments: string; output: string | null };
  [field: string]: unknown;
}

/**
 * What a step did (the spec's RunStepDetailsMessageCreationObject or RunStepDetailsToolCallsObject).
 *
 * @example
 * if (step.step_details.type === 'message_creation') console.log(step.step_details.message_creation.message_id);
 */
export type RunStepDetails = { type: 'message_creation'; message_creation: { message_id: string } } | { type: 'tool_calls'; tool_calls: RunStepToolCall[] };

/**
 * A step of a run (the spec's RunStepObject, object `thread.run.step`).
 *
 * @example
 * const step: RunStep = await retrieveRunStep(client, { thread_id: 'thread_abc', run_id: 'run_abc', step_id: 'step_abc' });
 */
export interface RunStep {
  id: string;
  object: OpenString<'thread.run.step'>;
  created_at: number;
  assistant_id: string;
  thread_id: string;
  run_id: string;
  type: RunStepType;
  status: RunStepStatus;
  step_details: RunStepDetails;
  last_error: RunLastError | null;
  expired_at: number | null;
  cancelled_at: number | null;
  failed_at: number | null;
  completed_at: number | null;
  metadata: Metadata | null;
  usage?: RunUsage | null;
  [field: string]: unknown;
}

/**
 * A change to a run step while a run streams (the spec's RunStepDeltaObject, object `thread.run.step.delta`).
 *
 * @example
 * if (event.event === 'thread.run.step.delta') console.log(event.data.delta.step_details);
 */
export interface RunStepDelta {
  id: string;
  object: OpenString<'thread.run.step.delta'>;
  delta: { step_details?: { type: OpenString<'message_creation' | 'tool_calls'>; [field: string]: unknown }; [field: string]: unknown };
}

/**
 * The error object of an `error` stream event (the spec's Error).
 *
 * @example
 * const error: StreamError = { message: 'The server had an error', type: 'server_error', param: null, code: null };
 */
export interface StreamError {
  message: string;
  type: string;
  param: string | null;
  code: string | null;
}

/**
 * Run events of a stream (the spec's RunStreamEvent; `thread.run.incomplete` is v2).
 *
 * @example
 * const name: RunStreamEventName = 'thread.run.completed';
 */
export type RunStreamEventName =
  | 'thread.run.created'
  | 'thread.run.queued'
  | 'thread.run.in_progress'
  | 'thread.run.requires_action'
  | 'thread.run.completed'
  | 'thread.run.incomplete'
  | 'thread.run.failed'
  | 'thread.run.cancelling'
  | 'thread.run.cancelled'
  | 'thread.run.expired';

/**
 * Run step events of a stream that carry a whole step (the spec's RunStepStreamEvent, but the delta).
 *
 * @example
 * const name: RunStepStreamEventName = 'thread.run.step.completed';
 */
export type RunStepStreamEventName =
  | 'thread.run.step.created'
  | 'thread.run.step.in_progress'
  | 'thread.run.step.completed'
  | 'thread.run.step.failed'
  | 'thread.run.step.cancelled'
  | 'thread.run.step.expired';

/**
 * Message events of a stream that carry a whole message (the spec's MessageStreamEvent, but the delta).
 *
 * @example
 * const name: MessageStreamEventName = 'thread.message.completed';
 */
export type MessageStreamEventName = 'thread.message.created' | 'thread.message.in_progress' | 'thread.message.completed' | 'thread.message.incomplete';

/**
 * One event of a streamed run (the spec's AssistantStreamEvent), discriminated
 * on `event`. The closing `done` event ends the stream rather than being
 * yielded, and an `error` event is thrown as core's `StreamEventError` (its
 * member is here because the spec lists it, for code that builds or replays events).
 *
 * @example
 * for await (const event of await createRunStream(client, { thread_id, assistant_id })) {
 *   if (event.event === 'thread.message.delta') {
 *     for (const part of event.data.delta.content ?? []) process.stdout.write(part.text?.value ?? '');
 *   } else if (event.event === 'thread.run.requires_action') {
 *     console.log(event.data.required_action?.submit_tool_outputs.tool_calls);
 *   }
 * }
 */
export type AssistantStreamEvent =
  | { event: 'thread.created'; data: Thread }
  | { event: RunStreamEventName; data: Run }
  | { event: RunStepStreamEventName; data: RunStep }
  | { event: 'thread.run.step.delta'; data: RunStepDelta }
  | { event: MessageStreamEventName; data: Message }
  | { event: 'thread.message.delta'; data: MessageDelta }
  | { event: 'error'; data: StreamError };

/**
 * Parameters that address one assistant.
 *
 * @example
 * const params: AssistantParams = { assistant_id: 'asst_abc' };
 */
export interface AssistantParams {
  assistant_id: string;
}

/**
 * Parameters that address one file of an assistant.
 *
 * @example
 * const params: AssistantFileParams = { assistant_id: 'asst_abc', file_id: 'file-abc' };
 */
export interface AssistantFileParams extends AssistantParams {
  file_id: string;
}

/**
 * Parameters that address one thread.
 *
 * @example
 * const params: ThreadParams = { thread_id: 'thread_abc' };
 */
export interface ThreadParams {
  thread_id: string;
}

/**
 * Parameters that address one message.
 *
 * @example
 * const params: MessageParams = { thread_id: 'thread_abc', message_id: 'msg_abc' };
 */
export interface MessageParams extends ThreadParams {
  message_id: string;
}

/**
 * Parameters that address one file of a message.
 *
 * @example
 * const params: MessageFileParams = { thread_id: 'thread_abc', message_id: 'msg_abc', file_id: 'file-abc' };
 */
export interface MessageFileParams extends MessageParams {
  file_id: string;
}

/**
 * Parameters that address one run.
 *
 * @example
 * const params: RunParams = { thread_id: 'thread_abc', run_id: 'run_abc' };
 */
export interface RunParams extends ThreadParams {
  run_id: string;
}

/**
 * Parameters that address one run step.
 *
 * @example
 * const params: RunStepParams = { thread_id: 'thread_abc', run_id: 'run_abc', step_id: 'step_abc' };
 */
export interface RunStepParams extends RunParams {
  step_id: string;
}
