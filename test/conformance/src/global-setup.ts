/**
 * Writes the patched run-time copies of the specs, starts one Prism for the
 * OpenAI spec and one for the Azure spec, hands their URLs to the tests, and
 * stops both afterwards, whatever the tests did. A Prism is also killed if
 * the runner process exits without running the teardown.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { type PrismServer, startPrism } from './prism.js';
import { patchedAzureSpec, patchedOpenAISpec, type SpecPatch } from './specs.js';

declare module 'vitest' {
  export interface ProvidedContext {
    prismURL: string;
    azurePrismURL: string;
    openAIPatches: SpecPatch[];
    azurePatches: SpecPatch[];
    /** Where the test file writes its coverage line for the teardown to print. */
    reportPath: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const folder = mkdtempSync(join(tmpdir(), 'openai-micro-conformance-'));
  const openAI = patchedOpenAISpec();
  const azure = patchedAzureSpec();
  const openAIPath = join(folder, 'openai-2024-03.patched.json');
  const azurePath = join(folder, 'azure-openai-inference-2024-02-01.patched.json');
  writeFileSync(openAIPath, JSON.stringify(openAI.document));
  writeFileSync(azurePath, JSON.stringify(azure.document));
  const reportPath = join(folder, 'report.txt');

  const servers: PrismServer[] = [];
  const killAll = () => {
    for (const server of servers) server.killNow();
  };
  process.once('exit', killAll);
  const teardown = async () => {
    await Promise.all(servers.map((server) => server.stop()));
    process.off('exit', killAll);
    try {
      // The coverage line, printed plainly at the end of the run.
      console.log(readFileSync(reportPath, 'utf8').trim());
    } catch {}
    rmSync(folder, { recursive: true, force: true });
  };
  try {
    const started = await Promise.allSettled([startPrism(openAIPath), startPrism(azurePath)]);
    for (const result of started) if (result.status === 'fulfilled') servers.push(result.value);
    for (const result of started) if (result.status === 'rejected') throw result.reason;
  } catch (error) {
    await teardown();
    throw error;
  }
  const [openAIServer, azureServer] = servers as [PrismServer, PrismServer];
  project.provide('prismURL', openAIServer.url);
  project.provide('azurePrismURL', azureServer.url);
  project.provide('openAIPatches', openAI.patches);
  project.provide('azurePatches', azure.patches);
  project.provide('reportPath', reportPath);
  return teardown;
}
