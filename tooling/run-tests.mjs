#!/usr/bin/env node
// Runs every vitest project once and ends with one plain summary line
// ("tests: N passed, N failed, N skipped") that CI and people can read at a glance.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const folder = mkdtempSync(join(tmpdir(), 'openai-micro-tests-'));
const reportPath = join(folder, 'report.json');
const run = spawnSync('pnpm', ['exec', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${reportPath}`, ...process.argv.slice(2)], {
  stdio: 'inherit',
});
let summary = 'tests: no report was written (vitest failed to start)';
try {
  const report = JSON.parse(readFileSync(reportPath, 'utf8'));
  summary = `tests: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${report.numPendingTests + report.numTodoTests} skipped`;
} catch {}
rmSync(folder, { recursive: true, force: true });
console.log(summary);
process.exit(run.status ?? 1);
