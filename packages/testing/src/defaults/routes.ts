import { parseRoute, type RoutePattern } from '../router';
import * as assistants from './assistants';
import { assistantsOperation } from './assistants-common';
import * as audio from './audio';
import { createChatCompletion } from './chat';
import { createCompletion, createEdit } from './completions';
import type { Operation } from './context';
import { createEmbedding } from './embeddings';
import * as files from './files';
import * as fineTunes from './fine-tunes';
import * as fineTuning from './fine-tuning';
import * as images from './images';
import * as messages from './messages';
import * as models from './models';
import { createModeration } from './moderations';
import * as runs from './runs';
import { createSpeech } from './speech';
import * as threads from './threads';

/**
 * A route the server answers by default.
 *
 * @example
 * const route: DefaultRoute = { pattern: parseRoute('GET /v1/models'), operation: listModels, public: false };
 */
export interface DefaultRoute {
  pattern: RoutePattern;
  operation: Operation;
  /** Answered without an API key (image downloads). */
  public: boolean;
}

/**
 * Every operation of the go-openai inventory and the March 2024 spec, by
 * method and path. Built per server, so nothing exists at import time.
 *
 * @example
 * const found = findRoute(createDefaultRoutes(), 'GET', '/v1/models');
 */
export function createDefaultRoutes(): DefaultRoute[] {
  const table: Array<[string, Operation]> = [
    ['POST /v1/chat/completions', createChatCompletion],
    ['POST /v1/completions', createCompletion],
    ['POST /v1/edits', createEdit],
    ['POST /v1/embeddings', createEmbedding],
    ['POST /v1/moderations', createModeration],
    ['POST /v1/images/generations', images.createImage],
    ['POST /v1/images/edits', images.createImageEdit],
    ['POST /v1/images/variations', images.createImageVariation],
    ['POST /v1/audio/transcriptions', audio.createTranscription],
    ['POST /v1/audio/translations', audio.createTranslation],
    ['POST /v1/audio/speech', createSpeech],
    ['POST /v1/files', files.createFile],
    ['GET /v1/files', files.listFiles],
    ['GET /v1/files/{file_id}', files.retrieveFile],
    ['DELETE /v1/files/{file_id}', files.deleteFile],
    ['GET /v1/files/{file_id}/content', files.downloadFile],
    ['POST /v1/fine_tuning/jobs', fineTuning.createFineTuningJob],
    ['GET /v1/fine_tuning/jobs', fineTuning.listFineTuningJobs],
    ['GET /v1/fine_tuning/jobs/{fine_tuning_job_id}', fineTuning.retrieveFineTuningJob],
    ['POST /v1/fine_tuning/jobs/{fine_tuning_job_id}/cancel', fineTuning.cancelFineTuningJob],
    ['GET /v1/fine_tuning/jobs/{fine_tuning_job_id}/events', fineTuning.listFineTuningEvents],
    ['POST /v1/fine-tunes', fineTunes.createFineTune],
    ['GET /v1/fine-tunes', fineTunes.listFineTunes],
    ['GET /v1/fine-tunes/{fine_tune_id}', fineTunes.retrieveFineTune],
    ['POST /v1/fine-tunes/{fine_tune_id}/cancel', fineTunes.cancelFineTune],
    ['GET /v1/fine-tunes/{fine_tune_id}/events', fineTunes.listFineTuneEvents],
    ['DELETE /v1/fine-tunes/{fine_tune_id}', fineTunes.deleteFineTune],
    ['GET /v1/models', models.listModels],
    ['GET /v1/models/{model}', models.retrieveModel],
    ['DELETE /v1/models/{model}', models.deleteModel],
    ['GET /v1/engines', models.listEngines],
    ['GET /v1/engines/{engine_id}', models.retrieveEngine],
  ];
  const assistantsTable: Array<[string, Operation]> = [
    ['POST /v1/assistants', assistants.createAssistant],
    ['GET /v1/assistants', assistants.listAssistants],
    ['GET /v1/assistants/{assistant_id}', assistants.retrieveAssistant],
    ['POST /v1/assistants/{assistant_id}', assistants.modifyAssistant],
    ['DELETE /v1/assistants/{assistant_id}', assistants.deleteAssistant],
    ['POST /v1/assistants/{assistant_id}/files', assistants.createAssistantFile],
    ['GET /v1/assistants/{assistant_id}/files', assistants.listAssistantFiles],
    ['GET /v1/assistants/{assistant_id}/files/{file_id}', assistants.retrieveAssistantFile],
    ['DELETE /v1/assistants/{assistant_id}/files/{file_id}', assistants.deleteAssistantFile],
    ['POST /v1/threads', threads.createThread],
    ['GET /v1/threads/{thread_id}', threads.retrieveThread],
    ['POST /v1/threads/{thread_id}', threads.modifyThread],
    ['DELETE /v1/threads/{thread_id}', threads.deleteThread],
    ['POST /v1/threads/{thread_id}/messages', messages.createMessage],
    ['GET /v1/threads/{thread_id}/messages', messages.listMessages],
    ['GET /v1/threads/{thread_id}/messages/{message_id}', messages.retrieveMessage],
    ['POST /v1/threads/{thread_id}/messages/{message_id}', messages.modifyMessage],
    ['DELETE /v1/threads/{thread_id}/messages/{message_id}', messages.deleteMessage],
    ['GET /v1/threads/{thread_id}/messages/{message_id}/files', messages.listMessageFiles],
    ['GET /v1/threads/{thread_id}/messages/{message_id}/files/{file_id}', messages.retrieveMessageFile],
    ['POST /v1/threads/runs', runs.createThreadAndRun],
    ['POST /v1/threads/{thread_id}/runs', runs.createRun],
    ['GET /v1/threads/{thread_id}/runs', runs.listRuns],
    ['GET /v1/threads/{thread_id}/runs/{run_id}', runs.retrieveRun],
    ['POST /v1/threads/{thread_id}/runs/{run_id}', runs.modifyRun],
    ['POST /v1/threads/{thread_id}/runs/{run_id}/cancel', runs.cancelRun],
    ['POST /v1/threads/{thread_id}/runs/{run_id}/submit_tool_outputs', runs.submitToolOutputsToRun],
    ['GET /v1/threads/{thread_id}/runs/{run_id}/steps', runs.listRunSteps],
    ['GET /v1/threads/{thread_id}/runs/{run_id}/steps/{step_id}', runs.retrieveRunStep],
  ];
  return [
    ...table.map(([route, operation]) => ({ pattern: parseRoute(route), operation, public: false })),
    ...assistantsTable.map(([route, operation]) => ({
      pattern: parseRoute(route),
      operation: assistantsOperation(operation),
      public: false,
    })),
    { pattern: parseRoute('GET /testing/images/{image_name}'), operation: images.downloadImage, public: true },
  ];
}
