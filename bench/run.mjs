#!/usr/bin/env node
// Runs every benchmark in one go against a local server process and prints
// medians with ratios to raw undici and to the official openai package.
//
//   node bench/run.mjs            full run (a few minutes on 2 cores)
//   node bench/run.mjs --quick    smaller rounds, a 64 MiB upload: under 30 s, for checking the harness
//   node bench/run.mjs --write    also write bench/RESULTS.md (versions included)
//   node bench/run.mjs --only chat-c1,stream-1   a subset (ids in the first column of the table)
//
// `pnpm bench` at the repository root builds the packages first, then runs this.
// See bench/README.md for what each benchmark does and how to read the ratios.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { clientNames } from './benchmarks/clients.mjs';

const benchFolder = fileURLToPath(new URL('.', import.meta.url));
const rootFolder = join(benchFolder, '..');
const worker = join(benchFolder, 'benchmarks', 'worker.mjs');
const coldStart = join(benchFolder, 'benchmarks', 'cold-start.mjs');
const resultsFile = join(benchFolder, 'RESULTS.md');
const notesMarker = '<!-- notes: everything below this line is kept by --write -->';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const write = args.includes('--write');
const onlyIndex = args.indexOf('--only');
const only = onlyIndex >= 0 ? new Set(args[onlyIndex + 1]?.split(',')) : undefined;
const unknown = args.filter((arg, index) => !['--quick', '--write', '--only'].includes(arg) && !(onlyIndex >= 0 && index === onlyIndex + 1));
if (unknown.length > 0) {
  console.error(`Unknown argument ${unknown.join(' ')}. Usage: node bench/run.mjs [--quick] [--write] [--only id,id]`);
  process.exit(2);
}

const labels = { undici: 'raw undici', micro: 'openai-micro', openai: 'openai 6.49.0' };
const mebibyte = 1024 * 1024;

// size: units of work per round, [full, quick] (requests; chunks per stream; requests of 100 vectors).
const count = (value) => value.toLocaleString('en-US');
const throughputBenchmarks = [
  { id: 'chat-c1', label: () => 'chat, concurrency 1', unit: 'req/s', size: [1_000, 100], rounds: [7, 3], undiciTarget: 0.9 },
  { id: 'chat-c64', label: () => 'chat, concurrency 64', unit: 'req/s', size: [4_000, 320], rounds: [7, 3], undiciTarget: 0.9 },
  { id: 'stream-1', label: (size) => `stream, 1 x ${count(size)} chunks`, unit: 'chunks/s', size: [20_000, 5_000], rounds: [9, 3], undiciTarget: 0.9, openaiTarget: 1.5 },
  { id: 'stream-16', label: (size) => `stream, 16 x ${count(size)} chunks`, unit: 'chunks/s', size: [2_000, 500], rounds: [9, 3], undiciTarget: 0.9, openaiTarget: 1.5 },
  { id: 'embed-float', label: () => 'embeddings 100 x 1536, float', unit: 'vectors/s', size: [10, 1], rounds: [7, 3], undiciTarget: 0.9 },
  { id: 'embed-base64', label: () => 'embeddings 100 x 1536, base64', unit: 'vectors/s', size: [20, 2], rounds: [7, 3], undiciTarget: 0.9, openaiTarget: 1.5 },
];
const uploadBytes = quick ? 64 * mebibyte : 1024 * mebibyte;
const coldRuns = quick ? 2 : 15;
const warmupMs = quick ? 200 : 2_000;
const pick = ([full, small]) => (quick ? small : full);
const selected = (id) => !only || only.has(id);

