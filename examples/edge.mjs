// An edge function (Cloudflare Workers, Vercel Edge, Deno Deploy, Netlify Edge…):
// `export default { fetch }` that streams a chat answer to the browser as it is
// generated. GET / serves a small page that shows it; POST / with
// `{ "prompt": "..." }` answers with plain text, or with server-sent events when
// the request accepts `text/event-stream`.
// It imports only web APIs and @openai-micro/chat + core, so edge bundlers keep it small.
// Run locally on Node: node examples/edge-serve.mjs, then open the printed URL.
import { createChatCompletionStream, toEventStreamResponse, toTextResponse } from '@openai-micro/chat';
import { APIError, createClient } from '@openai-micro/core';

const page = `<!doctype html>
<meta charset="utf-8"><title>openai-micro edge example</title>
<form><input name="prompt" value="Tell me a joke" size="40"> <button>Ask</button></form>
<pre id="answer"></pre>
<script type="module">
  const form = document.querySelector('form');
  const answer = document.querySelector('#answer');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    answer.textContent = '';
    const response = await fetch('/', { method: 'POST', body: JSON.stringify({ prompt: form.prompt.value }) });
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) answer.textContent += read.value;
  });
</script>`;

export default {
  /**
   * @param {Request} request
   * @param {Record<string, string | undefined>} [env] Workers pass bindings here; other runtimes have process.env.
   */
  async fetch(request, env) {
    if (request.method === 'GET') return new Response(page, { headers: { 'content-type': 'text/html; charset=utf-8' } });
    if (request.method !== 'POST') return new Response('Method not allowed', { status: 405, headers: { allow: 'GET, POST' } });
    const { prompt } = await request.json().catch(() => ({}));
    if (typeof prompt !== 'string' || prompt === '') return Response.json({ error: 'Send { "prompt": "..." }.' }, { status: 400 });

    const settings = env ?? globalThis.process?.env ?? {};
    // Made per request: Workers hand out their secrets per request, and a client is only a frozen object.
    const client = createClient({ apiKey: settings.OPENAI_API_KEY, baseURL: settings.OPENAI_BASE_URL });
    let stream;
    try {
      // The browser going away aborts the upstream request too, so no tokens are paid for unread.
      stream = await createChatCompletionStream(
        client,
        { model: settings.OPENAI_MODEL ?? 'gpt-4o-mini', messages: [{ role: 'user', content: prompt }] },
        { signal: request.signal },
      );
    } catch (error) {
      // Only the status reaches the browser: upstream messages can name the organization.
      const status = APIError.isInstance(error) && error.status === 429 ? 429 : 502;
      return Response.json({ error: 'The model is unavailable.' }, { status });
    }
    return request.headers.get('accept')?.includes('text/event-stream') ? toEventStreamResponse(stream) : toTextResponse(stream);
  },
};
