#!/usr/bin/env node
// One cold start, timed from outside by run.mjs (spawn to exit, against `node -e 0`):
//   node cold-start.mjs <client> import          load the client's modules and make a client
//   node cold-start.mjs <client> request <port>  the same, then one chat completion
// It exits as soon as it is done, so idle keep-alive sockets never count.
import { loadClient } from './clients.mjs';

const [name, mode, port] = process.argv.slice(2);
const client = await loadClient(name, `http://127.0.0.1:${port ?? 9}/v1`);
if (mode === 'request' && (await client.chat()).choices.length !== 1) process.exit(1);
process.exit(0);
