import { useEffect, useState } from "preact/hooks";
import { ApiError, api } from "../api/client.ts";
import type { RsvpList } from "../api/types.ts";
import { useAppState } from "../app-context.ts";
import { t } from "../i18n/index.ts";

type Candidate = { personId: string; name: string };

/**
 * Colleagues I may delegate to: the server's list (`delegate-candidates`), or, on a server without it,
 * the other people of my organisation convened to this sitting.
 */
async function loadCandidates(meetingId: string, me: string): Promise<Candidate[]> {
  try {
    return (await api<{ items: Candidate[] }>("GET", `/meetings/${meetingId}/delegate-candidates`)).items;
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 404) throw error;
    const rsvps = await api<RsvpList>("GET", `/meetings/${meetingId}/rsvps`);
    const mine = rsvps.people.find((p) => p.personId === me)?.organisationId;
    return rsvps.people
      .filter((p) => p.personId !== me && mine && p.organisationId === mine)
      .map((p) => ({ personId: p.personId, name: p.name ?? p.personId }));
  }
}

export function DelegatePicker({
  meetingId,
  onPick,
}: {
  meetingId: string;
  onPick: (personId: string) => void;
}) {
  const texts = t();
  const { session } = useAppState();
  const [candidates, setCandidates] = useState<Candidate[] | null>(null);
  const [chosen, setChosen] = useState("");
  useEffect(() => {
    loadCandidates(meetingId, session.person.id)
      .then(setCandidates)
      .catch(() => setCandidates([]));
  }, [meetingId, session.person.id]);
  if (candidates === null) return <p>{texts.loading}</p>;
  if (candidates.length === 0) return <p class="alert alert-warning">{texts.noColleagues}</p>;
  const selectId = `delegate-${meetingId}`;
  return (
    <form
      class="form-group"
      onSubmit={(event) => {
        event.preventDefault();
        if (chosen) onPick(chosen);
      }}
    >
      <label for={selectId}>{texts.delegateTo}</label>
      <select
        id={selectId}
        required
        value={chosen}
        onChange={(e) => setChosen((e.target as HTMLSelectElement).value)}
      >
        <option value="">{texts.chooseColleague}</option>
        {candidates.map((c) => (
          <option key={c.personId} value={c.personId}>
            {c.name}
          </option>
        ))}
      </select>
      <div class="btn-row">
        <button type="submit" class="btn btn-primary">
          {texts.confirmDelega}
        </button>
      </div>
    </form>
  );
}
