export { createFile } from './create-file.js';
export { deleteFile } from './delete-file.js';
export { downloadFile } from './download-file.js';
export { listFiles } from './list-files.js';
export { retrieveFile } from './retrieve-file.js';
export {
  type CreateFileRequest,
  type DeletionStatus,
  type FileInput,
  type FileParams,
  FilePurpose,
  type ListFilesParams,
  type ListFilesResponse,
  type OpenAIFile,
  type Page,
} from './types.js';
