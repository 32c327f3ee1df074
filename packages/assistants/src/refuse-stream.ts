import { InputRejectedError } from '@openai-micro/core';

/**
 * Refuses `stream: true` given to a function that returns one object: the
 * caller wants the streaming twin, whose name the error gives.
 *
 * @example
 * refuseStream(params, 'createRun', 'createRunStream');
 */
export function refuseStream(params: object, functionName: string, streamFunctionName: string): void {
  if ((params as { stream?: unknown }).stream === true) {
    throw new InputRejectedError(`${functionName} does not stream; call ${streamFunctionName} for a streamed run, or leave "stream" out.`, 'stream');
  }
}
