import { describe, expect, it } from "vitest";
import { langFromLocale, TEXT } from "./i18n.ts";

describe("langFromLocale", () => {
  it("speaks English only when Slack says the person uses English", () => {
    expect(langFromLocale("en-US")).toBe("en");
    expect(langFromLocale("en-GB")).toBe("en");
    expect(langFromLocale("EN-us")).toBe("en");
    expect(langFromLocale("en")).toBe("en");
  });

  it("speaks Italian otherwise, and when Slack says nothing", () => {
    expect(langFromLocale("it-IT")).toBe("it");
    expect(langFromLocale("fr-FR")).toBe("it");
    expect(langFromLocale("de-DE")).toBe("it");
    expect(langFromLocale("")).toBe("it");
    expect(langFromLocale(null)).toBe("it");
    expect(langFromLocale(undefined)).toBe("it");
  });
});

describe("TEXT", () => {
  it("has every sentence in both languages", () => {
    expect(Object.keys(TEXT.en).sort()).toEqual(Object.keys(TEXT.it).sort());
    expect(TEXT.en.commands).toHaveLength(TEXT.it.commands.length);
  });

  it("counts confidential items in the singular and the plural", () => {
    expect(TEXT.it.reservedItems(1)).toBe("1 punto riservato: apri Tavoli.");
    expect(TEXT.it.reservedItems(2)).toBe("2 punti riservati: apri Tavoli.");
    expect(TEXT.en.reservedItems(2)).toBe("2 confidential items: open Tavoli.");
  });
});
