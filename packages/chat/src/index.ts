export { accumulateChatCompletion, type ChatCompletionAccumulator, createChatCompletionAccumulator } from './accumulate-chat-completion.js';
export { assembleToolCalls, createToolCallAccumulator, type ToolCallAccumulator, type ToolCallAccumulatorOptions } from './assemble-tool-calls.js';
export { checkChatModel } from './check-chat-model.js';
export {
  ChatCompletionResponseFormatType,
  type ChatCompletionFinishReason,
  type ChatCompletionRole,
  type ChatCompletionToolChoiceMode,
  type ChatCompletionToolType,
  ChatMessagePartType,
  ChatMessageRole,
  FinishReason,
  type ImageDetail,
  ImageURLDetail,
  ToolChoiceMode,
  ToolType,
} from './constants.js';
export { type CreateChatCompletionParams, createChatCompletion } from './create-chat-completion.js';
export { type CreateChatCompletionStreamParams, createChatCompletionStream } from './create-chat-completion-stream.js';
export { ChatModel } from './models.js';
export { type TextDeltasOptions, textDeltas } from './text-deltas.js';
export { type EventStreamResponseInit, toEventStreamResponse } from './to-event-stream-response.js';
export { type TextResponseInit, toTextResponse } from './to-text-response.js';
export type * from './types.js';
