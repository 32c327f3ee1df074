/**
 * A parsed route such as `'GET /v1/files/{file_id}'`.
 *
 * @example
 * const pattern: RoutePattern = parseRoute('GET /v1/files/{file_id}');
 * pattern.parameterCount; // 1
 */
export interface RoutePattern {
  /** The route as written, normalized to `METHOD /path`. */
  source: string;
  /** Upper-case method, or `'*'` for any method. */
  method: string;
  segments: string[];
  parameterCount: number;
}

const parameterSegment = /^\{([A-Za-z_][A-Za-z0-9_]*)\}$/;

/**
 * Parses `'METHOD /path/{param}'`. The method may be omitted or `*` (any
 * method); a `{name}` segment matches exactly one path segment.
 *
 * @example
 * parseRoute('POST /v1/threads/{thread_id}/runs');
 * parseRoute('/v1/models'); // any method
 */
export function parseRoute(route: string): RoutePattern {
  const trimmed = route.trim();
  const space = trimmed.indexOf(' ');
  const method = space === -1 ? '*' : trimmed.slice(0, space).toUpperCase();
  const path = space === -1 ? trimmed : trimmed.slice(space + 1).trim();
  if (!path.startsWith('/')) {
    throw new TypeError(`A route must look like 'POST /v1/chat/completions', got '${route}'`);
  }
  const segments = splitPath(path);
  return {
    source: `${method} ${path}`,
    method,
    segments,
    parameterCount: segments.filter((segment) => parameterSegment.test(segment)).length,
  };
}

/**
 * Returns the decoded `{param}` values when `method` and `path` match, else undefined.
 *
 * @example
 * matchRoute(parseRoute('GET /v1/files/{file_id}'), 'GET', '/v1/files/file-1'); // { file_id: 'file-1' }
 */
export function matchRoute(
  pattern: RoutePattern,
  method: string,
  path: string,
): Record<string, string> | undefined {
  if (pattern.method !== '*' && pattern.method !== method) return undefined;
  const segments = splitPath(path);
  if (segments.length !== pattern.segments.length) return undefined;
  const params: Record<string, string> = {};
  for (let index = 0; index < segments.length; index++) {
    const expected = pattern.segments[index]!;
    const actual = segments[index]!;
    const parameter = parameterSegment.exec(expected);
    if (parameter) {
      if (actual === '') return undefined;
      params[parameter[1]!] = decodeSegment(actual);
    } else if (expected !== actual) {
      return undefined;
    }
  }
  return params;
}

/**
 * Picks the most specific matching route (fewest parameters, then earliest),
 * so that `POST /v1/threads/runs` wins over `POST /v1/threads/{thread_id}`.
 *
 * @example
 * const found = findRoute(routes, 'POST', '/v1/threads/runs');
 * found?.route.pattern.source; // 'POST /v1/threads/runs'
 */
export function findRoute<T extends { pattern: RoutePattern }>(
  routes: readonly T[],
  method: string,
  path: string,
): { route: T; params: Record<string, string> } | undefined {
  let best: { route: T; params: Record<string, string> } | undefined;
  for (const route of routes) {
    const params = matchRoute(route.pattern, method, path);
    if (params && (!best || route.pattern.parameterCount < best.route.pattern.parameterCount)) {
      best = { route, params };
    }
  }
  return best;
}

// A trailing slash is not a different resource for the OpenAI API.
function splitPath(path: string): string[] {
  const segments = path.split('/').slice(1);
  if (segments.length > 1 && segments[segments.length - 1] === '') segments.pop();
  return segments;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
