import type { AgreementDoc } from "../agreements/documents.ts";
import { standingDesignationsOn } from "../designations/queries.ts";
import { membershipsOfAgreement, tableMemberIds } from "../memberships/queries.ts";
import { organisationNames } from "../organisations/queries.ts";
import { issuedReportsOf } from "../reports/issued.ts";
import type { Ctx } from "../shared/context.ts";
import { addDays, addMonths, type IsoDate, romeDate } from "../shared/dates.ts";
import type { TableDoc } from "../tables/documents.ts";
import { steeringTableOf } from "../tables/steering.ts";
import { firstPresentationOf } from "../work-plans/index.ts";
import type { DeadlineSettingsDoc } from "./documents.ts";
import type { DEADLINE_KINDS } from "./events.ts";
import { settingsOf } from "./rules.ts";

export type DeadlineKind = (typeof DEADLINE_KINDS)[number];
export type DeadlineState =
  | "rispettata"
  | "rispettata_in_ritardo"
  | "in_scadenza"
  | "scaduta"
  | "in_attesa_stipula";

/** One obligation of the agreement, its due date computed from the agreement's dates. */
export type Deadline = {
  /** Stable within the agreement, e.g. `work_plan`, `half_yearly:2`, `adhesion:<membershipId>`. */
  key: string;
  kind: DeadlineKind;
  label: string;
  labelEn: string;
  /** null while the agreement has no signing date (state `in_attesa_stipula`). */
  dueOn: IsoDate | null;
  state: DeadlineState;
  metOn: IsoDate | null;
  /** What met it, in Italian. */
  metBy: string | null;
};

/** Half-years listed at most: twenty years of an agreement. */
const MAX_HALF_YEARS = 40;
const WAITING = " (in attesa della data di stipula)";

export function stateOf(dueOn: IsoDate, metOn: IsoDate | null, today: IsoDate): DeadlineState {
  if (metOn) return metOn <= dueOn ? "rispettata" : "rispettata_in_ritardo";
  return today <= dueOn ? "in_scadenza" : "scaduta";
}

function dated(
  base: Omit<Deadline, "state" | "dueOn" | "metOn" | "metBy">,
  dueOn: IsoDate,
  met: { on: IsoDate; by: string } | null,
  today: IsoDate,
): Deadline {
  // As of `today`: what was met after it (a report's period end looked at later) is not met yet.
  const metThen = met && met.on <= today ? met : null;
  return {
    ...base,
    dueOn,
    state: stateOf(dueOn, metThen?.on ?? null, today),
    metOn: metThen?.on ?? null,
    metBy: metThen?.by ?? null,
  };
}

function waiting(base: Omit<Deadline, "state" | "dueOn" | "metOn" | "metBy">): Deadline {
  return {
    ...base,
    label: base.label + WAITING,
    dueOn: null,
    state: "in_attesa_stipula",
    metOn: null,
    metBy: null,
  };
}

/**
 * Met when every organisation sitting on the steering table today has a standing referent on it in force
 * today; met on the day the last of them was first designated.
 */
async function steeringMembersMet(ctx: Ctx, steering: TableDoc, today: IsoDate) {
  const members = await tableMemberIds(ctx, steering, today);
  if (members.length === 0) return null;
  const designations = await standingDesignationsOn(ctx, steering._id, today);
  let metOn = "";
  for (const organisationId of members) {
    const froms = designations.filter((d) => d.organisationId.equals(organisationId)).map((d) => d.from);
    if (froms.length === 0) return null;
    const first = froms.sort()[0] as string;
    if (first > metOn) metOn = first;
  }
  return {
    on: metOn,
    by: `Referenti designati per tutti gli enti (${members.length}) di «${steering.name}»`,
  };
}

