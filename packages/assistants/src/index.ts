export { isFinalAssistantStreamEvent } from './assistant-stream.js';
export { assistantsBetaHeaders } from './beta-header.js';
export { cancelRun } from './cancel-run.js';
export { createAssistant } from './create-assistant.js';
export { type CreateAssistantFileParams, createAssistantFile } from './create-assistant-file.js';
export { createMessage, type CreateMessageParams } from './create-message.js';
export { createRun, type CreateRunParams } from './create-run.js';
export { createRunStream } from './create-run-stream.js';
export { createThread } from './create-thread.js';
export { createThreadAndRun } from './create-thread-and-run.js';
export { createThreadAndRunStream } from './create-thread-and-run-stream.js';
export { deleteAssistant } from './delete-assistant.js';
export { deleteAssistantFile } from './delete-assistant-file.js';
export { deleteThread } from './delete-thread.js';
export { RunEndedError, RunPollTimeoutError, ToolArgumentsError, ToolRoundsExceededError, UnknownToolError, UnsupportedRequiredActionError } from './errors.js';
export { listAssistantFiles, type ListAssistantFilesParams } from './list-assistant-files.js';
export { listAssistants } from './list-assistants.js';
export { listMessageFiles, type ListMessageFilesParams } from './list-message-files.js';
export { listMessages, type ListMessagesParams } from './list-messages.js';
export { listRunSteps, type ListRunStepsParams } from './list-run-steps.js';
export { listRuns, type ListRunsParams } from './list-runs.js';
export { modifyAssistant, type ModifyAssistantParams } from './modify-assistant.js';
export { modifyMessage, type ModifyMessageParams } from './modify-message.js';
export { modifyRun, type ModifyRunParams } from './modify-run.js';
export { modifyThread, type ModifyThreadParams } from './modify-thread.js';
export { isSettledRun, isTerminalRunStatus, pollRun, type PollRunOptions } from './poll-run.js';
export { retrieveAssistant } from './retrieve-assistant.js';
export { retrieveAssistantFile } from './retrieve-assistant-file.js';
export { retrieveMessage } from './retrieve-message.js';
export { retrieveMessageFile } from './retrieve-message-file.js';
export { retrieveRun } from './retrieve-run.js';
export { retrieveRunStep } from './retrieve-run-step.js';
export { retrieveThread } from './retrieve-thread.js';
export { runToolLoop, type RunToolLoopOptions, type ToolHandler } from './run-tool-loop.js';
export { submitToolOutputsToRun, type SubmitToolOutputsToRunParams } from './submit-tool-outputs-to-run.js';
export { submitToolOutputsToRunStream } from './submit-tool-outputs-to-run-stream.js';
export {
  type Assistant,
  type AssistantDeleted,
  type AssistantFile,
  type AssistantFileDeleted,
  type AssistantFileParams,
  type AssistantParams,
  type AssistantStreamEvent,
  type AssistantTool,
  type AssistantToolsCode,
  type AssistantToolsFileSearch,
  type AssistantToolsFunction,
  type AssistantToolsRetrieval,
  AssistantToolType,
  type CreateAssistantFileRequest,
  type CreateAssistantRequest,
  type CreateMessageRequest,
  type CreateRunRequest,
  type CreateThreadAndRunRequest,
  type CreateThreadRequest,
  type CursorQuery,
  type DeleteAssistantFileResponse,
  type DeleteAssistantResponse,
  type DeleteThreadResponse,
  type FileCitationAnnotation,
  type FilePathAnnotation,
  type FunctionObject,
  type ListQuery,
  type Message,
  type MessageContent,
  type MessageContentImageFile,
  type MessageContentImageURL,
  type MessageContentRefusal,
  type MessageContentText,
  type MessageDelta,
  type MessageFile,
  type MessageFileParams,
  type MessageParams,
  type MessageRole,
  type MessageStreamEventName,
  type Metadata,
  type ModifyAssistantRequest,
  type ModifyMessageRequest,
  type ModifyMetadataRequest,
  type ModifyRunRequest,
  type ModifyThreadRequest,
  type Page,
  RequiredActionType,
  type Run,
  type RunLastError,
  type RunParams,
  type RunRequiredAction,
  RunStatus,
  type RunStep,
  type RunStepDelta,
  type RunStepDetails,
  type RunStepParams,
  RunStepStatus,
  type RunStepStreamEventName,
  type RunStepToolCall,
  RunStepType,
  type RunStreamEventName,
  type RunToolCall,
  type RunUsage,
  type StreamError,
  type SubmitToolOutputsRequest,
  type SubmitToolOutputsRunRequest,
  type Thread,
  type ThreadDeleted,
  ThreadMessageRole,
  type ThreadParams,
  type ToolOutput,
} from './types.js';
