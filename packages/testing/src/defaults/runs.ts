import { invalidRequest, notFound } from '../operation-errors';
import { paginate } from '../pagination';
import { sseReply } from '../replies';
import type { JsonObject, RunState, ThreadState } from '../state';
import type { SseEvent } from '../types';
import { metadataUpdate } from './assistants-common';
import { jsonBody, type Operation, type OperationContext, objectReply } from './context';
import { findThread } from './messages';
import { acceptToolOutputs, advanceRun, newRun, type RunEventSink, settleRun, snapshot } from './run-progress';
import { newThread } from './threads';

/**
 * `POST /v1/threads/{thread_id}/runs`: a `queued` run, or with `stream: true`
 * the run's events until it settles, then `event: done` / `data: [DONE]`.
 *
 * @example
 * routes.push({ route: 'POST /v1/threads/{thread_id}/runs', operation: createRun });
 */
export const createRun: Operation = (context) => {
  const thread = findThread(context);
  const body = jsonBody(context);
  const state = newRun(context, thread, body);
  if (body.stream !== true) return objectReply(state.run);
  return runEvents(context, (emit) => {
    emitCreated(state, emit);
    settleRun(context, thread, state, emit);
  });
};

/**
 * `POST /v1/threads/runs`: creates the thread from `thread`, then the run; streams like `createRun`.
 *
 * @example
 * routes.push({ route: 'POST /v1/threads/runs', operation: createThreadAndRun });
 */
export const createThreadAndRun: Operation = (context) => {
  const body = jsonBody(context);
  const thread = newThread(context, (body.thread as JsonObject | undefined) ?? {});
  const state = newRun(context, thread, body);
  if (body.stream !== true) return objectReply(state.run);
  return runEvents(context, (emit) => {
    emit('thread.created', snapshot(thread.thread));
    emitCreated(state, emit);
    settleRun(context, thread, state, emit);
  });
};

/**
 * `GET /v1/threads/{thread_id}/runs?limit=&order=&after=&before=`.
 *
 * @example
 * routes.push({ route: 'GET /v1/threads/{thread_id}/runs', operation: listRuns });
 */
export const listRuns: Operation = (context) =>
  objectReply(paginate(findThread(context).runs.map((state) => state.run), context.request.query));

/**
 * `GET /v1/threads/{thread_id}/runs/{run_id}`: each retrieve moves the run one state on.
 *
 * @example
 * routes.push({ route: 'GET /v1/threads/{thread_id}/runs/{run_id}', operation: retrieveRun });
 */
export const retrieveRun: Operation = (context) => {
  const { thread, state } = findRun(context);
  advanceRun(context, thread, state);
  return objectReply(state.run);
};

/**
 * `POST /v1/threads/{thread_id}/runs/{run_id}` with `{ metadata }` only.
 *
 * @example
 * routes.push({ route: 'POST /v1/threads/{thread_id}/runs/{run_id}', operation: modifyRun });
 */
export const modifyRun: Operation = (context) => {
  const { state } = findRun(context);
  const metadata = metadataUpdate(jsonBody(context));
  if (metadata !== undefined) state.run.metadata = metadata;
  return objectReply(state.run);
};

/**
 * `POST /v1/threads/{thread_id}/runs/{run_id}/cancel`: `cancelling` now, `cancelled` on the next retrieve.
 *
 * @example
 * routes.push({ route: 'POST /v1/threads/{thread_id}/runs/{run_id}/cancel', operation: cancelRun });
 */
export const cancelRun: Operation = (context) => {
  const { state } = findRun(context);
  if (!['queued', 'in_progress', 'requires_action'].includes(state.run.status)) {
    throw invalidRequest(`Cannot cancel run with status '${state.run.status}'.`);
  }
  state.run.status = 'cancelling';
  return objectReply(state.run);
};

/**
 * `POST /v1/threads/{thread_id}/runs/{run_id}/submit_tool_outputs`, streaming with `stream: true`.
 *
 * @example
 * routes.push({ route: 'POST /v1/threads/{thread_id}/runs/{run_id}/submit_tool_outputs', operation: submitToolOutputsToRun });
 */
export const submitToolOutputsToRun: Operation = (context) => {
  const { thread, state } = findRun(context);
  const body = jsonBody(context);
  if (body.stream !== true) {
    acceptToolOutputs(context, state, body.tool_outputs);
    return objectReply(state.run);
  }
  return runEvents(context, (emit) => {
    acceptToolOutputs(context, state, body.tool_outputs, emit);
    settleRun(context, thread, state, emit);
  });
};

/**
 * `GET /v1/threads/{thread_id}/runs/{run_id}/steps?limit=&order=&after=&before=`.
 *
 * @example
 * routes.push({ route: 'GET /v1/threads/{thread_id}/runs/{run_id}/steps', operation: listRunSteps });
 */
export const listRunSteps: Operation = (context) => objectReply(paginate(findRun(context).state.steps, context.request.query));

/**
 * `GET /v1/threads/{thread_id}/runs/{run_id}/steps/{step_id}`.
 *
 * @example
 * routes.push({ route: 'GET /v1/threads/{thread_id}/runs/{run_id}/steps/{step_id}', operation: retrieveRunStep });
 */
export const retrieveRunStep: Operation = (context) => {
  const step = findRun(context).state.steps.find((candidate) => candidate.id === context.params.step_id);
  if (!step) throw notFound(`No run step found with id '${context.params.step_id}'.`);
  return objectReply(step);
};

function findRun(context: OperationContext): { thread: ThreadState; state: RunState } {
  const thread = findThread(context);
  const state = thread.runs.find((candidate) => candidate.run.id === context.params.run_id);
  if (!state) throw notFound(`No run found with id '${context.params.run_id}'.`);
  return { thread, state };
}

function emitCreated(state: RunState, emit: RunEventSink) {
  emit('thread.run.created', snapshot(state.run));
  emit('thread.run.queued', snapshot(state.run));
}

function runEvents(context: OperationContext, produce: (emit: RunEventSink) => void) {
  const events: SseEvent[] = [];
  produce((event, data) => events.push({ event, data }));
  events.push({ event: 'done', data: '[DONE]' });
  return sseReply(events, { done: false, chunkDelay: context.settings.chunkDelay });
}
