import { invalidRequest } from '../operation-errors';
import type { JsonObject } from '../state';
import type { Operation } from './context';

/**
 * Wraps an Assistants operation so that, with the server's
 * `requireAssistantsBetaHeader` option, a call without `OpenAI-Beta:
 * assistants=...` gets the API's 400 instead.
 *
 * @example
 * routes.push({ route: 'POST /v1/assistants', operation: assistantsOperation(createAssistant) });
 */
export function assistantsOperation(operation: Operation): Operation {
  return (context) => {
    const beta = context.request.headers['openai-beta'] ?? '';
    if (context.settings.requireAssistantsBetaHeader && !beta.includes('assistants=')) {
      throw invalidRequest(
        "You must provide the 'OpenAI-Beta' header to access the Assistants API. Please try again by setting the header 'OpenAI-Beta: assistants=v1'.",
        null,
        'invalid_beta',
      );
    }
    return operation(context);
  };
}

/**
 * The `metadata` of a modify call, refusing other fields as the API does
 * (which also catches a client that sends the bare metadata map as the body).
 *
 * @example
 * thread.metadata = metadataUpdate(body) ?? thread.metadata;
 */
export function metadataUpdate(body: JsonObject): JsonObject | null | undefined {
  for (const key of Object.keys(body)) {
    if (key !== 'metadata') throw invalidRequest(`Unrecognized request argument supplied: ${key}`, key);
  }
  return body.metadata as JsonObject | null | undefined;
}

/**
 * The text content block of a message.
 *
 * @example
 * textContent('Hello'); // [{ type: 'text', text: { value: 'Hello', annotations: [] } }]
 */
export function textContent(value: string): JsonObject[] {
  return [{ type: 'text', text: { value, annotations: [] } }];
}
