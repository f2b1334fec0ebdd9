/** Slack's view state: values[block_id][action_id] → the element's value, by element type. */
export type ViewState = Record<string, Record<string, ViewElementState>>;

/** The fields Slack fills in, depending on the element type. */
type ViewElementState = {
  value?: string | null;
  selected_option?: { value: string } | null;
  selected_date?: string | null;
  selected_time?: string | null;
  selected_conversation?: string | null;
  selected_options?: { value: string }[];
};

/** Reads one field of a submitted modal (block_id = action_id = field name) as text, or null when empty. */
export function fieldValue(values: ViewState, field: string): string | null {
  const element = values[field]?.[field];
  if (!element) return null;
  const raw =
    element.value ??
    element.selected_option?.value ??
    element.selected_date ??
    element.selected_time ??
    element.selected_conversation ??
    null;
  if (typeof raw !== "string") return null;
  const trimmed = raw.trim();
  return trimmed === "" ? null : trimmed;
}

/** The values of a checkboxes field. */
export function checkedValues(values: ViewState, field: string): string[] {
  const selected = values[field]?.[field]?.selected_options;
  return Array.isArray(selected) ? selected.map((o: { value: string }) => o.value) : [];
}

/** `ack({ response_action: "errors" })` payload: Slack shows each message under its input block. */
export const fieldErrors = (errors: Record<string, string>) => ({
  response_action: "errors" as const,
  errors,
});
