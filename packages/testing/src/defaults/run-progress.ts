import { invalidRequest } from '../operation-errors';
import type { JsonObject, MessageObject, RunObject, RunState, RunStepObject, ThreadState } from '../state';
import { countTokens, splitIntoTokens } from '../tokens';
import { textContent } from './assistants-common';
import { type OperationContext, requireString, unixSeconds } from './context';

/**
 * Receives the stream events a run emits while it moves on (ignored when
 * nobody streams). The data is a snapshot, safe to keep.
 *
 * @example
 * const events: SseEvent[] = [];
 * const emit: RunEventSink = (event, data) => events.push({ event, data });
 */
export type RunEventSink = (event: string, data: unknown) => void;

const ignoreEvents: RunEventSink = () => {};

/**
 * Creates a `queued` run on a thread from a `CreateRunRequest`; the
 * assistant's model, instructions, tools and files fill what the request
 * leaves out (an unknown assistant id is not an error here).
 *
 * @example
 * const state = newRun(context, thread, { assistant_id: 'asst_000001' });
 */
export function newRun(context: OperationContext, thread: ThreadState, body: JsonObject): RunState {
  const assistantId = requireString(body, 'assistant_id');
  const assistant = context.store.assistants.get(assistantId)?.assistant;
  const created = unixSeconds(context);
  const instructions = [body.instructions ?? assistant?.instructions, body.additional_instructions]
    .filter((part): part is string => typeof part === 'string' && part !== '')
    .join('\n\n');
  const run: RunObject = {
    id: context.newId('run_'),
    object: 'thread.run',
    created_at: created,
    thread_id: thread.thread.id,
    assistant_id: assistantId,
    status: 'queued',
    required_action: null,
    last_error: null,
    expires_at: created + 600,
    started_at: null,
    cancelled_at: null,
    failed_at: null,
    completed_at: null,
    model: (body.model as string | undefined) ?? (assistant?.model as string | undefined) ?? 'gpt-4-turbo-preview',
    instructions: instructions === '' ? null : instructions,
    tools: (body.tools as JsonObject[] | undefined) ?? (assistant?.tools as JsonObject[] | undefined) ?? [],
    file_ids: assistant?.file_ids ?? [],
    metadata: (body.metadata as JsonObject | undefined) ?? {},
    usage: null,
    temperature: body.temperature ?? 1,
  };
  const state: RunState = { run, steps: [], toolOutputsSubmitted: false };
  thread.runs.push(state);
  return state;
}

/**
 * Moves a run one state on, as one poll of a real run would see:
 * `queued` → `in_progress` → `completed` (with an assistant message and a
 * message-creation step) or, with the server's `runToolCalls` option and a
 * function tool, `requires_action`; `cancelling` → `cancelled`.
 *
 * @example
 * advanceRun(context, thread, state); // on every GET of the run
 */
export function advanceRun(
  context: OperationContext,
  thread: ThreadState,
  state: RunState,
  emit: RunEventSink = ignoreEvents,
): void {
  const { run } = state;
  switch (run.status) {
    case 'queued':
      run.status = 'in_progress';
      run.started_at ??= unixSeconds(context);
      emit('thread.run.in_progress', snapshot(run));
      return;
    case 'in_progress': {
      const functionTool = run.tools.find((tool) => tool.type === 'function')?.function as JsonObject | undefined;
      if (context.settings.runToolCalls && functionTool && !state.toolOutputsSubmitted) {
        requireToolOutputs(context, state, String(functionTool.name), emit);
      } else {
        completeWithMessage(context, thread, state, emit);
      }
      return;
    }
    case 'cancelling':
      run.status = 'cancelled';
      run.cancelled_at = unixSeconds(context);
      for (const step of state.steps) {
        if (step.status === 'in_progress') step.status = 'cancelled';
      }
      emit('thread.run.cancelled', snapshot(run));
      return;
  }
}

/**
 * Moves a run on until it needs nobody's help: completed, cancelled, or
 * waiting for tool outputs. Streaming runs get there in one response.
 *
 * @example
 * settleRun(context, thread, state, emit);
 */
export function settleRun(context: OperationContext, thread: ThreadState, state: RunState, emit: RunEventSink): void {
  while (['queued', 'in_progress', 'cancelling'].includes(state.run.status)) advanceRun(context, thread, state, emit);
}

/**
 * Takes the tool outputs of a run in `requires_action`: the tool-call step
 * completes with them and the run is `queued` again.
 *
 * @example
 * acceptToolOutputs(context, state, [{ tool_call_id: 'call_000001', output: '22C' }], emit);
 */
