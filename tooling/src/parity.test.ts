import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);
const readme = readFileSync(new URL('README.md', root), 'utf8');
const table = readme.slice(readme.indexOf('<!-- parity:start -->'), readme.indexOf('<!-- parity:end -->'));
const rows = table
  .split('\n')
  .filter((line) => line.startsWith('| `'))
  .map((line) => line.split(' | ').map((cell) => cell.replace(/^\| /, '')));

// Every public Client method of go-openai v1.20.4 plus the two ReturnHeader
// variants of the reference page, copied from ../shared/reference/go-openai-inventory.md §1.
const goOpenAIMethods = `CancelFineTune CancelFineTuningJob CancelRun CreateAssistant CreateAssistantFile CreateChatCompletion
CreateChatCompletionReturnHeader CreateChatCompletionStream CreateChatCompletionStreamReturnHeader CreateCompletion
CreateCompletionStream CreateEditImage CreateEmbeddings CreateFile CreateFileBytes CreateFineTune CreateFineTuningJob
CreateImage CreateMessage CreateRun CreateSpeech CreateThread CreateThreadAndRun CreateTranscription CreateTranslation
CreateVariImage DeleteAssistant DeleteAssistantFile DeleteFile DeleteFineTune DeleteFineTuneModel DeleteThread Edits
GetEngine GetFile GetFileContent GetFineTune GetModel ListAssistantFiles ListAssistants ListEngines ListFiles
ListFineTuneEvents ListFineTunes ListFineTuningJobEvents ListMessage ListMessageFiles ListModels ListRunSteps ListRuns
Moderations ModifyAssistant ModifyMessage ModifyRun ModifyThread RetrieveAssistant RetrieveAssistantFile
RetrieveFineTuningJob RetrieveMessage RetrieveMessageFile RetrieveRun RetrieveRunStep RetrieveThread SubmitToolOutputs`.split(/\s+/);

describe('the README parity table', () => {
  it('is the one generated from docs/parity/*.md', () => {
    expect(() => execFileSync(process.execPath, [new URL('tooling/parity.mjs', root).pathname, '--check'], { stdio: 'pipe' })).not.toThrow();
  });

  it.each(goOpenAIMethods)('maps go-openai %s to one of our functions', (method) => {
    const row = rows.find((cells) => cells[0]!.split(/[` /]+/).includes(method));
    expect(row, `no row for ${method}`).toBeDefined();
    expect(row![1]).toMatch(/`[a-z]\w+/);
  });

  it('names functions that the named packages really export', async () => {
    const checked: string[] = [];
    for (const [, ours, packages] of rows) {
      const packageName = /^`(@openai-micro\/[\w-]+)`$/.exec(packages!.trim())?.[1];
      const functionName = /^`([a-z]\w+)[`(]/.exec(ours!.trim())?.[1];
      if (!packageName || !functionName) continue;
      const folder = packageName.replace('@openai-micro/', '');
      const exported = await import(new URL(`packages/${folder}/dist/index.js`, root).href);
      expect(typeof exported[functionName], `${packageName} does not export ${functionName}`).toBe('function');
      checked.push(functionName);
    }
    expect(checked.length).toBeGreaterThan(50);
  });
});
