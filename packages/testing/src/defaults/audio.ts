import { jsonReply, textReply } from '../replies';
import { countTokens } from '../tokens';
import { boundedNumber, formBody, type Operation, oneOf, requireFile, requireString } from './context';

/**
 * `POST /v1/audio/transcriptions` (multipart): the canned answer as the
 * transcript, in every `response_format` (json, text, srt, vtt, verbose_json
 * with segments, and words when `timestamp_granularities[]` asks for them).
 *
 * @example
 * routes.push({ route: 'POST /v1/audio/transcriptions', operation: createTranscription });
 */
export const createTranscription: Operation = (context) => transcribe(context, 'transcribe');

/**
 * `POST /v1/audio/translations` (multipart): like transcriptions, in English and without words.
 *
 * @example
 * routes.push({ route: 'POST /v1/audio/translations', operation: createTranslation });
 */
export const createTranslation: Operation = (context) => transcribe(context, 'translate');

function transcribe(context: Parameters<Operation>[0], task: 'transcribe' | 'translate') {
  const { fields, files } = formBody(context);
  requireFile(files, 'file');
  requireString(fields, 'model');
  boundedNumber(fields, 'temperature', 0, 1);
  const format = oneOf(fields, 'response_format', ['json', 'text', 'srt', 'verbose_json', 'vtt'] as const) ?? 'json';
  const text = context.settings.answer(context.request);
  const segments = timedSegments(text);
  switch (format) {
    case 'json':
      return jsonReply({ text });
    case 'text':
      return textReply(`${text}\n`);
    case 'srt':
      return textReply(
        segments.map((segment, index) => `${index + 1}\n${clock(segment.start, ',')} --> ${clock(segment.end, ',')}\n${segment.text}\n\n`).join(''),
      );
    case 'vtt':
      return textReply(
        `WEBVTT\n\n${segments.map((segment) => `${clock(segment.start, '.')} --> ${clock(segment.end, '.')}\n${segment.text}\n\n`).join('')}`,
        { contentType: 'text/vtt; charset=utf-8' },
      );
    case 'verbose_json': {
      const granularities = (fields['timestamp_granularities[]'] as string[] | undefined) ?? ['segment'];
      const language = task === 'translate' ? 'english' : typeof fields.language === 'string' ? fields.language : 'english';
      const result: Record<string, unknown> = { task, language, duration: segments.at(-1)?.end ?? 0, text };
      if (granularities.includes('segment')) result.segments = segments.map(segmentObject);
      if (task === 'transcribe' && granularities.includes('word')) result.words = timedWords(text);
      return jsonReply(result);
    }
  }
}

// Half a second per token keeps every timestamp exact in binary and in srt/vtt.
function timedSegments(text: string): Array<{ start: number; end: number; text: string }> {
  const sentences = text.match(/[^.!?]+[.!?]*\s*/g) ?? [text];
  let time = 0;
  return sentences.map((sentence) => {
    const start = time;
    time += Math.max(1, countTokens(sentence.trim())) * 0.5;
    return { start, end: time, text: sentence.trim() };
  });
}

function timedWords(text: string) {
  let time = 0;
  return (text.match(/\S+/g) ?? []).map((word) => {
    const start = time;
    time += Math.max(1, countTokens(word)) * 0.5;
    return { word: word.replace(/[^\p{L}\p{N}'-]/gu, ''), start, end: time };
  });
}

function segmentObject(segment: { start: number; end: number; text: string }, index: number) {
  return {
    id: index,
    seek: 0,
    start: segment.start,
    end: segment.end,
    text: ` ${segment.text}`,
    tokens: Array.from({ length: countTokens(segment.text) }, (_, token) => 50364 + token),
    temperature: 0,
    avg_logprob: -0.25,
    compression_ratio: 1.2,
    no_speech_prob: 0.01,
  };
}

function clock(seconds: number, separator: ',' | '.'): string {
  const milliseconds = Math.round(seconds * 1000);
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  const hours = Math.floor(milliseconds / 3_600_000);
  const minutes = Math.floor(milliseconds / 60_000) % 60;
  const wholeSeconds = Math.floor(milliseconds / 1000) % 60;
  return `${pad(hours)}:${pad(minutes)}:${pad(wholeSeconds)}${separator}${pad(milliseconds % 1000, 3)}`;
}
