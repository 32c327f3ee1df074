/**
 * Moderation model ids as an `as const` object (values for code) and a
 * string-literal union that still accepts any string.
 */
import type { OpenValues } from '@openai-micro/core';

/**
 * Moderation model ids: go-openai's `ModerationTextStable`, `ModerationTextLatest`
 * and the deprecated `ModerationText001`, plus the newer omni models, which
 * also classify images and are the API's default today.
 *
 * @example
 * await createModeration(client, { input: 'some text', model: ModerationModel.OmniLatest });
 */
export const ModerationModel = {
  TextStable: 'text-moderation-stable',
  TextLatest: 'text-moderation-latest',
  /** @deprecated Use `TextStable` or `TextLatest` (go-openai deprecated it too). */
  Text001: 'text-moderation-001',
  OmniLatest: 'omni-moderation-latest',
  Omni20240926: 'omni-moderation-2024-09-26',
} as const;
/**
 * A moderation model id: one of {@link ModerationModel}, or any other string.
 *
 * @example
 * const model: ModerationModel = ModerationModel.OmniLatest;
 */
export type ModerationModel = OpenValues<typeof ModerationModel>;
