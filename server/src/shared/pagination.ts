import { z } from "@hono/zod-openapi";
import { type Collection, type Document, type Filter, ObjectId, type WithId } from "mongodb";
import { AppError } from "./errors.ts";

/** Query parameters of every list endpoint. */
export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50).openapi({ description: "Page size (1–200)" }),
  cursor: z
    .string()
    .max(64)
    .optional()
    .openapi({ description: "Opaque cursor from the previous page's nextCursor" }),
});

export type PageQuery = z.infer<typeof pageQuery>;
export type Page<T> = { items: T[]; nextCursor: string | null };

function decodeCursor(cursor: string): ObjectId {
  const hex = Buffer.from(cursor, "base64url").toString("latin1");
  if (!/^[0-9a-f]{24}$/.test(hex)) throw new AppError("invalid_cursor");
  return new ObjectId(hex);
}

/** Cursor pagination in _id order: stable under inserts, and served by the `_id` index on every engine. */
export async function paginate<T extends Document & { _id: ObjectId }>(
  collection: Collection<T>,
  filter: Filter<T>,
  page: PageQuery,
  order: "oldest_first" | "newest_first" = "oldest_first",
): Promise<Page<WithId<T>>> {
  const direction = order === "oldest_first" ? 1 : -1;
  const after = page.cursor ? { _id: { [direction === 1 ? "$gt" : "$lt"]: decodeCursor(page.cursor) } } : {};
  const docs = await collection
    .find({ ...filter, ...after } as Filter<T>)
    .sort({ _id: direction })
    .limit(page.limit + 1)
    .toArray();
  const items = docs.slice(0, page.limit);
  const last = items.at(-1);
  const nextCursor =
    docs.length > page.limit && last
      ? Buffer.from(last._id.toHexString(), "latin1").toString("base64url")
      : null;
  return { items, nextCursor };
}
