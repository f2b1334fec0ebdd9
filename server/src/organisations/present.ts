import type { organisationKinds } from "./contracts.ts";
import type { OrganisationDoc } from "./documents.ts";

/** The public JSON view of an organisation (organisations are public acts: every field is public). */
export function presentOrganisation(doc: OrganisationDoc) {
  return {
    id: doc._id.toHexString(),
    key: doc.key,
    name: doc.name,
    // Only the schema's kinds are ever written (API and importer validate), so the narrowing holds.
    kind: doc.kind as (typeof organisationKinds)[number],
    istatCode: doc.istatCode,
    istatName: doc.istatName ?? null,
    ipaCode: doc.ipaCode,
    region: doc.region,
    province: doc.province,
    provinceCode: doc.provinceCode,
    plate: doc.plate,
    cadastralCode: doc.cadastralCode,
    population: doc.population,
    website: doc.website,
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
  };
}
