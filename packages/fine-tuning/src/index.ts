export { cancelFineTune } from './cancel-fine-tune.js';
export { cancelFineTuningJob } from './cancel-fine-tuning-job.js';
export { createFineTune } from './create-fine-tune.js';
export { createFineTuningJob } from './create-fine-tuning-job.js';
export { deleteFineTune } from './delete-fine-tune.js';
export { listFineTuneEvents } from './list-fine-tune-events.js';
export { listFineTunes } from './list-fine-tunes.js';
export { listFineTuningEvents } from './list-fine-tuning-events.js';
export { listFineTuningJobs } from './list-fine-tuning-jobs.js';
export { retrieveFineTune } from './retrieve-fine-tune.js';
export { retrieveFineTuningJob } from './retrieve-fine-tuning-job.js';
export {
  type CreateFineTuningJobRequest,
  type FineTune,
  type FineTuneDeleteResponse,
  type FineTuneEvent,
  type FineTuneEventList,
  type FineTuneHyperParams,
  type FineTuneList,
  type FineTuneParams,
  type FineTuneRequest,
  type FineTuningJob,
  type FineTuningJobError,
  type FineTuningJobEvent,
  type FineTuningJobEventLevel,
  type FineTuningJobParams,
  FineTuningJobStatus,
  type Hyperparameters,
  type ListFineTuningEventsParams,
  type ListFineTuningJobsParams,
  type Page,
} from './types.js';
export {
  type FineTuningJobUpdate,
  isTerminalFineTuningJobStatus,
  type WatchFineTuningJobOptions,
  watchFineTuningJob,
} from './watch-fine-tuning-job.js';
