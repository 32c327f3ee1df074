/**
 * The hostile-server scenarios of issue 8, item 1, word for word, grouped by the
 * family file that runs them. Every family file's scenario table is typed
 * against this list and ends with a test that its names equal its family's
 * list exactly, so the issue maps 1:1 onto named tests and none can go missing.
 */
export const issueScenarios = {
  retries: [
    '429 with Retry-After in seconds',
    '429 with Retry-After as an HTTP-date',
    '429 with retry-after-ms',
    '429 with an absurd Retry-After',
    '5xx then success',
    'a retried upload re-sending its body',
  ],
  disconnects: ['reset before headers', 'reset mid-body', 'reset mid-stream'],
  stalls: ['stalled headers', 'stalled body', 'stalled stream', 'a stream of keep-alive comments only', 'endless blank lines', 'a slow drip'],
  bodies: ['truncated JSON', 'a 200 with an HTML page', 'a 200 with an empty body', 'gzip', 'a 100 MB response', 'a gzip bomb'],
  streams: ['one 64 MB SSE event', 'error events in a stream', 'a malformed JSON chunk'],
  security: ['a cross-origin redirect', 'CRLF in header values', 'path traversal through ids', 'multipart file-name injection', 'API key redaction'],
} as const;

/** A family of scenarios: one test file each. */
export type Family = keyof typeof issueScenarios;

/** The name of one scenario of a family, as the issue words it. */
export type ScenarioName<F extends Family> = (typeof issueScenarios)[F][number];
