import type { TestServer } from './server';

/**
 * Headers with the Bearer key every test request sends.
 *
 * @example
 * await fetch(`${server.url}/models`, { headers: bearer });
 */
export const bearer = { authorization: 'Bearer sk-test' } as const;

/**
 * POSTs JSON to a path below the server's `/v1` URL.
 *
 * @example
 * const response = await postJson(server, '/chat/completions', { model: 'gpt-4o-mini', messages });
 */
export function postJson(server: TestServer, path: string, body: unknown, headers: Record<string, string> = bearer) {
  return fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

/**
 * GETs a path below the server's `/v1` URL and parses the JSON answer.
 *
 * @example
 * const models = await getJson(server, '/models');
 */
export async function getJson(server: TestServer, path: string): Promise<any> {
  const response = await fetch(`${server.url}${path}`, { headers: bearer });
  return response.json();
}

/**
 * One event read from an SSE body, with the time it arrived.
 *
 * @example
 * const events: ReceivedEvent[] = await readEvents(response);
 */
export interface ReceivedEvent {
  event: string | undefined;
  data: string;
  receivedAt: number;
}

/**
 * Reads a whole `text/event-stream` body, noting when each event arrived.
 *
 * @example
 * const events = await readEvents(await postJson(server, '/chat/completions', { ...request, stream: true }));
 * expect(events.at(-1)?.data).toBe('[DONE]');
 */
export async function readEvents(response: Response): Promise<ReceivedEvent[]> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const events: ReceivedEvent[] = [];
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let end = buffer.indexOf('\n\n');
    while (end !== -1) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const lines = block.split('\n');
      const data = lines.filter((line) => line.startsWith('data: ')).map((line) => line.slice(6));
      if (data.length > 0) {
        events.push({
          event: lines.find((line) => line.startsWith('event: '))?.slice(7),
          data: data.join('\n'),
          receivedAt: performance.now(),
        });
      }
      end = buffer.indexOf('\n\n');
    }
  }
  return events;
}
