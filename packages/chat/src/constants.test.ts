import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  type ChatCompletionFinishReason,
  ChatCompletionResponseFormatType,
  type ChatCompletionRole,
  ChatMessagePartType,
  ChatMessageRole,
  FinishReason,
  ImageURLDetail,
  ToolChoiceMode,
  ToolType,
} from './constants.js';
import { ChatModel } from './models.js';
import type { CreateChatCompletionRequest } from './types.js';

describe('go-openai constants', () => {
  it('hold the wire values go-openai sends', () => {
    expect(Object.values(ChatMessageRole)).toEqual(['system', 'user', 'assistant', 'function', 'tool']);
    expect(Object.values(FinishReason)).toEqual(['stop', 'length', 'function_call', 'tool_calls', 'content_filter']);
    expect(ChatCompletionResponseFormatType.JSONObject).toBe('json_object');
    expect(ImageURLDetail).toEqual({ High: 'high', Low: 'low', Auto: 'auto' });
    expect(ChatMessagePartType.ImageURL).toBe('image_url');
    expect(ToolType.Function).toBe('function');
    expect(ToolChoiceMode).toEqual({ None: 'none', Auto: 'auto', Required: 'required' });
    expect(ChatModel.GPT3Dot5Turbo).toBe('gpt-3.5-turbo');
    expect(ChatModel.GPT4o).toBe('gpt-4o');
  });

  // Checked by the typechecker (`pnpm typecheck` runs over the tests): a constant that no longer fits fails it.
  it('fit the request types, whose unions still accept values the API adds later', () => {
    const request: CreateChatCompletionRequest = {
      model: ChatModel.GPT4oMini,
      messages: [
        { role: ChatMessageRole.System, content: 'Be brief.' },
        { role: ChatMessageRole.User, content: [{ type: ChatMessagePartType.ImageURL, image_url: { url: 'https://example.com/cat.png', detail: ImageURLDetail.High } }] },
      ],
      tools: [{ type: ToolType.Function, function: { name: 'f' } }],
      tool_choice: ToolChoiceMode.Auto,
      response_format: { type: ChatCompletionResponseFormatType.JSONObject },
    };
    expectTypeOf(request).toEqualTypeOf<CreateChatCompletionRequest>();
    expectTypeOf<'developer'>().toExtend<ChatCompletionRole>();
    expectTypeOf<'input_audio'>().toExtend<ChatMessagePartType>();
    expectTypeOf<'o1-mini'>().toExtend<ChatModel>();
    expectTypeOf<typeof FinishReason.ToolCalls>().toExtend<ChatCompletionFinishReason>();
    expectTypeOf<'o1-mini'>().toExtend<CreateChatCompletionRequest['model']>();
  });
});
