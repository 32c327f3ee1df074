import { invalidRequest } from './operation-errors';

/**
 * A cursor page in the shape the Assistants API lists use.
 *
 * @example
 * const page: CursorPage<{ id: string }> = { object: 'list', data: [], first_id: null, last_id: null, has_more: false };
 */
export interface CursorPage<T> {
  object: 'list';
  data: T[];
  first_id: string | null;
  last_id: string | null;
  has_more: boolean;
}

/**
 * Pages `items` (oldest first) by the `limit`, `order`, `after` and `before`
 * query parameters. `after`/`before` are ids in the requested order; an id
 * that is not in the list gives an empty page, as for an object deleted
 * while a client was paging.
 *
 * @example
 * paginate(messages, { limit: '2', order: 'asc', after: 'msg_000002' });
 */
export function paginate<T extends { id: string }>(
  items: readonly T[],
  query: Record<string, string>,
  defaultOrder: 'asc' | 'desc' = 'desc',
): CursorPage<T> {
  const limit = readLimit(query.limit);
  const order = query.order ?? defaultOrder;
  if (order !== 'asc' && order !== 'desc') {
    throw invalidRequest(`Invalid value for 'order': expected 'asc' or 'desc', got '${order}'.`, 'order');
  }
  const ordered = order === 'asc' ? [...items] : [...items].reverse();
  let start = 0;
  let end = ordered.length;
  if (query.after !== undefined) {
    start = ordered.findIndex((item) => item.id === query.after) + 1;
    if (start === 0) start = ordered.length;
  }
  if (query.before !== undefined) {
    const beforeIndex = ordered.findIndex((item) => item.id === query.before);
    end = beforeIndex === -1 ? start : beforeIndex;
  }
  // With only `before`, the page is the one right before the cursor.
  const data =
    query.before !== undefined && query.after === undefined
      ? ordered.slice(Math.max(start, end - limit), end)
      : ordered.slice(start, Math.min(end, start + limit));
  const firstIndex = data.length > 0 ? ordered.indexOf(data[0]!) : start;
  const lastIndex = firstIndex + data.length;
  const has_more =
    query.before !== undefined && query.after === undefined ? firstIndex > 0 : lastIndex < Math.min(end, ordered.length);
  return {
    object: 'list',
    data,
    first_id: data[0]?.id ?? null,
    last_id: data[data.length - 1]?.id ?? null,
    has_more,
  };
}

/**
 * Pages newest-first by `after` and `limit`, as the fine-tuning job and event lists do.
 *
 * @example
 * afterCursorPage(jobs, { limit: '2', after: 'ftjob-000003' }); // { object: 'list', data, has_more }
 */
export function afterCursorPage<T extends { id: string }>(
  items: readonly T[],
  query: Record<string, string>,
): { object: 'list'; data: T[]; has_more: boolean } {
  const page = paginate(items, { ...(query.limit ? { limit: query.limit } : {}), ...(query.after ? { after: query.after } : {}) });
  return { object: 'list', data: page.data, has_more: page.has_more };
}

function readLimit(value: string | undefined): number {
  if (value === undefined) return 20;
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    throw invalidRequest(`Invalid 'limit': expected an integer between 1 and 100, got '${value}'.`, 'limit');
  }
  return limit;
}
