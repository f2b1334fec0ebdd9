import type { ObjectId } from "mongodb";
import { serviceReportTimes } from "../issue-reports/service-times.ts";
import type { Ctx } from "../shared/context.ts";
import type { IsoDate } from "../shared/dates.ts";
import type { AvailabilityDoc, ServiceDoc } from "./documents.ts";

export type Period = { from?: IsoDate; to?: IsoDate };

/** The middle value (mean of the two middle ones for an even count); null for none. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return Math.round(value * 10) / 10;
}

const days = (m: Pick<AvailabilityDoc, "from" | "to">) =>
  Math.round((Date.parse(m.to) - Date.parse(m.from)) / 86_400_000) + 1;

/** Measurements that overlap the period. */
export function inPeriod(measurements: AvailabilityDoc[], period: Period): AvailabilityDoc[] {
  return measurements.filter(
    (m) => (!period.from || m.to >= period.from) && (!period.to || m.from <= period.to),
  );
}

/** The availability over the measurements, each weighted by its days (two decimals); null for none. */
export function measuredAvailability(measurements: AvailabilityDoc[]): number | null {
  const total = measurements.reduce((sum, m) => sum + days(m), 0);
  if (total === 0) return null;
  const weighted = measurements.reduce((sum, m) => sum + m.measuredPercent * days(m), 0) / total;
  return Math.round(weighted * 100) / 100;
}

const verdict = (measured: number | null, met: (value: number) => boolean) =>
  measured === null ? null : met(measured) ? ("met" as const) : ("breached" as const);

/**
 * Targets against what was measured in the period: availability from the recorded measurements,
 * response and resolution as the median hours of the issue reports naming the service.
 */
export async function monitor(ctx: Ctx, service: ServiceDoc, period: Period) {
  const times = await serviceReportTimes(ctx, service._id as ObjectId, period);
  const availability = measuredAvailability(inPeriod(service.availability, period));
  const response = median(times.flatMap((t) => (t.hoursToTriage === null ? [] : [t.hoursToTriage])));
  const resolution = median(
    times.flatMap((t) => (t.hoursToResolution === null ? [] : [t.hoursToResolution])),
  );
  const { levels } = service;
  return {
    from: period.from ?? null,
    to: period.to ?? null,
    availability: {
      target: levels.availabilityPercent,
      measured: availability,
      verdict: verdict(availability, (v) => v >= levels.availabilityPercent),
    },
    response: {
      target: levels.responseHours,
      measured: response,
      verdict: verdict(response, (v) => v <= levels.responseHours),
    },
    resolution: {
      target: levels.resolutionHours,
      measured: resolution,
      verdict: verdict(resolution, (v) => v <= levels.resolutionHours),
    },
    reports: times.length,
  };
}

export type Monitoring = Awaited<ReturnType<typeof monitor>>;
