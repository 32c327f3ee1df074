import * as transport from '#transport';
import { InputRejectedError } from './errors.js';
import { markPreparedBody, type PreparedBody } from './prepared-body.js';

/**
 * A file to upload: a Blob or File; bytes, a Blob or a ReadableStream with a
 * file name; or, on Node, a file path (read lazily from disk, never buffered).
 *
 * @example
 * const fromDisk: FileInput = './train.jsonl';
 * const fromBytes: FileInput = { data: new TextEncoder().encode('{}'), name: 'one.jsonl', type: 'application/jsonl' };
 */
export type FileInput =
  | Blob
  | string
  | { data: Uint8Array | ArrayBuffer | Blob | ReadableStream<Uint8Array>; name: string; type?: string };

/**
 * A file input resolved into what a multipart part needs.
 *
 * @example
 * const upload: UploadFile = await toUploadFile('./photo.png');
 * console.log(upload.name, upload.type); // 'photo.png' 'image/png'
 */
export interface UploadFile {
  readonly name: string;
  readonly type: string;
  /** Replayable content. */
  readonly blob?: Blob;
  /** One-shot content: the upload cannot be retried. */
  readonly stream?: ReadableStream<Uint8Array>;
  readonly [uploadFileKey]: true;
}

const uploadFileKey = /* @__PURE__ */ Symbol.for('openai-micro.upload-file');

const contentTypes: Record<string, string> = {
  jsonl: 'application/jsonl',
  json: 'application/json',
  txt: 'text/plain',
  csv: 'text/csv',
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  gif: 'image/gif',
  mp3: 'audio/mpeg',
  mpga: 'audio/mpeg',
  mpeg: 'audio/mpeg',
  m4a: 'audio/mp4',
  mp4: 'audio/mp4',
  wav: 'audio/wav',
  webm: 'audio/webm',
  ogg: 'audio/ogg',
  flac: 'audio/flac',
};

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? '';
}

function guessType(name: string): string {
  const extension = name.includes('.') ? name.split('.').pop()!.toLowerCase() : '';
  return contentTypes[extension] ?? 'application/octet-stream';
}

/**
 * Resolves any {@link FileInput} into an {@link UploadFile}, refusing bad input
 * (a missing path, a directory, an empty file name) before anything is sent.
 *
 * @example
 * const upload = await toUploadFile('./train.jsonl');
 * const fromBytes = await toUploadFile({ data: new TextEncoder().encode('{}'), name: 'one.jsonl' });
 */
export async function toUploadFile(input: FileInput, field = 'file'): Promise<UploadFile> {
  let name: string;
  let type: string | undefined;
  let blob: Blob | undefined;
  let stream: ReadableStream<Uint8Array> | undefined;
  if (typeof input === 'string') {
    if (input === '') throw new InputRejectedError(`"${field}" is an empty file path.`, field);
    blob = await transport.openFile(input, field);
    name = baseName(input);
  } else if (input instanceof Blob) {
    blob = input;
    name = (input as Partial<File>).name ?? '';
    type = input.type || undefined;
    if (!name) throw new InputRejectedError(`"${field}" is a Blob without a file name; pass a File, or { data, name }.`, field);
  } else if (typeof input === 'object' && input !== null && 'data' in input) {
    if (typeof input.name !== 'string') throw new InputRejectedError(`"${field}.name" must be a file name string.`, field);
    name = input.name;
    type = input.type;
    const data = input.data;
    if (data instanceof ReadableStream) stream = data;
    else if (data instanceof Blob) blob = data;
    else if (data instanceof Uint8Array || data instanceof ArrayBuffer) blob = new Blob([data as Uint8Array<ArrayBuffer>]);
    else throw new InputRejectedError(`"${field}.data" must be bytes, a Blob or a ReadableStream.`, field);
  } else {
    throw new InputRejectedError(`"${field}" must be a file path, a Blob or File, or { data, name }.`, field);
  }
  name = baseName(name ?? '');
  if (!name.trim()) throw new InputRejectedError(`"${field}" needs a file name: the API reads the format from it.`, field);
  const file = { name, type: type || blob?.type || guessType(name), blob, stream };
  return Object.defineProperty(file, uploadFileKey, { value: true }) as UploadFile;
}

