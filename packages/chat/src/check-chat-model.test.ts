import { InputRejectedError } from '@openai-micro/core';
import { thrownBy } from '@openai-micro/tooling/test-client';
import { describe, expect, it } from 'vitest';
import { checkChatModel } from './check-chat-model.js';
import { ChatModel } from './models.js';

describe('checkChatModel', () => {
  it.each(['text-davinci-003', 'code-davinci-002', 'davinci', 'babbage', 'ada', 'curie-instruct-beta'])('refuses the completion-only model %s', (model) => {
    const caught = thrownBy(() => checkChatModel(model));
    expect(InputRejectedError.isInstance(caught)).toBe(true);
    expect((caught as InputRejectedError).field).toBe('model');
    expect((caught as Error).message).toContain(`"${model}"`);
    expect((caught as Error).message).toMatch(/createCompletion/);
  });

  it('accepts every chat model constant and models it does not know', () => {
    for (const model of [...Object.values(ChatModel), 'gpt-5-future', 'my-fine-tune:ft-abc', 'davinci-002']) {
      expect(() => checkChatModel(model)).not.toThrow();
    }
  });
});
