import type { Lang } from "../http/env.ts";

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

const URL_PATTERN = /https?:\/\/[^\s<>"']+/g;

/** Escapes plain text and turns its http(s) URLs into links (only http(s): no javascript: hrefs). */
export function linkify(text: string): string {
  let html = "";
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    html += escapeHtml(text.slice(last, match.index));
    const url = escapeHtml(match[0]);
    html += `<a href="${url}">${url}</a>`;
    last = match.index + match[0].length;
  }
  return html + escapeHtml(text.slice(last));
}

/** A minimal standalone page; `body` must already be escaped HTML. */
export function page(input: { lang: Lang; title: string; body: string }): string {
  return `<!doctype html>
<html lang="${input.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(input.title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;line-height:1.5}
button{font-size:1.1rem;padding:.5rem 1.5rem}pre{white-space:pre-wrap;background:#f4f4f4;padding:.75rem}</style>
</head>
<body>
<h1>${escapeHtml(input.title)}</h1>
${input.body}
</body>
</html>
`;
}
