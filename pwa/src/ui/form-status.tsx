import { useState } from "preact/hooks";

/** What a form says after a submit: saved, or why not. */
export type FormStatusValue = { ok: boolean; text: string } | null;

/** A form's status, empty until the first submit. */
export function useFormStatus() {
  return useState<FormStatusValue>(null);
}

/**
 * The line under a form that screen readers announce (`role="status"` is always there, so a change is
 * read out); hidden until there is something to say.
 */
export function FormStatus({ status }: { status: FormStatusValue }) {
  return (
    <p
      role="status"
      class={status ? `alert ${status.ok ? "alert-success" : "alert-danger"}` : "visually-hidden"}
    >
      {status?.text ?? ""}
    </p>
  );
}
