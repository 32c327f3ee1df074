/**
 * Which operations exist: computed from what each package's build exports,
 * so a new operation is "not exercised" (and fails the suite) until a case
 * calls it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const operationPattern = /^(create|list|retrieve|delete|modify|cancel|submit|download)[A-Z]/;

export const packagesFolder = join(dirname(fileURLToPath(import.meta.url)), '../../../packages');

/**
 * Exports that match the operation pattern but send no request: helpers that
 * build objects locally. Each is named here with what it is; the suite checks
 * that every name still exists, so the list cannot hide a renamed operation.
 */
export const notOperations: Readonly<Record<string, Record<string, string>>> = {
  '@openai-micro/core': {
    createClient: 'builds the client object',
    createAPIError: 'builds a typed error from a status and a body',
    createMultipartBody: 'builds a multipart body for an upload',
  },
  '@openai-micro/chat': {
    createChatCompletionAccumulator: 'folds stream chunks into a completion, locally',
    createToolCallAccumulator: 'assembles streamed tool-call fragments, locally',
  },
  '@openai-micro/openai': {
    createOpenAI: 'builds the SDK-shaped facade object over the operations',
  },
};

/**
 * Operations the 2024-03 spec does not have (OpenAI had retired them by then):
 * they cannot be checked by Prism, so their cases check the method, path,
 * headers and body against what go-openai v1.20.4 sends
 * (../shared/reference/go-openai-inventory.md §1.3, §1.9, §1.11), on the
 * loopback recorder. The suite checks that none of these paths is in the spec.
 */
export const absentFromSpec: Readonly<Record<string, { operation: string; specPath: string }>> = {
  createEdit: { operation: '@openai-micro/completions:createEdit', specPath: '/edits' },
  listEngines: { operation: '@openai-micro/models:listEngines', specPath: '/engines' },
  retrieveEngine: { operation: '@openai-micro/models:retrieveEngine', specPath: '/engines/{engine_id}' },
  createFineTune: { operation: '@openai-micro/fine-tuning:createFineTune', specPath: '/fine-tunes' },
  listFineTunes: { operation: '@openai-micro/fine-tuning:listFineTunes', specPath: '/fine-tunes' },
  retrieveFineTune: { operation: '@openai-micro/fine-tuning:retrieveFineTune', specPath: '/fine-tunes/{fine_tune_id}' },
  cancelFineTune: { operation: '@openai-micro/fine-tuning:cancelFineTune', specPath: '/fine-tunes/{fine_tune_id}/cancel' },
  listFineTuneEvents: { operation: '@openai-micro/fine-tuning:listFineTuneEvents', specPath: '/fine-tunes/{fine_tune_id}/events' },
  deleteFineTune: { operation: '@openai-micro/fine-tuning:deleteFineTune', specPath: '/fine-tunes/{fine_tune_id}' },
};

export interface PackageExports {
  name: string;
  /** Exported function names that match the operation pattern and are not helpers. */
  operations: string[];
  /** Helper names from {@link notOperations} that the build really exports. */
  helpers: string[];
  /** Set when the package has sources but no build. */
  missingBuild?: string;
}

/** Reads every package under packages/ and imports its dist/index.js. */
export async function enumerateOperations(): Promise<PackageExports[]> {
  const result: PackageExports[] = [];
  for (const folder of readdirSync(packagesFolder).sort()) {
    const manifestPath = join(packagesFolder, folder, 'package.json');
    if (!existsSync(manifestPath)) continue;
    const name = (JSON.parse(readFileSync(manifestPath, 'utf8')) as { name: string }).name;
    const entry = join(packagesFolder, folder, 'dist/index.js');
    if (!existsSync(entry)) {
      result.push({ name, operations: [], helpers: [], missingBuild: entry });
      continue;
    }
    const module = (await import(pathToFileURL(entry).href)) as Record<string, unknown>;
    const helpers = notOperations[name] ?? {};
    const functions = Object.keys(module).filter((key) => typeof module[key] === 'function' && operationPattern.test(key));
    result.push({
      name,
      operations: functions.filter((key) => !(key in helpers)).sort(),
      helpers: functions.filter((key) => key in helpers),
    });
  }
  return result;
}
