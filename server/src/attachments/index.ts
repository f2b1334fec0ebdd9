// Attachments' public surface: the app mounts the routes and the upload limit, issue reports list their
// files, people export what they attached.
export { attachment } from "./contracts.ts";
export { isUploadPath, uploadBodyLimit } from "./limits.ts";
export { exportAttachmentsOf } from "./personal-data.ts";
export { attachmentsOf } from "./queries.ts";
export { attachmentRoutes } from "./routes.ts";
