/**
 * Checks that hold for the client as a whole rather than one operation: the
 * harness notices what Prism refuses, list pages walk with cursors Prism
 * accepts, and every request carried the credentials.
 */
import * as chat from '@openai-micro/chat';
import { APIError } from '@openai-micro/core';
import * as fineTuning from '@openai-micro/fine-tuning';
import { describe, expect, it } from 'vitest';
import { apiKey, ctx, organization } from '../context.js';
import { exchanges, exercise, flagged } from '../harness.js';

export function coreCases(): void {
  describe('the client against Prism', () => {
    it('a body Prism refuses comes back as an APIError with status 422, and the exchange is flagged', async () => {
      const start = exchanges.length;
      const error = await chat
        .createChatCompletion(ctx.client, { model: 'gpt-4', messages: [{ role: 'narrator', content: 'Once upon a time' }] } as never)
        .catch((caught: unknown) => caught);
      expect(APIError.isInstance(error)).toBe(true);
      expect((error as APIError).status).toBe(422);
      const [exchange] = exchanges.slice(start);
      expect(exchange && flagged(exchange)).toBe(true);
      expect(exchange?.responseBody).toContain('messages.0.role');
    });

    it('iterating a list walks every page with cursors Prism accepts', async () => {
      const { result, exchanges: seen } = await exercise('@openai-micro/fine-tuning', fineTuning, 'listFineTuningJobs', async (fn) => {
        const items: unknown[] = [];
        for await (const job of await fn(ctx.client, { limit: 1 })) items.push(job);
        return items;
      });
      expect(result.length).toBeGreaterThan(0);
      expect(seen.length).toBeGreaterThanOrEqual(1);
      for (const exchange of seen.slice(1)) expect(new URL(exchange.request.url, 'http://x').searchParams.get('after')).toBeTruthy();
    });
  });
}

/** Run last: every request that reached the OpenAI Prism carried the key and the organization. */
export function credentialCases(): void {
  describe('credentials', () => {
    it('every request to the OpenAI spec carried Authorization: Bearer and OpenAI-Organization', () => {
      const openAI = exchanges.filter((exchange) => exchange.server === 'prism' || exchange.server === 'stream');
      expect(openAI.length).toBeGreaterThan(50);
      for (const { request } of openAI) {
        expect(request.headers.authorization, request.url).toBe(`Bearer ${apiKey}`);
        expect(request.headers['openai-organization'], request.url).toBe(organization);
      }
    });
  });
}
