import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@openai-micro/core';
import { saveToFile as coreSaveToFile } from '@openai-micro/core/node';
import { useLoopbackClient } from '@openai-micro/tooling/test-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSpeech } from './create-speech.js';
import { saveToFile } from './node.js';

const chunk = Buffer.alloc(64 * 1024, 0xab);
const chunkCount = 40;

const context = useLoopbackClient((_request, reply) => reply.chunks(200, { 'content-type': 'audio/mpeg' }, Array.from({ length: chunkCount }, () => chunk)), createClient);

let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'openai-micro-audio-node-'));
});
afterAll(() => rm(directory, { recursive: true, force: true }));

describe('saveToFile', () => {
  it('streams speech audio to a file and resolves the bytes written', async () => {
    const path = join(directory, 'hello.mp3');
    const written = await saveToFile(await createSpeech(context.client(), { model: 'tts-1', input: 'Hello!', voice: 'alloy' }), path);

    expect(written).toBe(chunk.length * chunkCount);
    expect((await readFile(path)).equals(Buffer.concat(Array.from({ length: chunkCount }, () => chunk)))).toBe(true);
    expect(context.server.requests[0]!.path).toBe('/v1/audio/speech');
  });

  it('is the saveToFile of core, whose failure path (the partial file removed) the files package tests', () => {
    expect(saveToFile).toBe(coreSaveToFile);
  });
});
