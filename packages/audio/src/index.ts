export { createSpeech } from './create-speech.js';
export { createTranscription } from './create-transcription.js';
export { createTranslation } from './create-translation.js';
export { checkSpeechModel, checkSpeechVoice } from './speech-checks.js';
export {
  AudioModel,
  AudioResponseFormat,
  type AudioText,
  type CreateSpeechRequest,
  type CreateTranscriptionRequest,
  type CreateTranscriptionResponseJson,
  type CreateTranscriptionResponseVerboseJson,
  type CreateTranslationRequest,
  type CreateTranslationResponseJson,
  type CreateTranslationResponseVerboseJson,
  type FileInput,
  SpeechModel,
  SpeechResponseFormat,
  SpeechVoice,
  TimestampGranularity,
  type TranscriptionResult,
  type TranscriptionSegment,
  type TranscriptionWord,
  type TranslationResult,
} from './types.js';
