import type { ComponentChildren } from "preact";
import { type Lang, lang, t } from "../i18n/index.ts";
import type { Route } from "../router.ts";

const NAV: Array<{ route: Route["name"]; href: string; label: () => string }> = [
  { route: "meetings", href: "#/meetings", label: () => t().navMeetings },
  { route: "contributions", href: "#/contributions", label: () => t().navContributions },
  { route: "reports", href: "#/reports", label: () => t().navReports },
  { route: "minutes", href: "#/minutes", label: () => t().navMinutes },
  { route: "notifications", href: "#/notifications", label: () => t().navNotifications },
  { route: "profile", href: "#/profile", label: () => t().navProfile },
];

/** Header (brand, language switch, logout), the sections' navigation, main content and footer. */
export function Layout(props: {
  route: Route | null;
  onLang: (lang: Lang) => void;
  onLogout?: () => void;
  children: ComponentChildren;
}) {
  const texts = t();
  const current = props.route?.name === "meeting" ? "meetings" : props.route?.name;
  return (
    <>
      {/* A button, not a "#main" link: the hash is the app's router. */}
      <button type="button" class="skip-link btn" onClick={() => document.getElementById("main")?.focus()}>
        {texts.skip}
      </button>
      <header class="header">
        <a class="brand" href="#/meetings">
          {texts.appName}
          <small>{texts.tagline}</small>
        </a>
        <button
          type="button"
          class="btn lang-switch"
          lang={lang() === "it" ? "en" : "it"}
          aria-label={texts.switchLangLabel}
          onClick={() => props.onLang(lang() === "it" ? "en" : "it")}
        >
          {texts.switchLang}
        </button>
        {props.onLogout ? (
          <button type="button" class="btn lang-switch" onClick={props.onLogout}>
            {texts.logout}
          </button>
        ) : null}
      </header>
      {props.route ? (
        <nav class="nav" aria-label={texts.navLabel}>
          {NAV.map((item) => (
            <a key={item.route} href={item.href} aria-current={current === item.route ? "page" : undefined}>
              {item.label()}
            </a>
          ))}
        </nav>
      ) : null}
      <main id="main" tabIndex={-1}>
        {props.children}
      </main>
      <footer class="footer">
        <a href="#/accessibility" data-element="accessibility-link">
          {texts.footerAccessibility}
        </a>
        <a href="/api/docs">{texts.footerApi}</a>
      </footer>
    </>
  );
}
