import type { Db, ObjectId } from "mongodb";

export type LoginLinkDoc = {
  _id: ObjectId;
  tokenHash: string;
  personId: ObjectId;
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
};

export type SessionDoc = {
  _id: ObjectId;
  idHash: string;
  personId: ObjectId;
  csrfToken: string;
  createdAt: Date;
  expiresAt: Date;
};

export type ApiTokenDoc = {
  _id: ObjectId;
  tokenHash: string;
  personId: ObjectId;
  name: string;
  createdAt: Date;
  /** Display only, to the minute: the auth middleware writes it at most once a minute. */
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

export type RateBucketDoc = { _id: ObjectId; key: string; count: number; expiresAt: Date };

/** Typed handles on the collections the auth feature owns; the only place their names are spelled. */
export function authCollections(db: Db) {
  return {
    loginLinks: db.collection<LoginLinkDoc>("loginLinks"),
    sessions: db.collection<SessionDoc>("sessions"),
    apiTokens: db.collection<ApiTokenDoc>("apiTokens"),
    rateBuckets: db.collection<RateBucketDoc>("rateBuckets"),
  };
}
