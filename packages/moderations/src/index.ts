export { checkModerationModel } from './check-moderation-model.js';
export { ModerationModel } from './constants.js';
export { type CreateModerationParams, createModeration } from './create-moderation.js';
export type {
  CreateModerationRequest,
  CreateModerationResponse,
  ModerationCategories,
  ModerationCategoryName,
  ModerationCategoryScores,
  ModerationInputPart,
  ModerationResult,
  NewerModerationCategoryName,
} from './types.js';