/**
 * Whether a value is an {@link UploadFile}.
 *
 * @example
 * isUploadFile(await toUploadFile('./a.png')); // true
 */
export function isUploadFile(value: unknown): value is UploadFile {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[uploadFileKey] === true;
}

/**
 * Values of multipart fields; undefined and null are left out, arrays repeat the field.
 *
 * @example
 * const fields: Record<string, MultipartValue> = { model: 'whisper-1', 'timestamp_granularities[]': ['word'], file: await toUploadFile('./a.mp3') };
 * const body = createMultipartBody(fields);
 */
export type MultipartValue = string | number | boolean | null | undefined | UploadFile | readonly (string | number)[];

// Browsers encode these characters this way in multipart names; doing the
// same keeps a hostile file name from breaking out of its header line.
function quoteHeaderValue(value: string): string {
  return value.replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/"/g, '%22');
}

/**
 * Builds a multipart/form-data body from named fields, without reading file
 * contents into memory: Blob parts (including files opened from disk) stay
 * Blobs, stream parts are piped through. A body made only of Blobs and strings
 * can be sent again on retry; one with a stream cannot.
 *
 * @example
 * const body = createMultipartBody({ purpose: 'fine-tune', file: await toUploadFile('./train.jsonl') });
 * await request(client, { method: 'POST', path: '/files', body });
 */
export function createMultipartBody(fields: Record<string, MultipartValue>): PreparedBody {
  const boundary = `openai-micro-${crypto.getRandomValues(new Uint32Array(4)).join('-')}`;
  const encoder = new TextEncoder();
  const parts: (Uint8Array | UploadFile)[] = [];
  const text = (value: string) => parts.push(encoder.encode(value));
  for (const name in fields) {
    const value = fields[name];
    if (value === undefined || value === null) continue;
    const values = Array.isArray(value) ? value : [value];
    for (const item of values) {
      if (isUploadFile(item)) {
        text(
          `--${boundary}\r\nContent-Disposition: form-data; name="${quoteHeaderValue(name)}"; filename="${quoteHeaderValue(item.name)}"\r\nContent-Type: ${quoteHeaderValue(item.type)}\r\n\r\n`,
        );
        parts.push(item);
        text('\r\n');
      } else {
        text(`--${boundary}\r\nContent-Disposition: form-data; name="${quoteHeaderValue(name)}"\r\n\r\n${String(item)}\r\n`);
      }
    }
  }
  text(`--${boundary}--\r\n`);
  const replayable = parts.every((part) => part instanceof Uint8Array || part.blob);
  const total = replayable ? parts.reduce((sum, part) => sum + (part instanceof Uint8Array ? part.byteLength : part.blob!.size), 0) : undefined;
  return markPreparedBody({
    contentType: `multipart/form-data; boundary=${boundary}`,
    replayable,
    open(onProgress) {
      if (replayable && !onProgress) {
        return new Blob(parts.map((part) => (part instanceof Uint8Array ? (part as Uint8Array<ArrayBuffer>) : part.blob!)));
      }
      let index = 0;
      let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
      let loaded = 0;
      return new ReadableStream<Uint8Array>({
        async pull(controller) {
          for (;;) {
            if (reader) {
              const { done, value } = await reader.read();
              if (!done) {
                loaded += value.byteLength;
                onProgress?.({ loaded, total });
                controller.enqueue(value);
                return;
              }
              reader = undefined;
            }
            const part = parts[index++];
            if (part === undefined) {
              controller.close();
              return;
            }
            if (part instanceof Uint8Array) {
              loaded += part.byteLength;
              onProgress?.({ loaded, total });
              controller.enqueue(part);
              return;
            }
            reader = (part.blob ? part.blob.stream() : part.stream!).getReader();
          }
        },
        cancel(reason) {
          return reader?.cancel(reason);
        },
      });
    },
  });
}
