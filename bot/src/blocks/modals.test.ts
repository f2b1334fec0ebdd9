import { describe, expect, it } from "vitest";
import type { Seat } from "../../../server/src/designations/index.ts";
import { DEFAULT_REMINDER_PREFERENCES } from "../../../server/src/reminders/index.ts";
import { FIELD, VIEW } from "../ids.ts";
import { conveneModal } from "./convene-modal.ts";
import { contributionModal, reportModal, seatValue } from "./referent-modals.ts";
import { remindersModal } from "./reminders-modal.ts";

type Option = { text: { text: string }; value: string };
type Element = {
  type: string;
  action_id: string;
  options?: Option[];
  initial_option?: Option;
  initial_options?: Option[];
  initial_date?: string;
  initial_time?: string;
  initial_value?: string;
  timezone?: string;
};
type Input = {
  type: string;
  block_id: string;
  optional?: boolean;
  label: { text: string };
  element: Element;
};

const inputs = (view: { blocks: unknown[] }) => view.blocks as Input[];
const field = (view: { blocks: unknown[] }, id: string) => {
  const block = inputs(view).find((b) => b.block_id === id);
  if (!block) throw new Error(`no ${id} block`);
  return block;
};
const optionValues = (block: Input) => block.element.options?.map((o) => o.value);

/** What Slack checks before opening a modal, and what our state reads rely on. */
function expectValidModal(view: ReturnType<typeof conveneModal>) {
  for (const part of [view.title, view.submit, view.close]) expect(part?.text.length).toBeLessThanOrEqual(24);
  expect(view.title.text.endsWith("…")).toBe(false);
  expect(view.blocks.length).toBeLessThanOrEqual(100);
  for (const block of inputs(view)) {
    expect(block.element.action_id).toBe(block.block_id);
    const options = block.element.options ?? [];
    if (block.element.type === "checkboxes" || block.element.type === "radio_buttons")
      expect(options.length).toBeLessThanOrEqual(10);
    for (const o of options) expect(o.text.text.length).toBeLessThanOrEqual(75);
    for (const chosen of [block.element.initial_option, ...(block.element.initial_options ?? [])])
      if (chosen) expect(options).toContainEqual(chosen);
  }
}

const tables = [
  { id: "65f000000000000000000001", name: "WP1 · Servizi digitali alla persona" },
  { id: "65f000000000000000000002", name: "WP8 · Governance" },
];

describe("conveneModal", () => {
  it("preselects the table asked for and proposes sensible defaults", () => {
    const view = conveneModal({
      lang: "it",
      tables,
      selectedTableId: tables[1]?.id,
      defaultDate: "2026-03-31",
    });
    expectValidModal(view);
    expect(view.callback_id).toBe(VIEW.convene);
    expect([view.title.text, view.submit?.text, view.close?.text]).toEqual([
      "Convoca riunione",
      "Convoca",
      "Annulla",
    ]);
    const table = field(view, FIELD.table);
    expect(table.element.options?.map((o) => [o.text.text, o.value])).toEqual(
      tables.map((t) => [t.name, t.id]),
    );
    expect(table.element.initial_option?.value).toBe(tables[1]?.id);
    expect(field(view, FIELD.date).element.initial_date).toBe("2026-03-31");
    expect(field(view, FIELD.time).element).toMatchObject({ initial_time: "10:00", timezone: "Europe/Rome" });
    const duration = field(view, FIELD.duration).element;
    expect(duration.options?.map((o) => o.text.text)).toEqual([
      "30 min",
      "1 ora",
      "1h30",
      "2 ore",
      "3 ore",
      "4 ore",
    ]);
    expect(duration.initial_option?.value).toBe("120");
    expect(field(view, FIELD.mode).element.initial_option?.value).toBe("ibrida");
    expect(optionValues(field(view, FIELD.mode))).toEqual(["in_presenza", "online", "ibrida"]);
    expect(field(view, FIELD.videoChoice).element.initial_option?.value).toBe("generate");
    expect(optionValues(field(view, FIELD.videoChoice))).toEqual(["none", "generate", "paste"]);
    expect(field(view, FIELD.place).optional).toBe(true);
    expect(field(view, FIELD.agenda).optional).toBe(true);
    expect(field(view, FIELD.title).optional).toBe(false);
  });

  it("preselects the only table a coordinator runs, and none of several unless asked", () => {
    const only = conveneModal({ lang: "it", tables: tables.slice(0, 1), defaultDate: "2026-03-31" });
    expect(field(only, FIELD.table).element.initial_option?.value).toBe(tables[0]?.id);
    const several = conveneModal({ lang: "it", tables, defaultDate: "2026-03-31" });
    expect(field(several, FIELD.table).element.initial_option).toBeUndefined();
  });

  it("speaks English", () => {
    const view = conveneModal({ lang: "en", tables, defaultDate: "2026-03-31" });
    expectValidModal(view);
    expect(view.title.text).toBe("Convene meeting");
    expect(field(view, FIELD.time).label.text).toBe("Start time (Italian time)");
    expect(field(view, FIELD.duration).element.options?.map((o) => o.text.text)).toEqual([
      "30 min",
      "1 hour",
      "1h30",
      "2 hours",
      "3 hours",
      "4 hours",
    ]);
  });
});

