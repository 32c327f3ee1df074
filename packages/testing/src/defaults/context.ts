import { invalidRequest, notFound } from '../operation-errors';
import { jsonReply } from '../replies';
import type { ConcreteReply } from '../reply-writer';
import type { JsonObject, Store } from '../state';
import type { MultipartPart, RecordedRequest } from '../types';

/**
 * The server settings the default operations read.
 *
 * @example
 * const settings: OperationSettings = { answer: () => 'Hi', chunkDelay: 0, runToolCalls: false,
 *   requireAssistantsBetaHeader: false, now: Date.now, origin: 'http://127.0.0.1:8787' };
 */
export interface OperationSettings {
  answer: (request: RecordedRequest) => string;
  chunkDelay: number;
  runToolCalls: boolean;
  requireAssistantsBetaHeader: boolean;
  /** Milliseconds since the epoch. */
  now: () => number;
  origin: string;
}

/**
 * What a default operation works with.
 *
 * @example
 * const createThread: Operation = (context) => objectReply({ id: context.newId('thread_') });
 */
export interface OperationContext {
  request: RecordedRequest;
  params: Record<string, string>;
  store: Store;
  settings: OperationSettings;
  newId: (prefix: string) => string;
}

/**
 * A default operation: answers one route from the request and the store.
 *
 * @example
 * const listModels: Operation = (context) => objectReply({ object: 'list', data: [...context.store.models.values()] });
 */
export type Operation = (context: OperationContext) => ConcreteReply | Promise<ConcreteReply>;

/**
 * A JSON reply holding a copy of `body`, so that later changes to stored
 * objects (a run moving on while a delayed reply waits) never leak into it.
 *
 * @example
 * return objectReply(state.run);
 */
export function objectReply(body: unknown): ConcreteReply {
  return jsonReply(structuredClone(body));
}

/**
 * The current time in Unix seconds, as the API's `created_at` fields use.
 *
 * @example
 * const created_at = unixSeconds(context);
 */
export function unixSeconds(context: OperationContext): number {
  return Math.floor(context.settings.now() / 1000);
}

/**
 * The JSON body as an object, or a 400 like the API's for a body that is not JSON.
 *
 * @example
 * const body = jsonBody(context);
 */
export function jsonBody(context: OperationContext): JsonObject {
  const { json, text } = context.request;
  if (json !== null && typeof json === 'object' && !Array.isArray(json)) return json as JsonObject;
  if (text.trim() === '') return {};
  throw invalidRequest(
    'We could not parse the JSON body of your request. (HINT: This likely means you aren\'t using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON.)',
  );
}

/**
 * A required string field of a JSON body or form, or the API's 400 naming it.
 *
 * @example
 * const model = requireString(body, 'model');
 */
export function requireString(body: JsonObject, field: string): string {
  const value = body[field];
  if (typeof value !== 'string' || value === '') throw invalidRequest(`you must provide a ${field} parameter`, field);
  return value;
}

/**
 * An optional string field, or undefined.
 *
 * @example
 * const format = optionalString(body, 'response_format') ?? 'json';
 */
export function optionalString(body: JsonObject, field: string): string | undefined {
  const value = body[field];
  return typeof value === 'string' ? value : undefined;
}

/**
 * An optional number field that must stay within bounds when present.
 *
 * @example
 * const n = boundedNumber(body, 'n', 1, 10) ?? 1;
 */
export function boundedNumber(body: JsonObject, field: string, minimum: number, maximum: number): number | undefined {
  const raw = body[field];
  if (raw === undefined || raw === null) return undefined;
  const value = typeof raw === 'string' ? Number(raw) : raw;
  if (typeof value !== 'number' || Number.isNaN(value)) throw invalidRequest(`'${raw}' is not of type 'number' - '${field}'`, field);
  if (value < minimum) throw invalidRequest(`${value} is less than the minimum of ${minimum} - '${field}'`, field);
  if (value > maximum) throw invalidRequest(`${value} is greater than the maximum of ${maximum} - '${field}'`, field);
  return value;
}

/**
 * An optional field that must be one of `allowed` when present (an empty string is not absent).
 *
 * @example
 * const size = oneOf(fields, 'size', ['256x256', '512x512', '1024x1024']);
 */
export function oneOf<T extends string>(body: JsonObject, field: string, allowed: readonly T[]): T | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (!allowed.includes(value as T)) {
    throw invalidRequest(`'${String(value)}' is not one of ${JSON.stringify(allowed)} - '${field}'`, field);
  }
  return value as T;
}

/**
 * The text fields of a multipart form (a repeated name keeps its first value;
 * `name[]` fields are collected into arrays) and its file parts by name.
 *
 * @example
 * const { fields, files } = formBody(context);
 * const image = requireFile(files, 'image');
 */
export function formBody(context: OperationContext): { fields: JsonObject; files: Map<string, MultipartPart> } {
  const { parts, headers } = context.request;
  if (!parts) {
    const contentType = headers['content-type'] ?? '';
    throw invalidRequest(
      contentType.startsWith('multipart/form-data')
        ? 'Could not parse multipart form'
        : `Invalid Content-Type header (${contentType || 'none'}), expected multipart/form-data.`,
    );
  }
  const fields: JsonObject = {};
  const files = new Map<string, MultipartPart>();
  for (const part of parts) {
    if (part.filename !== undefined) {
      if (!files.has(part.name)) files.set(part.name, part);
    } else if (part.name.endsWith('[]')) {
      const list = (fields[part.name] as string[] | undefined) ?? [];
      fields[part.name] = [...list, part.text];
    } else if (!(part.name in fields)) {
      fields[part.name] = part.text;
    }
  }
  return { fields, files };
}

/**
 * A required file part, or the API's 400 naming it.
 *
 * @example
 * const file = requireFile(files, 'file');
 */
export function requireFile(files: Map<string, MultipartPart>, field: string): MultipartPart {
  const part = files.get(field);
  if (!part) throw invalidRequest(`you must provide a ${field} file`, field);
  return part;
}

/**
 * Looks an id up in a map, or answers the API's 404 for it.
 *
 * @example
 * const state = mustFind(context.store.threads, context.params.thread_id!, 'thread');
 */
export function mustFind<T>(map: Map<string, T>, id: string, noun: string): T {
  const found = map.get(id);
  if (found === undefined) throw notFound(`No ${noun} found with id '${id}'.`);
  return found;
}
