import { describe, expect, it } from 'vitest';
import { oneShotStream, receivedParts } from './multipart-parts.js';

async function encoded(form: FormData): Promise<{ headers: Record<string, string>; body: Uint8Array }> {
  const request = new Request('http://127.0.0.1/', { method: 'POST', body: form });
  return { headers: { 'content-type': request.headers.get('content-type')! }, body: new Uint8Array(await request.arrayBuffer()) };
}

describe('receivedParts', () => {
  it('returns text fields and file parts in order, repeated names included, file bytes exact', async () => {
    const form = new FormData();
    form.append('model', 'whisper-1');
    form.append('timestamp_granularities[]', 'word');
    form.append('timestamp_granularities[]', 'segment');
    form.append('file', new File([new Uint8Array([0, 255, 13, 10])], 'talk.mp3', { type: 'audio/mpeg' }));

    expect(await receivedParts(await encoded(form))).toEqual([
      { name: 'model', value: 'whisper-1' },
      { name: 'timestamp_granularities[]', value: 'word' },
      { name: 'timestamp_granularities[]', value: 'segment' },
      { name: 'file', value: { filename: 'talk.mp3', type: 'audio/mpeg', bytes: new Uint8Array([0, 255, 13, 10]) } },
    ]);
  });

  it('rejects a body that is not the multipart form its content type announces', async () => {
    await expect(receivedParts({ headers: { 'content-type': 'multipart/form-data; boundary=x' }, body: new TextEncoder().encode('not a form') })).rejects.toThrow();
  });
});

describe('oneShotStream', () => {
  it('yields its chunks once, then is spent', async () => {
    const stream = oneShotStream(new Uint8Array([1, 2]), new Uint8Array([3]));
    expect(new Uint8Array(await new Response(stream).arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
    expect(stream.locked).toBe(true);
    expect(() => new Response(stream)).toThrow(TypeError);
  });
});
