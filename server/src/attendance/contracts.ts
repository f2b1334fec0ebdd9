import { createRoute, z } from "@hono/zod-openapi";
import { dateTime, meeting } from "../meetings/contracts.ts";
import { authenticated, errorsFor, jsonBody, jsonContent } from "../shared/openapi.ts";
import { idParam } from "../shared/schemas.ts";

export const ATTENDANCE_MODES = ["presenza", "remoto"] as const;

const mode = z
  .enum(ATTENDANCE_MODES)
  .openapi({ description: "In person or by audio-video link: both count as attendance (DOMAIN rule 5)" });

export const recordInput = z
  .strictObject({
    mode,
    arrivedLate: z.boolean().default(false),
    leftEarly: z.boolean().default(false),
  })
  .openapi("AttendanceInput");

export const checkInInput = z
  .strictObject({
    code: z
      .string()
      .regex(/^\d{6}$/, "6 cifre / 6 digits")
      .openapi({ example: "042917", description: "The code the coordinator shows during the sitting" }),
    mode,
  })
  .openapi("CheckInInput");

/** Path of one person's row in a sitting's register. */
export const personParams = z.object({
  id: z.string().openapi({ param: { name: "id", in: "path" }, description: "Meeting id" }),
  personId: z.string().openapi({ param: { name: "personId", in: "path" } }),
});

export const historyQuery = z.object({
  from: dateTime.optional().openapi({ description: "Sittings starting at or after this instant" }),
  to: dateTime.optional().openapi({ description: "Sittings starting before this instant (default: now)" }),
});

export const attendanceItem = z
  .object({
    personId: z.string(),
    name: z.string(),
    organisationId: z.string().nullable().openapi({ description: "Null for a coordinator without one" }),
    organisationName: z.string().nullable(),
    mode,
    arrivedLate: z.boolean(),
    leftEarly: z.boolean(),
    source: z.enum(["coordinator", "check_in"]),
    recordedAt: z.string(),
  })
  .openapi("AttendanceItem");

// The same register and quorum shapes the meeting itself shows, so the OpenAPI document names them once.
const register = meeting.shape.register;
const quorumOutcome = register.unwrap().shape.quorum;

export const attendanceRegister = z
  .object({
    items: z.array(attendanceItem),
    quorum: quorumOutcome,
    register,
  })
  .openapi("AttendanceRegister");

export const organisationAttendance = z
  .object({
    items: z.array(
      z.object({
        meetingId: z.string(),
        title: z.string(),
        tableId: z.string(),
        tableName: z.string(),
        startsAt: z.string(),
        startsAtLocal: z.string(),
        represented: z.boolean(),
        attendees: z.array(z.object({ personId: z.string(), name: z.string(), mode })),
      }),
    ),
  })
  .openapi("OrganisationAttendance");

const tags = ["Attendance"];
const writeErrors = errorsFor(400, 401, 403, 404, 409);

export const recordAttendanceRoute = createRoute({
  method: "put",
  path: "/meetings/{id}/attendance/{personId}",
  tags,
  summary: "Record or correct who attended (organisers)",
  description:
    "From 30 minutes before the start until the register is closed. The person must be convened; the organisation they represent is taken from the convocation. Emits `attendance.recorded`.",
  security: authenticated,
  request: { params: personParams, body: jsonBody(recordInput) },
  responses: { 200: { description: "Recorded", ...jsonContent(attendanceItem) }, ...writeErrors },
});

export const removeAttendanceRoute = createRoute({
  method: "delete",
  path: "/meetings/{id}/attendance/{personId}",
  tags,
  summary: "Remove a mistaken row while the register is open (organisers)",
  security: authenticated,
  request: { params: personParams },
  responses: { 204: { description: "Removed" }, ...writeErrors },
});

export const checkInRoute = createRoute({
  method: "post",
  path: "/meetings/{id}/check-in",
  tags,
  summary: "Check myself in with the code shown by the coordinator",
  description:
    "Open from 30 minutes before the start until the end, to the people convened. At most 5 attempts per person and sitting every 10 minutes (429 `rate_limited`). Emits `attendance.checked_in`.",
  security: authenticated,
  request: { params: idParam, body: jsonBody(checkInInput) },
  responses: {
    200: { description: "Checked in", ...jsonContent(attendanceItem) },
    ...errorsFor(400, 401, 403, 404, 409, 429),
  },
});

export const getAttendanceRoute = createRoute({
  method: "get",
  path: "/meetings/{id}/attendance",
  tags,
  summary: "The attendance register with the live quorum",
  description:
    "For organisers, the people convened and the referents of the table's member organisations. `quorum` is computed now from the rows and the members on the day; `register` is what was stored when the register was closed, else null.",
  security: authenticated,
  request: { params: idParam },
  responses: {
    200: { description: "The register", ...jsonContent(attendanceRegister) },
    ...errorsFor(400, 401, 403, 404),
  },
});

export const closeRegisterRoute = createRoute({
  method: "post",
  path: "/meetings/{id}/register/close",
  tags,
  summary: "Close the register and store the quorum reached (organisers, once, from the start on)",
  description: "Emits `meeting.register_closed`. Afterwards rows can no longer change.",
  security: authenticated,
  request: { params: idParam },
  responses: { 200: { description: "Closed", ...jsonContent(attendanceRegister) }, ...writeErrors },
});

export const organisationAttendanceRoute = createRoute({
  method: "get",
  path: "/organisations/{id}/attendance",
  tags,
  summary: "An organisation's attendance at the sittings of its tables, newest first (at most 200)",
  description:
    "For the organisation's referents, installation admins and the admins of its agreements (who see their agreements' sittings only).",
  security: authenticated,
  request: { params: idParam, query: historyQuery },
  responses: {
    200: {
      description: "Sittings held, with who attended for the organisation",
      ...jsonContent(organisationAttendance),
    },
    ...errorsFor(400, 401, 403, 404),
  },
});
