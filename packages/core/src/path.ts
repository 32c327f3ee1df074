import { InputRejectedError } from './errors.js';

/**
 * Encodes one path parameter as exactly one URL segment, refusing values that
 * would change which resource is addressed (`.`, `..`, empty).
 *
 * @example
 * encodePathSegment('file-abc', 'file_id'); // 'file-abc'
 * encodePathSegment('a/b', 'file_id');      // 'a%2Fb'
 * encodePathSegment('..', 'file_id');       // throws InputRejectedError
 */
export function encodePathSegment(value: unknown, field: string): string {
  // Ids are strings in every OpenAI API; a number or object here is a caller's mix-up
  // (String({}) would address "[object Object]"), so it is refused, not coerced.
  if (typeof value !== 'string') {
    throw new InputRejectedError(`"${field}" must be a string id, got ${value === null ? 'null' : typeof value}.`, field);
  }
  if (value === '' || value === '.' || value === '..') {
    throw new InputRejectedError(`"${field}" cannot be ${value === '' ? 'empty' : `"${value}"`}: it would address a different resource.`, field);
  }
  try {
    return encodeURIComponent(value);
  } catch {
    throw new InputRejectedError(`"${field}" contains a lone surrogate and cannot be sent in a URL.`, field);
  }
}

/**
 * Fills an API path template with the call's parameters by name, each encoded
 * as one segment (`/` becomes `%2F`; empty, `.` and `..` are refused).
 *
 * @example
 * pathFor('/threads/{thread_id}/runs/{run_id}', { thread_id: 'thread_1', run_id: 'run_2' });
 * // '/threads/thread_1/runs/run_2'
 */
export function pathFor(template: string, parameters: object): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => encodePathSegment((parameters as Record<string, unknown>)[name], name));
}
