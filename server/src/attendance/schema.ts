import { z } from "@hono/zod-openapi";
import { dateTime, meeting } from "../meetings/schema.ts";

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
