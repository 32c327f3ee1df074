#!/usr/bin/env node
// Bundle-size budgets, measured on real esbuild output: small programs are
// bundled as an edge deployment would bundle them (minified ESM, the conditions
// wrangler uses), gzipped, and compared with their budgets; the same programs
// written for the official openai package and openai-fetch are printed beside them.
// Exits 1 when any of our programs is over budget.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const benchFolder = dirname(dirname(fileURLToPath(import.meta.url)));
const packagesFolder = join(benchFolder, '..', 'packages');
const kilobyte = 1024;

const clientSetup = `import { createClient } from '@openai-micro/core';
const client = createClient({ apiKey: 'sk-size', baseURL: 'https://api.example.com/v1' });`;

/** The programs with their own budgets (issue: edge-first and fast, measured). */
const namedPrograms = [
  {
    name: 'chat: createChatCompletion',
    folder: 'chat',
    budget: 3.0 * kilobyte,
    source: `${clientSetup}
import { createChatCompletion } from '@openai-micro/chat';
export default async () => (await createChatCompletion(client, { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] })).choices[0].message.content;`,
  },
  {
    name: 'chat: createChatCompletionStream, iterated',
    folder: 'chat',
    budget: 5.0 * kilobyte,
    source: `${clientSetup}
import { createChatCompletionStream } from '@openai-micro/chat';
export default async () => { let text = ''; for await (const chunk of await createChatCompletionStream(client, { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] })) text += chunk.choices[0]?.delta.content ?? ''; return text; };`,
  },
  {
    name: 'embeddings: createEmbedding',
    folder: 'embeddings',
    budget: 3.0 * kilobyte,
    source: `${clientSetup}
import { createEmbedding } from '@openai-micro/embeddings';
export default async () => (await createEmbedding(client, { model: 'text-embedding-3-small', input: 'hi' })).data[0];`,
  },
];

const peerPrograms = [
  {
    name: 'openai 6.49.0: chat.completions.create',
    source: `import OpenAI from 'openai';
const client = new OpenAI({ apiKey: 'sk-size', baseURL: 'https://api.example.com/v1' });
export default async () => (await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] })).choices[0].message.content;`,
  },
  {
    name: 'openai 7.55.0: chat.completions.create',
    source: `import OpenAI from 'openai-7';
const client = new OpenAI({ apiKey: 'sk-size', baseURL: 'https://api.example.com/v1' });
export default async () => (await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] })).choices[0].message.content;`,
  },
  {
    name: 'openai-fetch 3.4.2: createChatCompletion',
    source: `import { OpenAIClient } from 'openai-fetch';
const client = new OpenAIClient({ apiKey: 'sk-size', baseUrl: 'https://api.example.com/v1' });
export default async () => (await client.createChatCompletion({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] })).choices[0].message.content;`,
  },
  {
    name: 'openai 6.49.0: streamed chat, iterated',
    source: `import OpenAI from 'openai';
const client = new OpenAI({ apiKey: 'sk-size', baseURL: 'https://api.example.com/v1' });
export default async () => { let text = ''; for await (const chunk of await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [], stream: true })) text += chunk.choices[0]?.delta.content ?? ''; return text; };`,
  },
  {
    name: 'openai 6.49.0: embeddings.create',
    source: `import OpenAI from 'openai';
const client = new OpenAI({ apiKey: 'sk-size', baseURL: 'https://api.example.com/v1' });
export default async () => (await client.embeddings.create({ model: 'text-embedding-3-small', input: 'hi' })).data[0];`,
  },
];

const operationName = /^(create|list|retrieve|delete|modify|cancel|submit|download|update)[A-Z]/;
const perOperationBudget = 6 * kilobyte;
const facadeAndTools = new Set(['core', 'testing', 'openai', 'tools']);

/** Every other single operation of every resource package, streaming ones iterated. */
async function operationPrograms() {
  const programs = [];
  for (const folder of readdirSync(packagesFolder)) {
    if (facadeAndTools.has(folder)) continue;
    const manifest = JSON.parse(readFileSync(join(packagesFolder, folder, 'package.json'), 'utf8'));
    let exported;
    try {
      exported = await import(join(packagesFolder, folder, 'dist', 'index.js'));
    } catch {
      continue; // not built: the build step before this script reports why
    }
    for (const [name, value] of Object.entries(exported)) {
      if (typeof value !== 'function' || !operationName.test(name)) continue;
      const call = `${name}(client, parameters)`;
      const body = name.endsWith('Stream') ? `{ const items = []; for await (const item of await ${call}) items.push(item); return items; }` : `${call}`;
      programs.push({
        name: `${folder}: ${name}`,
        folder,
        budget: perOperationBudget,
        source: `${clientSetup}\nimport { ${name} } from '${manifest.name}';\nexport default async (parameters) => ${body};`,
      });
    }
  }
  return programs.filter((program) => !namedPrograms.some((named) => named.name.split(': ')[1].startsWith(program.name.split(': ')[1])));
}

/** Bundles one program the way wrangler does and measures it. */
async function measure(program) {
  const result = await build({
    // Our programs resolve from their package's folder, which sees core and itself.
    stdin: { contents: program.source, resolveDir: program.folder ? join(packagesFolder, program.folder) : benchFolder, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    conditions: ['workerd', 'worker', 'browser'],
    mainFields: ['browser', 'module', 'main'],
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].contents;
  return { ...program, raw: code.byteLength, gzip: gzipSync(code, { level: 9 }).byteLength, code };
}

const format = (bytes) => `${(bytes / kilobyte).toFixed(2)} KB`;
const ours = [];
for (const program of [...namedPrograms, ...(await operationPrograms())]) {
  try {
    ours.push(await measure(program));
  } catch (error) {
    ours.push({ ...program, error: error.errors?.[0]?.text ?? error.message });
  }
}
const peers = [];
for (const program of peerPrograms) {
  try {
    peers.push(await measure(program));
  } catch (error) {
    peers.push({ ...program, error: error.errors?.[0]?.text ?? error.message });
  }
}

console.log('| program | minified | gzip | budget (gzip) | verdict |');
console.log('| --- | ---: | ---: | ---: | --- |');
let failures = 0;
for (const entry of ours) {
  if (entry.error) {
    failures++;
    console.log(`| ${entry.name} | – | – | ${format(entry.budget)} | does not bundle: ${entry.error} |`);
    continue;
  }
  const over = entry.gzip > entry.budget;
  if (over) failures++;
  console.log(`| ${entry.name} | ${format(entry.raw)} | ${format(entry.gzip)} | ${format(entry.budget)} | ${over ? 'OVER BUDGET' : 'ok'} |`);
}
for (const entry of peers) {
  console.log(`| ${entry.name} | ${entry.error ? '–' : format(entry.raw)} | ${entry.error ? `does not bundle: ${entry.error}` : format(entry.gzip)} | (peer) | |`);
}
const leaks = ours.filter((entry) => entry.code && /undici|node:/.test(new TextDecoder().decode(entry.code)));
for (const entry of leaks) {
  failures++;
  console.log(`${entry.name}: the edge bundle mentions undici or a node: module`);
}
console.log(failures === 0 ? `size: all ${ours.length} programs within budget` : `size: ${failures} program(s) over budget or broken`);
process.exitCode = failures === 0 ? 0 : 1;
