import { errorReply, jsonReply } from './replies';
import type { JsonReply, RecordedRequest } from './types';

/**
 * The two authentication settings of the server.
 *
 * @example
 * const settings: AuthSettings = { requireAuth: true, apiKey: 'sk-test' };
 */
export interface AuthSettings {
  requireAuth: boolean;
  apiKey: string | undefined;
}

/**
 * The 401 a request deserves, or undefined when it may pass. OpenAI-shaped
 * requests need `Authorization: Bearer <key>`; Azure-shaped ones accept the
 * `api-key` header or a Bearer token (Azure AD). With `apiKey` set, the key
 * must be exactly that. The answers never echo a whole key.
 *
 * @example
 * const failure = authorizationFailure(request, { requireAuth: true, apiKey: undefined });
 * if (failure) return failure;
 */
export function authorizationFailure(request: RecordedRequest, settings: AuthSettings): JsonReply | undefined {
  if (!settings.requireAuth) return undefined;
  const bearer = bearerToken(request.headers.authorization);
  if (request.azure) {
    const key = request.headers['api-key'] || bearer;
    if (key && (settings.apiKey === undefined || key === settings.apiKey)) return undefined;
    return jsonReply(
      {
        error: {
          code: '401',
          message:
            'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.',
        },
      },
      { status: 401 },
    );
  }
  if (!bearer) {
    return errorReply(401, {
      message:
        "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY). You can obtain an API key from https://platform.openai.com/account/api-keys.",
      code: null,
    });
  }
  if (settings.apiKey !== undefined && bearer !== settings.apiKey) {
    return errorReply(401, {
      message: `Incorrect API key provided: ${maskKey(bearer)}. You can find your API key at https://platform.openai.com/account/api-keys.`,
      code: 'invalid_api_key',
    });
  }
  return undefined;
}

function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S.*)$/i.exec(header ?? '');
  return match?.[1]?.trim() || undefined;
}

/**
 * Hides all of a key but its first three and last four characters, as the API's messages do.
 *
 * @example
 * maskKey('sk-abcdefghijklmnop'); // 'sk-************mnop'
 */
export function maskKey(key: string): string {
  if (key.length <= 10) return '*'.repeat(key.length);
  return `${key.slice(0, 3)}${'*'.repeat(key.length - 7)}${key.slice(-4)}`;
}