function median(values) {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function checkBuilt() {
  const missing = ['core', 'chat', 'embeddings', 'files'].filter((name) => !existsSync(join(rootFolder, 'packages', name, 'dist', 'index.js')));
  if (missing.length > 0) {
    console.error(`Not built: ${missing.map((name) => `@openai-micro/${name}`).join(', ')}. Run \`pnpm bench\` at the root (it builds them first) or \`pnpm build\`.`);
    process.exit(2);
  }
}

async function startServer() {
  const child = spawn(process.execPath, [join(benchFolder, 'benchmarks', 'server.mjs')], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  const [first] = await Promise.race([
    new Promise((resolve) => lines.once('line', (line) => resolve([line]))),
    new Promise((_, reject) => child.once('exit', (code) => reject(new Error(`The benchmark server exited (${code}) before listening.`)))),
  ]);
  return { port: JSON.parse(first).port, stop: () => child.stdin.end() };
}

// A worker process answering one JSON line per command (see benchmarks/worker.mjs).
function startWorker(parameters, nodeOptions = []) {
  const child = spawn(process.execPath, [...nodeOptions, worker, ...parameters.map(String)], { stdio: ['pipe', 'pipe', 'pipe'] });
  const lines = createInterface({ input: child.stdout });
  const waiting = [];
  let stderr = '';
  let exited;
  child.stderr.on('data', (data) => {
    stderr = (stderr + data).slice(-4000);
  });
  lines.on('line', (line) => waiting.shift()?.resolve(JSON.parse(line)));
  child.on('exit', (code) => {
    exited = new Error(`${parameters.slice(0, 2).join(' ')} exited (${code}): ${stderr.trim().split('\n').slice(-12).join('\n')}`);
    for (const pending of waiting.splice(0)) pending.reject(exited);
  });
  const next = () =>
    new Promise((resolve, reject) => {
      if (exited) reject(exited);
      else waiting.push({ resolve, reject });
    });
  const ready = next();
  return {
    ready,
    ask(command) {
      const answer = next();
      child.stdin.write(`${command}\n`);
      return answer;
    },
    kill: () => child.kill(),
  };
}

function progress(text) {
  process.stderr.write(`${text}\n`);
}

// The three clients each get a process, warm up one after the other, then take
// turns round by round.
async function runThroughput(port, results, failures) {
  for (const benchmark of throughputBenchmarks) {
    if (!selected(benchmark.id)) continue;
    const started = performance.now();
    const workers = clientNames.map((client) => startWorker([client, benchmark.id, port, pick(benchmark.size)]));
    try {
      await Promise.all(workers.map((one) => one.ready));
      for (const one of workers) await one.ask(`warmup ${warmupMs}`);
      const rates = clientNames.map(() => []);
      for (let round = 0; round < pick(benchmark.rounds); round++) {
        for (const [index, one] of workers.entries()) rates[index].push((await one.ask('round')).rate);
      }
      for (const [index, client] of clientNames.entries()) {
        const { peakRSS } = await workers[index].ask('exit');
        results[benchmark.id][client] = { value: median(rates[index]), rates: rates[index], peakRSS };
      }
      const summary = clientNames.map((client) => `${labels[client]} ${format(results[benchmark.id][client].value)}`).join(', ');
      progress(`  ${benchmark.id.padEnd(13)} ${summary} ${benchmark.unit} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    } catch (error) {
      failures.push(error.message);
      progress(`  ${benchmark.id.padEnd(13)} FAILED`);
    } finally {
      for (const one of workers) one.kill();
    }
  }
}

async function runUpload(port, results, failures) {
  const folder = await mkdtemp(join(tmpdir(), 'openai-micro-bench-'));
  // An interrupted run still deletes the 1 GiB file (sparse, but a file all the same).
  const interrupted = () => {
    rmSync(folder, { recursive: true, force: true });
    process.exit(130);
  };
  process.once('SIGINT', interrupted).once('SIGTERM', interrupted);
  const path = join(folder, 'upload.jsonl');
  try {
    // Sparse: takes no disk space, reads back as zeros.
    const handle = await open(path, 'w');
    await handle.truncate(uploadBytes);
    await handle.close();
    for (const client of clientNames) {
      const one = startWorker([client, 'upload', port, path], ['--expose-gc']);
      try {
        await one.ready;
        results.upload[client] = await one.ask('upload');
        progress(`  upload        ${labels[client].padEnd(14)} +${format(results.upload[client].rssGrowth / mebibyte)} MB RSS, ${format(uploadBytes / mebibyte / results.upload[client].seconds)} MB/s`);
      } catch (error) {
        failures.push(error.message);
        progress(`  upload        ${labels[client].padEnd(14)} FAILED`);
      } finally {
        one.kill();
      }
    }
  } finally {
    process.off('SIGINT', interrupted).off('SIGTERM', interrupted);
    await rm(folder, { recursive: true, force: true });
  }
}

// Fresh processes, interleaved so drift in the machine's speed hits every variant alike.
function runColdStart(port, results, failures) {
  const variants = [{ key: 'baseline', args: ['-e', '0'] }];
  for (const client of clientNames) {
    variants.push({ key: `${client}:import`, args: [coldStart, client, 'import'] });
    variants.push({ key: `${client}:request`, args: [coldStart, client, 'request', String(port)] });
  }
  const times = Object.fromEntries(variants.map((variant) => [variant.key, []]));
  for (let run = 0; run < coldRuns + 1; run++) {
    for (const variant of variants) {
      const started = performance.now();
      const outcome = spawnSync(process.execPath, variant.args, { stdio: ['ignore', 'ignore', 'pipe'] });
      const elapsed = performance.now() - started;
      if (outcome.status !== 0) {
        failures.push(`cold start ${variant.key} failed: ${outcome.stderr}`);
        return;
      }
      // The first pass warms the disk cache: cold means a new process, not a cold disk.
      if (run > 0) times[variant.key].push(elapsed);
    }
  }
  const baseline = median(times.baseline);
  results.coldBaseline = baseline;
  for (const client of clientNames) {
    results.coldImport[client] = { value: median(times[`${client}:import`]) - baseline };
    results.coldRequest[client] = { value: median(times[`${client}:request`]) - baseline };
    progress(`  cold start    ${labels[client].padEnd(14)} import +${format(results.coldImport[client].value)} ms, first request +${format(results.coldRequest[client].value)} ms`);
  }
}

function format(value) {
  if (value === undefined || Number.isNaN(value)) return '—';
  if (value >= 100) return Math.round(value).toLocaleString('en-US');
  return value.toFixed(1);
}

function ratio(ours, theirs) {
  if (ours === undefined || theirs === undefined || theirs === 0) return undefined;
  return ours / theirs;
}

// Round r of every client ran back to back, so the ratio within a round is
// measured under the same conditions; their median shrugs off a slow spell of
// the machine that a ratio of the two medians would not.
function pairedRatio(ours, theirs) {
  if (!ours || !theirs) return undefined;
  return median(ours.rates.map((rate, round) => rate / theirs.rates[round]));
}

const formatRatio = (value) => (value === undefined ? '—' : `${value.toFixed(2)}x`);

function git(...parameters) {
  const outcome = spawnSync('git', parameters, { cwd: rootFolder, encoding: 'utf8' });
  return outcome.status === 0 ? outcome.stdout.trim() : undefined;
}

function versions() {
  const packageVersion = (...path) => JSON.parse(readFileSync(join(...path, 'package.json'), 'utf8')).version;
  const ours = ['core', 'chat', 'embeddings', 'files'].map((name) => `@openai-micro/${name} ${packageVersion(rootFolder, 'packages', name)}`);
  const dirty = git('status', '--porcelain', '--', 'packages/core/src', 'packages/chat/src', 'packages/embeddings/src', 'packages/files/src');
  return {
    node: process.version,
    ours: ours.join(', '),
    commit: `${git('rev-parse', '--short', 'HEAD') ?? 'unknown'}${dirty ? ' (with uncommitted changes in packages/*/src)' : ''}`,
    openai: packageVersion(benchFolder, 'node_modules', 'openai'),
    undici: `${packageVersion(benchFolder, 'node_modules', 'undici')} (raw baseline), ${packageVersion(rootFolder, 'packages', 'core', 'node_modules', 'undici')} (core's transport)`,
    machine: `${cpus().length} x ${cpus()[0]?.model ?? 'unknown CPU'}, ${process.platform} ${process.arch}`,
  };
}

function buildTable(results) {
  const rows = [];
  const check = (value, target, lowerIsBetter = false) => {
    if (value === undefined) return '—';
    const met = lowerIsBetter ? value < target : value >= target;
    return met ? 'yes' : 'NO';
  };
  for (const benchmark of throughputBenchmarks) {
    if (!selected(benchmark.id)) continue;
    const row = results[benchmark.id];
    const toUndici = pairedRatio(row.micro, row.undici);
    const toOpenAI = pairedRatio(row.micro, row.openai);
    const targets = [`>= ${benchmark.undiciTarget}x undici: ${check(toUndici, benchmark.undiciTarget)}`];
    if (benchmark.openaiTarget) targets.push(`>= ${benchmark.openaiTarget}x openai: ${check(toOpenAI, benchmark.openaiTarget)}`);
    rows.push([benchmark.id, benchmark.label(pick(benchmark.size)), `${benchmark.unit}, higher is better`, row, toUndici, toOpenAI, targets.join('; ')]);
  }
  const throughputRuns = throughputBenchmarks.filter((benchmark) => selected(benchmark.id));
  if (throughputRuns.length > 0) {
    const peak = Object.fromEntries(
      clientNames.map((client) => {
        const values = throughputRuns.map((benchmark) => results[benchmark.id][client]?.peakRSS).filter((value) => value !== undefined);
        return [client, values.length ? { value: Math.max(...values) / mebibyte } : undefined];
      }),
    );
    rows.push(['peak-rss', 'peak RSS, largest of the runs above', 'MB, lower is better', peak, ratio(peak.micro?.value, peak.undici?.value), ratio(peak.micro?.value, peak.openai?.value), '—']);
  }
  if (selected('upload')) {
    const growth = Object.fromEntries(clientNames.map((client) => [client, results.upload[client] && { value: results.upload[client].rssGrowth / mebibyte }]));
    const speed = Object.fromEntries(clientNames.map((client) => [client, results.upload[client] && { value: uploadBytes / mebibyte / results.upload[client].seconds }]));
    const size = uploadBytes >= 1024 * mebibyte ? `${uploadBytes / 1024 / mebibyte} GiB` : `${uploadBytes / mebibyte} MiB`;
    rows.push(['upload', `${size} file upload: RSS growth`, 'MB, lower is better', growth, ratio(growth.micro?.value, growth.undici?.value), ratio(growth.micro?.value, growth.openai?.value), '—']);
    rows.push(['upload', `${size} file upload: speed`, 'MB/s, higher is better', speed, ratio(speed.micro?.value, speed.undici?.value), ratio(speed.micro?.value, speed.openai?.value), '—']);
  }
  if (selected('cold')) {
    const { coldImport, coldRequest } = results;
    const toOpenAI = ratio(coldRequest.micro?.value, coldRequest.openai?.value);
    rows.push(['cold', 'cold import, over `node -e 0`', 'ms, lower is better', coldImport, ratio(coldImport.micro?.value, coldImport.undici?.value), ratio(coldImport.micro?.value, coldImport.openai?.value), '—']);
    rows.push(['cold', 'import + first request, over `node -e 0`', 'ms, lower is better', coldRequest, ratio(coldRequest.micro?.value, coldRequest.undici?.value), toOpenAI, `< 1.00x openai: ${check(toOpenAI, 1, true)}`]);
  }
  return rows;
}

function markdownTable(rows) {
  const header = ['id', 'benchmark', 'unit', ...clientNames.map((client) => labels[client]), 'micro / undici', 'micro / openai', 'target'];
  const lines = [`| ${header.join(' | ')} |`, `| ${header.map((_, index) => (index >= 3 && index <= 7 ? '---:' : '---')).join(' | ')} |`];
  for (const [id, label, unit, values, toUndici, toOpenAI, target] of rows) {
    lines.push(`| ${[id, label, unit, ...clientNames.map((client) => format(values[client]?.value)), formatRatio(toUndici), formatRatio(toOpenAI), target].join(' | ')} |`);
  }
  return lines.join('\n');
}

function roundsTable(results) {
  const lines = ['| id | client | every timed round (median in bold) | peak RSS (MB) |', '| --- | --- | --- | ---: |'];
  for (const benchmark of throughputBenchmarks) {
    if (!selected(benchmark.id)) continue;
    for (const client of clientNames) {
      const outcome = results[benchmark.id][client];
      if (!outcome) continue;
      const rounds = outcome.rates.map((rate) => (rate === outcome.value ? `**${format(rate)}**` : format(rate))).join(', ');
      lines.push(`| ${benchmark.id} | ${labels[client]} | ${rounds} | ${format(outcome.peakRSS / mebibyte)} |`);
    }
  }
  return lines.join('\n');
}

function resultsMarkdown(results, table, info, seconds) {
  const previous = existsSync(resultsFile) ? readFileSync(resultsFile, 'utf8') : '';
  const notes = previous.includes(notesMarker) ? previous.slice(previous.indexOf(notesMarker)) : `${notesMarker}\n`;
  return `# Benchmark results

Written by \`node bench/run.mjs --write\`${quick ? ' (**--quick**: small rounds, not for comparison)' : ''} on ${new Date().toISOString().slice(0, 10)}, in ${Math.round(seconds)} s.
How the benchmarks work and how to read the ratios: [README.md](README.md).

- node: ${info.node}
- machine: ${info.machine}
- openai-micro: ${info.ours}, commit ${info.commit}
- openai: ${info.openai}
- undici: ${info.undici}
- load average (1 min) at start and end: ${results.load.map((value) => value.toFixed(1)).join(', ')} on ${cpus().length} cores (other work on the machine slows every client, not always alike)

Medians of the timed rounds (after a timed warm-up), each client in its own
process against one server process. Ratios are openai-micro's figure divided by
the other's (for throughput, the median of the ratios within each round, as the
clients take turns round by round): above 1 is better for throughput, below 1
is better for memory and time.${
    results.coldBaseline === undefined ? '' : `\n\`node -e 0\` took ${format(results.coldBaseline)} ms here.`
  }

${markdownTable(table)}

## Every round

${roundsTable(results)}

${notes}`;
}

const started = performance.now();
const loadAtStart = loadavg()[0];
checkBuilt();
// Read before the run, so that a missing package fails at once rather than after it.
const info = versions();
const server = await startServer();
const results = Object.fromEntries([...throughputBenchmarks.map((benchmark) => benchmark.id), 'upload', 'coldImport', 'coldRequest'].map((id) => [id, {}]));
const failures = [];
try {
  progress(`openai-micro benchmarks${quick ? ' (quick)' : ''}: server on 127.0.0.1:${server.port}`);
  await runThroughput(server.port, results, failures);
  if (selected('upload')) await runUpload(server.port, results, failures);
  if (selected('cold')) runColdStart(server.port, results, failures);
} finally {
  server.stop();
}
const seconds = (performance.now() - started) / 1000;
results.load = [loadAtStart, loadavg()[0]];
const table = buildTable(results);
console.log(`\n${markdownTable(table)}\n`);
console.log(`${results.coldBaseline === undefined ? '' : `node -e 0: ${format(results.coldBaseline)} ms; `}${Math.round(seconds)} s in all; load average ${results.load.map((value) => value.toFixed(1)).join(' -> ')} on ${cpus().length} cores.`);
if (write) {
  writeFileSync(resultsFile, resultsMarkdown(results, table, info, seconds));
  console.log(`Wrote ${resultsFile}`);
}
if (failures.length > 0) {
  console.error(`\n${failures.length} benchmark(s) failed:\n${failures.join('\n\n')}`);
  process.exitCode = 1;
}
