export { startTestServer, type TestServer, type TestServerOptions } from './server';
export type { RouteScript } from './route-scripts';
export {
  binaryReply,
  defaultReply,
  disconnectReply,
  emptyReply,
  type ErrorDetails,
  errorReply,
  hangReply,
  jsonReply,
  sseReply,
  textReply,
} from './replies';
export {
  type ChatCompletionChunk,
  type ChatCompletionScript,
  type ChatCompletionStreamScript,
  type CompletionUsage,
  chatCompletionReply,
  chatCompletionStreamReply,
  DEFAULT_ANSWER,
  type ToolCallScript,
} from './chat-replies';
export { rateLimitHeaders } from './rate-limit';
export { embeddingVector, encodeEmbeddingBase64 } from './embedding-vector';
export { splitIntoTokens } from './tokens';
export type { AzureSettings } from './azure';
export type {
  AzureRequestDetails,
  BinaryReply,
  DefaultReply,
  DisconnectReply,
  EmptyReply,
  HangReply,
  JsonReply,
  MultipartPart,
  RateLimitValues,
  RecordedRequest,
  ReplyContext,
  ReplyHandler,
  ReplyInput,
  ReplyOptions,
  ScriptedReply,
  SseEvent,
  SseReply,
  TextReply,
} from './types';
