import type { Client } from './client.js';
import { request } from './request-json.js';
import type { OperationRequest, RequestOptions } from './request.js';

/**
 * Query parameters every cursor list takes.
 *
 * @example
 * const query: CursorQuery = { limit: 20, order: 'desc', after: 'asst_abc' };
 * const page = await requestPage<Assistant>(client, { method: 'GET', path: '/assistants', query: { ...query } });
 */
export interface CursorQuery {
  limit?: number;
  order?: 'asc' | 'desc';
  after?: string;
  before?: string;
}

/**
 * One page of a list, as the API sent it (`data`, and `has_more`, `first_id`,
 * `last_id` where the API sends them), plus `nextPage()`; iterating a page with
 * `for await` walks every item of this page and all the following ones.
 *
 * @example
 * const page = await listFiles(client);
 * for await (const file of page) console.log(file.id);
 */
export interface Page<Item> {
  object?: string;
  data: Item[];
  has_more?: boolean;
  first_id?: string | null;
  last_id?: string | null;
  /** Whether another page exists. */
  hasNextPage(): boolean;
  /** Fetches the next page, or resolves undefined when there is none. */
  nextPage(): Promise<Page<Item> | undefined>;
  [Symbol.asyncIterator](): AsyncIterator<Item>;
}

function cursorOf(page: { data: unknown[]; first_id?: string | null; last_id?: string | null }, backwards: boolean): string | undefined {
  const edge = backwards ? page.first_id : page.last_id;
  if (typeof edge === 'string' && edge) return edge;
  const item = page.data[backwards ? 0 : page.data.length - 1] as { id?: unknown } | undefined;
  return typeof item?.id === 'string' ? item.id : undefined;
}

/**
 * Sends a list operation and resolves a {@link Page}. Following pages use the
 * `after` cursor (`last_id`, else the last item's id) — or, for a list opened
 * with `before`, the `before` cursor (`first_id`, else the first item's id); iteration stops when
 * `has_more` is false, a page is empty, or the cursor does not advance (or
 * comes back to one already used), so it can never loop forever.
 *
 * @example
 * const page = await requestPage<Assistant>(client, { method: 'GET', path: '/assistants', query: { limit: 20 } }, options);
 */
export function requestPage<Item>(client: Client, operation: OperationRequest, options?: RequestOptions, previousCursor?: string): Promise<Page<Item>> {
  return fetchPage<Item>(client, operation, options, new Set(previousCursor === undefined ? [] : [previousCursor]));
}

async function fetchPage<Item>(client: Client, operation: OperationRequest, options: RequestOptions | undefined, usedCursors: ReadonlySet<string>): Promise<Page<Item>> {
  const page = await request<Page<Item>>(client, operation, options as RequestOptions<Page<Item>>);
  if (!Array.isArray(page.data)) page.data = [];
  // A list opened with `before` (and no `after`) pages backwards: each earlier
  // page ends just before the first item of the one already seen.
  const backwards = operation.query?.before != null && operation.query?.after == null;
  const cursor = cursorOf(page, backwards);
  const hasNextPage = () => page.has_more === true && page.data.length > 0 && cursor !== undefined && !usedCursors.has(cursor);
  const nextPage = async () =>
    hasNextPage()
      ? fetchPage<Item>(
          client,
          { ...operation, query: { ...operation.query, [backwards ? 'before' : 'after']: cursor } },
          options,
          new Set([...usedCursors, cursor!]),
        )
      : undefined;
  async function* items(): AsyncGenerator<Item> {
    for (let current: Page<Item> | undefined = page; current; current = await current.nextPage()) yield* current.data;
  }
  Object.defineProperties(page, {
    hasNextPage: { value: hasNextPage },
    nextPage: { value: nextPage },
    [Symbol.asyncIterator]: { value: items },
  });
  return page;
}
