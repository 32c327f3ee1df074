import { InputRejectedError } from '@openai-micro/core';
import { thrownBy } from '@openai-micro/tooling/test-client';
import { describe, expect, it } from 'vitest';
import { checkModerationModel } from './check-moderation-model.js';
import { ModerationModel } from './constants.js';

describe('checkModerationModel', () => {
  it.each([undefined, null, '', ModerationModel.TextStable, ModerationModel.TextLatest])('accepts %j', (model) => {
    expect(() => checkModerationModel(model)).not.toThrow();
  });

  it.each(['gpt-3.5-turbo', ModerationModel.Text001, ModerationModel.OmniLatest])('rejects %j before anything is sent', (model) => {
    const failure = thrownBy(() => checkModerationModel(model));
    expect(InputRejectedError.isInstance(failure)).toBe(true);
    expect((failure as InputRejectedError).field).toBe('model');
    expect((failure as Error).message).toContain(`"${model}"`);
  });
});
