/**
 * Request and response types of the moderations endpoint, named after the
 * spec's schemas (CreateModerationRequest, CreateModerationResponse). Category
 * names keep the API's slashes and hyphens (`'self-harm/intent'`).
 */
import type { OpenString } from '@openai-micro/core';
import type { ModerationModel } from './constants.js';

/**
 * One part of a multi-modal moderation input (omni models).
 *
 * @example
 * const parts: ModerationInputPart[] = [
 *   { type: 'text', text: 'Is this image fine?' },
 *   { type: 'image_url', image_url: { url: 'https://example.com/photo.png' } },
 * ];
 */
export type ModerationInputPart = { type: 'text'; text: string } | { type: 'image_url'; image_url: { url: string } };

/**
 * The body of a moderation request (the spec's CreateModerationRequest).
 *
 * @example
 * const request: CreateModerationRequest = { input: 'some text', model: 'text-moderation-stable' };
 */
export interface CreateModerationRequest {
  /** One text, several texts, or (omni models) text and image parts. */
  input: string | readonly string[] | readonly ModerationInputPart[];
  /** Defaults to the API's current default model when absent. */
  model?: ModerationModel;
  /** Fields newer than these types pass through as given. */
  [field: string]: unknown;
}

/**
 * The categories of the 2024-03 spec, which every model reports.
 *
 * @example
 * const flaggedNames = (result: ModerationResult) => (Object.keys(result.categories) as ModerationCategoryName[]).filter((name) => result.categories[name]);
 */
export type ModerationCategoryName =
  | 'hate'
  | 'hate/threatening'
  | 'harassment'
  | 'harassment/threatening'
  | 'self-harm'
  | 'self-harm/intent'
  | 'self-harm/instructions'
  | 'sexual'
  | 'sexual/minors'
  | 'violence'
  | 'violence/graphic';

/**
 * Categories only the newer omni models report.
 *
 * @example
 * const illicit: NewerModerationCategoryName = 'illicit/violent';
 * const flagged = result.categories[illicit] ?? false;
 */
export type NewerModerationCategoryName = 'illicit' | 'illicit/violent';

/**
 * Whether each category was flagged (go-openai's ResultCategories), under the API's names.
 *
 * @example
 * const categories: ModerationCategories = results[0]!.categories;
 * if (categories['self-harm/intent']) offerHelp();
 */
export type ModerationCategories = { [Category in ModerationCategoryName]: boolean } & {
  [Category in NewerModerationCategoryName]?: boolean | null;
} & {
  /** Categories added after these types. */
  [category: string]: boolean | null | undefined;
};

/**
 * The model's confidence, from 0 to 1, for each category (go-openai's ResultCategoryScores).
 *
 * @example
 * const scores: ModerationCategoryScores = results[0]!.category_scores;
 * const worst = Math.max(scores.hate, scores.violence, scores['self-harm']);
 */
export type ModerationCategoryScores = { [Category in ModerationCategoryName]: number } & {
  [Category in NewerModerationCategoryName]?: number;
} & {
  /** Categories added after these types. */
  [category: string]: number | undefined;
};

/**
 * The result for one input (go-openai's Result).
 *
 * @example
 * const blocked = results.some((result: ModerationResult) => result.flagged);
 */
export interface ModerationResult {
  /** Whether any category was flagged. */
  flagged: boolean;
  categories: ModerationCategories;
  category_scores: ModerationCategoryScores;
  /** Omni models: which input types (`'text'`, `'image'`) each category was judged on. */
  category_applied_input_types?: { [category: string]: OpenString<'text' | 'image'>[] | undefined };
  [field: string]: unknown;
}

/**
 * The answer to a moderation request (the spec's CreateModerationResponse).
 *
 * @example
 * const response: CreateModerationResponse = await createModeration(client, { input: 'some text' });
 * console.log(response.model, response.results[0]?.flagged);
 */
export interface CreateModerationResponse {
  id: string;
  model: string;
  /** One result per input, in input order. */
  results: ModerationResult[];
}
