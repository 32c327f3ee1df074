export { type Client, type ClientOptions, clientInternals, createClient, type HeaderValues, type Logger, type QueryValues, type RetryInfo, type TransportSettings } from './client.js';
export {
  APIError,
  type APIErrorBody,
  type AzureInnerError,
  ConfigurationError,
  ConnectionError,
  createAPIError,
  InputRejectedError,
  isAuthenticationError,
  isBadRequestError,
  isContentFilterError,
  isNotFoundError,
  isPermissionDeniedError,
  isRateLimitError,
  isServerError,
  OpenAIMicroError,
  RedirectError,
  ResponseParseError,
  ResponseTooLargeError,
  StreamEventError,
  StreamProtocolError,
  TimeoutError,
} from './errors.js';
export { IterableStream } from './iterable-stream.js';
export { attachResponseMetadata, getResponseMetadata, parseDuration, parseRateLimitHeaders, type RateLimitInfo, type ResponseMetadata } from './metadata.js';
export { createMultipartBody, type FileInput, isUploadFile, type MultipartValue, toUploadFile, type UploadFile } from './multipart.js';
export { sleep } from './retry.js';
export { type CursorQuery, type Page, requestPage } from './pagination.js';
export { encodePathSegment, pathFor } from './path.js';
export { isPreparedBody, markPreparedBody, type PreparedBody } from './prepared-body.js';
export {
  type Attempt,
  type CallSettings,
  executeRequest,
  type OperationRequest,
  readBodyText,
  type RequestOptions,
  type ResponseHandling,
  type StandardSchema,
} from './request.js';
export { BinaryStream, openBinaryStream, requestBinary } from './request-binary.js';
export { parseJSONBody, request, requestText } from './request-json.js';
export { EventStream, openEventStream, requestStream, type StreamDecoding } from './stream.js';
export type * from './types.js';
