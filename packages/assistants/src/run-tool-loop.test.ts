import { InputRejectedError } from '@openai-micro/core';
import { describe, expect, it, vi } from 'vitest';
import { RunEndedError, ToolArgumentsError, ToolRoundsExceededError, UnknownToolError, UnsupportedRequiredActionError } from './errors.js';
import { runToolLoop } from './run-tool-loop.js';
import { betaHeaders, jsonBody, runFixture, scriptedRun, useServer, waitingRun } from './test-support.test-helper.js';
import type { Run } from './types.js';

const context = useServer();
const ids = { thread_id: 'thread_abc', run_id: 'run_abc' };
const fast = { intervalMs: 1, maxIntervalMs: 2 };

describe('runToolLoop', () => {
  it('calls the tools the run asks for, submits their outputs and repeats until the run completes', async () => {
    context.server.handler = scriptedRun([
      runFixture({ status: 'in_progress' }),
      waitingRun([
        ['call_1', 'get_weather', '{"city":"Paris"}'],
        ['call_2', 'get_time', ''],
      ]),
      runFixture({ status: 'queued' }),
      waitingRun([['call_3', 'get_weather', '{"city":"Oslo"}']]),
      runFixture({ status: 'in_progress' }),
      runFixture({ status: 'completed' }),
    ]).handler;
    const getWeather = vi.fn(async ({ city }: { city: string }) => ({ city, celsius: city === 'Paris' ? 22 : 3 }));
    const getTime = vi.fn((_args: unknown, _context: { toolCall: { id: string } }) => '12:00');

    const run = await runToolLoop(context.client(), ids, { ...fast, tools: { get_weather: getWeather, get_time: getTime } });

    expect(run.status).toBe('completed');
    expect(context.server.requests.map((seen) => `${seen.method} ${seen.path.replace('/v1/threads/thread_abc/runs/run_abc', '')}`)).toEqual([
      'GET ',
      'GET ',
      'POST /submit_tool_outputs',
      'GET ',
      'POST /submit_tool_outputs',
      'GET ',
    ]);
    const submissions = context.server.requests.filter((seen) => seen.method === 'POST');
    expect(submissions.map(jsonBody)).toEqual([
      {
        tool_outputs: [
          { tool_call_id: 'call_1', output: '{"city":"Paris","celsius":22}' },
          { tool_call_id: 'call_2', output: '12:00' },
        ],
      },
      { tool_outputs: [{ tool_call_id: 'call_3', output: '{"city":"Oslo","celsius":3}' }] },
    ]);
    expect(submissions.map((seen) => betaHeaders(seen))).toEqual([['assistants=v1'], ['assistants=v1']]);
    expect(getWeather.mock.calls.map((call) => call[0])).toEqual([{ city: 'Paris' }, { city: 'Oslo' }]);
    expect(getTime.mock.calls[0]![0]).toEqual({});
    expect(getTime.mock.calls[0]![1].toolCall.id).toBe('call_2');
  });

  it('starts from a run object already in requires_action without retrieving it first', async () => {
    context.server.handler = scriptedRun([runFixture({ status: 'completed' })]).handler;
    const run = await runToolLoop(context.client(), waitingRun([['call_1', 'echo', '{"text":"hi"}']]) as Run, { ...fast, tools: { echo: ({ text }) => text } });
    expect(run.status).toBe('completed');
    expect(context.server.requests.map((seen) => seen.method)).toEqual(['POST']);
    expect(jsonBody(context.server.requests[0])).toEqual({ tool_outputs: [{ tool_call_id: 'call_1', output: 'hi' }] });
  });

  it('throws UnknownToolError before running any tool of the round, for missing and inherited names alike', async () => {
    for (const name of ['missing_tool', 'constructor', 'toString']) {
      const known = vi.fn(() => 'ran');
      const failure = await runToolLoop(context.client(), waitingRun([['call_1', 'known', '{}'], ['call_2', name, '{}']]) as Run, { tools: { known } }).catch(
        (error: unknown) => error,
      );
      expect(UnknownToolError.isInstance(failure)).toBe(true);
      expect((failure as UnknownToolError).toolName).toBe(name);
      expect((failure as UnknownToolError).toolCall.id).toBe('call_2');
      expect((failure as Error).message).toContain('known');
      expect(known).not.toHaveBeenCalled();
    }
    expect(context.server.requests).toHaveLength(0);
  });

  it('throws ToolArgumentsError for arguments that are not JSON, running nothing', async () => {
    const tool = vi.fn(() => 'ran');
    const failure = await runToolLoop(context.client(), waitingRun([['call_1', 'tool', '{"city": Par']]) as Run, { tools: { tool } }).catch((error: unknown) => error);
    expect(ToolArgumentsError.isInstance(failure)).toBe(true);
    expect((failure as ToolArgumentsError).toolName).toBe('tool');
    expect((failure as Error).cause).toBeInstanceOf(SyntaxError);
    expect(tool).not.toHaveBeenCalled();
    expect(context.server.requests).toHaveLength(0);
  });

  it('throws RunEndedError when the run fails after the outputs were submitted', async () => {
    context.server.handler = scriptedRun([runFixture({ status: 'queued' }), runFixture({ status: 'failed', last_error: { code: 'server_error', message: 'Something broke' } })]).handler;
    const failure = await runToolLoop(context.client(), waitingRun([['call_1', 'tool', '{}']]) as Run, { ...fast, tools: { tool: () => 'ok' } }).catch(
      (error: unknown) => error,
    );
    expect(RunEndedError.isInstance(failure)).toBe(true);
    expect((failure as RunEndedError).status).toBe('failed');
    expect((failure as Error).message).toContain('server_error: Something broke');
  });

  it('throws RunEndedError for cancelled, expired and incomplete runs', async () => {
    for (const status of ['cancelled', 'expired', 'incomplete']) {
      context.server.handler = scriptedRun([runFixture({ status })]).handler;
      const failure = await runToolLoop(context.client(), ids, { ...fast, tools: {} }).catch((error: unknown) => error);
      expect(RunEndedError.isInstance(failure), status).toBe(true);
      expect((failure as RunEndedError).run.status).toBe(status);
    }
  });

  it('throws what a tool throws, submitting nothing', async () => {
    const failure = await runToolLoop(context.client(), waitingRun([['call_1', 'tool', '{}']]) as Run, {
      tools: {
        tool: () => {
          throw new RangeError('tool broke');
        },
      },
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(RangeError);
    expect(context.server.requests).toHaveLength(0);
  });

  it('throws UnsupportedRequiredActionError for an action it cannot perform', async () => {
    const run = runFixture({ status: 'requires_action', required_action: { type: 'confirm_payment' } }) as Run;
    const failure = await runToolLoop(context.client(), run, { tools: {} }).catch((error: unknown) => error);
    expect(UnsupportedRequiredActionError.isInstance(failure)).toBe(true);
    expect((failure as Error).message).toContain('confirm_payment');
  });

  it('stops with the AbortError when aborted while a tool runs', async () => {
    const controller = new AbortController();
    const failure = await runToolLoop(context.client(), waitingRun([['call_1', 'slow', '{}']]) as Run, {
      signal: controller.signal,
      tools: {
        slow: async (_args, { signal }) => {
          controller.abort();
          expect(signal?.aborted).toBe(true);
          return 'late';
        },
      },
    }).catch((error: unknown) => error);
    expect((failure as Error).name).toBe('AbortError');
    expect(context.server.requests).toHaveLength(0);
  });

  it('throws ToolRoundsExceededError when the run still asks for tools after maxRounds submissions, running no extra round', async () => {
    let submitted = 0;
    context.server.handler = (_request, reply) => reply.json(200, waitingRun([[`call_${++submitted + 1}`, 'again', '{}']]));
    const again = vi.fn(() => 'more');
    const failure = await runToolLoop(context.client(), waitingRun([['call_1', 'again', '{}']]) as Run, { ...fast, maxRounds: 3, tools: { again } }).catch(
      (error: unknown) => error,
    );
    expect(ToolRoundsExceededError.isInstance(failure)).toBe(true);
    expect((failure as ToolRoundsExceededError).maxRounds).toBe(3);
    expect((failure as ToolRoundsExceededError).run.required_action?.submit_tool_outputs.tool_calls[0]?.id).toBe('call_4');
    expect((failure as Error).message).toContain('3 rounds');
    expect(again).toHaveBeenCalledTimes(3);
    expect(context.server.requests.map((seen) => jsonBody(seen))).toEqual(
      ['call_1', 'call_2', 'call_3'].map((id) => ({ tool_outputs: [{ tool_call_id: id, output: 'more' }] })),
    );
  });

  it('stops after 20 rounds by default', async () => {
    context.server.handler = (_request, reply) => reply.json(200, waitingRun([['call_n', 'again', '{}']]));
    const failure = await runToolLoop(context.client(), waitingRun([['call_1', 'again', '{}']]) as Run, { ...fast, tools: { again: () => 'more' } }).catch(
      (error: unknown) => error,
    );
    expect(ToolRoundsExceededError.isInstance(failure)).toBe(true);
    expect((failure as ToolRoundsExceededError).maxRounds).toBe(20);
    expect(context.server.requests).toHaveLength(20);
  });

  it('refuses a maxRounds that is not a positive integer or Infinity before sending anything', async () => {
    for (const maxRounds of [0, -1, 1.5, Number.NaN]) {
      const failure = await runToolLoop(context.client(), ids, { tools: {}, maxRounds }).catch((error: unknown) => error);
      expect(InputRejectedError.isInstance(failure), String(maxRounds)).toBe(true);
      expect((failure as InputRejectedError).field).toBe('maxRounds');
    }
    expect(context.server.requests).toHaveLength(0);
  });
});
