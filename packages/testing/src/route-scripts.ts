import { matchRoute, parseRoute, type RoutePattern } from './router';
import type { RecordedRequest, ReplyInput, ScriptedReply } from './types';

/**
 * The replies scripted for one route. Each request that matches takes the
 * oldest queued one-shot reply first; when the queue is empty it gets the
 * persistent reply; without one, the next matching route's script (in the
 * order `on` first saw them) and finally the server's default answer.
 *
 * @example
 * server.on('POST /v1/chat/completions')
 *   .replyOnce(errorReply(429, { retryAfter: 0 }))   // 1st request
 *   .replyOnce(errorReply(500))                      // 2nd request
 *   .reply(chatCompletionReply({ content: 'OK' }));   // every later one
 */
export interface RouteScript {
  /** The route as normalized, e.g. `'POST /v1/chat/completions'`. */
  readonly route: string;
  /** Sets the reply for every matching request once the one-shot queue is empty (replaces the previous one). */
  reply(reply: ReplyInput): RouteScript;
  /** Queues a reply for one matching request. */
  replyOnce(reply: ReplyInput): RouteScript;
  /** Queues the same reply for the next `count` matching requests. */
  replyTimes(count: number, reply: ReplyInput): RouteScript;
  /** Forgets this route's queued and persistent replies. */
  clear(): RouteScript;
  /** How many one-shot replies are still queued. */
  readonly pendingReplies: number;
  /** The recorded requests that match this route (scripted or not). */
  readonly requests: RecordedRequest[];
}

interface ScriptEntry {
  pattern: RoutePattern;
  queue: ReplyInput[];
  persistent: ReplyInput | undefined;
  handle: RouteScript;
}

/**
 * The scripts of one server.
 *
 * @example
 * const scripts = createRouteScripts(() => requests);
 * scripts.on('GET /v1/models').replyOnce(errorReply(500));
 * const reply = await scripts.resolve(request, () => defaultFor(request));
 */
export interface RouteScripts {
  on(route: string): RouteScript;
  /** The scripted reply for a request, or undefined to answer by default. */
  resolve(request: RecordedRequest, defaultReply: () => Promise<ScriptedReply>): Promise<ScriptedReply | undefined>;
  clear(): void;
}

/**
 * Creates an empty script book; `requests` gives the recorded requests for `RouteScript.requests`.
 *
 * @example
 * const scripts = createRouteScripts(() => server.requests);
 */
export function createRouteScripts(requests: () => readonly RecordedRequest[]): RouteScripts {
  const entries: ScriptEntry[] = [];

  const on = (route: string): RouteScript => {
    const pattern = parseRoute(route);
    const existing = entries.find((entry) => entry.pattern.source === pattern.source);
    if (existing) return existing.handle;
    const handle: RouteScript = {
      route: pattern.source,
      reply(reply) {
        entry.persistent = reply;
        return handle;
      },
      replyOnce(reply) {
        entry.queue.push(reply);
        return handle;
      },
      replyTimes(count, reply) {
        for (let time = 0; time < count; time++) entry.queue.push(reply);
        return handle;
      },
      clear() {
        entry.queue.length = 0;
        entry.persistent = undefined;
        return handle;
      },
      get pendingReplies() {
        return entry.queue.length;
      },
      get requests() {
        return requests().filter((request) => matchRequest(entry.pattern, request) !== undefined);
      },
    };
    const entry: ScriptEntry = { pattern, queue: [], persistent: undefined, handle };
    entries.push(entry);
    return handle;
  };

  const resolve: RouteScripts['resolve'] = async (request, defaultReply) => {
    for (const entry of entries) {
      const params = matchRequest(entry.pattern, request);
      if (!params) continue;
      const reply = entry.queue.length > 0 ? entry.queue.shift() : entry.persistent;
      if (reply === undefined) continue;
      const chosen = typeof reply === 'function' ? await reply(request, { params, defaultReply }) : reply;
      if (chosen !== undefined) return chosen;
    }
    return undefined;
  };

  return {
    on,
    resolve,
    clear() {
      // Entries stay, emptied, so that handles a test keeps across resets still work.
      for (const entry of entries) entry.handle.clear();
    },
  };
}

/**
 * Matches a request's own path, then (for Azure requests) its OpenAI path, so
 * that `'POST /v1/chat/completions'` also scripts Azure deployments.
 *
 * @example
 * matchRequest(parseRoute('POST /v1/chat/completions'), azureRequest); // {}
 */
export function matchRequest(pattern: RoutePattern, request: RecordedRequest): Record<string, string> | undefined {
  return (
    matchRoute(pattern, request.method, request.path) ??
    (request.operationPath !== request.path ? matchRoute(pattern, request.method, request.operationPath) : undefined)
  );
}
