import type { MeetingDoc } from "../../server/src/meetings/index.ts";
import type { RsvpAnswer } from "../../server/src/rsvps/index.ts";

export type Lang = "it" | "en";

/** Slack's locale ("it-IT", "en-US", …) → the bot's language; Italian unless Slack says English. */
export function langFromLocale(locale: string | null | undefined): Lang {
  return locale?.toLowerCase().startsWith("en") ? "en" : "it";
}

const MODE: Record<MeetingDoc["mode"], Record<Lang, string>> = {
  in_presenza: { it: "In presenza", en: "In person" },
  online: { it: "Online", en: "Online" },
  ibrida: { it: "Ibrida (in presenza e online)", en: "Hybrid (in person and online)" },
};

const ANSWER: Record<RsvpAnswer, Record<Lang, string>> = {
  presenza: { it: "Presente", en: "Attending" },
  remoto: { it: "Da remoto", en: "Remote" },
  assente: { it: "Assente", en: "Not attending" },
  delega: { it: "Delega", en: "Delegated" },
};

/** "1 decisione", "2 decisioni". */
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const modeLabel = (mode: MeetingDoc["mode"], lang: Lang) => MODE[mode][lang];
export const answerLabel = (answer: RsvpAnswer, lang: Lang) => ANSWER[answer][lang];

