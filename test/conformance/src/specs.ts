/**
 * Run-time copies of the specs in ../shared/openapi, patched so that Prism can
 * serve them and really validates what it is sent. The files in shared/ stay
 * as they were copied (see SOURCES.md); every change is made here, in code that
 * walks the parsed document, and each change is listed so a test can assert
 * the patch still finds what it was written for.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const here = dirname(fileURLToPath(import.meta.url));

/** ../shared/openapi, next to the repository (CI gets a copy of shared/ beside its clone). */
export const specFolder = join(here, '../../../../shared/openapi');
export const openAISpecPath = join(specFolder, 'openai-2024-03.yaml');
export const azureSpecPath = join(specFolder, 'azure-openai-inference-2024-02-01.json');

/** The path prefix of the schema-check operations added to the OpenAI copy. */
export const schemaCheckPrefix = '/__conformance__/schemas/';

/** One change made to a run-time copy, by JSON pointer. */
export interface SpecPatch {
  pointer: string;
  change: string;
}

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function resolveLocal(root: JsonObject, schema: Json): Json | undefined {
  if (!isObject(schema) || typeof schema.$ref !== 'string') return schema;
  if (!schema.$ref.startsWith('#/')) return undefined;
  let node: Json | undefined = root;
  for (const part of schema.$ref.slice(2).split('/')) node = isObject(node) ? node[part.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
  return node;
}

function walk(node: Json, pointer: string, visit: (node: JsonObject, pointer: string) => void): void {
  if (Array.isArray(node)) {
    node.forEach((item, index) => {
      walk(item, `${pointer}/${index}`, visit);
    });
  } else if (isObject(node)) {
    visit(node, pointer);
    for (const key of Object.keys(node)) walk(node[key] as Json, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, visit);
  }
}

/**
 * Prism (through @stoplight/http-spec) turns `nullable: true` into a JSON
 * Schema `type: [T, 'null']` only where the schema has a `type`; elsewhere the
 * keyword stays, the validator refuses the schema, and Prism silently stops
 * validating the whole request body of the operation (createCompletion,
 * createImage, createImageEdit, createImageVariation and, through a
 * `nullable: false` without a type, createModeration in the 2024-03 spec).
 * Each such schema gets a type:
 * - when every branch of its `oneOf`/`anyOf` has the same type, that type
 *   (images' `model`: string or one of the model names → `type: string`);
 * - when the branches differ (completions' `prompt` and `stop`: string or
 *   array), OpenAPI 3.0 has no single type to give, so the nullability moves to
 *   the first typed branch, which then accepts null (and, in a `oneOf`, only
 *   that branch does, so null still matches exactly one);
 * - with no type and no branches the schema accepts anything, null included:
 *   the keyword is dropped;
 * - `nullable: false` is the default: where no single type can be given, the
 *   keyword is dropped.
 */
export function typeNullableSchemas(root: JsonObject): SpecPatch[] {
  const patches: SpecPatch[] = [];
  walk(root, '', (schema, pointer) => {
    if (typeof schema.nullable !== 'boolean' || schema.type !== undefined) return;
    const branches = [schema.oneOf, schema.anyOf].find(Array.isArray);
    const resolved = branches?.map((branch) => resolveLocal(root, branch));
    const types = new Set(resolved?.map((branch) => (isObject(branch) ? branch.type : undefined)));
    const [only] = types;
    if (branches && types.size === 1 && typeof only === 'string') {
      schema.type = only;
      patches.push({ pointer, change: `type: ${only}` });
      return;
    }
    const firstTyped = branches?.find((branch) => isObject(branch) && typeof branch.type === 'string');
    const nullable = schema.nullable;
    delete schema.nullable;
    if (!nullable) patches.push({ pointer, change: 'nullable: false dropped' });
    else if (isObject(firstTyped)) {
      firstTyped.nullable = true;
      patches.push({ pointer, change: `nullable moved to the ${String(firstTyped.type)} branch` });
    } else patches.push({ pointer, change: 'nullable dropped (untyped schema)' });
  });
  return patches;
}

/**
 * Adds `POST /__conformance__/schemas/{Name}` for each named component schema:
 * its request body is that schema, so Prism validates a stream event (which no
 * operation of the spec returns, as Prism cannot stream) with the same
 * validator as every request, and answers 204 or 422 with the violations.
 */
export function addSchemaChecks(root: JsonObject, names: readonly string[]): SpecPatch[] {
  const schemas = isObject(root.components) && isObject(root.components.schemas) ? root.components.schemas : {};
  const paths = isObject(root.paths) ? root.paths : {};
  root.paths = paths;
  return names.map((name) => {
    if (!(name in schemas)) throw new Error(`The spec has no schema ${name} to check stream events against.`);
    paths[`${schemaCheckPrefix}${name}`] = {
      post: {
        operationId: `conformanceCheck${name}`,
        security: [],
        requestBody: { required: true, content: { 'application/json': { schema: { $ref: `#/components/schemas/${name}` } } } },
        responses: { '204': { description: 'The body is valid.' } },
      },
    };
    return { pointer: `/paths/${schemaCheckPrefix.replace(/\//g, '~1')}${name}`, change: 'schema check added' };
  });
}

/** The Azure file references `./examples/*.json` that are not copied: Prism refuses to start unless they go. */
export function stripMsExamples(root: JsonObject): SpecPatch[] {
  const patches: SpecPatch[] = [];
  walk(root, '', (node, pointer) => {
    if ('x-ms-examples' in node) {
      delete node['x-ms-examples'];
      patches.push({ pointer, change: 'x-ms-examples removed' });
    }
  });
  return patches;
}

/**
 * Prism matches request paths against the path keys alone and ignores the
 * base path of `servers` (`/v1` for OpenAI, `/openai` for Azure). Prefixing
 * every path key with it makes Prism check the whole URL our client builds,
 * base path included.
 */
export function prefixServerPath(root: JsonObject): SpecPatch[] {
  const servers = Array.isArray(root.servers) ? root.servers : [];
  const first = servers[0];
  if (!isObject(first) || typeof first.url !== 'string') throw new Error('The spec declares no server URL.');
  const variables = isObject(first.variables) ? first.variables : {};
  const url = first.url.replace(/\{([^}]+)\}/g, (_match, name: string) => {
    const variable = variables[name];
    return isObject(variable) && typeof variable.default === 'string' ? variable.default : name;
  });
  const prefix = new URL(url).pathname.replace(/\/$/, '');
  if (!prefix) return [];
  const paths = isObject(root.paths) ? root.paths : {};
  root.paths = Object.fromEntries(Object.entries(paths).map(([path, item]) => [`${prefix}${path}`, item]));
  return [{ pointer: '/paths', change: `every path prefixed with the server base path ${prefix}` }];
}

