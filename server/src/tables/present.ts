import type { TableDoc } from "./documents.ts";

/** JSON view of a table (pass it through visibleTable first). */
export function presentTable(doc: TableDoc) {
  return {
    id: doc._id.toHexString(),
    agreementId: doc.agreementId.toHexString(),
    name: doc.name,
    kind: doc.kind as "tavolo_di_lavoro",
    theme: doc.theme,
    access: doc.access,
    description: doc.description,
    coordinatorIds: doc.coordinatorIds.map((id) => id.toHexString()),
    reminderLeadMinutes: doc.reminderLeadMinutes ?? null,
    materials: doc.materials.map((m) => ({
      id: m._id.toHexString(),
      title: m.title,
      url: m.url,
      confidential: m.confidential,
      addedAt: m.addedAt.toISOString(),
    })),
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
  };
}
