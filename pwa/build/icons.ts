// `npx tsx pwa/build/icons.ts`: renders the app icons from one SVG with the installed Chromium and
// writes them to pwa/public/icons/ (committed, so a build needs no browser). Rerun after changing the SVG.
import { writeFileSync } from "node:fs";
import { chromium } from "playwright-core";

/** A table seen from above with four seats: the app's mark, white on the Designers Italia blue. */
function iconSvg(size: number, maskable: boolean): string {
  // Maskable icons are cropped to a circle of 80% of the side: the mark keeps inside it.
  const scale = maskable ? 0.6 : 0.78;
  const radius = maskable ? 0 : size * 0.18;
  const m = (v: number) => (size * (1 - scale)) / 2 + v * size * scale;
  const seat = (cx: number, cy: number) =>
    `<circle cx="${m(cx)}" cy="${m(cy)}" r="${size * scale * 0.09}" fill="#FFFFFF"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">
<rect width="${size}" height="${size}" rx="${radius}" fill="#0066CC"/>
<rect x="${m(0.22)}" y="${m(0.3)}" width="${size * scale * 0.56}" height="${size * scale * 0.4}" rx="${size * scale * 0.06}" fill="#FFFFFF"/>
${seat(0.5, 0.12)}${seat(0.5, 0.88)}${seat(0.08, 0.5)}${seat(0.92, 0.5)}
</svg>`;
}

const ICONS = [
  { file: "icon-192.png", size: 192, maskable: false },
  { file: "icon-512.png", size: 512, maskable: false },
  { file: "maskable-512.png", size: 512, maskable: true },
  { file: "apple-touch-icon.png", size: 180, maskable: true },
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"],
});
const page = await browser.newPage();
for (const icon of ICONS) {
  await page.setViewportSize({ width: icon.size, height: icon.size });
  await page.setContent(`<body style="margin:0">${iconSvg(icon.size, icon.maskable)}</body>`);
  const png = await page.locator("svg").screenshot({ omitBackground: true });
  writeFileSync(new URL(`../public/icons/${icon.file}`, import.meta.url), png);
}
await browser.close();
