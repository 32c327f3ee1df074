import { InputRejectedError } from '@openai-micro/core';
import { thrownBy } from '@openai-micro/tooling/test-client';
import { describe, expect, it } from 'vitest';
import { checkCompletionModel } from './check-completion-model.js';
import { CompletionModel } from './models.js';

describe('checkCompletionModel', () => {
  it.each(['gpt-3.5-turbo', 'gpt-3.5-turbo-16k-0613', 'gpt-4', 'gpt-4-vision-preview', 'gpt-4-32k-0613'])('refuses the chat model %s', (model) => {
    const caught = thrownBy(() => checkCompletionModel(model));
    expect(InputRejectedError.isInstance(caught)).toBe(true);
    expect((caught as InputRejectedError).field).toBe('model');
    expect((caught as Error).message).toContain(`"${model}"`);
    expect((caught as Error).message).toMatch(/createChatCompletion/);
  });

  it('accepts every completion model constant and models it does not know', () => {
    expect(CompletionModel.GPT3Dot5TurboInstruct).toBe('gpt-3.5-turbo-instruct');
    for (const model of [...Object.values(CompletionModel), 'gpt-3.5-turbo-instruct-0914', 'ft:davinci-002:org::abc']) {
      expect(() => checkCompletionModel(model)).not.toThrow();
    }
  });
});