/** The agreement's deadlines on `today`, in due order (waiting ones last). No access check: they are public. */
export async function computeDeadlines(
  ctx: Ctx,
  agreement: AgreementDoc,
  today: IsoDate,
): Promise<Deadline[]> {
  const settings: DeadlineSettingsDoc = await settingsOf(ctx, agreement._id);
  const steering = await steeringTableOf(ctx, agreement._id);
  const signed = agreement.signedOn;
  const out: Deadline[] = [];
  const on = (rule: { enabled: boolean | null }) => rule.enabled ?? steering !== null;

  if (on(settings.steeringMembers)) {
    const days = settings.steeringMembers.days;
    const base = {
      key: "steering_members",
      kind: "steering_members" as const,
      label: `Componenti dell'organo di indirizzo designati entro ${days} giorni dalla stipula`,
      labelEn: `Steering body members named within ${days} days of signing`,
    };
    if (!signed) out.push(waiting(base));
    else {
      const met = steering ? await steeringMembersMet(ctx, steering, today) : null;
      out.push(dated(base, addDays(signed, days), met, today));
    }
  }
  if (on(settings.workPlan)) {
    const days = settings.workPlan.days;
    const base = {
      key: "work_plan",
      kind: "work_plan" as const,
      label: `Piano di lavoro presentato all'organo di indirizzo entro ${days} giorni dalla stipula`,
      labelEn: `Work plan presented to the steering body within ${days} days of signing`,
    };
    if (!signed) out.push(waiting(base));
    else {
      const presented = await firstPresentationOf(ctx, agreement._id);
      const met = presented ? { on: romeDate(presented), by: "Piano di lavoro presentato" } : null;
      out.push(dated(base, addDays(signed, days), met, today));
    }
  }
  if (settings.adhesions || settings.withdrawals) {
    const memberships = await membershipsOfAgreement(ctx, agreement._id);
    const names = await organisationNames(
      ctx,
      memberships.map((m) => m.organisationId),
    );
    for (const m of memberships) {
      const name = names.get(m.organisationId.toHexString()) ?? "";
      if (settings.adhesions && !m.founding) {
        const reached =
          m.operativeFrom <= today ? { on: m.operativeFrom, by: "Adesione divenuta operativa" } : null;
        const base = {
          key: `adhesion:${m._id.toHexString()}`,
          kind: "adhesion_operative" as const,
          label: `Adesione di ${name} operativa (${agreement.adhesionDelayDays} giorni dalla domanda)`,
          labelEn: `Adhesion of ${name} operative (${agreement.adhesionDelayDays} days after the application)`,
        };
        out.push(dated(base, m.operativeFrom, reached, today));
      }
      if (settings.withdrawals && m.withdrawal) {
        const effective = m.withdrawal.effectiveOn;
        const reached = effective <= today ? { on: effective, by: "Recesso efficace" } : null;
        const base = {
          key: `withdrawal:${m._id.toHexString()}`,
          kind: "withdrawal_effective" as const,
          label: `Fine del preavviso di recesso di ${name}`,
          labelEn: `End of the withdrawal notice of ${name}`,
        };
        out.push(dated(base, effective, reached, today));
      }
    }
  }
  if (settings.halfYearlyReports) {
    const base = {
      key: "half_yearly:1",
      kind: "half_yearly_report" as const,
      label: "Relazione semestrale sui risultati",
      labelEn: "Half-yearly report on results",
    };
    if (!signed) out.push(waiting(base));
    else {
      const reports = (await issuedReportsOf(ctx, agreement._id)).filter((r) => r.preset === "semestrale");
      for (let k = 1; k <= MAX_HALF_YEARS && addMonths(signed, 6 * (k - 1)) <= today; k++) {
        const from = addMonths(signed, 6 * (k - 1));
        const to = addDays(addMonths(signed, 6 * k), -1);
        const covering = reports
          // Covering the six months, or ending within them: the `semestrale` preset is a calendar half
          // (1 Jan–30 Jun), which covers the six months from signing only for one signed on 1 Jan or 1 Jul.
          .filter(
            (r) => (r.period.from <= from && r.period.to >= to) || (r.period.to >= from && r.period.to <= to),
          )
          .sort((a, b) => a.issuedAt.getTime() - b.issuedAt.getTime())[0];
        const met = covering ? { on: romeDate(covering.issuedAt), by: "Relazione semestrale emessa" } : null;
        out.push(
          dated(
            {
              ...base,
              key: `half_yearly:${k}`,
              label: `Relazione semestrale sui risultati (${from} – ${to})`,
              labelEn: `Half-yearly report on results (${from} – ${to})`,
            },
            addMonths(signed, 6 * k),
            met,
            today,
          ),
        );
      }
    }
  }
  return out.sort((a, b) => (a.dueOn ?? "9999").localeCompare(b.dueOn ?? "9999"));
}
