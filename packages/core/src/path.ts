import { InputRejectedError } from './errors.js';

/**
 * Encodes one path parameter as exactly one URL segment, refusing values that
 * would change which resource is addressed (`.`, `..`, empty).
 *
 * @example
 * encodePathSegment('file-abc', 'file_id'); // 'file-abc'
 * encodePathSegment('a/b', 'file_id');      // 'a%2Fb'
 */
export function encodePathSegment(value: unknown, field: string): string {
  if (typeof value !== 'string' && typeof value !== 'number') {
    throw new InputRejectedError(`"${field}" must be a string id, got ${value === null ? 'null' : typeof value}.`, field);
  }
  const text = String(value);
  if (text === '' || text === '.' || text === '..') {
    throw new InputRejectedError(`"${field}" cannot be ${text === '' ? 'empty' : `"${text}"`}: it would address a different resource.`, field);
  }
  return encodeURIComponent(text);
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
