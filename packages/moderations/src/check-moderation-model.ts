import { InputRejectedError } from '@openai-micro/core';

/**
 * Opt-in check (go-openai `ErrModerationInvalidModel`): accepts only
 * `text-moderation-stable`, `text-moderation-latest`, or no model. It rejects
 * newer models such as `omni-moderation-latest` (and go-openai's own
 * `text-moderation-001`), which is why {@link createModeration} never calls it:
 * call it only if you want go-openai's exact behaviour.
 *
 * @throws {InputRejectedError} with `field: 'model'` for any other model.
 *
 * @example
 * checkModerationModel(params.model);
 * const response = await createModeration(client, params);
 */
export function checkModerationModel(model: string | undefined | null): void {
  if (!model || model === 'text-moderation-stable' || model === 'text-moderation-latest') return;
  throw new InputRejectedError(
    `The model "${model}" is not accepted by go-openai's moderation check: use text-moderation-stable or text-moderation-latest, or skip checkModerationModel to use newer models such as omni-moderation-latest.`,
    'model',
  );
}
