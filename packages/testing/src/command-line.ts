import { parseArgs } from 'node:util';
import { startTestServer, type TestServer, type TestServerOptions } from './server';

/**
 * Where the command line writes and how it learns that it must stop; tests
 * pass their own, the executable passes the process's.
 *
 * @example
 * const io: CommandLineIo = { stdout: (line) => lines.push(line), stderr: () => {}, onStopSignal: () => () => {} };
 */
export interface CommandLineIo {
  stdout(line: string): void;
  stderr(line: string): void;
  /** Calls `listener` on SIGINT or SIGTERM; returns a function that stops listening. */
  onStopSignal(listener: (signal: string) => void): () => void;
}

/**
 * A server started from the command line.
 *
 * @example
 * const session = await runCommandLine(['--port', '0'], io);
 * await session?.stop();
 */
export interface CommandLineSession {
  server: TestServer;
  /** Settles once the server has stopped, after a signal or `stop()`. */
  stopped: Promise<void>;
  stop(): Promise<void>;
}

/**
 * A mistake in the arguments; the executable prints it with the usage and exits with 2.
 *
 * @example
 * await runCommandLine(['--port', 'x']).catch((error) => error instanceof CommandLineError); // true
 */
export class CommandLineError extends Error {
  override name = 'CommandLineError';
}

/**
 * The `--help` text.
 *
 * @example
 * process.stdout.write(usageText());
 */
export function usageText(): string {
  return `Usage: openai-micro-testing [options]

Starts an OpenAI-compatible test server and prints its base URL (with /v1).
SIGINT (Ctrl+C) or SIGTERM stops it.

Options:
  -p, --port <number>        port to listen on (default 8787; 0 picks a free one)
      --host <address>       interface to listen on (default 127.0.0.1)
      --api-key <key>        accept only this key (default: any key)
      --no-auth              accept requests without a key
      --answer <text>        the text of every default answer
      --latency <ms>         wait before every reply
      --chunk-delay <ms>     wait between the chunks of streamed replies
      --run-tool-calls       runs with a function tool stop at requires_action
      --require-beta-header  Assistants calls need OpenAI-Beta: assistants=...
      --api-version <v>      an accepted Azure api-version (repeatable; default: any)
      --deployment <name>    an existing Azure deployment (repeatable; default: any)
      --log                  print one line per request on stderr
  -h, --help                 print this help
`;
}

/**
 * Parses the arguments into server options (`help` when `--help` was asked).
 *
 * @example
 * parseCommandLine(['--port', '9000', '--no-auth']); // { help: false, log: false, options: { port: 9000, requireAuth: false, ... } }
 */
export function parseCommandLine(argv: string[]): { help: boolean; log: boolean; options: TestServerOptions } {
  let values: Record<string, string | boolean | string[] | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        port: { type: 'string', short: 'p' },
        host: { type: 'string' },
        'api-key': { type: 'string' },
        'no-auth': { type: 'boolean' },
        answer: { type: 'string' },
        latency: { type: 'string' },
        'chunk-delay': { type: 'string' },
        'run-tool-calls': { type: 'boolean' },
        'require-beta-header': { type: 'boolean' },
        'api-version': { type: 'string', multiple: true },
        deployment: { type: 'string', multiple: true },
        log: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new CommandLineError(error instanceof Error ? error.message : String(error));
  }
  const apiVersions = values['api-version'] as string[] | undefined;
  const deployments = values.deployment as string[] | undefined;
  return {
    help: values.help === true,
    log: values.log === true,
    options: {
      port: wholeNumber(values.port, '--port', 8787),
      host: (values.host as string | undefined) ?? '127.0.0.1',
      requireAuth: values['no-auth'] !== true,
      apiKey: values['api-key'] as string | undefined,
      answer: values.answer as string | undefined,
      latency: wholeNumber(values.latency, '--latency', 0),
      chunkDelay: wholeNumber(values['chunk-delay'], '--chunk-delay', 0),
      runToolCalls: values['run-tool-calls'] === true,
      requireAssistantsBetaHeader: values['require-beta-header'] === true,
      azure: { apiVersions, deployments },
    },
  };
}

/**
 * Runs the command line: starts the server, prints its URL on stdout (alone
 * on its line, for scripts), and stops it on SIGINT or SIGTERM.
 *
 * @example
 * const session = await runCommandLine(process.argv.slice(2));
 * await session?.stopped;
 */
export async function runCommandLine(argv: string[], io: CommandLineIo = processIo()): Promise<CommandLineSession | undefined> {
  const { help, log, options } = parseCommandLine(argv);
  if (help) {
    io.stdout(usageText());
    return undefined;
  }
  const server = await startTestServer({
    ...options,
    onRequest: log ? (request) => io.stderr(`${request.method} ${request.url}`) : undefined,
  });
  let markStopped: () => void = () => {};
  const stopped = new Promise<void>((resolve) => {
    markStopped = resolve;
  });
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= server.close().then(() => {
      removeListener();
      markStopped();
    });
    return stopping;
  };
  const removeListener = io.onStopSignal(() => {
    void stop();
  });
  io.stdout(server.url);
  io.stderr(`openai-micro-testing: OpenAI-compatible test server on ${server.url} (Azure: ${server.origin}/openai/...). Ctrl+C stops it.`);
  return { server, stopped, stop };
}

function wholeNumber(value: unknown, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) throw new CommandLineError(`${name} needs a whole number, got '${String(value)}'`);
  return number;
}

function processIo(): CommandLineIo {
  return {
    stdout: (line) => process.stdout.write(`${line}\n`),
    stderr: (line) => process.stderr.write(`${line}\n`),
    onStopSignal(listener) {
      process.once('SIGINT', listener);
      process.once('SIGTERM', listener);
      return () => {
        process.off('SIGINT', listener);
        process.off('SIGTERM', listener);
      };
    },
  };
}
