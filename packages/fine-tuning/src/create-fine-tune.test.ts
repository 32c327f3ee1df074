import { describe, expect, it } from 'vitest';
import { createFineTune } from './create-fine-tune.js';
import { jsonBody, useServer } from './test-support.test-helper.js';

const fineTune = { id: 'ft-abc', object: 'fine-tune', model: 'davinci', created_at: 1, fine_tuned_model: null, hyperparams: { batch_size: 4, learning_rate_multiplier: 0.1, n_epochs: 4, prompt_loss_weight: 0.01 }, organization_id: 'org-1', result_files: [], status: 'pending', validation_files: [], training_files: [], updated_at: 1 };
const context = useServer((_request, reply) => reply.json(200, fineTune));

describe('createFineTune (legacy)', () => {
  it('POSTs /fine-tunes with the go-openai FineTuneRequest fields, zero values included', async () => {
    const result = await createFineTune(context.client(), {
      training_file: 'file-train',
      model: 'davinci',
      n_epochs: 4,
      batch_size: 0,
      compute_classification_metrics: false,
      classification_betas: [0.5, 1],
      suffix: 'legacy',
    });
    const [seen] = context.server.requests;
    expect([seen?.method, seen?.url]).toEqual(['POST', '/v1/fine-tunes']);
    expect(jsonBody(seen!)).toEqual({ training_file: 'file-train', model: 'davinci', n_epochs: 4, batch_size: 0, compute_classification_metrics: false, classification_betas: [0.5, 1], suffix: 'legacy' });
    expect(result).toEqual(fineTune);
  });
});
