import type { Meeting, RsvpList } from "../api/types.ts";
import { useApi } from "../api/use-api.ts";
import { useAppState } from "../app-context.ts";
import { t } from "../i18n/index.ts";
import { answerLabel } from "./rsvp-buttons.tsx";

/** Who of my organisation is coming; for the organisers, the counts of every answer too. */
export function RsvpSummary({ meeting }: { meeting: Meeting }) {
  const texts = t();
  const { session } = useAppState();
  const [loaded] = useApi<RsvpList>(
    meeting.viewer.convened || meeting.viewer.organiser ? `/meetings/${meeting.id}/rsvps` : null,
  );
  if (loaded.state !== "ready") return null;
  const list = loaded.data;
  const myOrganisation = list.people.find((p) => p.personId === session.person.id)?.organisationId ?? null;
  const colleagues = list.people.filter((p) => myOrganisation && p.organisationId === myOrganisation);
  return (
    <>
      {myOrganisation ? (
        <section>
          <h2>{texts.whoComing}</h2>
          <ul>
            {colleagues.map((p) => (
              <li key={p.personId}>
                {p.name ?? "—"}: {p.answer ? answerLabel(p.answer) : texts.noAnswer}
                {p.delegateName ? ` (${p.delegateName})` : ""}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {meeting.viewer.organiser ? (
        <section class="card">
          <h2>{texts.summary}</h2>
          <dl class="facts" data-testid="rsvp-counts">
            <dt>{texts.convened}</dt>
            <dd>{list.counts.convened}</dd>
            {(["presenza", "remoto", "assente", "delega"] as const).map((a) => (
              <>
                <dt key={`${a}-t`}>{answerLabel(a)}</dt>
                <dd key={`${a}-d`}>{list.counts[a]}</dd>
              </>
            ))}
            <dt>{texts.pendingAnswers}</dt>
            <dd>{list.counts.pending}</dd>
          </dl>
        </section>
      ) : null}
    </>
  );
}
