/**
 * The servers and clients the cases share: started once in the test file's
 * `beforeAll`, read by the cases through {@link ctx} when their tests run.
 */
import { type Client, createClient } from '@openai-micro/core';
import { createAzureClient } from '@openai-micro/core/azure';
import type { LoopbackServer, RecordedRequest } from '@openai-micro/tooling/loopback';
import { inject } from 'vitest';
import { type ScriptedServer, type StreamScript, startGateway, startRecorder, startStreamServer } from './harness.js';

export const apiKey = 'sk-conformance-0123456789';
export const organization = 'org-conformance';
export const azureKey = 'azure-conformance-key';

export interface Context {
  /** Base URL of the OpenAI Prism (paths carry `/v1`, as in the spec's server URL). */
  prismURL: string;
  azurePrismURL: string;
  gateway: LoopbackServer;
  azureGateway: LoopbackServer;
  stream: ScriptedServer<StreamScript>;
  azureStream: ScriptedServer<StreamScript>;
  recorder: ScriptedServer<(request: RecordedRequest) => unknown>;
  /** Every call goes through the gateway to Prism. */
  client: Client;
  /** Streams: Prism validates, the stream server answers. */
  streamClient: Client;
  /** Operations missing from the spec: the recorder answers. */
  recorderClient: Client;
  /** Azure key authentication, through the Azure gateway. */
  azureClient: Client;
  /** Azure streams: the Azure Prism validates, the stream server answers. */
  azureStreamClient: Client;
  /** Azure routes the inference spec does not have: the recorder answers. */
  azureRecorderClient: Client;
}

export const ctx = {} as Context;

export async function startContext(): Promise<void> {
  ctx.prismURL = inject('prismURL');
  ctx.azurePrismURL = inject('azurePrismURL');
  [ctx.gateway, ctx.azureGateway, ctx.stream, ctx.azureStream, ctx.recorder] = await Promise.all([
    startGateway('prism', ctx.prismURL),
    startGateway('azure-prism', ctx.azurePrismURL),
    startStreamServer('stream', ctx.prismURL),
    startStreamServer('azure-stream', ctx.azurePrismURL),
    startRecorder(),
  ]);
  const common = { apiKey, organization, maxRetries: 0, timeout: 10_000 };
  ctx.client = createClient({ ...common, baseURL: `${ctx.gateway.url}/v1` });
  ctx.streamClient = createClient({ ...common, baseURL: `${ctx.stream.url}/v1` });
  ctx.recorderClient = createClient({ ...common, baseURL: `${ctx.recorder.url}/v1` });
  const azure = { apiKey: azureKey, maxRetries: 0, timeout: 10_000 };
  ctx.azureClient = createAzureClient({ ...azure, baseURL: ctx.azureGateway.url });
  ctx.azureStreamClient = createAzureClient({ ...azure, baseURL: ctx.azureStream.url });
  ctx.azureRecorderClient = createAzureClient({ ...azure, baseURL: ctx.recorder.url });
}

export async function stopContext(): Promise<void> {
  await Promise.all([ctx.gateway, ctx.azureGateway, ctx.stream?.server, ctx.azureStream?.server, ctx.recorder?.server].map((server) => server?.close()));
}
