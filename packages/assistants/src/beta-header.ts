/**
 * The `OpenAI-Beta` header every Assistants call sends unless the client's or
 * the call's headers set their own: `assistants=v1`, the version of go-openai
 * v1.20 and the 2024-03 spec. OpenAI shut v1 down in late 2024; pass
 * `headers: { 'OpenAI-Beta': 'assistants=v2' }` to `createClient` for today's API.
 *
 * @example
 * const client = createClient({ headers: { 'OpenAI-Beta': 'assistants=v2' } }); // overrides this default
 */
export const assistantsBetaHeaders = { 'OpenAI-Beta': 'assistants=v1' } as const;
