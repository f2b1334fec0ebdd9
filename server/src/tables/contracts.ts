import { createRoute, z } from "@hono/zod-openapi";
import { authenticated, errorsFor, jsonBody, jsonContent } from "../shared/openapi.ts";
import { idParam, isoDate, nonEmptyPatch, objectId, text } from "../shared/schemas.ts";

export const TABLE_KINDS = [
  "tavolo_di_lavoro",
  "tavolo_tecnico",
  "gruppo_di_lavoro",
  "cabina_di_regia",
  "comitato_di_pilotaggio",
  "comitato_guida",
  "assemblea_dei_sindaci",
  "coordinamento",
] as const;

const theme = z.strictObject({ code: text(20).openapi({ example: "WP1" }), title: text(200) });

/** What an admin may change; kept free of defaults so a PATCH never resets what it does not name. */
const tableFields = {
  name: text(200),
  kind: z.enum(TABLE_KINDS),
  theme: theme.nullable(),
  access: z
    .enum(["open", "founders"])
    .openapi({ description: "open: every operative member sits on it; founders: founding parties only" }),
  description: z.string().trim().max(5000),
  reminderLeadMinutes: z
    .array(z.number())
    .max(100)
    .nullable()
    .openapi({
      description:
        "Minutes before each sitting at which its people are reminded, unless they chose their own (5 to 10080, at most 4; e.g. [10080, 1440, 60]); null: a day and an hour",
      example: [10080, 1440, 60],
    }),
};

export const tableInput = z
  .strictObject({
    ...tableFields,
    theme: tableFields.theme.default(null),
    access: tableFields.access.default("open"),
    description: tableFields.description.default(""),
    reminderLeadMinutes: tableFields.reminderLeadMinutes.default(null),
    coordinatorIds: z.array(objectId).max(20).default([]),
  })
  .openapi("TableInput");

export const tablePatch = nonEmptyPatch(z.strictObject(tableFields).partial()).openapi("TablePatch");

export const materialInput = z
  .strictObject({
    title: text(300),
    url: z.url({ protocol: /^https?$/ }).max(2000),
    confidential: z
      .boolean()
      .default(false)
      .openapi({ description: "riservato: never shown outside the table" }),
  })
  .openapi("MaterialInput");

const material = z.object({
  id: z.string(),
  title: z.string(),
  url: z.string(),
  confidential: z.boolean(),
  addedAt: z.string(),
});

export const table = z
  .object({
    id: z.string(),
    agreementId: z.string(),
    name: z.string(),
    kind: z.enum(TABLE_KINDS),
    theme: theme.nullable(),
    access: z.enum(["open", "founders"]),
    description: z.string(),
    coordinatorIds: z.array(z.string()),
    reminderLeadMinutes: z.array(z.number().int()).nullable(),
    materials: z.array(material).openapi({ description: "Confidential items only for the table's members" }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Table");

const tableMember = z
  .object({ organisationId: z.string(), name: z.string(), kind: z.string(), founding: z.boolean() })
  .openapi("TableMember");

const agreementParam = idParam;

export const listTablesRoute = createRoute({
  method: "get",
  path: "/agreements/{id}/tables",
  tags: ["Tables"],
  summary: "The agreement's tables (public)",
  request: { params: agreementParam },
  responses: {
    200: { description: "Tables", ...jsonContent(z.object({ items: z.array(table) })) },
    ...errorsFor(400, 404),
  },
});

export const createTableRoute = createRoute({
  method: "post",
  path: "/agreements/{id}/tables",
  tags: ["Tables"],
  summary: "Create a table (agreement admin)",
  security: authenticated,
  request: { params: agreementParam, body: jsonBody(tableInput) },
  responses: {
    201: { description: "Created", ...jsonContent(table) },
    ...errorsFor(400, 401, 403, 404, 409),
  },
});

export const getTableRoute = createRoute({
  method: "get",
  path: "/tables/{id}",
  tags: ["Tables"],
  summary: "One table; confidential material only for its members",
  request: { params: idParam },
  responses: { 200: { description: "The table", ...jsonContent(table) }, ...errorsFor(400, 404) },
});

export const updateTableRoute = createRoute({
  method: "patch",
  path: "/tables/{id}",
  tags: ["Tables"],
  summary: "Change a table (agreement admin)",
  security: authenticated,
  request: { params: idParam, body: jsonBody(tablePatch) },
  responses: {
    200: { description: "Updated", ...jsonContent(table) },
    ...errorsFor(400, 401, 403, 404),
  },
});

export const setCoordinatorsRoute = createRoute({
  method: "put",
  path: "/tables/{id}/coordinators",
  tags: ["Tables"],
  summary: "Set the table's coordinators (agreement admin)",
  security: authenticated,
  request: { params: idParam, body: jsonBody(z.strictObject({ personIds: z.array(objectId).max(20) })) },
  responses: {
    200: { description: "Updated", ...jsonContent(table) },
    ...errorsFor(400, 401, 403, 404),
  },
});

export const addMaterialRoute = createRoute({
  method: "post",
  path: "/tables/{id}/materials",
  tags: ["Tables"],
  summary: "Add material to a table (coordinator or agreement admin)",
  security: authenticated,
  request: { params: idParam, body: jsonBody(materialInput) },
  responses: {
    201: { description: "Added", ...jsonContent(table) },
    ...errorsFor(400, 401, 403, 404),
  },
});

export const tableMembersRoute = createRoute({
  method: "get",
  path: "/tables/{id}/members",
  tags: ["Tables"],
  summary: "Organisations sitting on the table on a day (public)",
  request: {
    params: idParam,
    query: z.object({ on: isoDate.optional().openapi({ description: "Default: today (Europe/Rome)" }) }),
  },
  responses: {
    200: {
      description: "Members",
      ...jsonContent(z.object({ on: z.string(), items: z.array(tableMember) })),
    },
    ...errorsFor(400, 404),
  },
});
