#!/usr/bin/env node
// Writes the go-openai parity table into README.md from docs/parity/*.md, where
// each package keeps its own rows, so the README's checklist never drifts from them.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const folder = join(root, 'docs', 'parity');
const order = ['core', 'chat', 'completions', 'embeddings', 'moderations', 'models', 'files', 'images', 'audio', 'fine-tuning', 'assistants', 'tools'];
const names = readdirSync(folder)
  .filter((name) => name.endsWith('.md'))
  .map((name) => name.slice(0, -3))
  .sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99));
const rows = names.flatMap((name) =>
  readFileSync(join(folder, `${name}.md`), 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\| (go-openai|---)/.test(line)),
);
const table = ['| go-openai | openai-micro | package | notes |', '| --- | --- | --- | --- |', ...rows].join('\n');
const readmePath = join(root, 'README.md');
const readme = readFileSync(readmePath, 'utf8');
const start = '<!-- parity:start -->';
const end = '<!-- parity:end -->';
const updated = `${readme.slice(0, readme.indexOf(start) + start.length)}\n${table}\n${readme.slice(readme.indexOf(end))}`;
if (process.argv.includes('--check')) {
  if (updated !== readme) {
    console.error('README.md parity table is out of date: run node tooling/parity.mjs');
    process.exit(1);
  }
} else {
  writeFileSync(readmePath, updated);
  console.log(`parity: ${rows.length} rows from ${names.length} packages`);
}
