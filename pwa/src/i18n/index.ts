import { setApiLanguage } from "../api/client.ts";
import { en } from "./en.ts";
import { it, type Texts } from "./it.ts";

export type Lang = "it" | "en";

const STORAGE_KEY = "tavoli.lang";

/** The person's choice if they made one, else the browser's language: English only when it asks for it. */
function initialLang(): Lang {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved === "it" || saved === "en") return saved;
  return navigator.language.toLowerCase().startsWith("en") ? "en" : "it";
}

let current: Lang = initialLang();
setApiLanguage(current);
document.documentElement.lang = current;

/** The texts of the current language (components read them at render time). */
export function t(): Texts {
  return current === "en" ? en : it;
}

export function lang(): Lang {
  return current;
}

/** Switches language, remembers it, and tells the API to word its messages the same way. */
export function setLang(value: Lang): void {
  current = value;
  localStorage.setItem(STORAGE_KEY, value);
  setApiLanguage(value);
  document.documentElement.lang = value;
}

/** Intl locale of the current language. */
export function locale(): string {
  return current === "en" ? "en-GB" : "it-IT";
}
