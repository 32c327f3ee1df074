/**
 * Request and response types of the moderations endpoint, named after the
 * spec's schemas (CreateModerationRequest, CreateModerationResponse). Category
 * names keep the API's slashes and hyphens (`'self-harm/intent'`).
 */
import type { OpenString } from '@openai-micro/core';
import type { ModerationModel } from './constants.js';

/** One part of a multi-modal moderation input (omni models). */
export type ModerationInputPart = { type: 'text'; text: string } | { type: 'image_url'; image_url: { url: string } };

/** The body of a moderation request (the spec's CreateModerationRequest). */
export interface CreateModerationRequest {
  /** One text, several texts, or (omni models) text and image parts. */
  input: string | readonly string[] | readonly ModerationInputPart[];
  /** Defaults to the API's current default model when absent. */
  model?: OpenString<ModerationModel>;
  /** Fields newer than these types pass through as given. */
  [field: string]: unknown;
}

/** The categories of the 2024-03 spec, which every model reports. */
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

/** Categories only the newer omni models report. */
export type NewerModerationCategoryName = 'illicit' | 'illicit/violent';

/** Whether each category was flagged. */
export type ModerationCategories = { [Category in ModerationCategoryName]: boolean } & {
  [Category in NewerModerationCategoryName]?: boolean | null;
} & {
  /** Categories added after these types. */
  [category: string]: boolean | null | undefined;
};

/** The model's confidence, from 0 to 1, for each category. */
export type ModerationCategoryScores = { [Category in ModerationCategoryName]: number } & {
  [Category in NewerModerationCategoryName]?: number;
} & {
  /** Categories added after these types. */
  [category: string]: number | undefined;
};

/** The result for one input. */
export interface ModerationResult {
  /** Whether any category was flagged. */
  flagged: boolean;
  categories: ModerationCategories;
  category_scores: ModerationCategoryScores;
  /** Omni models: which input types (`'text'`, `'image'`) each category was judged on. */
  category_applied_input_types?: { [category: string]: OpenString<'text' | 'image'>[] | undefined };
  [field: string]: unknown;
}

/** The answer to a moderation request (the spec's CreateModerationResponse). */
export interface CreateModerationResponse {
  id: string;
  model: string;
  /** One result per input, in input order. */
  results: ModerationResult[];
}
