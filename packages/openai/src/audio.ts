import {
  type AudioResponseFormat,
  type CreateSpeechRequest,
  type CreateTranscriptionRequest,
  type CreateTranslationRequest,
  createSpeech,
  createTranscription,
  createTranslation,
  type TranscriptionResult,
  type TranslationResult,
} from '@openai-micro/audio';
import type { BinaryStream, Client } from '@openai-micro/core';
import type { CallOptions } from './options.js';

/**
 * `openai.audio.transcriptions`.
 *
 * @example
 * const { text } = await openai.audio.transcriptions.create({ file: './talk.mp3', model: 'whisper-1' });
 */
export class Transcriptions {
  readonly #client: Client;

  /**
   * Made by {@link OpenAI}.
   *
   * @example
   * const transcriptions = new Transcriptions(createClient());
   */
  constructor(client: Client) {
    this.#client = client;
  }

  /**
   * `createTranscription`. Every format resolves to an object: text formats
   * (`text`, `srt`, `vtt`) as `{ text }`, where the official SDK resolves a string.
   *
   * @example
   * const { text } = await openai.audio.transcriptions.create({ file: './talk.mp3', model: 'whisper-1', response_format: 'srt' });
   */
  async create<Format extends AudioResponseFormat | undefined = undefined>(
    params: CreateTranscriptionRequest & { response_format?: Format },
    options?: CallOptions,
  ): Promise<TranscriptionResult<Format>> {
    return createTranscription(this.#client, params, options);
  }
}

/**
 * `openai.audio.translations`.
 *
 * @example
 * const { text } = await openai.audio.translations.create({ file: './interview.m4a', model: 'whisper-1' });
 */
export class Translations {
  readonly #client: Client;

  /**
   * Made by {@link OpenAI}.
   *
   * @example
   * const translations = new Translations(createClient());
   */
  constructor(client: Client) {
    this.#client = client;
  }

  /**
   * `createTranslation`; text formats resolve as `{ text }`.
   *
   * @example
   * const { text } = await openai.audio.translations.create({ file: './interview.m4a', model: 'whisper-1' });
   */
  async create<Format extends AudioResponseFormat | undefined = undefined>(
    params: CreateTranslationRequest & { response_format?: Format },
    options?: CallOptions,
  ): Promise<TranslationResult<Format>> {
    return createTranslation(this.#client, params, options);
  }
}

/**
 * `openai.audio.speech`.
 *
 * @example
 * const audio = await openai.audio.speech.create({ model: 'tts-1', voice: 'alloy', input: 'Hello!' });
 */
export class Speech {
  readonly #client: Client;

  /**
   * Made by {@link OpenAI}.
   *
   * @example
   * const speech = new Speech(createClient());
   */
  constructor(client: Client) {
    this.#client = client;
  }

  /**
   * `createSpeech`: the audio as a streamed body (`bytes()`, async iteration,
   * or `saveToFile` from `@openai-micro/core/node`), where the official SDK resolves a fetch `Response`.
   *
   * @example
   * const bytes = await (await openai.audio.speech.create({ model: 'tts-1', voice: 'alloy', input: 'Hi' })).bytes();
   */
  async create(params: CreateSpeechRequest, options?: CallOptions): Promise<BinaryStream> {
    return createSpeech(this.#client, params, options);
  }
}

/**
 * `openai.audio`.
 *
 * @example
 * const { text } = await openai.audio.transcriptions.create({ file: './talk.mp3', model: 'whisper-1' });
 */
export class Audio {
  /** Speech to text. */
  readonly transcriptions: Transcriptions;
  /** Speech to English text. */
  readonly translations: Translations;
  /** Text to speech. */
  readonly speech: Speech;

  /**
   * Made by {@link OpenAI}.
   *
   * @example
   * const audio = new Audio(createClient());
   */
  constructor(client: Client) {
    this.transcriptions = new Transcriptions(client);
    this.translations = new Translations(client);
    this.speech = new Speech(client);
  }
}
