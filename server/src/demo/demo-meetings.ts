/**
 * Demo sittings for the seed tables: pure data, convened at seeding time through the real use cases.
 *
 * Dates are relative to the seeding day (so a fresh install always shows upcoming sittings), times are
 * wall-clock times in Italy. Places are the real seats of the convening bodies; pasted links are
 * well-formed but fictional.
 */

type AgendaItem = { title: string; presenter: string | null; confidential: boolean };

/** When a sitting falls: a weekday `inWeeks` weeks from the seeding day, or the first such weekday of a later month. */
export type DemoWhen =
  | { inWeeks: number; weekday: 1 | 2 | 3 | 4 | 5 }
  | { inMonths: number; firstWeekday: 1 | 2 | 3 | 4 | 5 }
  /** Soon after seeding, for the reminders to show at once; `from`/`to` then give only its length. */
  | { inMinutes: number };

export type DemoMeeting = {
  agreementSlug: string;
  tableRef: string;
  when: DemoWhen;
  /** HH:mm in Europe/Rome. */
  from: string;
  to: string;
  title: string;
  mode: "in_presenza" | "online" | "ibrida";
  place: { address: string; room: string | null } | null;
  videoLink: { generate: true } | { url: string } | null;
  agenda: AgendaItem[];
  /** RFC 5545 RRULE: the sitting is the first of a series. */
  rrule?: string;
};

const item = (title: string, presenter: string | null = null): AgendaItem => ({
  title,
  presenter,
  confidential: false,
});
/** A "riservato" item: visible only to the table (DOMAIN rule 10). */
const riservato = (title: string, presenter: string | null = null): AgendaItem => ({
  title,
  presenter,
  confidential: true,
});

const jitsi = { generate: true } as const;
const teams = (id: string) => ({
  url: `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${id}%40thread.v2/0`,
});

const reggio = "coordinamento-informatico-reggio-emilia";
const insieme = "innovazione-d-insieme";
const lombardia = "innovazione-comuni-lombardi";
const piemonte = "rete-cst-piemonte";
const calatino = "calatino-smart-community";

const provinciaRe = {
  address: "Corso Garibaldi 59, 42121 Reggio Emilia",
  room: "Sala del Consiglio provinciale",
};
const caltagirone = { address: "Piazza Municipio 5, 95041 Caltagirone (CT)", room: "Sala Giunta" };

