import type { ObjectId } from "mongodb";

/** The unique natural key: the ISTAT code identifies a comune, else the IPA code, else our own id. */
export function organisationKey(org: {
  _id: ObjectId;
  istatCode: string | null;
  ipaCode: string | null;
}): string {
  if (org.istatCode) return `istat:${org.istatCode}`;
  if (org.ipaCode) return `ipa:${org.ipaCode.toLowerCase()}`;
  return `tavoli:${org._id.toHexString()}`;
}
