import type { Lang } from "./env.ts";

/** Italian unless the client prefers English (Accept-Language, by q-value). */
export function pickLang(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return "it";
  const ranked = acceptLanguage
    .split(",")
    .map((part) => {
      const [tag = "", ...params] = part.trim().toLowerCase().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { tag, q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith("it")) return "it";
    if (tag.startsWith("en")) return "en";
  }
  return "it";
}
