import { useState } from "preact/hooks";
import { ApiError, api } from "../api/client.ts";
import type { Meeting } from "../api/types.ts";
import { t } from "../i18n/index.ts";
import { FormStatus, useFormStatus } from "./form-status.tsx";

const OPENS_BEFORE_MS = 30 * 60_000;

/**
 * Self check-in with the code the coordinator shows (open from 30 minutes before the start to the end);
 * the organisers see the code itself.
 */
export function CheckIn({ meeting }: { meeting: Meeting }) {
  const texts = t();
  const [code, setCode] = useState("");
  const [mode, setMode] = useState<"presenza" | "remoto">(meeting.mode === "online" ? "remoto" : "presenza");
  const [status, setStatus] = useFormStatus();
  const now = Date.now();
  const open = now >= Date.parse(meeting.startsAt) - OPENS_BEFORE_MS && now <= Date.parse(meeting.endsAt);
  if (meeting.checkInCode && meeting.viewer.organiser)
    return (
      <section class="card">
        <h2>{texts.checkInCodeShow}</h2>
        <p class="code" data-testid="check-in-code">
          {meeting.checkInCode}
        </p>
      </section>
    );
  if (!open || !meeting.viewer.convened) return null;
  async function submit(event: Event) {
    event.preventDefault();
    try {
      await api("POST", `/meetings/${meeting.id}/check-in`, { body: { code: code.trim(), mode } });
      setStatus({ ok: true, text: texts.checkedIn });
    } catch (error) {
      setStatus({ ok: false, text: error instanceof ApiError ? error.message : texts.offline });
    }
  }
  return (
    <section class="card">
      <h2>{texts.checkInTitle}</h2>
      <form onSubmit={submit}>
        <div class="form-group">
          <label for="check-in-code">{texts.checkInCode}</label>
          <input
            id="check-in-code"
            type="text"
            inputMode="text"
            autoComplete="one-time-code"
            required
            value={code}
            onInput={(e) => setCode((e.target as HTMLInputElement).value)}
            aria-describedby="check-in-hint"
          />
          <p id="check-in-hint" class="hint">
            {texts.checkInHint}
          </p>
        </div>
        <fieldset>
          <legend>{texts.mode}</legend>
          {(["presenza", "remoto"] as const).map((value) => (
            <label class="check" key={value}>
              <input
                type="radio"
                name="check-in-mode"
                checked={mode === value}
                onChange={() => setMode(value)}
              />
              {value === "presenza" ? texts.answerPresenza : texts.answerRemoto}
            </label>
          ))}
        </fieldset>
        <button type="submit" class="btn btn-primary">
          {texts.checkInButton}
        </button>
      </form>
      <FormStatus status={status} />
    </section>
  );
}
