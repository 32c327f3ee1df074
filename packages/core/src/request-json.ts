import type { Client } from './client.js';
import { ResponseParseError } from './errors.js';
import { attachResponseMetadata } from './metadata.js';
import { type Attempt, executeRequest, type OperationRequest, readBodyText, type RequestOptions, type StandardSchema } from './request.js';

/**
 * Parses a finished JSON body, refusing empty, non-JSON and non-object bodies,
 * and validates it when the caller passed a schema.
 *
 * @example
 * const value = await parseJSONBody(attempt, text, options?.schema);
 */
export async function parseJSONBody(attempt: Attempt, text: string, schema: StandardSchema | undefined): Promise<object> {
  const { status, headers } = attempt.response;
  if (text.trim() === '') throw new ResponseParseError(`The server answered ${status} with an empty body where JSON was expected.`, { status, body: text });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    const kind = /^\s*</.test(text) ? 'an HTML or XML page' : /^\s*[[{]/.test(text) ? 'truncated or malformed JSON' : 'text that is not JSON';
    throw new ResponseParseError(`The server answered ${status} with ${kind} where JSON was expected.`, { status, body: text, cause });
  }
  if (typeof value !== 'object' || value === null) {
    throw new ResponseParseError(`The server answered ${status} with a JSON ${value === null ? 'null' : typeof value} where an object was expected.`, { status, body: text });
  }
  if (schema) {
    const outcome = await schema['~standard'].validate(value);
    if (outcome.issues) {
      throw new ResponseParseError(`The response did not match the schema passed in the call options.`, { status, body: text, issues: outcome.issues });
    }
    value = outcome.value;
  }
  return attachResponseMetadata(value as object, status, headers, attempt.transportName);
}

/**
 * Sends an operation and resolves its JSON response, typed as `Result`, with
 * the response metadata attached (see `getResponseMetadata`).
 *
 * @example
 * const model = await request<Model>(client, { method: 'GET', path: path`/models/${id}` }, options);
 */
export function request<Result extends object>(client: Client, operation: OperationRequest, options?: RequestOptions<Result>): Promise<Result> {
  return executeRequest(client, operation, options, {
    accept: 'application/json',
    streaming: false,
    consume: async (attempt) =>
      (await parseJSONBody(attempt, await readBodyText(attempt.response, attempt.settings.maxResponseBytes), options?.schema)) as Result,
  });
}

/**
 * Sends an operation whose response is plain text (audio `text`, `srt` and
 * `vtt` formats) and resolves `{ text }` with the response metadata attached.
 *
 * @example
 * const { text } = await requestText(client, { method: 'POST', path: '/audio/transcriptions', body });
 */
export function requestText(client: Client, operation: OperationRequest, options?: RequestOptions): Promise<{ text: string }> {
  return executeRequest(client, operation, options, {
    accept: 'text/plain, application/json',
    streaming: false,
    consume: async (attempt) =>
      attachResponseMetadata(
        { text: await readBodyText(attempt.response, attempt.settings.maxResponseBytes) },
        attempt.response.status,
        attempt.response.headers,
        attempt.transportName,
      ),
  });
}