const seats: Seat[] = [
  {
    tableId: "t1",
    tableName: "WP1 · Servizi",
    organisationId: "o1",
    organisationName: "Comune di Caltagirone",
  },
  {
    tableId: "t1",
    tableName: "WP1 · Servizi",
    organisationId: "o2",
    organisationName: "Unione del Calatino",
  },
];

describe("reportModal and contributionModal", () => {
  it("offer my seats as table · organisation, severity medium by default, not confidential", () => {
    const view = reportModal({ lang: "it", seats });
    expectValidModal(view);
    expect(view.callback_id).toBe(VIEW.report);
    expect(view.title.text).toBe("Segnala criticità");
    const seat = field(view, FIELD.table).element;
    expect(seat.options?.map((o) => [o.text.text, o.value])).toEqual([
      ["WP1 · Servizi · Comune di Caltagirone", "t1:o1"],
      ["WP1 · Servizi · Unione del Calatino", "t1:o2"],
    ]);
    expect(seat.initial_option).toBeUndefined();
    expect(field(view, FIELD.severity).element.initial_option?.value).toBe("media");
    expect(field(view, FIELD.confidential).element.initial_options).toBeUndefined();
    expect(field(view, FIELD.confidential).element.options?.[0]?.text.text).toBe(
      "Riservato: visibile solo al tavolo",
    );
  });

  it("preselect the only seat, or the one of this channel's table", () => {
    const only = reportModal({ lang: "en", seats: seats.slice(0, 1) });
    expect(field(only, FIELD.table).element.initial_option?.value).toBe("t1:o1");
    const here = contributionModal({ lang: "it", seats, initialSeat: seatValue(seats[1] as Seat) });
    expect(field(here, FIELD.table).element.initial_option?.value).toBe("t1:o2");
  });

  it("prefill the link a contribution was started with", () => {
    const view = contributionModal({ lang: "it", seats, initialUrl: "https://files.slack.com/x/piano.pdf" });
    expectValidModal(view);
    expect(view.callback_id).toBe(VIEW.contribution);
    expect(field(view, FIELD.url).element.initial_value).toBe("https://files.slack.com/x/piano.pdf");
    expect(field(view, FIELD.kind).element.initial_option?.value).toBe("documento");
  });

  it("keep titles within 24 characters in both languages", () => {
    for (const lang of ["it", "en"] as const) {
      expectValidModal(reportModal({ lang, seats }));
      expectValidModal(contributionModal({ lang, seats }));
    }
    expect(contributionModal({ lang: "en", seats }).title.text).toBe("New contribution");
  });
});

describe("remindersModal", () => {
  it("shows the person's preferences checked", () => {
    const view = remindersModal({ lang: "it", preferences: DEFAULT_REMINDER_PREFERENCES });
    expectValidModal(view);
    expect(view.callback_id).toBe(VIEW.reminders);
    expect(view.title.text).toBe("Promemoria");
    const leads = field(view, FIELD.leadTimes).element;
    expect(leads.options?.map((o) => o.text.text)).toEqual([
      "1 settimana prima",
      "2 giorni prima",
      "1 giorno prima",
      "3 ore prima",
      "1 ora prima",
      "30 minuti prima",
      "15 minuti prima",
    ]);
    expect(leads.initial_options?.map((o) => o.value)).toEqual(["1440", "60"]);
    expect(field(view, FIELD.channels).element.initial_options?.map((o) => o.value)).toEqual([
      "slack",
      "email",
    ]);
    expect(field(view, FIELD.paused).element.initial_options).toBeUndefined();
  });

  it("offers lead times set elsewhere, yet never more than Slack's 10 checkboxes", () => {
    const preferences = {
      leadMinutes: [4320, 90, 45, 5],
      ownLeadMinutes: true,
      channels: { email: false, slack: true, push: true },
      paused: true,
      quietHours: null,
    };
    const view = remindersModal({ lang: "en", preferences });
    expectValidModal(view);
    const leads = field(view, FIELD.leadTimes).element;
    expect(leads.options?.length).toBe(10);
    expect(leads.initial_options?.map((o) => o.text.text)).toEqual([
      "3 days before",
      "1 hour and 30 minutes before",
      "45 minutes before",
      "5 minutes before",
    ]);
    expect(field(view, FIELD.channels).element.initial_options?.map((o) => o.value)).toEqual([
      "slack",
      "push",
    ]);
    expect(field(view, FIELD.paused).element.initial_options?.map((o) => o.value)).toEqual(["yes"]);
  });
});
