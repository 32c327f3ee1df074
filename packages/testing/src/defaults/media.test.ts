import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_ANSWER } from '../chat-replies';
import { startTestServer, type TestServer } from '../server';
import { bearer, postJson } from '../test-support';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(() => server.close());

const pngSignature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function form(fields: Record<string, string>, files: Record<string, [Uint8Array<ArrayBuffer>, string]> = {}): FormData {
  const data = new FormData();
  for (const [name, [bytes, filename]] of Object.entries(files)) data.append(name, new Blob([bytes]), filename);
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}

const postForm = (path: string, body: FormData) => fetch(`${server.url}${path}`, { method: 'POST', headers: bearer, body });

describe('images', () => {
  it('generates image URLs that download as PNG, and b64_json PNGs', async () => {
    const urls = await (await postJson(server, '/images/generations', { prompt: 'a cat', n: 2 })).json();
    expect(urls.data).toHaveLength(2);
    const image = await fetch(urls.data[0].url);
    expect(Array.from(new Uint8Array(await image.arrayBuffer()).subarray(0, 8))).toEqual(pngSignature);
    const inline = await (
      await postJson(server, '/images/generations', { prompt: 'a cat', model: 'dall-e-3', response_format: 'b64_json' })
    ).json();
    expect(Array.from(Buffer.from(inline.data[0].b64_json, 'base64').subarray(0, 8))).toEqual(pngSignature);
    expect(inline.data[0].revised_prompt).toBe('a cat');
  });

  it('edits and varies uploaded images, refusing the n=0 and empty size that go-openai sent', async () => {
    const png = new Uint8Array(pngSignature);
    const edit = await postForm('/images/edits', form({ prompt: 'add a hat', n: '1', size: '256x256' }, { image: [png, 'cat.png'] }));
    expect(edit.status).toBe(200);
    expect(server.lastRequest()?.parts?.find((part) => part.name === 'image')?.data).toEqual(png);
    const variation = await postForm('/images/variations', form({ response_format: 'b64_json' }, { image: [png, 'cat.png'] }));
    expect((await variation.json()).data[0].b64_json).toBeTypeOf('string');
    const zero = await postForm('/images/variations', form({ n: '0' }, { image: [png, 'cat.png'] }));
    expect(zero.status).toBe(400);
    expect((await zero.json()).error.message).toContain('less than the minimum');
    const emptySize = await postForm('/images/variations', form({ size: '' }, { image: [png, 'cat.png'] }));
    expect((await emptySize.json()).error.param).toBe('size');
    const noImage = await postForm('/images/edits', form({ prompt: 'x' }));
    expect((await noImage.json()).error.param).toBe('image');
  });
});

describe('audio', () => {
  const audio = (fields: Record<string, string>, path = '/audio/transcriptions') =>
    postForm(path, form({ model: 'whisper-1', ...fields }, { file: [new Uint8Array([1, 2, 3]), 'speech.mp3'] }));

  it('transcribes in json, text, srt and vtt', async () => {
    expect(await (await audio({})).json()).toEqual({ text: DEFAULT_ANSWER });
    expect(await (await audio({ response_format: 'text' })).text()).toBe(`${DEFAULT_ANSWER}\n`);
    const srt = await (await audio({ response_format: 'srt' })).text();
    expect(srt).toBe('1\n00:00:00,000 --> 00:00:01,000\nHello!\n\n2\n00:00:01,000 --> 00:00:05,500\nThis is the openai-micro test server.\n\n');
    const vtt = await audio({ response_format: 'vtt' });
    expect(vtt.headers.get('content-type')).toBe('text/vtt; charset=utf-8');
    expect(await vtt.text()).toMatch(/^WEBVTT\n\n00:00:00\.000 --> 00:00:01\.000\nHello!\n\n/);
  });

  it('transcribes verbose_json with segments, and words when asked', async () => {
    const data = form({ model: 'whisper-1', response_format: 'verbose_json', language: 'en' }, { file: [new Uint8Array([1]), 'a.wav'] });
    data.append('timestamp_granularities[]', 'word');
    data.append('timestamp_granularities[]', 'segment');
    const body = await (await postForm('/audio/transcriptions', data)).json();
    expect(body).toMatchObject({ task: 'transcribe', language: 'en', duration: 5.5, text: DEFAULT_ANSWER });
    expect(body.segments.map((segment: any) => [segment.id, segment.start, segment.end])).toEqual([
      [0, 0, 1],
      [1, 1, 5.5],
    ]);
    expect(body.words[0]).toEqual({ word: 'Hello', start: 0, end: 1 });
    const translation = await (await audio({ response_format: 'verbose_json' }, '/audio/translations')).json();
    expect(translation).toMatchObject({ task: 'translate', language: 'english' });
    expect(translation.words).toBeUndefined();
  });

  it('refuses audio requests without a file or model', async () => {
    const noFile = await postForm('/audio/transcriptions', form({ model: 'whisper-1' }));
    expect((await noFile.json()).error.param).toBe('file');
    const notMultipart = await postJson(server, '/audio/transcriptions', { model: 'whisper-1' });
    expect((await notMultipart.json()).error.message).toContain('multipart/form-data');
  });

  it('speaks binary audio whose type follows response_format', async () => {
    const mp3 = await postJson(server, '/audio/speech', { model: 'tts-1', input: 'Hello world', voice: 'alloy' });
    expect(mp3.headers.get('content-type')).toBe('audio/mpeg');
    expect(mp3.headers.get('transfer-encoding')).toBe('chunked');
    const mp3Bytes = new Uint8Array(await mp3.arrayBuffer());
    expect(Array.from(mp3Bytes.subarray(0, 2))).toEqual([0xff, 0xfb]);
    const wav = await postJson(server, '/audio/speech', { model: 'tts-1', input: 'Hello', voice: 'alloy', response_format: 'wav' });
    expect(wav.headers.get('content-type')).toBe('audio/wav');
    expect(Buffer.from(await wav.arrayBuffer()).subarray(0, 4).toString()).toBe('RIFF');
    for (const format of ['opus', 'aac', 'flac', 'pcm']) {
      const response = await postJson(server, '/audio/speech', { model: 'tts-1', input: 'Hi', voice: 'alloy', response_format: format });
      expect(response.headers.get('content-type')).toBe(`audio/${format}`);
      expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(0);
    }
    const noVoice = await postJson(server, '/audio/speech', { model: 'tts-1', input: 'Hi' });
    expect((await noVoice.json()).error.param).toBe('voice');
  });
});