export const demoMeetings: DemoMeeting[] = [
  // About an hour after the first start: the one-hour reminder of its referents falls due a few minutes
  // later (in the dev outbox, or as a push once a browser has subscribed). 65 minutes, not 60: a lead
  // whose time has already passed when the sitting is convened is never planned.
  {
    agreementSlug: lombardia,
    tableRef: "cabina-di-regia",
    when: { inMinutes: 65 },
    from: "00:00",
    to: "00:45",
    title: "Punto rapido sull'avvio del progetto",
    mode: "online",
    place: null,
    videoLink: jitsi,
    agenda: [item("Stato delle adesioni e prossimi passi")],
  },
  // Reggio Emilia.
  {
    agreementSlug: reggio,
    tableRef: "coordinamento-informatico",
    when: { inWeeks: 1, weekday: 3 },
    from: "10:00",
    to: "12:30",
    title: "Coordinamento informatico – seduta ordinaria",
    mode: "in_presenza",
    place: provinciaRe,
    videoLink: null,
    agenda: [
      item("Ricognizione delle esigenze informatiche di rilevanza generale degli enti"),
      item("Servizi in gestione condivisa: VBG SuapER, MOKA e Rilfedeur", "Unione Val d'Enza"),
      riservato("Acquisto coordinato di licenze: importi stimati a base di gara"),
      item("Varie ed eventuali"),
    ],
  },
  {
    agreementSlug: reggio,
    tableRef: "coordinamento-informatico",
    when: { inWeeks: 6, weekday: 3 },
    from: "10:00",
    to: "12:00",
    title: "Coordinamento informatico – proposte per la Conferenza dei presidenti delle Unioni",
    mode: "ibrida",
    place: provinciaRe,
    videoLink: { url: "https://meet.google.com/rqe-tbfx-kwm" },
    agenda: [
      item("Proposte non vincolanti di gestione integrata dei servizi"),
      item("Calendario delle sedute del semestre"),
    ],
  },
  {
    agreementSlug: reggio,
    tableRef: "portale-open-data",
    when: { inWeeks: 2, weekday: 4 },
    from: "14:30",
    to: "16:00",
    title: "Portale Open Data condiviso – pubblicazione dei dataset delle Unioni",
    mode: "online",
    place: null,
    videoLink: jitsi,
    agenda: [
      item("Organizzazioni delle Unioni e dei loro Comuni sul portale CKAN", "Comune di Reggio nell'Emilia"),
      item("Metadati secondo il profilo DCAT-AP_IT delle linee guida nazionali"),
      item("Calendario di pubblicazione dei primi dataset"),
    ],
  },

  // Innovazione d'Insieme: one sitting per Work Package.
  {
    agreementSlug: insieme,
    tableRef: "wp1",
    when: { inWeeks: 1, weekday: 2 },
    from: "10:00",
    to: "12:00",
    title: "WP1 Servizi digitali alla persona – servizi on line e app IO",
    mode: "online",
    place: null,
    videoLink: jitsi,
    agenda: [
      item(
        "Servizi on line conformi al modello dei siti comunali: esperienze a confronto",
        "Comune di Bologna",
      ),
      item("Integrazione con app IO e pagoPA per i servizi scolastici", "Comune di Firenze"),
      item("Dichiarazioni e piani di adeguamento dell'accessibilità"),
    ],
  },
  {
    agreementSlug: insieme,
    tableRef: "wp2",
    when: { inWeeks: 2, weekday: 2 },
    from: "10:00",
    to: "12:00",
    title: "WP2 Servizi digitali a imprese e professionisti – SUAP e SUE",
    mode: "ibrida",
    place: { address: "Piazza della Signoria 1, 50122 Firenze", room: "Palazzo Vecchio, sala riunioni" },
    videoLink: { url: "https://meet.google.com/hbz-qwpt-ncd" },
    agenda: [
      item("Reingegnerizzazione dei procedimenti SUAP e SUE", "Comune di Firenze"),
      item("Catalogo condiviso dei servizi per i professionisti"),
    ],
  },
  {
    agreementSlug: insieme,
    tableRef: "wp3",
    when: { inWeeks: 3, weekday: 4 },
    from: "09:30",
    to: "12:30",
    title: "WP3 Digitalizzazione – dematerializzazione del back-office",
    mode: "in_presenza",
    place: { address: "Via Garibaldi 9, 16124 Genova", room: "Palazzo Tursi, Sala di rappresentanza" },
    videoLink: null,
    agenda: [
      item("Dematerializzazione degli atti amministrativi", "Comune di Genova"),
      item("Conservazione digitale: capitolati a confronto", "Comune di Torino"),
    ],
  },
  {
    agreementSlug: insieme,
    tableRef: "wp4",
    when: { inWeeks: 2, weekday: 5 },
    from: "11:00",
    to: "12:30",
    title: "WP4 Governo dei dati – modello condiviso e PDND",
    mode: "online",
    place: null,
    videoLink: jitsi,
    agenda: [
      item("Modello di dati condiviso per il catalogo dei servizi", "Liguria Digitale"),
      item("E-service pubblicati sulla Piattaforma Digitale Nazionale Dati"),
      item("Cruscotti di Analytics per il governo distribuito dei dati"),
    ],
  },
  {
    agreementSlug: insieme,
    tableRef: "wp5",
    when: { inWeeks: 4, weekday: 3 },
    from: "15:00",
    to: "16:30",
    title: "WP5 Relazione cittadino-imprese – CRM e assistenza multicanale",
    mode: "online",
    place: null,
    videoLink: teams("NmQ3ZjE0YjAtOWI2Ny00ZDFkLWE4YjktWP5demo"),
    agenda: [
      item("Citizen Relationship Management: requisiti comuni", "Comune di Milano"),
      item("Indicatori di soddisfazione degli utenti"),
    ],
  },
  {
    agreementSlug: insieme,
    tableRef: "wp6",
    when: { inWeeks: 3, weekday: 2 },
    from: "10:00",
    to: "13:00",
    title: "WP6 Competenze digitali – punti di facilitazione e formazione",
    mode: "in_presenza",
    place: { address: "Piazza Maggiore 6, 40124 Bologna", room: "Palazzo d'Accursio, sala riunioni" },
    videoLink: null,
    agenda: [
      item("Punti di facilitazione digitale: risultati e prossimi passi", "Comune di Bologna"),
      item("Percorsi formativi sull'uso dei servizi digitali e degli open data"),
    ],
  },
  {
    agreementSlug: insieme,
    tableRef: "wp7",
    when: { inWeeks: 2, weekday: 3 },
    from: "14:00",
    to: "17:00",
    title: "WP7 Infrastrutture e Cyber security – Cloud e sicurezza",
    mode: "ibrida",
    place: { address: "Piazza Palazzo di Città 1, 10122 Torino", room: "Sala Marmi" },
    videoLink: teams("ZjA2YzQ1MWEtMzE4Ny00YjQ2LWP7demo"),
    agenda: [
      item("Linee guida per la migrazione al Cloud: revisione della bozza condivisa", "Comune di Torino"),
      riservato("Esiti dell'assessment di sicurezza e piano di rimedio", "Liguria Digitale"),
      item("Esercitazione congiunta di risposta agli incidenti"),
    ],
  },
  {
    agreementSlug: insieme,
    tableRef: "wp8",
    when: { inWeeks: 1, weekday: 5 },
    from: "09:30",
    to: "11:00",
    title: "WP8 Governance – piano di lavoro dei tavoli",
    mode: "online",
    place: null,
    videoLink: jitsi,
    agenda: [
      item("Piano di lavoro annuale dei Tavoli di lavoro", "Comune di Milano"),
      item("Proposta di aggiornamento delle linee guida ITSM e Change management"),
      item("Domande di adesione in corso"),
    ],
  },

  // Lombardia: the Cabina di regia meets on the first Tuesday of every month.
  {
    agreementSlug: lombardia,
    tableRef: "cabina-di-regia",
    when: { inMonths: 1, firstWeekday: 2 },
    from: "10:00",
    to: "11:30",
    title: "Cabina di regia – seduta mensile",
    mode: "ibrida",
    place: { address: "Piazza Città di Lombardia 1, 20124 Milano", room: "Palazzo Lombardia, Sala Biagi" },
    videoLink: teams("MzE5ZGM0NWQtYjEwNi00Y2QzLCabinaRegia"),
    agenda: [
      item("SAL del tavolo tecnico operativo", "ANCI Lombardia"),
      item("Criticità e punti di attenzione segnalati dai gruppi di lavoro"),
      item("Preparazione della presentazione semestrale dei risultati"),
    ],
    rrule: "FREQ=MONTHLY;BYDAY=1TU;COUNT=6",
  },
  {
    agreementSlug: lombardia,
    tableRef: "tavolo-tecnico",
    when: { inWeeks: 2, weekday: 1 },
    from: "14:30",
    to: "16:30",
    title: "Tavolo tecnico operativo – pianificazione dei gruppi di lavoro",
    mode: "online",
    place: null,
    videoLink: { url: "https://meet.google.com/vkd-xmsa-pje" },
    agenda: [
      item("Piano di lavoro delle iniziative pilota", "ANCI Lombardia"),
      item("Individuazione degli Enti pilota per fatturazione e pagamenti elettronici"),
      item("SAL da presentare alla Cabina di regia"),
    ],
  },

  // Piemonte.
  {
    agreementSlug: piemonte,
    tableRef: "comitato-guida",
    when: { inWeeks: 3, weekday: 1 },
    from: "10:30",
    to: "13:00",
    title: "Comitato Guida regionale – catalogo dei servizi e SLA dei CST",
    mode: "in_presenza",
    place: {
      address: "Piazza Piemonte 1, 10127 Torino",
      room: "Grattacielo Piemonte, sala riunioni 12° piano",
    },
    videoLink: null,
    agenda: [
      item("Linee guida per il catalogo dei servizi dei CST", "Regione Piemonte"),
      item("SLA dei CST: proposta di revisione"),
      item("Relazioni annuali dei Comitati di Pilotaggio"),
    ],
  },
  {
    agreementSlug: piemonte,
    tableRef: "pilotaggio-cst-cn",
    when: { inWeeks: 4, weekday: 4 },
    from: "10:00",
    to: "12:00",
    title: "Comitato di Pilotaggio CST-CN – relazione annuale e piano delle attività",
    mode: "in_presenza",
    place: { address: "Corso Nizza 21, 12100 Cuneo", room: "Sala Giunta" },
    videoLink: null,
    agenda: [
      item("Relazione annuale sulle attività del CST", "Provincia di Cuneo"),
      item("Piano delle attività per l'anno successivo"),
      item("Monitoraggio degli SLA dell'incarico al CSI-Piemonte"),
    ],
  },
  {
    agreementSlug: piemonte,
    tableRef: "pilotaggio-cst-to",
    when: { inWeeks: 5, weekday: 2 },
    from: "15:00",
    to: "17:00",
    title: "Comitato di Pilotaggio CST-TO – adesioni dei piccoli Comuni",
    mode: "ibrida",
    place: { address: "Corso Inghilterra 7, 10138 Torino", room: "Sala consiglieri" },
    videoLink: jitsi,
    agenda: [
      item("Nuove adesioni all'Accordo di Programma del CST", "Città metropolitana di Torino"),
      item("Servizi del catalogo richiesti dai piccoli Comuni"),
    ],
  },

  // Calatino.
  {
    agreementSlug: calatino,
    tableRef: "comitato-di-gestione",
    when: { inWeeks: 1, weekday: 4 },
    from: "09:30",
    to: "12:00",
    title: "Comitato di gestione del SIA – omogeneizzazione dei servizi ICT",
    mode: "in_presenza",
    place: caltagirone,
    videoLink: null,
    agenda: [
      item("Armonizzazione dei gestionali di protocollo e contabilità", "Comune di Caltagirone"),
      item("Standard comuni per i siti istituzionali degli otto Comuni"),
      riservato("Architettura della rete e della server farm del CED sovracomunale"),
    ],
  },
  {
    agreementSlug: calatino,
    tableRef: "comitato-di-gestione",
    when: { inWeeks: 5, weekday: 4 },
    from: "10:00",
    to: "11:30",
    title: "Comitato di gestione del SIA – monitoraggio del piano annuale",
    mode: "online",
    place: null,
    videoLink: jitsi,
    agenda: [item("Stato di avanzamento del piano di azione annuale"), item("Richieste dei singoli Comuni")],
  },
  {
    agreementSlug: calatino,
    tableRef: "assemblea-dei-sindaci",
    when: { inWeeks: 8, weekday: 1 },
    from: "17:00",
    to: "19:00",
    title: "Assemblea dei Sindaci – relazione semestrale del Responsabile del SIA",
    mode: "in_presenza",
    place: { ...caltagirone, room: "Sala consiliare" },
    videoLink: null,
    agenda: [
      item("Relazione semestrale sulla gestione dei servizi digitali associati", "Responsabile del SIA"),
      item("Approvazione del piano di azione annuale"),
      item("Ripartizione dei costi del servizio associato"),
    ],
  },
];

