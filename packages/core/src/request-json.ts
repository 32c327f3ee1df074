import type { Client } from './client.js';
import { ResponseParseError } from './errors.js';
import { attachResponseMetadata } from './metadata.js';
import { type Attempt, executeRequest, type OperationRequest, readBodyText, type RequestOptions, type ResponseHandling, type StandardSchema } from './request.js';

/**
 * Parses a finished JSON body, refusing empty, non-JSON and non-object bodies,
 * and validates it when the caller passed a schema.
 *
 * @example
 * const value = await parseJSONBody(attempt, text, options?.schema);
 */
export async function parseJSONBody(attempt: Attempt, text: string, schema: StandardSchema | undefined): Promise<object> {
  const { status, headers } = attempt.response;
  let value: unknown;
  let cause: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    cause = error;
  }
  if (typeof value !== 'object' || !value) {
    const kind = !cause ? `a JSON ${value === null ? 'null' : typeof value}` : !text.trim() ? 'an empty body' : /^\s*</.test(text) ? 'an HTML page' : 'truncated or malformed JSON';
    throw new ResponseParseError(`The ${status} response holds ${kind}, not a JSON object.`, { status, body: text, cause });
  }
  if (schema) {
    const outcome = await schema['~standard'].validate(value);
    if (outcome.issues) throw new ResponseParseError('The response does not match the "schema" call option.', { status, body: text, issues: outcome.issues });
    value = outcome.value;
  }
  return attachResponseMetadata(value as object, status, headers, attempt.transportName);
}

/** Reads the body as text and hands it to `finish`, which makes the result: JSON and text responses share it. */
function bodyHandling<Result>(accept: string, finish: (attempt: Attempt, text: string) => Result | Promise<Result>): ResponseHandling<Result> {
  return {
    accept,
    streaming: false,
    consume: async (attempt) => finish(attempt, await readBodyText(attempt.response, attempt.settings.maxResponseBytes)),
  };
}

/**
 * Sends an operation and resolves its JSON response, typed as `Result`, with
 * the response metadata attached (see `getResponseMetadata`).
 *
 * @example
 * const model = await request<Model>(client, { method: 'GET', path: pathFor('/models/{model}', params) }, options);
 */
export function request<Result extends object>(client: Client, operation: OperationRequest, options?: RequestOptions<Result>): Promise<Result> {
  return executeRequest(
    client,
    operation,
    options,
    bodyHandling('application/json', (attempt, text) => parseJSONBody(attempt, text, options?.schema) as Promise<Result>),
  );
}

/**
 * Sends an operation whose response is plain text (audio `text`, `srt` and
 * `vtt` formats) and resolves `{ text }` with the response metadata attached.
 *
 * @example
 * const { text } = await requestText(client, { method: 'POST', path: '/audio/transcriptions', body });
 */
export function requestText(client: Client, operation: OperationRequest, options?: RequestOptions): Promise<{ text: string }> {
  return executeRequest(
    client,
    operation,
    options,
    bodyHandling('text/plain, application/json', ({ response, transportName }, text) => attachResponseMetadata({ text }, response.status, response.headers, transportName)),
  );
}
