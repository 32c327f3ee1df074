/**
 * Splits text into token-like pieces (a word with its leading space, or one
 * punctuation mark) whose concatenation is the text again. Streams send one
 * piece per chunk and usage counts pieces: close enough to real tokens for
 * tests, and the same on every run.
 *
 * @example
 * splitIntoTokens('Hello! How are you?'); // ['Hello', '!', ' How', ' are', ' you', '?']
 */
export function splitIntoTokens(text: string): string[] {
  return text.match(/\s*[\p{L}\p{N}_]+|\s*[^\s\p{L}\p{N}_]|\s+/gu) ?? [];
}

/**
 * How many pieces {@link splitIntoTokens} makes of the text: the server's token estimate.
 *
 * @example
 * countTokens('Hello! How are you?'); // 6
 */
export function countTokens(text: string): number {
  return splitIntoTokens(text).length;
}
