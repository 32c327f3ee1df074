import { type Client, type EventStream, type OperationRequest, type RequestOptions, requestStream } from '@openai-micro/core';
import { assistantsBetaHeaders } from './beta-header.js';
import type { AssistantStreamEvent } from './types.js';

/**
 * Whether a stream event ends the run's part of the stream: the run completed,
 * failed, was cancelled, expired, ended incomplete (v2), or waits for tool
 * outputs. A stream that ends without one of these, or without `[DONE]`, is
 * reported as truncated.
 *
 * @example
 * for await (const event of stream) if (isFinalAssistantStreamEvent(event)) console.log('run ended:', event.event);
 */
export function isFinalAssistantStreamEvent(event: AssistantStreamEvent): boolean {
  switch (event.event) {
    case 'thread.run.completed':
    case 'thread.run.failed':
    case 'thread.run.cancelled':
    case 'thread.run.expired':
    case 'thread.run.incomplete':
    case 'thread.run.requires_action':
      return true;
    default:
      return false;
  }
}

/**
 * Sends a streamed Assistants operation and resolves an {@link EventStream} of
 * `{ event, data }` events, with the `OpenAI-Beta` default header. The three
 * stream functions share it.
 *
 * @example
 * const stream = await requestAssistantStream(client, { method: 'POST', path: '/threads/runs', body: { ...params, stream: true } }, options);
 */
export function requestAssistantStream(client: Client, operation: OperationRequest, options?: RequestOptions): Promise<EventStream<AssistantStreamEvent>> {
  return requestStream<AssistantStreamEvent>(client, { ...operation, headers: assistantsBetaHeaders }, options, {
    decode: (data, event) => ({ event, data }) as AssistantStreamEvent,
    isFinal: isFinalAssistantStreamEvent,
  });
}