/**
 * Spec defects that would make Prism refuse every correct request, or refuse
 * its own answers: names listed in `required` that the schema never defines.
 * In the 2024-03 spec, CreateRunRequest and CreateThreadAndRunRequest require
 * `thread_id` (a path parameter) while forbidding any property they do not
 * list, so no body can pass; ListAssistantFilesResponse and
 * ListMessageFilesResponse require an `items` they do not have, so Prism's own
 * example answers fail its response check. The undefined names are dropped.
 */
export function dropUndefinedRequired(root: JsonObject): SpecPatch[] {
  const patches: SpecPatch[] = [];
  walk(root, '', (schema, pointer) => {
    if (!Array.isArray(schema.required) || !isObject(schema.properties) || schema.allOf !== undefined) return;
    const properties = schema.properties;
    const undefinedNames = schema.required.filter((name) => typeof name === 'string' && !(name in properties));
    if (undefinedNames.length === 0) return;
    schema.required = schema.required.filter((name) => !undefinedNames.includes(name));
    patches.push({ pointer, change: `required ${undefinedNames.join(', ')} dropped (not a property)` });
  });
  return patches;
}

/**
 * A response header that is part of HTTP framing cannot be mocked: for
 * createSpeech the 2024-03 spec declares `Transfer-Encoding` (type string),
 * and Prism answers `Transfer-Encoding: string` beside a Content-Length, which
 * no HTTP client accepts. Such declarations are removed.
 */
export function dropFramingResponseHeaders(root: JsonObject): SpecPatch[] {
  const framing = new Set(['transfer-encoding', 'content-length', 'connection']);
  const patches: SpecPatch[] = [];
  walk(root, '', (node, pointer) => {
    if (!pointer.includes('/responses/') || !isObject(node.headers)) return;
    for (const name of Object.keys(node.headers)) {
      if (!framing.has(name.toLowerCase())) continue;
      delete node.headers[name];
      patches.push({ pointer: `${pointer}/headers/${name}`, change: 'framing header removed' });
    }
  });
  return patches;
}

/**
 * Prism answers with a schema's `example` and then checks its answer against
 * the schema: an example of the wrong JSON type (Azure's image `created`, an
 * integer whose example is the string "1676540381") makes it refuse its own
 * answer. Such examples are removed, so Prism answers with a value of the
 * schema's type.
 */
export function dropMistypedExamples(root: JsonObject): SpecPatch[] {
  const matches: Record<string, (value: Json) => boolean> = {
    integer: (value) => Number.isInteger(value),
    number: (value) => typeof value === 'number',
    string: (value) => typeof value === 'string',
    boolean: (value) => typeof value === 'boolean',
  };
  const patches: SpecPatch[] = [];
  walk(root, '', (schema, pointer) => {
    const check = typeof schema.type === 'string' ? matches[schema.type] : undefined;
    if (!check || !('example' in schema) || check(schema.example as Json) || (schema.example === null && schema.nullable === true)) return;
    delete schema.example;
    patches.push({ pointer, change: `example of the wrong type for ${String(schema.type)} removed` });
  });
  return patches;
}

/**
 * Prism reads a repeated multipart field (`timestamp_granularities[]=word`,
 * `timestamp_granularities[]=segment`, as the API expects arrays in forms) as
 * a single string and then refuses it as "must be array". Array properties of
 * multipart bodies therefore also accept one item, which Prism still checks
 * against the item schema; the cases check the repeated parts themselves.
 */
