/**
 * The transport contract: the one seam between core's request logic and the
 * runtime's HTTP client. Two implementations exist, picked by the package's
 * "#transport" import condition: fetch (every runtime) and undici (Node).
 */

/** A body the transports accept. Multipart bodies arrive as a Blob or a stream. */
export type TransportBody = string | Uint8Array | Blob | ReadableStream<Uint8Array>;

/** One HTTP attempt, fully resolved. */
export interface TransportRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: TransportBody | undefined;
  signal: AbortSignal;
  /** A caller-supplied fetch: when set, every transport uses it. */
  fetch: typeof fetch | undefined;
  /** A caller-supplied undici dispatcher (Node transport only). */
  dispatcher: unknown;
}

/** The answer to one attempt, with a pull-based body so both transports read it alike. */
export interface TransportResponse {
  status: number;
  headers: Headers;
  /** Resolves the next chunk of the (decompressed) body, or undefined at its end. */
  read(): Promise<Uint8Array | undefined>;
  /** Stops reading and releases the connection. Safe to call more than once. */
  cancel(): void;
}

/** The shape of both "#transport" modules. */
export interface TransportModule {
  send(request: TransportRequest): Promise<TransportResponse>;
  /** Opens a file path as a Blob read lazily from disk (Node), or refuses (elsewhere). */
  openFile(path: string, field?: string): Promise<Blob>;
  name: 'undici' | 'fetch';
}
