#!/usr/bin/env node
// One benchmark for one client in its own process (so JIT state, pools and peak
// RSS belong to that pair alone), driven by run.mjs one line at a time so that
// rounds of the three clients can alternate and a slow spell of the machine
// hits all of them alike. Answers one JSON line per command:
//
//   node worker.mjs <client> <benchmark> <port> <size | file>   → {"ready":true}
//   warmup <ms>   rounds until <ms> have passed (at least one)  → {"warm":true}
//   round         one timed round                               → {"rate":units/s}
//   upload        the file upload (benchmark "upload")          → {"seconds","rssGrowth"}
//   exit          → {"peakRSS":bytes}, then exits
import { createInterface } from 'node:readline';
import { loadClient } from './clients.mjs';

const dimensions = 1536;

function check(condition, message) {
  if (!condition) throw new Error(message);
}

function checkVectors(data, format) {
  check(data.length === 100, `expected 100 vectors, got ${data.length}`);
  for (const item of data) check(item.embedding.length === dimensions, `expected ${dimensions} dimensions (${format}), got ${item.embedding.length}`);
  return data.length;
}

async function times(count, lanes, task) {
  let next = 0;
  const lane = async () => {
    while (next < count) {
      next++;
      await task();
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
  return count;
}

/** Each benchmark's round: does `size` units of work and returns how many units it did. */
export const benchmarks = {
  'chat-c1': (client, size) => times(size, 1, async () => check((await client.chat()).choices.length === 1, 'no choice')),
  'chat-c64': (client, size) => times(size, 64, async () => check((await client.chat()).choices.length === 1, 'no choice')),
  'stream-1': async (client, size) => {
    const count = await client.stream(size);
    check(count === size, `expected ${size} chunks, got ${count}`);
    return count;
  },
  'stream-16': async (client, size) => {
    const counts = await Promise.all(Array.from({ length: 16 }, () => client.stream(size)));
    for (const count of counts) check(count === size, `expected ${size} chunks, got ${count}`);
    return size * 16;
  },
  'embed-float': async (client, size) => {
    let vectors = 0;
    for (let index = 0; index < size; index++) vectors += checkVectors(await client.embed('float'), 'float');
    return vectors;
  },
  'embed-base64': async (client, size) => {
    let vectors = 0;
    for (let index = 0; index < size; index++) vectors += checkVectors(await client.embed('base64'), 'base64');
    return vectors;
  },
};

const peakRSS = () => process.resourceUsage().maxRSS * 1024;

// Memory is sampled every few milliseconds while the upload runs; the kernel's
// own peak (maxRSS) catches a spike between samples.
async function upload(client, path) {
  await client.chat();
  globalThis.gc?.();
  const before = process.memoryUsage.rss();
  const peakBefore = peakRSS();
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 5);
  const started = performance.now();
  const file = await client.upload(path);
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  check(file.object === 'file', 'the upload did not answer a file object');
  const kernelPeak = peakRSS();
  if (kernelPeak > peakBefore) peak = Math.max(peak, kernelPeak);
  return { seconds, rssGrowth: peak - before };
}

const [clientName, benchmark, port, argument] = process.argv.slice(2);
const round = benchmarks[benchmark];
const size = Number(argument);
const client = await loadClient(clientName, `http://127.0.0.1:${port}/v1`);
const reply = (value) => process.stdout.write(`${JSON.stringify(value)}\n`);
reply({ ready: true });
for await (const line of createInterface({ input: process.stdin })) {
  const [command, value] = line.split(' ');
  if (command === 'warmup') {
    // JIT and connection pools settle over the first second or two: warm up for a
    // fixed time (at least one round), not a fixed count, so slow clients get as long.
    const ends = performance.now() + Number(value);
    do await round(client, size);
    while (performance.now() < ends);
    reply({ warm: true });
  } else if (command === 'round') {
    const started = performance.now();
    const units = await round(client, size);
    reply({ rate: units / ((performance.now() - started) / 1000) });
  } else if (command === 'upload') {
    reply(await upload(client, argument));
  } else {
    reply({ peakRSS: peakRSS() });
    process.exit(0);
  }
}
