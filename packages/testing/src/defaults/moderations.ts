import { invalidRequest } from '../operation-errors';
import { jsonReply } from '../replies';
import { jsonBody, type Operation, optionalString } from './context';

/**
 * `POST /v1/moderations`: one result per input. A top-level category (`hate`,
 * `harassment`, `self-harm`, `sexual`, `violence`) is flagged when the input
 * contains its name as a word, so tests can get both answers; sub-categories stay false.
 *
 * @example
 * routes.push({ route: 'POST /v1/moderations', operation: createModeration });
 */
export const createModeration: Operation = (context) => {
  const body = jsonBody(context);
  const inputs = typeof body.input === 'string' ? [body.input] : body.input;
  if (!Array.isArray(inputs) || !inputs.every((input) => typeof input === 'string')) {
    throw invalidRequest('you must provide an input parameter (a string or an array of strings)', 'input');
  }
  return jsonReply({
    id: context.newId('modr-'),
    model: optionalString(body, 'model') ?? 'text-moderation-007',
    results: inputs.map(moderate),
  });
};

function moderate(input: string) {
  const text = input.toLowerCase();
  const names = [
    'hate',
    'hate/threatening',
    'harassment',
    'harassment/threatening',
    'self-harm',
    'self-harm/intent',
    'self-harm/instructions',
    'sexual',
    'sexual/minors',
    'violence',
    'violence/graphic',
  ];
  const categories: Record<string, boolean> = {};
  const category_scores: Record<string, number> = {};
  for (const name of names) {
    const flagged = !name.includes('/') && new RegExp(`\\b${name}\\b`).test(text);
    categories[name] = flagged;
    category_scores[name] = flagged ? 0.99 : 0.0001;
  }
  return { flagged: Object.values(categories).some(Boolean), categories, category_scores };
}
