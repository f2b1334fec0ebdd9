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

/** Where every page's stylesheet is served (no inline styles: see the Content-Security-Policy). */
export const PAGE_CSS_PATH = "/assets/page.css";

/**
 * A minimal standalone page; `body` must already be escaped HTML with no script in it: a page's behaviour
 * comes from the `script` file it names, and its data through escaped data- attributes.
 */
export function page(input: { lang: Lang; title: string; body: string; script?: string }): string {
  const script = input.script ? `\n<script src="${escapeHtml(input.script)}"></script>` : "";
  return `<!doctype html>
<html lang="${input.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(input.title)}</title>
<link rel="stylesheet" href="${PAGE_CSS_PATH}">
</head>
<body>
<h1>${escapeHtml(input.title)}</h1>
${input.body}${script}
</body>
</html>
`;
}
