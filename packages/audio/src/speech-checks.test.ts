import { InputRejectedError } from '@openai-micro/core';
import { describe, expect, it } from 'vitest';
import { checkSpeechModel, checkSpeechVoice } from './speech-checks.js';

function rejection(check: () => void): InputRejectedError {
  try {
    check();
  } catch (error) {
    if (InputRejectedError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected an InputRejectedError');
}

describe('checkSpeechModel and checkSpeechVoice', () => {
  it('accept the known models and voices, go-openai lists included', () => {
    for (const model of ['tts-1', 'tts-1-hd', 'canary-tts', 'gpt-4o-mini-tts']) expect(() => checkSpeechModel(model)).not.toThrow();
    for (const voice of ['alloy', 'echo', 'fable', 'onyx', 'nova', 'shimmer', 'coral']) expect(() => checkSpeechVoice(voice)).not.toThrow();
  });

  it('refuse others with a typed error naming the field and the choices', () => {
    const model = rejection(() => checkSpeechModel('tts-2'));
    expect(model.field).toBe('model');
    expect(model.message).toContain('"tts-2" is not a known speech model (tts-1, tts-1-hd');

    const voice = rejection(() => checkSpeechVoice('Alloy'));
    expect(voice.field).toBe('voice');
    expect(voice.message).toContain('alloy');
  });

  it('check against a caller-supplied list instead', () => {
    expect(() => checkSpeechModel('my-tts', ['my-tts'])).not.toThrow();
    expect(rejection(() => checkSpeechVoice('alloy', ['aria'])).message).toContain('(aria)');
  });
});