/** A demo referent's own answer to a sitting (named by its title; the first sitting of a series). */
export type DemoRsvp = { meeting: string; personRef: string; answer: "presenza" | "remoto" | "assente" };

export const demoRsvps: DemoRsvp[] = [
  {
    meeting: "WP7 Infrastrutture e Cyber security – Cloud e sicurezza",
    personRef: "alessandro-conti",
    answer: "presenza",
  },
  {
    meeting: "WP7 Infrastrutture e Cyber security – Cloud e sicurezza",
    personRef: "paolo-ferri",
    answer: "remoto",
  },
  {
    meeting: "WP1 Servizi digitali alla persona – servizi on line e app IO",
    personRef: "chiara-galli",
    answer: "remoto",
  },
  {
    meeting: "Comitato di gestione del SIA – omogeneizzazione dei servizi ICT",
    personRef: "marco-distefano",
    answer: "presenza",
  },
  {
    meeting: "Comitato di gestione del SIA – omogeneizzazione dei servizi ICT",
    personRef: "carmela-scollo",
    answer: "assente",
  },
  {
    meeting: "Coordinamento informatico – seduta ordinaria",
    personRef: "simone-ferretti",
    answer: "presenza",
  },
  { meeting: "Cabina di regia – seduta mensile", personRef: "stefano-greco", answer: "remoto" },
];
