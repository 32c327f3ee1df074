import type { Buffer } from 'node:buffer';

/**
 * Any JSON object the API sends back.
 *
 * @example
 * const metadata: JsonObject = { user: 'u1' };
 */
export type JsonObject = Record<string, unknown>;

/**
 * The `file` object.
 *
 * @example
 * const file: FileObject = { id: 'file-1', object: 'file', bytes: 3, created_at: 0, filename: 'a.jsonl', purpose: 'fine-tune', status: 'processed', status_details: null };
 */
export interface FileObject {
  id: string;
  object: 'file';
  bytes: number;
  created_at: number;
  filename: string;
  purpose: string;
  status: string;
  status_details: string | null;
}

/**
 * A run, with the fields the server moves through its states.
 *
 * @example
 * const status: RunObject['status'] = 'queued';
 */
export interface RunObject extends JsonObject {
  id: string;
  thread_id: string;
  assistant_id: string;
  status: string;
  required_action: JsonObject | null;
  started_at: number | null;
  expires_at: number | null;
  cancelled_at: number | null;
  completed_at: number | null;
  usage: JsonObject | null;
  tools: JsonObject[];
  instructions: string | null;
  model: string;
}

/**
 * A run step.
 *
 * @example
 * const type: RunStepObject['type'] = 'message_creation';
 */
export interface RunStepObject extends JsonObject {
  id: string;
  type: string;
  status: string;
  step_details: JsonObject;
  completed_at: number | null;
  usage: JsonObject | null;
}

/**
 * A thread message.
 *
 * @example
 * const role: MessageObject['role'] = 'user';
 */
export interface MessageObject extends JsonObject {
  id: string;
  thread_id: string;
  role: string;
  file_ids: string[];
  metadata: JsonObject | null;
  created_at: number;
}

/**
 * A run and what the server keeps about its progress.
 *
 * @example
 * const state: RunState = { run, steps: [], toolOutputsSubmitted: false };
 */
export interface RunState {
  run: RunObject;
  steps: RunStepObject[];
  toolOutputsSubmitted: boolean;
}

/**
 * A thread with its messages and runs, oldest first.
 *
 * @example
 * store.threads.get('thread_000001')?.messages.length;
 */
export interface ThreadState {
  thread: JsonObject & { id: string; metadata: JsonObject | null };
  messages: MessageObject[];
  runs: RunState[];
}

/**
 * A fine-tuning job, its events (oldest first) and how far it has progressed.
 *
 * @example
 * store.fineTuningJobs.get('ftjob-000001')?.job.status;
 */
export interface FineTuningJobState {
  job: JsonObject & { id: string; status: string; model: string };
  events: Array<JsonObject & { id: string }>;
}

/**
 * Everything one server instance keeps in memory. `reset()` replaces it.
 *
 * @example
 * const store = createStore(() => 1_700_000_000);
 */
export interface Store {
  files: Map<string, { file: FileObject; content: Buffer; contentType: string }>;
  assistants: Map<string, { assistant: JsonObject & { id: string; file_ids: string[] }; files: Array<JsonObject & { id: string }> }>;
  threads: Map<string, ThreadState>;
  fineTuningJobs: Map<string, FineTuningJobState>;
  fineTunes: Map<string, JsonObject & { id: string; status: string; events: JsonObject[] }>;
  models: Map<string, JsonObject & { id: string }>;
}

/**
 * A fresh store holding the built-in model list.
 *
 * @example
 * const store = createStore();
 * store.models.has('gpt-4o-mini'); // true
 */
export function createStore(): Store {
  return {
    files: new Map(),
    assistants: new Map(),
    threads: new Map(),
    fineTuningJobs: new Map(),
    fineTunes: new Map(),
    models: new Map(builtInModels().map((model) => [model.id, model])),
  };
}

function builtInModels(): Array<JsonObject & { id: string }> {
  const model = (id: string, created: number, owned_by: string) => ({ id, object: 'model', created, owned_by });
  return [
    model('gpt-3.5-turbo', 1677610602, 'openai'),
    model('gpt-3.5-turbo-instruct', 1692901427, 'system'),
    model('gpt-4', 1687882411, 'openai'),
    model('gpt-4-turbo-preview', 1706037777, 'system'),
    model('gpt-4o', 1715367049, 'system'),
    model('gpt-4o-mini', 1721172741, 'system'),
    model('text-embedding-ada-002', 1671217299, 'openai-internal'),
    model('text-embedding-3-small', 1705948997, 'system'),
    model('text-embedding-3-large', 1705953180, 'system'),
    model('text-moderation-latest', 1687882410, 'openai'),
    model('text-moderation-stable', 1687882410, 'openai'),
    model('dall-e-2', 1698798177, 'system'),
    model('dall-e-3', 1698785189, 'system'),
    model('whisper-1', 1677532384, 'openai-internal'),
    model('tts-1', 1681940951, 'openai-internal'),
    model('tts-1-hd', 1699046015, 'system'),
    model('davinci-002', 1692634301, 'system'),
    model('babbage-002', 1692634615, 'system'),
  ];
}
