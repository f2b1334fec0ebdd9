import type { ServiceDoc } from "./documents.ts";
import type { Monitoring } from "./monitoring.ts";

/** JSON view of a service: a public act of the agreement (no personal data). */
export function presentService(doc: ServiceDoc, names: Map<string, string>, monitoring: Monitoring) {
  const name = (id: { toHexString(): string }) => names.get(id.toHexString()) ?? null;
  return {
    id: doc._id.toHexString(),
    agreementId: doc.agreementId.toHexString(),
    tableId: doc.tableId?.toHexString() ?? null,
    name: doc.name,
    description: doc.description,
    provider: { id: doc.providerId.toHexString(), name: name(doc.providerId) },
    status: doc.status,
    levels: doc.levels,
    subscribers: doc.subscribers.map((s) => ({
      id: s.organisationId.toHexString(),
      name: name(s.organisationId),
      since: s.since.toISOString(),
    })),
    availability: doc.availability.map((m) => ({
      id: m._id.toHexString(),
      from: m.from,
      to: m.to,
      measuredPercent: m.measuredPercent,
      met: m.measuredPercent >= doc.levels.availabilityPercent,
    })),
    monitoring,
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
  };
}

/** The service as an audit entry keeps it. */
export function auditedService(doc: ServiceDoc) {
  const { idempotencyKey: _key, ...rest } = doc;
  return rest;
}

/** The ids every service event carries. */
export function serviceEventFields(doc: ServiceDoc) {
  return {
    serviceId: doc._id.toHexString(),
    agreementId: doc.agreementId.toHexString(),
    providerId: doc.providerId.toHexString(),
  };
}