/** Every sentence the bot says, Italian first; functions where the sentence has blanks. */
export const TEXT = {
  it: {
    helpTitle: "Tavoli: i comandi",
    helpIntro: "Usa `/tavoli <comando>`. I comandi:",
    unknownSubcommand: (name: string) => `Comando sconosciuto: \`${name}\`. Ecco cosa puoi fare:`,
    commands: [
      ["aiuto", "questo elenco"],
      ["prossime", "le tue prossime riunioni, con i pulsanti per rispondere"],
      ["convoca [tavolo]", "convoca una riunione (coordinatori)"],
      ["presenza <codice> presenza|remoto|assente|delega @utente", "rispondi alla convocazione"],
      ["segnala", "segnala una criticità per il tuo ente"],
      ["contributo", "registra un contributo (link o file condiviso in Slack)"],
      ["verbale <codice>", "stato e link del verbale di una riunione"],
      ["azioni", "le azioni aperte tue e del tuo ente, in ritardo per prime"],
      ["accedi", "ricevi in privato un link di accesso a Tavoli"],
      ["promemoria", "le tue preferenze per i promemoria"],
      ["collega <tavolo>", "collega questo canale a un tavolo (coordinatori)"],
      ["scollega", "scollega questo canale dal suo tavolo (coordinatori)"],
    ] as [string, string][],
    unknownUser: (email: string | null) =>
      `Non ti trovo tra le persone di Tavoli${email ? ` (il tuo indirizzo Slack è ${email})` : ""}. Per usare il bot devi essere designato referente dal tuo ente: chiedi al referente o al coordinatore del tavolo di registrarti in Tavoli con questo indirizzo.`,
    linkOffer: (url: string) =>
      `Se sei già in Tavoli con un altro indirizzo, accedi a Tavoli e apri questo link personale (valido 30 minuti, monouso) per collegare il tuo account Slack: ${url}`,
    noMeetings: "Non hai riunioni in programma.",
    upcomingTitle: "Le tue prossime riunioni",
    code: "codice",
    yourAnswer: "La tua risposta",
    noAnswer: "non hai ancora risposto",
    cancelled: "ANNULLATA",
    usagePresenza:
      "Uso: `/tavoli presenza <codice> presenza|remoto|assente` oppure `/tavoli presenza <codice> delega @collega`. Il codice è quello mostrato da `/tavoli prossime`.",
    usageVerbale: "Uso: `/tavoli verbale <codice>`. Il codice è quello mostrato da `/tavoli prossime`.",
    usageCollega: "Uso: `/tavoli collega <nome del tavolo>` nel canale del tavolo.",
    meetingNotFound: (code: string) =>
      `Nessuna tua riunione con codice \`${code}\`: controlla con \`/tavoli prossime\`.`,
    delegateUnknown:
      "Non trovo in Tavoli la persona indicata come delegata: deve essere registrata e aver collegato Slack.",
    answered: (answer: string, title: string) => `Risposta registrata: *${answer}* per «${title}».`,
    counts: (c: Counts) =>
      `Presenti ${c.presenza} · da remoto ${c.remoto} · assenti ${c.assente} · deleghe ${c.delega} · in attesa ${c.pending} (convocati ${c.convened})`,
    when: "Quando",
    mode: "Modalità",
    place: "Luogo",
    agenda: "Ordine del giorno",
    noAgenda: "Ordine del giorno da definire.",
    reserved: "Dettagli riservati: apri Tavoli.",
    reservedItems: (n: number) => `${n} ${n === 1 ? "punto riservato" : "punti riservati"}: apri Tavoli.`,
    join: "Partecipa",
    openTavoli: "Apri in Tavoli",
    attend: "Presente",
    remote: "Da remoto",
    absent: "Assente",
    convocation: (table: string) => `Convocazione · ${table}`,
    joinLink: (url: string) => `Link per la riunione: ${url}`,
    noVideoLink: "Questa riunione non ha un link audio-video.",
    rescheduled: (when: string) => `La riunione è stata spostata: ora *${when}*.`,
    cancelledNotice: (reason: string | null) =>
      `La riunione è stata *annullata*${reason ? `: ${reason}` : "."}`,
    updated: "La convocazione è stata aggiornata (titolo, ordine del giorno o dettagli).",
    dmChange: (title: string, what: string) => `«${title}»: ${what}`,
    substitution: (org: string, before: string, after: string, table: string) =>
      `Sostituzione del referente: per *${org}* al tavolo «${table}», *${after}* subentra a *${before}*.`,
    issueRaised: (seq: number, org: string, severity: string, title: string | null) =>
      title === null
        ? `Nuova segnalazione riservata n. ${seq} da *${org}*. Dettagli riservati: apri Tavoli.`
        : `Nuova segnalazione n. ${seq} da *${org}* (gravità ${severity}): ${title}`,
    contributionLogged: (org: string, kind: string, title: string | null) =>
      title === null
        ? `Nuovo contributo riservato da *${org}*. Dettagli riservati: apri Tavoli.`
        : `Nuovo contributo da *${org}* (${kind}): ${title}`,
    minutesApproved: (title: string, decisions: number, actions: number, url: string) =>
      `Verbale approvato: «${title}», ${plural(decisions, "decisione", "decisioni")} e ${plural(actions, "azione", "azioni")}. ${url}`,
    proposalAddressed: (org: string, table: string, title: string | null, url: string) =>
      title === null
        ? `Il tavolo «${table}» ha indirizzato una proposta riservata a *${org}*: registra se l'ente la adotta. Dettagli riservati: apri Tavoli. ${url}`
        : `Il tavolo «${table}» ha indirizzato a *${org}* la proposta «${title}»: registra se l'ente la adotta e con quale atto. ${url}`,
    kinds: {
      documento: "documento",
      buona_pratica: "buona pratica",
      dataset: "dataset",
      soluzione: "soluzione riusabile",
      commento: "commento",
    } as Record<string, string>,
    loginSent: "Ti ho inviato in privato un link di accesso a Tavoli.",
    loginDm: (url: string) => `Ecco il tuo link di accesso a Tavoli (valido 15 minuti, monouso): ${url}`,
    notOrganiser: "Solo i coordinatori del tavolo (o gli amministratori dell'accordo) possono farlo.",
    noTablesToConvene: "Non coordini alcun tavolo: solo i coordinatori possono convocare.",
    tableNotFound: (name: string) => `Nessun tavolo corrisponde a «${name}».`,
    tableAmbiguous: (names: string[]) => `Più tavoli corrispondono: ${names.join(", ")}. Sii più preciso.`,
    channelLinked: (table: string) =>
      `Questo canale è ora il canale del tavolo «${table}»: qui arriveranno convocazioni e avvisi.`,
    channelUnlinked: "Questo canale non è più collegato ad alcun tavolo.",
    convened: (title: string, when: string) => `Riunione convocata: «${title}», ${when}.`,
    noChannelHint:
      "Nessun canale è collegato al tavolo: ho avvisato i convocati in privato. Usa `/tavoli collega` nel canale del tavolo.",
    minutesStatus: (title: string, status: string) => `Verbale di «${title}»: *${status}*.`,
    minutesLabels: {
      assente: "non ancora redatto",
      bozza: "in bozza",
      in_revisione: "in revisione",
      approvato: "approvato",
    },
    minutesCounts: (decisions: number, actions: number) =>
      `${plural(decisions, "decisione", "decisioni")}, ${plural(actions, "azione", "azioni")}.`,
    noActionItems: "Non hai azioni aperte.",
    actionItemsTitle: "Le tue azioni aperte",
    overdueMarker: "IN RITARDO",
    dueOn: (day: string) => `entro il ${day}`,
    noDue: "senza scadenza",
    sittingOf: (table: string, day: string) => `${table} · seduta del ${day}`,
    reservedAction: "Azione riservata: apri Tavoli.",
    markDone: "Fatta",
    actionDone: (what: string) => `Azione completata: «${what}».`,
    moreActionItems: (n: number) => `Altre ${n} azioni: apri Tavoli.`,
    notReferent: "Non risulti referente di alcun ente: solo i referenti possono segnalare o contribuire.",
    reported: (seq: number) =>
      `Segnalazione n. ${seq} registrata. Il coordinatore del tavolo la prenderà in esame.`,
    contributed: (title: string) => `Contributo «${title}» registrato.`,
    remindersSaved: (text: string) => `Preferenze salvate: ${text}.`,
    remindersPaused: "promemoria sospesi",
    reminderBefore: (title: string, table: string, when: string, lead: string | null) =>
      `Promemoria: ${title} — ${table}, ${when}${lead ? ` (${lead})` : ""}`,
    reminderConfirm: (title: string, table: string, when: string) =>
      `Conferma la tua presenza: ${title} — ${table}, ${when}`,
    reminderCancelled: (title: string, table: string, when: string) =>
      `Annullata: ${title} — ${table}, ${when}`,
    leadTomorrow: "domani",
    leadIn: (span: string) => `tra ${span}`,
    leadUnits: {
      week: ["settimana", "settimane"] as [string, string],
      day: ["giorno", "giorni"] as [string, string],
      hour: ["ora", "ore"] as [string, string],
      minute: ["minuto", "minuti"] as [string, string],
      and: "e",
    },
    error:
      "Qualcosa non ha funzionato: riprova tra poco. Se il problema continua, avvisa l'amministratore di Tavoli.",
  },
  en: {
    helpTitle: "Tavoli: commands",
    helpIntro: "Use `/tavoli <command>` (Italian names work too). Commands:",
    unknownSubcommand: (name: string) => `Unknown command: \`${name}\`. Here is what you can do:`,
    commands: [
      ["help", "this list"],
      ["next", "your upcoming meetings, with buttons to answer"],
      ["convene [table]", "convene a meeting (coordinators)"],
      ["rsvp <code> presenza|remoto|assente|delega @user", "answer a convocation"],
      ["report", "report an issue for your organisation"],
      ["contribute", "log a contribution (a link or a file shared in Slack)"],
      ["minutes <code>", "status and link of a meeting's minutes"],
      ["actions", "your and your organisation's open action items, overdue first"],
      ["login", "get a private login link to Tavoli"],
      ["reminders", "your reminder preferences"],
      ["link <table>", "link this channel to a table (coordinators)"],
      ["unlink", "unlink this channel from its table (coordinators)"],
    ] as [string, string][],
    unknownUser: (email: string | null) =>
      `I cannot find you among Tavoli's people${email ? ` (your Slack address is ${email})` : ""}. To use the bot your organisation must designate you as a referent: ask your referent or the table's coordinator to register you in Tavoli with this address.`,
    linkOffer: (url: string) =>
      `If you are already in Tavoli under another address, log in to Tavoli and open this personal link (valid 30 minutes, single use) to link your Slack account: ${url}`,
    noMeetings: "You have no upcoming meetings.",
    upcomingTitle: "Your upcoming meetings",
    code: "code",
    yourAnswer: "Your answer",
    noAnswer: "not answered yet",
    cancelled: "CANCELLED",
    usagePresenza:
      "Usage: `/tavoli rsvp <code> presenza|remoto|assente` or `/tavoli rsvp <code> delega @colleague`. The code is the one `/tavoli next` shows.",
    usageVerbale: "Usage: `/tavoli minutes <code>`. The code is the one `/tavoli next` shows.",
    usageCollega: "Usage: `/tavoli link <table name>` in the table's channel.",
    meetingNotFound: (code: string) =>
      `None of your meetings has code \`${code}\`: check with \`/tavoli next\`.`,
    delegateUnknown: "I cannot find the delegate in Tavoli: they must be registered and have linked Slack.",
    answered: (answer: string, title: string) => `Answer recorded: *${answer}* for “${title}”.`,
    counts: (c: Counts) =>
      `Attending ${c.presenza} · remote ${c.remoto} · absent ${c.assente} · delegated ${c.delega} · pending ${c.pending} (convened ${c.convened})`,
    when: "When",
    mode: "Mode",
    place: "Place",
    agenda: "Agenda",
    noAgenda: "Agenda to be defined.",
    reserved: "Confidential details: open Tavoli.",
    reservedItems: (n: number) => `${n} confidential ${n === 1 ? "item" : "items"}: open Tavoli.`,
    join: "Join",
    openTavoli: "Open in Tavoli",
    attend: "Attending",
    remote: "Remote",
    absent: "Not attending",
    convocation: (table: string) => `Convocation · ${table}`,
    joinLink: (url: string) => `Meeting link: ${url}`,
    noVideoLink: "This meeting has no audio-video link.",
    rescheduled: (when: string) => `The meeting has been moved: now *${when}*.`,
    cancelledNotice: (reason: string | null) =>
      `The meeting has been *cancelled*${reason ? `: ${reason}` : "."}`,
    updated: "The convocation has been updated (title, agenda or details).",
    dmChange: (title: string, what: string) => `“${title}”: ${what}`,
    substitution: (org: string, before: string, after: string, table: string) =>
      `Referent substitution: for *${org}* at “${table}”, *${after}* replaces *${before}*.`,
    issueRaised: (seq: number, org: string, severity: string, title: string | null) =>
      title === null
        ? `New confidential issue report no. ${seq} from *${org}*. Confidential details: open Tavoli.`
        : `New issue report no. ${seq} from *${org}* (severity ${severity}): ${title}`,
    contributionLogged: (org: string, kind: string, title: string | null) =>
      title === null
        ? `New confidential contribution from *${org}*. Confidential details: open Tavoli.`
        : `New contribution from *${org}* (${kind}): ${title}`,
    minutesApproved: (title: string, decisions: number, actions: number, url: string) =>
      `Minutes approved: “${title}”, ${plural(decisions, "decision", "decisions")} and ${plural(actions, "action item", "action items")}. ${url}`,
    proposalAddressed: (org: string, table: string, title: string | null, url: string) =>
      title === null
        ? `The table “${table}” addressed a confidential proposal to *${org}*: record whether it adopts it. Confidential details: open Tavoli. ${url}`
        : `The table “${table}” addressed the proposal “${title}” to *${org}*: record whether it adopts it, and by which act. ${url}`,
    kinds: {
      documento: "document",
      buona_pratica: "good practice",
      dataset: "dataset",
      soluzione: "reusable solution",
      commento: "comment",
    } as Record<string, string>,
    loginSent: "I sent you a private login link to Tavoli.",
    loginDm: (url: string) => `Your login link to Tavoli (valid 15 minutes, single use): ${url}`,
    notOrganiser: "Only the table's coordinators (or the agreement's administrators) can do this.",
    noTablesToConvene: "You coordinate no table: only coordinators can convene.",
    tableNotFound: (name: string) => `No table matches “${name}”.`,
    tableAmbiguous: (names: string[]) => `Several tables match: ${names.join(", ")}. Be more specific.`,
    channelLinked: (table: string) =>
      `This channel is now the channel of “${table}”: convocations and notices will arrive here.`,
    channelUnlinked: "This channel is no longer linked to a table.",
    convened: (title: string, when: string) => `Meeting convened: “${title}”, ${when}.`,
    noChannelHint:
      "No channel is linked to the table: I told the people convened privately. Use `/tavoli link` in the table's channel.",
    minutesStatus: (title: string, status: string) => `Minutes of “${title}”: *${status}*.`,
    minutesLabels: {
      assente: "not drafted yet",
      bozza: "draft",
      in_revisione: "under review",
      approvato: "approved",
    },
    minutesCounts: (decisions: number, actions: number) =>
      `${plural(decisions, "decision", "decisions")}, ${plural(actions, "action item", "action items")}.`,
    noActionItems: "You have no open action items.",
    actionItemsTitle: "Your open action items",
    overdueMarker: "OVERDUE",
    dueOn: (day: string) => `due ${day}`,
    noDue: "no due date",
    sittingOf: (table: string, day: string) => `${table} · sitting of ${day}`,
    reservedAction: "Confidential action item: open Tavoli.",
    markDone: "Done",
    actionDone: (what: string) => `Action item done: “${what}”.`,
    moreActionItems: (n: number) => `${n} more action items: open Tavoli.`,
    notReferent: "You are not a referent of any organisation: only referents can report or contribute.",
    reported: (seq: number) => `Issue report no. ${seq} recorded. The table's coordinator will review it.`,
    contributed: (title: string) => `Contribution “${title}” recorded.`,
    remindersSaved: (text: string) => `Preferences saved: ${text}.`,
    remindersPaused: "reminders paused",
    reminderBefore: (title: string, table: string, when: string, lead: string | null) =>
      `Reminder: ${title} — ${table}, ${when}${lead ? ` (${lead})` : ""}`,
    reminderConfirm: (title: string, table: string, when: string) =>
      `Please confirm your attendance: ${title} — ${table}, ${when}`,
    reminderCancelled: (title: string, table: string, when: string) =>
      `Cancelled: ${title} — ${table}, ${when}`,
    leadTomorrow: "tomorrow",
    leadIn: (span: string) => `in ${span}`,
    leadUnits: {
      week: ["week", "weeks"] as [string, string],
      day: ["day", "days"] as [string, string],
      hour: ["hour", "hours"] as [string, string],
      minute: ["minute", "minutes"] as [string, string],
      and: "and",
    },
    error: "Something went wrong: try again shortly. If it persists, tell Tavoli's administrator.",
  },
} satisfies Record<Lang, unknown>;

export type Texts = (typeof TEXT)["it"];

export type Counts = {
  convened: number;
  presenza: number;
  remoto: number;
  assente: number;
  delega: number;
  pending: number;
};
