/**
 * go-openai's chat constants as `as const` objects (values for code) and
 * string-literal unions that still accept any string (the API adds values).
 */
import type { OpenValues } from '@openai-micro/core';

/**
 * Message roles (go-openai `ChatMessageRoleSystem`…).
 *
 * @example
 * const message = { role: ChatMessageRole.User, content: 'Hello!' };
 */
export const ChatMessageRole = {
  System: 'system',
  User: 'user',
  Assistant: 'assistant',
  Function: 'function',
  Tool: 'tool',
} as const;
/**
 * A message role (the spec's ChatCompletionRole).
 *
 * @example
 * const role: ChatCompletionRole = ChatMessageRole.Assistant;
 */
export type ChatCompletionRole = OpenValues<typeof ChatMessageRole>;

/**
 * Why the model stopped (go-openai `FinishReasonStop`…). go-openai's
 * `FinishReasonNull` has no counterpart: an unfinished choice has `finish_reason: null`.
 *
 * @example
 * if (choice.finish_reason === FinishReason.ToolCalls) runTools(choice.message.tool_calls);
 */
export const FinishReason = {
  Stop: 'stop',
  Length: 'length',
  FunctionCall: 'function_call',
  ToolCalls: 'tool_calls',
  ContentFilter: 'content_filter',
} as const;
/**
 * A finish reason of a chat choice.
 *
 * @example
 * const stoppedEarly = (reason: ChatCompletionFinishReason | null) => reason === FinishReason.Length;
 */
export type ChatCompletionFinishReason = OpenValues<typeof FinishReason>;

/**
 * Response formats (go-openai `ChatCompletionResponseFormatTypeJSONObject`…);
 * `JSONSchema` is the newer Structured Outputs format.
 *
 * @example
 * const params = { model, messages, response_format: { type: ChatCompletionResponseFormatType.JSONObject } };
 */
export const ChatCompletionResponseFormatType = {
  JSONObject: 'json_object',
  Text: 'text',
  JSONSchema: 'json_schema',
} as const;
/**
 * A response format type.
 *
 * @example
 * const type: ChatCompletionResponseFormatType = ChatCompletionResponseFormatType.JSONObject;
 */
export type ChatCompletionResponseFormatType = OpenValues<typeof ChatCompletionResponseFormatType>;

/**
 * How closely the model looks at an image (go-openai `ImageURLDetailHigh`…).
 *
 * @example
 * const part = { type: 'image_url', image_url: { url, detail: ImageURLDetail.Low } } as const;
 */
export const ImageURLDetail = {
  High: 'high',
  Low: 'low',
  Auto: 'auto',
} as const;
/**
 * An image detail level.
 *
 * @example
 * const detail: ImageDetail = ImageURLDetail.Auto;
 */
export type ImageDetail = OpenValues<typeof ImageURLDetail>;

/**
 * Content part types (go-openai `ChatMessagePartTypeText`…).
 *
 * @example
 * const part = { type: ChatMessagePartType.Text, text: 'What is in this image?' };
 */
export const ChatMessagePartType = {
  Text: 'text',
  ImageURL: 'image_url',
} as const;
/**
 * A content part type.
 *
 * @example
 * const type: ChatMessagePartType = ChatMessagePartType.ImageURL;
 */
export type ChatMessagePartType = OpenValues<typeof ChatMessagePartType>;

/**
 * Tool types (go-openai `ToolTypeFunction`).
 *
 * @example
 * const tool = { type: ToolType.Function, function: { name: 'get_weather', parameters } };
 */
export const ToolType = {
  Function: 'function',
} as const;
/**
 * A tool type.
 *
 * @example
 * const type: ChatCompletionToolType = ToolType.Function;
 */
export type ChatCompletionToolType = OpenValues<typeof ToolType>;

/**
 * The string forms of `tool_choice`: never call a tool, let the model decide,
 * or make it call at least one.
 *
 * @example
 * const params = { model, messages, tools, tool_choice: ToolChoiceMode.Required };
 */
export const ToolChoiceMode = {
  None: 'none',
  Auto: 'auto',
  Required: 'required',
} as const;
/**
 * A string `tool_choice`.
 *
 * @example
 * const tool_choice: ChatCompletionToolChoiceMode = ToolChoiceMode.None;
 */
export type ChatCompletionToolChoiceMode = OpenValues<typeof ToolChoiceMode>;
