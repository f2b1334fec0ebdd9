import type { types } from "@slack/bolt";

type ModalView = types.ModalView;

import { clip, option } from "./format.ts";

/** Input blocks for modals; `block_id` and `action_id` are the same FIELD name so state reads stay simple. */
const label = (text: string) => ({ type: "plain_text", text: clip(text, 2000) });

export function textInput(input: {
  id: string;
  label: string;
  multiline?: boolean;
  optional?: boolean;
  initial?: string;
  hint?: string;
  maxLength?: number;
}) {
  return {
    type: "input",
    block_id: input.id,
    optional: input.optional ?? false,
    label: label(input.label),
    ...(input.hint ? { hint: label(input.hint) } : {}),
    element: {
      type: "plain_text_input",
      action_id: input.id,
      multiline: input.multiline ?? false,
      ...(input.maxLength ? { max_length: input.maxLength } : {}),
      ...(input.initial ? { initial_value: input.initial } : {}),
    },
  };
}

export function selectInput(input: {
  id: string;
  label: string;
  options: [text: string, value: string][];
  initial?: string;
  optional?: boolean;
}) {
  const options = input.options.slice(0, 100).map(([text, value]) => option(text, value));
  const initial = options.find((o) => o.value === input.initial);
  return {
    type: "input",
    block_id: input.id,
    optional: input.optional ?? false,
    label: label(input.label),
    element: {
      type: "static_select",
      action_id: input.id,
      options,
      ...(initial ? { initial_option: initial } : {}),
    },
  };
}

export function radioInput(input: {
  id: string;
  label: string;
  options: [string, string][];
  initial?: string;
}) {
  const options = input.options.map(([text, value]) => option(text, value));
  const initial = options.find((o) => o.value === input.initial);
  return {
    type: "input",
    block_id: input.id,
    label: label(input.label),
    element: {
      type: "radio_buttons",
      action_id: input.id,
      options,
      ...(initial ? { initial_option: initial } : {}),
    },
  };
}

export function checkboxesInput(input: {
  id: string;
  label: string;
  options: [string, string][];
  initial?: string[];
  optional?: boolean;
}) {
  const options = input.options.map(([text, value]) => option(text, value));
  const initial = options.filter((o) => input.initial?.includes(o.value));
  return {
    type: "input",
    block_id: input.id,
    optional: input.optional ?? true,
    label: label(input.label),
    element: {
      type: "checkboxes",
      action_id: input.id,
      options,
      ...(initial.length > 0 ? { initial_options: initial } : {}),
    },
  };
}

export function dateInput(id: string, text: string, initial: string) {
  return {
    type: "input",
    block_id: id,
    label: label(text),
    element: { type: "datepicker", action_id: id, initial_date: initial },
  };
}

export function timeInput(id: string, text: string, initial: string) {
  return {
    type: "input",
    block_id: id,
    label: label(text),
    element: { type: "timepicker", action_id: id, initial_time: initial, timezone: "Europe/Rome" },
  };
}

/** A modal view with submit and close buttons; `privateMetadata` carries context back on submission. */
export function modal(input: {
  callbackId: string;
  title: string;
  submit: string;
  close: string;
  blocks: unknown[];
  privateMetadata?: string;
}): ModalView {
  return {
    type: "modal" as const,
    callback_id: input.callbackId,
    title: { type: "plain_text" as const, text: clip(input.title, 24) },
    submit: { type: "plain_text" as const, text: clip(input.submit, 24) },
    close: { type: "plain_text" as const, text: clip(input.close, 24) },
    private_metadata: input.privateMetadata ?? "",
    // Built from the helpers above, which follow Block Kit's shapes; typed loosely to stay readable.
    blocks: input.blocks as ModalView["blocks"],
  };
}