export function acceptRepeatedFormFields(root: JsonObject): SpecPatch[] {
  const patches: SpecPatch[] = [];
  walk(root, '', (node, pointer) => {
    const form = isObject(node.content) ? node.content['multipart/form-data'] : undefined;
    if (!pointer.endsWith('/requestBody') || !isObject(form)) return;
    const holder = resolveLocal(root, form.schema as Json);
    if (!isObject(holder) || !isObject(holder.properties)) return;
    for (const [name, property] of Object.entries(holder.properties)) {
      if (!isObject(property) || property.type !== 'array' || !isObject(property.items)) continue;
      const { description, default: _default, ...arraySchema } = property;
      holder.properties[name] = { ...(description === undefined ? {} : { description }), anyOf: [arraySchema, property.items] };
      const reference = isObject(form.schema) && typeof form.schema.$ref === 'string' ? form.schema.$ref.slice(1) : `${pointer}/content/multipart~1form-data/schema`;
      patches.push({ pointer: `${reference}/properties/${name}`, change: 'a form array also accepts one item' });
    }
  });
  return patches;
}

/**
 * Prism checks its own answers too. Where a response schema is a `oneOf`
 * whose branches overlap (Azure's transcription answer: `audioResponse` or
 * `audioVerboseResponse`, and every plain answer is also a valid verbose one),
 * no answer can match exactly one branch and Prism refuses its own example.
 * Inline response `oneOf`s become `anyOf`; request schemas are untouched.
 */
export function relaxResponseOneOf(root: JsonObject): SpecPatch[] {
  const patches: SpecPatch[] = [];
  walk(root, '', (node, pointer) => {
    if (!/\/responses\/[^/]+\/content\/[^/]+\/schema$/.test(pointer) || !Array.isArray(node.oneOf)) return;
    node.anyOf = node.oneOf;
    delete node.oneOf;
    patches.push({ pointer, change: 'response oneOf relaxed to anyOf' });
  });
  return patches;
}

/** One operation of a (patched) spec. */
export interface SpecOperation {
  operationId: string;
  method: string;
  /** The path template, base path included. */
  path: string;
  /** The first content type of its request body, if it has one. */
  bodyType: string | undefined;
}

/** Every operation of a spec, leaving out the schema checks this suite adds. */
export function specOperations(document: JsonObject): SpecOperation[] {
  const result: SpecOperation[] = [];
  for (const [path, item] of Object.entries(isObject(document.paths) ? document.paths : {})) {
    if (path.includes(schemaCheckPrefix) || !isObject(item)) continue;
    for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      const content = isObject(operation.requestBody) && isObject(operation.requestBody.content) ? operation.requestBody.content : undefined;
      result.push({ operationId: String(operation.operationId), method: method.toUpperCase(), path, bodyType: content ? Object.keys(content)[0] : undefined });
    }
  }
  return result;
}

/**
 * The spec operation a request was for: the template that matches its method
 * and path, literal segments winning over parameters (`/threads/runs` is
 * createThreadAndRun, not modifyThread).
 */
export function matchOperation(operations: SpecOperation[], method: string, url: string): SpecOperation | undefined {
  const path = new URL(url, 'http://spec.invalid').pathname;
  const candidates = operations.filter((operation) => {
    if (operation.method !== method) return false;
    const pattern = operation.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+');
    return new RegExp(`^${pattern}$`).test(path);
  });
  const parameters = (operation: SpecOperation) => (operation.path.match(/\{/g) ?? []).length;
  return candidates.sort((a, b) => parameters(a) - parameters(b))[0];
}

/** The stream event schemas of the 2024-03 spec that the stream fixtures are checked against. */
export const streamEventSchemas = ['CreateChatCompletionStreamResponse', 'CreateCompletionResponse', 'AssistantStreamEvent'] as const;

/** The patches both specs get: validation that works, and answers Prism can give. */
function servablePatches(document: JsonObject): SpecPatch[] {
  return [
    ...typeNullableSchemas(document),
    ...dropUndefinedRequired(document),
    ...dropFramingResponseHeaders(document),
    ...dropMistypedExamples(document),
    ...relaxResponseOneOf(document),
    ...acceptRepeatedFormFields(document),
    ...prefixServerPath(document),
  ];
}

/** The patched OpenAI spec and the list of changes. */
export function patchedOpenAISpec(): { document: JsonObject; patches: SpecPatch[] } {
  const document = parse(readFileSync(openAISpecPath, 'utf8')) as JsonObject;
  return { document, patches: [...servablePatches(document), ...addSchemaChecks(document, streamEventSchemas)] };
}

/** The patched Azure spec and the list of changes. */
export function patchedAzureSpec(): { document: JsonObject; patches: SpecPatch[] } {
  const document = JSON.parse(readFileSync(azureSpecPath, 'utf8')) as JsonObject;
  return { document, patches: [...stripMsExamples(document), ...servablePatches(document)] };
}
