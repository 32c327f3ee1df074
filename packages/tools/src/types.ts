/** Message types the tools package produces, structurally the same as the chat package's. */

/**
 * A tool's answer to one tool call (the spec's ChatCompletionRequestToolMessage).
 *
 * @example
 * const answer: ChatCompletionRequestToolMessage = { role: 'tool', tool_call_id: toolCall.id, content: JSON.stringify({ celsius: 21 }) };
 */
export interface ChatCompletionRequestToolMessage {
  role: 'tool';
  /** The `id` of the tool call this message answers. */
  tool_call_id: string;
  content: string;
}
