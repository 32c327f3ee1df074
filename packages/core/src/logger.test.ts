import { describe, expect, it } from 'vitest';
import type { Logger } from './client.js';
import { request } from './request-json.js';
import { rejectionOf, testApiKey, transports, useLoopbackServer } from './test-support.test-helper.js';

function collectingLogger(): { logger: Required<Logger>; lines: string[]; levels: string[] } {
  const lines: string[] = [];
  const levels: string[] = [];
  const record = (level: string) => (message: string) => {
    levels.push(level);
    lines.push(message);
  };
  return { logger: { info: record('info'), warn: record('warn'), debug: record('debug') }, lines, levels };
}

describe.each(transports)('logger over %s', (_name, transport) => {
  const context = useLoopbackServer(transport);

  it('logs method, URL, status and timing of each request', async () => {
    context.server.handler = (_request, reply) => reply.json(200, { object: 'list', data: [] });
    const { logger, lines, levels } = collectingLogger();
    await request(context.client({ logger }), { method: 'GET', path: '/models', query: { limit: 2 } });
    expect(levels).toEqual(['info']);
    expect(lines[0]).toMatch(new RegExp(`^GET ${context.server.url}/v1/models\\?limit=2 -> 200 in \\d+ ms$`));
  });

  it('logs retries with the attempt and the reason, and the final failure', async () => {
    context.server.handler = (_request, reply) => reply.json(503, { error: { message: 'overloaded' } }, { 'retry-after-ms': '5' });
    const { logger, lines } = collectingLogger();
    await rejectionOf(request(context.client({ logger, maxRetries: 2 }), { method: 'POST', path: '/chat/completions', body: {} }));
    const text = lines.join('\n');
    expect(text).toContain('POST');
    expect(text).toMatch(/-> 503 in \d+ ms/);
    expect(text).toMatch(/retrying in 5 ms \(attempt 2 of 3\)/);
    expect(text).toMatch(/retrying in 5 ms \(attempt 3 of 3\)/);
    expect(text).toMatch(/\(attempt 3\)/);
    expect(text).toMatch(/failed: 503 overloaded/);
  });

  it('never logs the API key, and redacts secret query values', async () => {
    context.server.handler = (seen, reply) =>
      reply.json(401, { error: { message: `Incorrect API key provided: ${String(seen.headers.authorization)}` } });
    const { logger, lines } = collectingLogger();
    const client = context.client({ logger, maxRetries: 1, query: { 'api-key': 'SECRET-query-key' } });
    await rejectionOf(
      request(client, { method: 'GET', path: '/models' }, { query: { access_token: 'SECRET-token', client_secret: 'SECRET-x', sig: 'SECRET-sig', limit: 5 } }),
    );
    expect(context.server.requests[0]?.query.get('api-key')).toBe('SECRET-query-key');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(line).not.toContain('SECRET');
      expect(line).not.toContain(testApiKey);
    }
    expect(lines[0]).toContain('api-key=%5Bredacted%5D');
    expect(lines[0]).toContain('limit=5');
  });

  it('logs connection failures without the key, and works with a partial logger', async () => {
    context.server.handler = (_request, reply) => reply.reset();
    const warnings: string[] = [];
    await rejectionOf(request(context.client({ logger: { warn: (line: string) => warnings.push(line) }, maxRetries: 0 }), { method: 'GET', path: '/models' }));
    expect(warnings.join('\n')).toMatch(/GET .*\/v1\/models failed: The connection failed/);
    expect(warnings.join('\n')).not.toContain(testApiKey);
  });
});
