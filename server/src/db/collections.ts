/**
 * Transitional re-exports for `bot/`, which still deep-imports this path: the document types now live
 * beside their features (`server/src/<feature>/documents.ts`) and the composed map in
 * `shared/collections.ts`. Delete once the bot imports the features' public surfaces (issue 12, item 1).
 * Server code must not import this file.
 */
export type * from "../agreements/documents.ts";
export type * from "../attendance/documents.ts";
export type * from "../audit/documents.ts";
export type * from "../auth/documents.ts";
export type * from "../calendar/documents.ts";
export type * from "../contributions/documents.ts";
export type * from "../designations/documents.ts";
export type * from "../issue-reports/documents.ts";
export type * from "../meetings/documents.ts";
export type * from "../memberships/documents.ts";
export type * from "../minutes/documents.ts";
export type * from "../organisations/documents.ts";
export type * from "../people/documents.ts";
export type * from "../reminders/documents.ts";
export type * from "../rsvps/documents.ts";
export { type Collections, collections } from "../shared/collections.ts";
export type * from "../shared/documents.ts";
export type * from "../tables/documents.ts";
