import { InputRejectedError } from '@openai-micro/core';
import { SpeechModel, SpeechVoice } from './types.js';

function checkKnown(value: unknown, known: readonly string[], field: string, what: string): void {
  if (typeof value === 'string' && known.includes(value)) return;
  throw new InputRejectedError(
    `${JSON.stringify(value)} is not a known ${what} (${known.join(', ')}); pick one of those, or pass your own list if the API has added it.`,
    field,
  );
}

/**
 * Opt-in check of a speech model against a list (go-openai's
 * `ErrInvalidSpeechModel`): the known `SpeechModel` values unless you pass
 * your own, since the API adds models. Throws an `InputRejectedError`.
 *
 * @example
 * checkSpeechModel(params.model);
 * checkSpeechModel(params.model, ['tts-1', 'my-tts-deployment']);
 */
export function checkSpeechModel(model: string, known: readonly string[] = Object.values(SpeechModel)): void {
  checkKnown(model, known, 'model', 'speech model');
}

/**
 * Opt-in check of a speech voice against a list (go-openai's
 * `ErrInvalidVoice`): the known `SpeechVoice` values unless you pass your own.
 * Throws an `InputRejectedError`.
 *
 * @example
 * checkSpeechVoice(params.voice);
 * checkSpeechVoice('alloy', ['alloy', 'echo']);
 */
export function checkSpeechVoice(voice: string, known: readonly string[] = Object.values(SpeechVoice)): void {
  checkKnown(voice, known, 'voice', 'speech voice');
}
