import type { FileInput as CoreFileInput, OpenValues } from '@openai-micro/core';

/**
 * A file to upload (core's FileInput): a Node file path (streamed from disk), a
 * Blob or File, or `{ data, name, type? }` with bytes, a Blob or a one-shot
 * ReadableStream (such an upload is never retried). The API reads the format
 * from the file name's extension.
 *
 * @example
 * const inputs: FileInput[] = ['./talk.mp3', new File([mp3], 'talk.mp3'), { data: mp3, name: 'talk.mp3' }, { data: recording.stream(), name: 'live.webm' }];
 */
export type FileInput = CoreFileInput;

/**
 * Speech-to-text models (go-openai's `Whisper1`; the gpt-4o ones are newer than the 2024-03 spec).
 *
 * @example
 * await createTranscription(client, { file: './talk.mp3', model: AudioModel.Whisper1 });
 */
export const AudioModel = { Whisper1: 'whisper-1', GPT4oTranscribe: 'gpt-4o-transcribe', GPT4oMiniTranscribe: 'gpt-4o-mini-transcribe' } as const;
/**
 * A speech-to-text model: the known ones, or any newer name.
 *
 * @example
 * const model: AudioModel = 'gpt-4o-transcribe';
 */
export type AudioModel = OpenValues<typeof AudioModel>;

/**
 * Transcript formats (go-openai's `AudioResponseFormat*`). `json` (the default)
 * and `verbose_json` come back as JSON objects; `text`, `srt` and `vtt` as `{ text }`.
 *
 * @example
 * const { text } = await createTranscription(client, { file: './talk.mp3', model: 'whisper-1', response_format: AudioResponseFormat.SRT });
 */
export const AudioResponseFormat = { JSON: 'json', Text: 'text', SRT: 'srt', VerboseJSON: 'verbose_json', VTT: 'vtt' } as const;
/**
 * A transcript format: the known ones, or any newer value.
 *
 * @example
 * const format: AudioResponseFormat = AudioResponseFormat.VerboseJSON;
 */
export type AudioResponseFormat = OpenValues<typeof AudioResponseFormat>;

/**
 * Timestamp granularities of a `verbose_json` transcription.
 *
 * @example
 * await createTranscription(client, { file, model: 'whisper-1', response_format: 'verbose_json', 'timestamp_granularities[]': [TimestampGranularity.Word] });
 */
export const TimestampGranularity = { Word: 'word', Segment: 'segment' } as const;
/**
 * A timestamp granularity: the known ones, or any newer value.
 *
 * @example
 * const granularities: TimestampGranularity[] = ['word', 'segment'];
 */
export type TimestampGranularity = OpenValues<typeof TimestampGranularity>;

/**
 * Text-to-speech models (go-openai's `TTSModel1`, `TTSModel1HD`, `TTSModelCanary`;
 * gpt-4o-mini-tts is newer).
 *
 * @example
 * await createSpeech(client, { model: SpeechModel.TTS1HD, input: 'Hello', voice: 'nova' });
 */
export const SpeechModel = { TTS1: 'tts-1', TTS1HD: 'tts-1-hd', GPT4oMiniTTS: 'gpt-4o-mini-tts', Canary: 'canary-tts' } as const;
/**
 * A text-to-speech model: the known ones, or any newer name.
 *
 * @example
 * const model: SpeechModel = SpeechModel.GPT4oMiniTTS;
 */
export type SpeechModel = OpenValues<typeof SpeechModel>;

/**
 * Speech voices (go-openai's `VoiceAlloy`…; ash, ballad, coral, sage and verse are newer).
 *
 * @example
 * await createSpeech(client, { model: 'tts-1', input: 'Hello', voice: SpeechVoice.Shimmer });
 */
export const SpeechVoice = {
  Alloy: 'alloy',
  Ash: 'ash',
  Ballad: 'ballad',
  Coral: 'coral',
  Echo: 'echo',
  Fable: 'fable',
  Onyx: 'onyx',
  Nova: 'nova',
  Sage: 'sage',
  Shimmer: 'shimmer',
  Verse: 'verse',
} as const;
/**
 * A speech voice: the known ones, or any newer name.
 *
 * @example
 * const voice: SpeechVoice = 'coral';
 */
export type SpeechVoice = OpenValues<typeof SpeechVoice>;

/**
 * Speech audio formats (go-openai's `SpeechResponseFormat*`).
 *
 * @example
 * await createSpeech(client, { model: 'tts-1', input: 'Hello', voice: 'alloy', response_format: SpeechResponseFormat.Opus });
 */
export const SpeechResponseFormat = { MP3: 'mp3', Opus: 'opus', AAC: 'aac', FLAC: 'flac', WAV: 'wav', PCM: 'pcm' } as const;
/**
 * A speech audio format: the known ones, or any newer value.
 *
 * @example
 * const format: SpeechResponseFormat = SpeechResponseFormat.WAV;
 */
export type SpeechResponseFormat = OpenValues<typeof SpeechResponseFormat>;

/**
 * Parameters of `createTranslation` (the spec's CreateTranslationRequest), sent
 * as multipart form fields; numbers as decimal strings, `temperature: 0` included.
 *
 * @example
 * const params: CreateTranslationRequest = { file: './interview.m4a', model: 'whisper-1', temperature: 0 };
 */
