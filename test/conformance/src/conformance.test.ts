/**
 * The conformance suite (docs/conformance.md): every exported operation of
 * every package, called against Prism serving the OpenAI 2024-03 spec (and
 * the Azure 2024-02-01 spec for Azure routing); streams validated by Prism and
 * fed from a local stream server; operations missing from the spec checked
 * against what go-openai sends. One file, so the cases run in order and the
 * last test sees every operation the others called.
 */
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { assistantsCases } from './cases/assistants.js';
import { azureCases } from './cases/azure.js';
import { chatCases } from './cases/chat.js';
import { coreCases, credentialCases } from './cases/core.js';
import { goOpenAICases } from './cases/go-openai.js';
import { resourceCases } from './cases/resources.js';
import { specCases } from './cases/spec.js';
import { startContext, stopContext } from './context.js';
import { exchanges, exercised } from './harness.js';
import { absentFromSpec, enumerateOperations, notOperations, type PackageExports } from './operations.js';
import { matchOperation, patchedAzureSpec, patchedOpenAISpec, specOperations } from './specs.js';

beforeAll(startContext);
afterAll(stopContext);

specCases();
coreCases();
chatCases();
resourceCases();
assistantsCases();
goOpenAICases();
azureCases();
credentialCases();

describe('coverage', () => {
  let packages: PackageExports[] = [];
  let line = 'conformance: the coverage check did not run';
  let specLine = '';

  beforeAll(async () => {
    packages = await enumerateOperations();
  });

  afterAll(() => {
    writeFileSync(inject('reportPath'), `${line}\n${specLine}`);
  });

  it('every package under packages/ is built', () => {
    expect(packages.filter((entry) => entry.missingBuild).map((entry) => `${entry.name}: no ${entry.missingBuild} (run pnpm build)`)).toEqual([]);
  });

  it('the helpers named as not being operations are still exported', () => {
    for (const [name, helpers] of Object.entries(notOperations)) {
      const entry = packages.find((candidate) => candidate.name === name);
      // A package not in this checkout (yet) has nothing to hide.
      if (entry) expect(entry.helpers.sort(), name).toEqual(Object.keys(helpers).sort());
    }
  });

  it('every exported operation of every package was exercised', () => {
    const all = packages.flatMap((entry) => entry.operations.map((operation) => `${entry.name}:${operation}`));
    const missing = all.filter((operation) => !exercised.has(operation));
    line = `conformance: ${all.length - missing.length} of ${all.length} operations exercised${missing.length ? ` (not exercised: ${missing.join(', ')})` : ''}`;
    console.log(line);
    expect(missing).toEqual([]);
    // A case that names an operation no package exports would be a typo here.
    expect([...exercised.keys()].filter((operation) => !all.includes(operation))).toEqual([]);
  });

  it('every operation the spec has was judged by Prism (only those absent from it by the recorder alone)', () => {
    const goOnly = new Set(Object.values(absentFromSpec).map((entry) => entry.operation));
    const unjudged = [...exercised]
      .filter(([operation, servers]) => !goOnly.has(operation) && !servers.has('prism') && !servers.has('stream'))
      .map(([operation, servers]) => `${operation} (only ${[...servers].join(', ')})`);
    expect(unjudged).toEqual([]);
    const misplaced = [...goOnly].filter((operation) => exercised.get(operation)?.has('prism'));
    expect(misplaced).toEqual([]);
  });

  it('every operation of both specs was called through Prism and accepted', () => {
    const reached = (operations: ReturnType<typeof specOperations>, servers: string[]) => {
      const seen = new Set<string>();
      for (const exchange of exchanges) {
        if (!servers.includes(exchange.server) || exchange.status >= 300 || exchange.violations) continue;
        const operation = matchOperation(operations, exchange.request.method, exchange.request.url);
        if (operation) seen.add(operation.operationId);
      }
      return operations.filter((operation) => !seen.has(operation.operationId)).map((operation) => operation.operationId);
    };
    const openAI = specOperations(patchedOpenAISpec().document);
    const azure = specOperations(patchedAzureSpec().document);
    const openAIMissing = reached(openAI, ['prism', 'stream']);
    const azureMissing = reached(azure, ['azure-prism', 'azure-stream']);
    specLine = `conformance: spec operations accepted by Prism: ${openAI.length - openAIMissing.length} of ${openAI.length} (openai-2024-03.yaml), ${azure.length - azureMissing.length} of ${azure.length} (azure-openai-inference-2024-02-01.json)`;
    console.log(specLine);
    expect(openAIMissing).toEqual([]);
    expect(azureMissing).toEqual([]);
  });
});
