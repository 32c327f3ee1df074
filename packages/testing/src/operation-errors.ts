import { errorReply } from './replies';
import type { JsonReply } from './types';

/**
 * Thrown by a default operation to answer with an OpenAI error instead of its
 * normal reply (a missing field, an unknown id, a run in the wrong state).
 *
 * @example
 * throw new ReplyError(errorReply(404, { message: "No thread found with id 'thread_x'." }));
 */
export class ReplyError extends Error {
  override name = 'ReplyError';
  constructor(readonly reply: JsonReply) {
    super(String((reply.body as { error?: { message?: unknown } }).error?.message ?? 'error'));
  }
}

/**
 * A 400 `invalid_request_error`, the API's answer to a bad parameter.
 *
 * @example
 * if (typeof body.model !== 'string') throw invalidRequest('you must provide a model parameter', 'model');
 */
export function invalidRequest(message: string, param: string | null = null, code: string | null = null): ReplyError {
  return new ReplyError(errorReply(400, { message, param, code }));
}

/**
 * A 404 `invalid_request_error` for an id that names nothing.
 *
 * @example
 * throw notFound("No assistant found with id 'asst_x'.");
 */
export function notFound(message: string, param: string | null = null, code: string | null = null): ReplyError {
  return new ReplyError(errorReply(404, { message, param, code }));
}