export interface CreateTranslationRequest {
  /** The audio: a Node file path, a Blob or File, or `{ data, name }`; the API reads the format from the name's extension. */
  file: FileInput;
  model: AudioModel;
  /** Text to guide the style, in English. */
  prompt?: string;
  response_format?: AudioResponseFormat;
  /** 0 to 1; 0 (sent when set) lets the model raise it as needed. */
  temperature?: number;
  /**
   * The audio's language, ISO-639-1 (`'en'`). The spec lists it for
   * transcriptions only; go-openai's shared AudioRequest sends it for
   * translations too, so it is typed here and sent when set.
   */
  language?: string;
}

/**
 * Parameters of `createTranscription` (the spec's CreateTranscriptionRequest).
 *
 * @example
 * const params: CreateTranscriptionRequest = { file: './talk.mp3', model: 'whisper-1', language: 'en', response_format: 'verbose_json', 'timestamp_granularities[]': ['word', 'segment'] };
 */
export interface CreateTranscriptionRequest extends CreateTranslationRequest {
  /** The audio's language, ISO-639-1 (`'en'`): improves accuracy and latency. */
  language?: string;
  /** Sent as the repeated form field `timestamp_granularities[]`; needs `response_format: 'verbose_json'`. */
  'timestamp_granularities[]'?: TimestampGranularity[];
}

/**
 * A transcript in a text format (`text`, `srt`, `vtt`): the whole body as `text`
 * (go-openai's `AudioResponse.Text`).
 *
 * @example
 * const subtitles: AudioText = { text: '1\n00:00:00,000 --> 00:00:02,000\nHello\n' };
 */
export interface AudioText {
  text: string;
}

/**
 * A `json` transcription (the spec's CreateTranscriptionResponseJson).
 *
 * @example
 * const transcript: CreateTranscriptionResponseJson = { text: 'Hello there.' };
 */
export interface CreateTranscriptionResponseJson {
  text: string;
}

/**
 * A `json` translation (the spec's CreateTranslationResponseJson).
 *
 * @example
 * const translation: CreateTranslationResponseJson = { text: 'Hello there.' };
 */
export interface CreateTranslationResponseJson {
  text: string;
}

/**
 * One segment of a verbose transcript (the spec's TranscriptionSegment).
 *
 * @example
 * const segment: TranscriptionSegment = { id: 0, seek: 0, start: 0, end: 1.5, text: ' Hello.', tokens: [50364, 2425], temperature: 0, avg_logprob: -0.3, compression_ratio: 0.9, no_speech_prob: 0.01 };
 */
export interface TranscriptionSegment {
  id: number;
  seek: number;
  /** Seconds. */
  start: number;
  /** Seconds. */
  end: number;
  text: string;
  tokens: number[];
  temperature: number;
  /** Below -1: consider the decoding failed. */
  avg_logprob: number;
  /** Above 2.4: consider the compression failed. */
  compression_ratio: number;
  no_speech_prob: number;
}

/**
 * One word with its timestamps (the spec's TranscriptionWord), present when
 * `timestamp_granularities[]` includes `word`.
 *
 * @example
 * const word: TranscriptionWord = { word: 'Hello', start: 0, end: 0.42 };
 */
export interface TranscriptionWord {
  word: string;
  start: number;
  end: number;
}

/**
 * A `verbose_json` translation (the spec's CreateTranslationResponseVerboseJson).
 * `duration` is a number of seconds as the API sends it (the spec says string).
 *
 * @example
 * const verbose: CreateTranslationResponseVerboseJson = { task: 'translate', language: 'english', duration: 2.5, text: 'Hello.', segments: [] };
 */
export interface CreateTranslationResponseVerboseJson {
  task?: string;
  language: string;
  duration: number;
  text: string;
  segments?: TranscriptionSegment[];
}

/**
 * A `verbose_json` transcription (the spec's CreateTranscriptionResponseVerboseJson).
 *
 * @example
 * const verbose: CreateTranscriptionResponseVerboseJson = { task: 'transcribe', language: 'english', duration: 2.5, text: 'Hello.', words: [{ word: 'Hello', start: 0, end: 0.4 }] };
 */
export interface CreateTranscriptionResponseVerboseJson extends CreateTranslationResponseVerboseJson {
  words?: TranscriptionWord[];
}

/** The formats answered as plain text. */
type TextFormat = 'text' | 'srt' | 'vtt';

/**
 * What `createTranscription` resolves for a given `response_format`.
 *
 * @example
 * type Subtitles = TranscriptionResult<'srt'>; // AudioText
 */
export type TranscriptionResult<Format> = Format extends 'verbose_json'
  ? CreateTranscriptionResponseVerboseJson
  : Format extends TextFormat
    ? AudioText
    : CreateTranscriptionResponseJson;

/**
 * What `createTranslation` resolves for a given `response_format`.
 *
 * @example
 * type Verbose = TranslationResult<'verbose_json'>; // CreateTranslationResponseVerboseJson
 */
export type TranslationResult<Format> = Format extends 'verbose_json'
  ? CreateTranslationResponseVerboseJson
  : Format extends TextFormat
    ? AudioText
    : CreateTranslationResponseJson;

/**
 * Parameters of `createSpeech` (the spec's CreateSpeechRequest), sent as JSON.
 *
 * @example
 * const params: CreateSpeechRequest = { model: 'tts-1', input: 'Hello!', voice: 'alloy', response_format: 'opus', speed: 1.25 };
 */
export interface CreateSpeechRequest {
  model: SpeechModel;
  /** Up to 4096 characters. */
  input: string;
  voice: SpeechVoice;
  /** Default mp3. */
  response_format?: SpeechResponseFormat;
  /** 0.25 to 4.0; default 1.0. */
  speed?: number;
  /** Newer API, gpt-4o-mini-tts only: how to speak (tone, pace…). */
  instructions?: string;
}
