import { InputRejectedError } from '@openai-micro/core';

function isTokenArray(value: unknown): value is number[] {
  return Array.isArray(value) && value.length > 0 && value.every((token) => Number.isInteger(token));
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${[...new Set(value.map((item) => (Array.isArray(item) ? 'arrays' : item === null ? 'null' : typeof item)))].join(' and ') || 'nothing'}`;
  return typeof value;
}

/**
 * Refuses a prompt the API cannot take (go-openai
 * `ErrCompletionRequestPromptTypeNotSupported`, which also refused token
 * arrays; the API takes them, and so does this check). Both completion
 * operations call it before sending.
 *
 * @throws {InputRejectedError} with `field: 'prompt'`.
 *
 * @example
 * checkPrompt(params.prompt);
 */
export function checkPrompt(prompt: unknown): void {
  if (typeof prompt === 'string') return;
  if (Array.isArray(prompt)) {
    if (prompt.every((item) => typeof item === 'string')) return;
    if (isTokenArray(prompt) || (prompt.length > 0 && prompt.every(isTokenArray))) return;
  }
  throw new InputRejectedError(
    `prompt must be a string, an array of strings, an array of integer token ids, or an array of non-empty token-id arrays, but it is ${describe(prompt)}. To complete from the start of a document, pass an empty string.`,
    'prompt',
  );
}