export function acceptToolOutputs(
  context: OperationContext,
  state: RunState,
  outputs: unknown,
  emit: RunEventSink = ignoreEvents,
): void {
  const { run } = state;
  if (run.status !== 'requires_action') {
    throw invalidRequest(`Runs in status "${run.status}" do not accept tool outputs.`);
  }
  if (!Array.isArray(outputs)) throw invalidRequest('you must provide a tool_outputs parameter', 'tool_outputs');
  const step = [...state.steps].reverse().find((candidate) => candidate.type === 'tool_calls');
  if (step) {
    const calls = (step.step_details.tool_calls as JsonObject[]) ?? [];
    for (const output of outputs as JsonObject[]) {
      const call = calls.find((candidate) => candidate.id === output?.tool_call_id);
      if (call) (call.function as JsonObject).output = output.output ?? null;
    }
    step.status = 'completed';
    step.completed_at = unixSeconds(context);
    step.usage = { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 };
    emit('thread.run.step.completed', snapshot(step));
  }
  run.status = 'queued';
  run.required_action = null;
  state.toolOutputsSubmitted = true;
  emit('thread.run.queued', snapshot(run));
}

function requireToolOutputs(context: OperationContext, state: RunState, name: string, emit: RunEventSink) {
  const { run } = state;
  const call = { id: context.newId('call_'), type: 'function', function: { name, arguments: '{}' } };
  const step = newStep(context, run, { type: 'tool_calls', tool_calls: [] });
  state.steps.push(step);
  emit('thread.run.step.created', snapshot(step));
  emit('thread.run.step.in_progress', snapshot(step));
  emit('thread.run.step.delta', stepDelta(step, { index: 0, id: call.id, type: 'function', function: { name, arguments: '', output: null } }));
  for (const piece of splitIntoTokens(call.function.arguments)) {
    emit('thread.run.step.delta', stepDelta(step, { index: 0, type: 'function', function: { arguments: piece } }));
  }
  step.step_details.tool_calls = [{ ...call, function: { ...call.function, output: null } }];
  run.status = 'requires_action';
  run.required_action = { type: 'submit_tool_outputs', submit_tool_outputs: { tool_calls: [call] } };
  emit('thread.run.requires_action', snapshot(run));
}

function completeWithMessage(context: OperationContext, thread: ThreadState, state: RunState, emit: RunEventSink) {
  const { run } = state;
  const now = unixSeconds(context);
  const text = context.settings.answer(context.request);
  const message: MessageObject = {
    id: context.newId('msg_'),
    object: 'thread.message',
    created_at: now,
    thread_id: thread.thread.id,
    status: 'in_progress',
    incomplete_details: null,
    completed_at: null,
    incomplete_at: null,
    role: 'assistant',
    content: [],
    assistant_id: run.assistant_id,
    run_id: run.id,
    file_ids: [],
    metadata: {},
  };
  const step = newStep(context, run, { type: 'message_creation', message_creation: { message_id: message.id } });
  state.steps.push(step);
  emit('thread.run.step.created', snapshot(step));
  emit('thread.run.step.in_progress', snapshot(step));
  thread.messages.push(message);
  emit('thread.message.created', snapshot(message));
  emit('thread.message.in_progress', snapshot(message));
  splitIntoTokens(text).forEach((piece, index) => {
    const value = index === 0 ? { value: piece, annotations: [] } : { value: piece };
    emit('thread.message.delta', {
      id: message.id,
      object: 'thread.message.delta',
      delta: { content: [{ index: 0, type: 'text', text: value }] },
    });
  });
  Object.assign(message, { status: 'completed', completed_at: now, content: textContent(text) });
  emit('thread.message.completed', snapshot(message));
  const promptTokens = thread.messages.reduce((total, candidate) => total + countTokens(messageText(candidate)), 0);
  const completionTokens = countTokens(text);
  const usage = { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens };
  Object.assign(step, { status: 'completed', completed_at: now, usage });
  emit('thread.run.step.completed', snapshot(step));
  Object.assign(run, { status: 'completed', completed_at: now, expires_at: null, usage });
  emit('thread.run.completed', snapshot(run));
}

function newStep(context: OperationContext, run: RunObject, details: JsonObject): RunStepObject {
  return {
    id: context.newId('step_'),
    object: 'thread.run.step',
    created_at: unixSeconds(context),
    run_id: run.id,
    assistant_id: run.assistant_id,
    thread_id: run.thread_id,
    type: String(details.type),
    status: 'in_progress',
    cancelled_at: null,
    completed_at: null,
    expired_at: null,
    failed_at: null,
    last_error: null,
    step_details: details,
    metadata: {},
    usage: null,
  };
}

function stepDelta(step: RunStepObject, toolCall: JsonObject) {
  return { id: step.id, object: 'thread.run.step.delta', delta: { step_details: { type: 'tool_calls', tool_calls: [toolCall] } } };
}

function messageText(message: MessageObject): string {
  return (message.content as Array<{ text?: { value?: string } }>).map((block) => block.text?.value ?? '').join('');
}

/**
 * A deep copy, so that an emitted event keeps the state of its moment.
 *
 * @example
 * emit('thread.run.completed', snapshot(run));
 */
export function snapshot<T>(value: T): T {
  return structuredClone(value);
}
