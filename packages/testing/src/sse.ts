import type { SseEvent } from './types';

/**
 * Formats one event as `text/event-stream` text, ending with the blank line
 * that dispatches it.
 *
 * @example
 * formatSseEvent({ event: 'done', data: '[DONE]' }); // 'event: done\ndata: [DONE]\n\n'
 * formatSseEvent({ data: { a: 1 } }); // 'data: {"a":1}\n\n'
 */
export function formatSseEvent(event: SseEvent): string {
  if ('raw' in event) return event.raw;
  if ('comment' in event) return `: ${event.comment}\n\n`;
  let text = '';
  if (event.event !== undefined) text += `event: ${event.event}\n`;
  if (event.id !== undefined) text += `id: ${event.id}\n`;
  if (event.retry !== undefined) text += `retry: ${event.retry}\n`;
  const data = typeof event.data === 'string' ? event.data : JSON.stringify(event.data);
  for (const line of data.split(/\r\n|\r|\n/)) text += `data: ${line}\n`;
  return `${text}\n`;
}
