#!/usr/bin/env node
// Serves the edge function of edge.mjs on Node's http server, the way an edge
// runtime would: each request becomes a web Request, the Response streams back
// chunk by chunk. Run: OPENAI_API_KEY=sk-... node examples/edge-serve.mjs (PORT picks the port).
import { createServer } from 'node:http';
import { Readable } from 'node:stream';
import handler from './edge.mjs';

const server = createServer(async (incoming, outgoing) => {
  const controller = new AbortController();
  outgoing.on('close', () => controller.abort());
  const headers = new Headers();
  for (let index = 0; index < incoming.rawHeaders.length; index += 2) headers.append(incoming.rawHeaders[index], incoming.rawHeaders[index + 1]);
  const hasBody = incoming.method !== 'GET' && incoming.method !== 'HEAD';
  const request = new Request(new URL(incoming.url ?? '/', `http://${incoming.headers.host ?? 'localhost'}`), {
    method: incoming.method,
    headers,
    body: hasBody ? Readable.toWeb(incoming) : undefined,
    duplex: 'half',
    signal: controller.signal,
  });
  try {
    const response = await handler.fetch(request, process.env);
    outgoing.writeHead(response.status, [...response.headers].flat());
    // Written as each chunk arrives: no buffering between the model and the browser.
    if (response.body) for await (const chunk of response.body) outgoing.write(chunk);
    outgoing.end();
  } catch (error) {
    console.error(error);
    if (outgoing.headersSent) outgoing.destroy();
    else outgoing.writeHead(500).end();
  }
});

server.listen(Number(process.env.PORT ?? 3000), '127.0.0.1', () => {
  const { port } = server.address();
  console.log(`Edge function listening on http://127.0.0.1:${port}/`);
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
}
