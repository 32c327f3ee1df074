import { type Client, createClient } from '@openai-micro/core';
import { Audio } from './audio.js';
import { Beta } from './beta.js';
import { Chat } from './chat.js';
import { Completions } from './completions.js';
import { Embeddings } from './embeddings.js';
import { Files } from './files.js';
import { FineTuning } from './fine-tuning.js';
import { Images } from './images.js';
import { Models } from './models.js';
import { Moderations } from './moderations.js';
import { type OpenAIOptions, toClientOptions } from './options.js';

/**
 * One object shaped like the official SDK's client, over the openai-micro
 * functions: `openai.chat.completions.create(...)`, `openai.files.create(...)`…
 * It imports every resource package, so it is for servers and migrations, not
 * for edge bundles (there, call the functions themselves).
 *
 * Pass `{ client }` to wrap a client made by `createClient` or
 * `createAzureClient` (Azure OpenAI works the same way through the facade).
 *
 * @example
 * import OpenAI from '@openai-micro/openai';
 *
 * const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY, maxRetries: 3 });
 * const completion = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }] });
 * console.log(completion.choices[0]?.message.content);
 */
export class OpenAI {
  /** The core client every call goes through; pass it to the package functions to mix both styles. */
  readonly client: Client;
  /** Chat completions. */
  readonly chat: Chat;
  /** Legacy completions. */
  readonly completions: Completions;
  /** Embeddings. */
  readonly embeddings: Embeddings;
  /** Moderations. */
  readonly moderations: Moderations;
  /** Models. */
  readonly models: Models;
  /** Files. */
  readonly files: Files;
  /** Image generations, edits and variations. */
  readonly images: Images;
  /** Transcriptions, translations and speech. */
  readonly audio: Audio;
  /** Fine-tuning jobs. */
  readonly fineTuning: FineTuning;
  /** Assistants, threads, messages, runs and run steps. */
  readonly beta: Beta;

  /**
   * Takes the official SDK's options (`apiKey`, `baseURL`, `organization`,
   * `project`, `timeout`, `maxRetries`, `defaultHeaders`, `defaultQuery`,
   * `fetch`, `dangerouslyAllowBrowser`) and any other `createClient` option,
   * or `{ client }` to wrap an existing client.
   *
   * @example
   * const openai = new OpenAI({ baseURL: 'http://127.0.0.1:11434/v1', apiKey: '', defaultHeaders: { 'X-Team': 'search' } });
   * const azure = new OpenAI({ client: createAzureClient({ baseURL: 'https://my-resource.openai.azure.com' }) });
   */
  constructor(options: OpenAIOptions | { client: Client } = {}) {
    const client = 'client' in options ? options.client : createClient(toClientOptions(options));
    this.client = client;
    this.chat = new Chat(client);
    this.completions = new Completions(client);
    this.embeddings = new Embeddings(client);
    this.moderations = new Moderations(client);
    this.models = new Models(client);
    this.files = new Files(client);
    this.images = new Images(client);
    this.audio = new Audio(client);
    this.fineTuning = new FineTuning(client);
    this.beta = new Beta(client);
  }

  /**
   * The base URL requests go to.
   *
   * @example
   * console.log(new OpenAI({ apiKey: 'sk-...' }).baseURL); // https://api.openai.com/v1
   */
  get baseURL(): string {
    return this.client.baseURL;
  }
}

/**
 * `new OpenAI(options)` as a function, for code that prefers factories.
 *
 * @example
 * const openai = createOpenAI({ apiKey: process.env.OPENAI_API_KEY });
 * const { data } = await openai.models.list();
 */
export function createOpenAI(options?: OpenAIOptions | { client: Client }): OpenAI {
  return new OpenAI(options);
}
