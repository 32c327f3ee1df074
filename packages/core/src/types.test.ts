import { describe, expectTypeOf, it } from 'vitest';
import type * as core from './index.js';

// Shared types live in core so resource packages never import one another;
// this pins the names those packages rely on.
describe('shared types exported from core', () => {
  it('exposes the shared resource shapes', () => {
    expectTypeOf<core.CompletionUsage['total_tokens']>().toEqualTypeOf<number>();
    expectTypeOf<core.ChatCompletionMessageToolCall['function']['arguments']>().toEqualTypeOf<string>();
    expectTypeOf<core.FunctionObject['name']>().toEqualTypeOf<string>();
    expectTypeOf<core.ChatCompletionTool['function']>().toEqualTypeOf<core.FunctionObject>();
    expectTypeOf<core.OpenAIFile['object']>().toEqualTypeOf<'file'>();
    expectTypeOf<core.DeletionStatus['deleted']>().toEqualTypeOf<boolean>();
    expectTypeOf<'fine-tune'>().toExtend<core.FilePurpose>();
    expectTypeOf<'a-purpose-added-later'>().toExtend<core.FilePurpose>();
  });

  it('exposes pages, streams and uploads', () => {
    expectTypeOf<core.Page<core.OpenAIFile>['data']>().toEqualTypeOf<core.OpenAIFile[]>();
    expectTypeOf<core.Page<core.OpenAIFile>>().toExtend<AsyncIterable<core.OpenAIFile>>();
    expectTypeOf<core.EventStream<{ n: number }>>().toExtend<ReadableStream<{ n: number }>>();
    expectTypeOf<core.EventStream<{ n: number }>>().toExtend<AsyncIterable<{ n: number }>>();
    expectTypeOf<core.BinaryStream>().toExtend<ReadableStream<Uint8Array>>();
    expectTypeOf<string>().toExtend<core.FileInput>();
    expectTypeOf<{ data: Uint8Array; name: string }>().toExtend<core.FileInput>();
    expectTypeOf<{ data: ReadableStream<Uint8Array>; name: string }>().toExtend<core.FileInput>();
  });
});
