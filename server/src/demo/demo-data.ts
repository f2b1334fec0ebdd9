/**
 * Demo data: the five source agreements in /work/shared/seeds modelled as plain data.
 *
 * Pure data, no database code. Organisations are real bodies named in (or clearly implied by) the
 * texts; comuni carry their ISTAT code, region and province from comuni-istat-2020.json. People are
 * fictional and use ".example.it" addresses. Dates of founding memberships follow the texts where they
 * give one, otherwise 2023-01-01 (see the comments on each agreement).
 */

export type OrgKind =
  | "comune"
  | "unione_di_comuni"
  | "provincia"
  | "citta_metropolitana"
  | "regione"
  | "societa_in_house"
  | "consorzio"
  | "associazione"
  | "gestore_servizio_pubblico";

export type TableKind =
  | "tavolo_di_lavoro"
  | "tavolo_tecnico"
  | "gruppo_di_lavoro"
  | "cabina_di_regia"
  | "comitato_di_pilotaggio"
  | "comitato_guida"
  | "assemblea_dei_sindaci"
  | "coordinamento";

export type DemoOrganisation = {
  ref: string;
  name: string;
  kind: OrgKind;
  istatCode?: string;
  ipaCode?: string;
  region?: string;
  province?: string;
  website?: string;
};

export type DemoTable = {
  ref: string;
  name: string;
  kind: TableKind;
  theme?: { code: string; title: string };
  access: "open" | "founders";
  description: string;
  /** person refs */
  coordinatorRefs: string[];
  materials?: { title: string; url: string; confidential: boolean }[];
};

export type DemoAgreement = {
  slug: string;
  title: string;
  shortName: string;
  /** e.g. "accordo di collaborazione", "protocollo d'intesa", "convenzione", "accordo operativo" */
  kind: string;
  /** 2-4 Italian sentences faithful to the text */
  description: string;
  /** YYYY-MM-DD if the text gives it, else null */
  signedOn: string | null;
  adhesionDelayDays: number;
  withdrawalNotice: { amount: number; unit: "days" | "months" };
  /** seed file name + act reference */
  sourceRef: string;
  members: { orgRef: string; founding: boolean; receivedOn: string }[];
  tables: DemoTable[];
  /** person refs */
  admins: string[];
};

export type DemoPerson = {
  ref: string;
  name: string;
  email: string;
  locale: "it" | "en";
  isInstallationAdmin?: boolean;
};

export type DemoDesignation = {
  agreementSlug: string;
  tableRef: string;
  orgRef: string;
  personRef: string;
  from: string;
};

// ---------------------------------------------------------------------------------------------------------
// Organisations
// ---------------------------------------------------------------------------------------------------------

export const demoOrganisations: DemoOrganisation[] = [
  // Calatino Smart Community (seed 004): the eight comuni of the Area Interna del Calatino (CT).
  {
    ref: "comune-caltagirone",
    name: "Comune di Caltagirone",
    kind: "comune",
    istatCode: "087011",
    region: "Sicilia",
    province: "Catania",
    website: "https://www.comune.caltagirone.ct.it",
  },
  {
    ref: "comune-grammichele",
    name: "Comune di Grammichele",
    kind: "comune",
    istatCode: "087018",
    region: "Sicilia",
    province: "Catania",
  },
  {
    ref: "comune-vizzini",
    name: "Comune di Vizzini",
    kind: "comune",
    istatCode: "087054",
    region: "Sicilia",
    province: "Catania",
  },
  {
    ref: "comune-licodia-eubea",
    name: "Comune di Licodia Eubea",
    kind: "comune",
    istatCode: "087020",
    region: "Sicilia",
    province: "Catania",
  },
  {
    ref: "comune-san-michele-di-ganzaria",
    name: "Comune di San Michele di Ganzaria",
    kind: "comune",
    istatCode: "087043",
    region: "Sicilia",
    province: "Catania",
  },
  {
    ref: "comune-mirabella-imbaccari",
    name: "Comune di Mirabella Imbaccari",
    kind: "comune",
    istatCode: "087028",
    region: "Sicilia",
    province: "Catania",
  },
  {
    ref: "comune-san-cono",
    name: "Comune di San Cono",
    kind: "comune",
    istatCode: "087040",
    region: "Sicilia",
    province: "Catania",
  },
  {
    ref: "comune-mineo",
    name: "Comune di Mineo",
    kind: "comune",
    istatCode: "087027",
    region: "Sicilia",
    province: "Catania",
  },

  // Innovazione d'Insieme (seed 001): ten comuni and three in-house companies; two later adherents.
  {
    ref: "comune-alessandria",
    name: "Comune di Alessandria",
    kind: "comune",
    istatCode: "006003",
    ipaCode: "c_a182",
    region: "Piemonte",
    province: "Alessandria",
    website: "https://www.comune.alessandria.it",
  },
  {
    ref: "comune-bologna",
    name: "Comune di Bologna",
    kind: "comune",
    istatCode: "037006",
    ipaCode: "c_a944",
    region: "Emilia-Romagna",
    province: "Bologna",
    website: "https://www.comune.bologna.it",
  },
  {
    ref: "comune-cremona",
    name: "Comune di Cremona",
    kind: "comune",
    istatCode: "019036",
    ipaCode: "c_d150",
    region: "Lombardia",
    province: "Cremona",
    website: "https://www.comune.cremona.it",
  },
  {
    ref: "comune-firenze",
    name: "Comune di Firenze",
    kind: "comune",
    istatCode: "048017",
    ipaCode: "c_d612",
    region: "Toscana",
    province: "Firenze",
    website: "https://www.comune.firenze.it",
  },
  {
    ref: "comune-genova",
    name: "Comune di Genova",
    kind: "comune",
    istatCode: "010025",
    ipaCode: "c_d969",
    region: "Liguria",
    province: "Genova",
    website: "https://www.comune.genova.it",
  },
  {
    ref: "comune-milano",
    name: "Comune di Milano",
    kind: "comune",
    istatCode: "015146",
    ipaCode: "c_f205",
    region: "Lombardia",
    province: "Milano",
    website: "https://www.comune.milano.it",
  },
  {
    ref: "comune-parma",
    name: "Comune di Parma",
    kind: "comune",
    istatCode: "034027",
    ipaCode: "c_g337",
    region: "Emilia-Romagna",
    province: "Parma",
    website: "https://www.comune.parma.it",
  },
  {
    ref: "comune-torino",
    name: "Comune di Torino",
    kind: "comune",
    istatCode: "001272",
    ipaCode: "c_l219",
    region: "Piemonte",
    province: "Torino",
    website: "https://www.comune.torino.it",
  },
  {
    ref: "comune-trieste",
    name: "Comune di Trieste",
    kind: "comune",
    istatCode: "032006",
    ipaCode: "c_l424",
    region: "Friuli-Venezia Giulia",
    province: "Trieste",
    website: "https://www.comune.trieste.it",
  },
  {
    ref: "comune-vigevano",
    name: "Comune di Vigevano",
    kind: "comune",
    istatCode: "018177",
    ipaCode: "c_l872",
    region: "Lombardia",
    province: "Pavia",
    website: "https://www.comune.vigevano.pv.it",
  },
  {
    ref: "aci-informatica",
    name: "ACI Informatica S.p.A.",
    kind: "societa_in_house",
    region: "Lazio",
    province: "Roma",
    website: "https://www.informatica.aci.it",
  },
  {
    ref: "consorzio-it",
    name: "Consorzio Informatica Territorio S.p.A. (Consorzio.IT)",
    kind: "societa_in_house",
    region: "Lombardia",
    province: "Cremona",
    website: "https://www.consorzioit.net",
  },
  {
    ref: "liguria-digitale",
    name: "Liguria Digitale S.p.A.",
    kind: "societa_in_house",
    region: "Liguria",
    province: "Genova",
    website: "https://www.liguriadigitale.it",
  },
  {
    ref: "comune-pavia",
    name: "Comune di Pavia",
    kind: "comune",
    istatCode: "018110",
    ipaCode: "c_g388",
    region: "Lombardia",
    province: "Pavia",
    website: "https://www.comune.pavia.it",
  },

  // Coordinamento informatico di Reggio Emilia (seed 000): the Province, the Unions of municipalities
  // with seat in the province (the text names only "Unione Terre di Mezzo", whose real name is
  // "Unione Terra di Mezzo"; the other six are the real Unions of the province) and the Municipality.
  // The Comune di Reggio nell'Emilia is also a later adherent of Innovazione d'Insieme.
  {
    ref: "comune-reggio-emilia",
    name: "Comune di Reggio nell'Emilia",
    kind: "comune",
    istatCode: "035033",
    ipaCode: "c_h223",
    region: "Emilia-Romagna",
    province: "Reggio nell'Emilia",
    website: "https://www.comune.re.it",
  },
  {
    ref: "provincia-reggio-emilia",
    name: "Provincia di Reggio Emilia",
    kind: "provincia",
    region: "Emilia-Romagna",
    province: "Reggio nell'Emilia",
    website: "https://www.provincia.re.it",
  },
  {
    ref: "unione-terra-di-mezzo",
    name: "Unione Terra di Mezzo",
    kind: "unione_di_comuni",
    region: "Emilia-Romagna",
    province: "Reggio nell'Emilia",
  },
  {
    ref: "unione-val-d-enza",
    name: "Unione Val d'Enza",
    kind: "unione_di_comuni",
    region: "Emilia-Romagna",
    province: "Reggio nell'Emilia",
  },
  {
    ref: "unione-colline-matildiche",
    name: "Unione Colline Matildiche",
    kind: "unione_di_comuni",
    region: "Emilia-Romagna",
    province: "Reggio nell'Emilia",
  },
  {
    ref: "unione-tresinaro-secchia",
    name: "Unione Tresinaro Secchia",
    kind: "unione_di_comuni",
    region: "Emilia-Romagna",
    province: "Reggio nell'Emilia",
  },
  {
    ref: "unione-bassa-reggiana",
    name: "Unione Bassa Reggiana",
    kind: "unione_di_comuni",
    region: "Emilia-Romagna",
    province: "Reggio nell'Emilia",
  },
  {
    ref: "unione-pianura-reggiana",
    name: "Unione Comuni Pianura Reggiana",
    kind: "unione_di_comuni",
    region: "Emilia-Romagna",
    province: "Reggio nell'Emilia",
  },
  {
    ref: "unione-appennino-reggiano",
    name: "Unione Montana dei Comuni dell'Appennino Reggiano",
    kind: "unione_di_comuni",
    region: "Emilia-Romagna",
    province: "Reggio nell'Emilia",
  },

  // Protocollo Lombardia (seed 002): Regione Lombardia, ANCI, ANCI Lombardia.
  {
    ref: "regione-lombardia",
    name: "Regione Lombardia",
    kind: "regione",
    ipaCode: "r_lombar",
    region: "Lombardia",
    website: "https://www.regione.lombardia.it",
  },
  {
    ref: "anci",
    name: "Associazione Nazionale Comuni Italiani (ANCI)",
    kind: "associazione",
    region: "Lazio",
    province: "Roma",
    website: "https://www.anci.it",
  },
  {
    ref: "anci-lombardia",
    name: "ANCI Lombardia",
    kind: "associazione",
    region: "Lombardia",
    province: "Milano",
    website: "https://www.anci.lombardia.it",
  },

  // Rete regionale dei CST (seed 003): the six signatories, CSI-Piemonte as managing body and the
  // eight provincial bodies that coordinate one CST each (the Provincia di Torino is today the
  // Città metropolitana di Torino).
  {
    ref: "regione-piemonte",
    name: "Regione Piemonte",
    kind: "regione",
    ipaCode: "r_piemon",
    region: "Piemonte",
    website: "https://www.regione.piemonte.it",
  },
  {
    ref: "upp",
    name: "Unione delle Province Piemontesi (UPP)",
    kind: "associazione",
    region: "Piemonte",
    province: "Torino",
  },
  {
    ref: "anci-piemonte",
    name: "ANCI Piemonte",
    kind: "associazione",
    region: "Piemonte",
    province: "Torino",
  },
  {
    ref: "uncem-piemonte",
    name: "UNCEM Piemonte",
    kind: "associazione",
    region: "Piemonte",
    province: "Torino",
  },
  {
    ref: "legautonomie-piemonte",
    name: "Lega delle Autonomie Locali del Piemonte",
    kind: "associazione",
    region: "Piemonte",
    province: "Torino",
  },
  {
    ref: "consulta-piccoli-comuni-piemonte",
    name: "Consulta Unitaria dei Piccoli Comuni del Piemonte",
    kind: "associazione",
    region: "Piemonte",
    province: "Torino",
  },
  {
    ref: "csi-piemonte",
    name: "CSI-Piemonte",
    kind: "consorzio",
    region: "Piemonte",
    province: "Torino",
    website: "https://www.csipiemonte.it",
  },
  {
    ref: "provincia-alessandria",
    name: "Provincia di Alessandria",
    kind: "provincia",
    region: "Piemonte",
    province: "Alessandria",
  },
  {
    ref: "provincia-asti",
    name: "Provincia di Asti",
    kind: "provincia",
    region: "Piemonte",
    province: "Asti",
  },
  {
    ref: "provincia-biella",
    name: "Provincia di Biella",
    kind: "provincia",
    region: "Piemonte",
    province: "Biella",
  },
  {
    ref: "provincia-cuneo",
    name: "Provincia di Cuneo",
    kind: "provincia",
    region: "Piemonte",
    province: "Cuneo",
  },
  {
    ref: "provincia-novara",
    name: "Provincia di Novara",
    kind: "provincia",
    region: "Piemonte",
    province: "Novara",
  },
  {
    ref: "citta-metropolitana-torino",
    name: "Città metropolitana di Torino",
    kind: "citta_metropolitana",
    region: "Piemonte",
    province: "Torino",
  },
  {
    ref: "provincia-verbano-cusio-ossola",
    name: "Provincia del Verbano-Cusio-Ossola",
    kind: "provincia",
    region: "Piemonte",
    province: "Verbano-Cusio-Ossola",
  },
  {
    ref: "provincia-vercelli",
    name: "Provincia di Vercelli",
    kind: "provincia",
    region: "Piemonte",
    province: "Vercelli",
  },
];

// ---------------------------------------------------------------------------------------------------------
// People (fictional)
// ---------------------------------------------------------------------------------------------------------

export const demoPeople: DemoPerson[] = [
  {
    ref: "admin",
    name: "Amministrazione Tavoli",
    email: "admin@tavoli.example.it",
    locale: "it",
    isInstallationAdmin: true,
  },

  // Calatino: one referent per comune on the comitato di gestione.
  {
    ref: "giulia-ferrara",
    name: "Giulia Ferrara",
    email: "giulia.ferrara@comune-caltagirone.example.it",
    locale: "it",
  },
  {
    ref: "marco-distefano",
    name: "Marco Distefano",
    email: "marco.distefano@comune-grammichele.example.it",
    locale: "it",
  },
  {
    ref: "carmela-scollo",
    name: "Carmela Scollo",
    email: "carmela.scollo@comune-vizzini.example.it",
    locale: "it",
  },
  {
    ref: "salvatore-nicotra",
    name: "Salvatore Nicotra",
    email: "salvatore.nicotra@comune-licodia-eubea.example.it",
    locale: "it",
  },
  {
    ref: "rosaria-cannizzaro",
    name: "Rosaria Cannizzaro",
    email: "rosaria.cannizzaro@comune-san-michele-di-ganzaria.example.it",
    locale: "it",
  },
  {
    ref: "giuseppe-lo-presti",
    name: "Giuseppe Lo Presti",
    email: "giuseppe.lopresti@comune-mirabella-imbaccari.example.it",
    locale: "it",
  },
  {
    ref: "agata-pulvirenti",
    name: "Agata Pulvirenti",
    email: "agata.pulvirenti@comune-san-cono.example.it",
    locale: "it",
  },
  {
    ref: "vincenzo-failla",
    name: "Vincenzo Failla",
    email: "vincenzo.failla@comune-mineo.example.it",
    locale: "it",
  },

  // Innovazione d'Insieme.
  { ref: "luca-bianchi", name: "Luca Bianchi", email: "luca.bianchi@comune-milano.example.it", locale: "it" },
  {
    ref: "francesca-rossi",
    name: "Francesca Rossi",
    email: "francesca.rossi@comune-bologna.example.it",
    locale: "it",
  },
  {
    ref: "alessandro-conti",
    name: "Alessandro Conti",
    email: "alessandro.conti@comune-torino.example.it",
    locale: "it",
  },
  {
    ref: "elena-marchetti",
    name: "Elena Marchetti",
    email: "elena.marchetti@liguria-digitale.example.it",
    locale: "en",
  },
  { ref: "paolo-ferri", name: "Paolo Ferri", email: "paolo.ferri@comune-genova.example.it", locale: "it" },
  {
    ref: "chiara-galli",
    name: "Chiara Galli",
    email: "chiara.galli@comune-firenze.example.it",
    locale: "it",
  },

  // Reggio Emilia (Matteo Bertolini also represents the Comune in Innovazione d'Insieme).
  {
    ref: "roberta-incerti",
    name: "Roberta Incerti",
    email: "roberta.incerti@provincia-reggio-emilia.example.it",
    locale: "it",
  },
  {
    ref: "matteo-bertolini",
    name: "Matteo Bertolini",
    email: "matteo.bertolini@comune-reggio-emilia.example.it",
    locale: "it",
  },
  {
    ref: "simone-ferretti",
    name: "Simone Ferretti",
    email: "simone.ferretti@unione-val-d-enza.example.it",
    locale: "it",
  },
  {
    ref: "laura-bonacini",
    name: "Laura Bonacini",
    email: "laura.bonacini@unione-terra-di-mezzo.example.it",
    locale: "it",
  },

  // Lombardia.
  {
    ref: "andrea-brambilla",
    name: "Andrea Brambilla",
    email: "andrea.brambilla@regione-lombardia.example.it",
    locale: "it",
  },
  { ref: "stefano-greco", name: "Stefano Greco", email: "stefano.greco@anci.example.it", locale: "it" },
  {
    ref: "valentina-sala",
    name: "Valentina Sala",
    email: "valentina.sala@anci-lombardia.example.it",
    locale: "it",
  },

  // Piemonte.
  {
    ref: "federica-gallo",
    name: "Federica Gallo",
    email: "federica.gallo@regione-piemonte.example.it",
    locale: "it",
  },
  {
    ref: "monica-ferrero",
    name: "Monica Ferrero",
    email: "monica.ferrero@anci-piemonte.example.it",
    locale: "it",
  },
  {
    ref: "roberto-bima",
    name: "Roberto Bima",
    email: "roberto.bima@provincia-cuneo.example.it",
    locale: "it",
  },
  {
    ref: "giorgio-chiesa",
    name: "Giorgio Chiesa",
    email: "giorgio.chiesa@citta-metropolitana-torino.example.it",
    locale: "it",
  },
];

// ---------------------------------------------------------------------------------------------------------
// Agreements
// ---------------------------------------------------------------------------------------------------------

const materialsBase = "https://tavoli.example.it/materiali";

/** Seed 000: Provincia di Reggio Emilia, Decreto del Presidente n. 82 del 05/05/2023. */
const reggioEmilia: DemoAgreement = {
  slug: "coordinamento-informatico-reggio-emilia",
  title:
    "Accordo operativo tra la Provincia di Reggio Emilia, le Unioni dei Comuni ed il Comune di Reggio Emilia " +
    "per il coordinamento informatico e la promozione della trasformazione digitale del territorio provinciale",
  shortName: "Coordinamento informatico Reggio Emilia",
  kind: "accordo operativo",
  description:
    "Accordo operativo, approvato con Decreto del Presidente della Provincia di Reggio Emilia n. 82 del " +
    "05/05/2023, che istituisce con partecipazione paritetica il Coordinamento informatico tra la Provincia, " +
    "le Unioni dei comuni con sede nel territorio provinciale e il Comune di Reggio Emilia. Il Coordinamento, " +
    "composto dai dirigenti dei servizi informatici degli enti aderenti o da loro delegati, monitora le " +
    "esigenze informatiche, rileva criticità e propone la gestione integrata di servizi e acquisti coordinati; " +
    "le sue proposte non sono vincolanti per gli enti. L'accordo ha durata indeterminata con decorrenza dal " +
    "1° giugno 2023, non prevede costi di adesione e ciascun ente può recedere con un preavviso di 30 giorni.",
  // Date of the decree approving the scheme; the agreement is signed "per adesione" (art. 8) and is
  // effective from 2023-06-01 whatever the date the adhesions are received.
  signedOn: "2023-05-05",
  // Art. 8: adhesion is perfected by the PEC communication, with no waiting period.
  adhesionDelayDays: 0,
  // Art. 7.
  withdrawalNotice: { amount: 30, unit: "days" },
  sourceRef: "000_85e45a0f981772dc.txt — Decreto del Presidente n. 82/2023 (Provincia di Reggio Emilia)",
  // Founding members are recorded from 2023-06-01, the date from which the agreement is effective (art. 7-8).
  members: [
    "provincia-reggio-emilia",
    "comune-reggio-emilia",
    "unione-terra-di-mezzo",
    "unione-val-d-enza",
    "unione-colline-matildiche",
    "unione-tresinaro-secchia",
    "unione-bassa-reggiana",
    "unione-pianura-reggiana",
    "unione-appennino-reggiano",
  ].map((orgRef) => ({ orgRef, founding: true, receivedOn: "2023-06-01" })),
  tables: [
    {
      ref: "coordinamento-informatico",
      name: "Coordinamento informatico provinciale",
      kind: "coordinamento",
      access: "open",
      description:
        "Organo paritetico con sede presso la Provincia di Reggio Emilia, composto dai dirigenti dei servizi " +
        "informatici degli enti aderenti o da loro delegati; ciascun ente definisce il proprio livello di " +
        "partecipazione anche in base all'oggetto delle singole riunioni. Monitora le esigenze informatiche di " +
        "rilevanza generale, rileva criticità, supporta la Conferenza dei presidenti delle Unioni e formula " +
        "proposte non vincolanti di miglioramento, gestione integrata dei servizi e acquisto coordinato.",
      coordinatorRefs: ["roberta-incerti"],
      materials: [
        {
          title: "Decreto del Presidente n. 82 del 05/05/2023 e schema di accordo operativo",
          url: `${materialsBase}/reggio-emilia/decreto-82-2023.pdf`,
          confidential: false,
        },
        {
          title: "Servizi informatici in gestione condivisa (VBG SuapER, MOKA, Rilfedeur)",
          url: `${materialsBase}/reggio-emilia/servizi-condivisi.pdf`,
          confidential: false,
        },
      ],
    },
    {
      ref: "portale-open-data",
      name: "Gruppo di lavoro Portale Open Data condiviso",
      kind: "gruppo_di_lavoro",
      theme: { code: "OPEN-DATA", title: "Portale Open Data condiviso (Allegato B)" },
      access: "open",
      description:
        "Gruppo di lavoro sull'utilizzo condiviso del portale Open Data del Comune di Reggio Emilia, realizzato " +
        "in tecnologia CKAN, in cui le Unioni e i loro Comuni dispongono di proprie organizzazioni e gestiscono " +
        "solo i dati di propria competenza, pubblicandoli nei formati previsti dalle linee guida nazionali.",
      coordinatorRefs: ["matteo-bertolini"],
      materials: [
        {
          title: "Allegato B – Modalità operative condivisione portale Open Data",
          url: `${materialsBase}/reggio-emilia/allegato-b-open-data.pdf`,
          confidential: false,
        },
      ],
    },
  ],
  admins: ["roberta-incerti"],
};

type WorkPackage = { code: string; title: string; description: string; coordinator: string };

const innovazioneWorkPackages: WorkPackage[] = [
  {
    code: "WP1",
    title: "Servizi digitali alla persona",
    description:
      "Digitalizzazione dei servizi rivolti alle persone che vivono quotidianamente la città, con ambienti " +
      "digitali pienamente accessibili, di facile utilizzo, efficienti, personalizzati e con elevati standard " +
      "di sicurezza e privacy.",
    coordinator: "francesca-rossi",
  },
  {
    code: "WP2",
    title: "Servizi digitali a imprese e professionisti",
    description:
      "Digitalizzazione dei servizi pubblici rivolti a imprese, professionisti e altre Amministrazioni, " +
      "semplificando l'esperienza d'uso e reingegnerizzando in chiave digitale i workflow dei procedimenti.",
    coordinator: "chiara-galli",
  },
  {
    code: "WP3",
    title: "Digitalizzazione",
    description:
      "Digitalizzazione e dematerializzazione dei processi di back-office per aumentare efficienza e " +
      "produttività, semplificare la burocrazia e velocizzare i tempi di erogazione dei servizi.",
    coordinator: "paolo-ferri",
  },
  {
    code: "WP4",
    title: "Condivisione, trasparenza e governo dei dati",
    description:
      "Analisi, normalizzazione e riorganizzazione dei dati per disporre di dati strutturati e coerenti, " +
      "abilitatori di servizi digitali, e sviluppo di sistemi di Analytics per un governo distribuito dei dati.",
    coordinator: "elena-marchetti",
  },
  {
    code: "WP5",
    title: "Gestione della relazione cittadino - imprese",
    description:
      "Digitalizzazione dei processi di relazione con cittadini e imprese per aumentare la fruibilità dei " +
      "servizi ed efficientare supporto e assistenza secondo il paradigma del Citizen Relationship Management.",
    coordinator: "chiara-galli",
  },
  {
    code: "WP6",
    title: "Competenze digitali e contrasto al digital divide",
    description:
      "Iniziative di inclusione e diffusione della cultura digitale, informazione, formazione e " +
      "sensibilizzazione sull'uso dei servizi digitali e degli open data dell'Amministrazione.",
    coordinator: "francesca-rossi",
  },
  {
    code: "WP7",
    title: "Infrastrutture e Cyber security",
    description:
      "Potenziamento, razionalizzazione ed evoluzione delle infrastrutture ICT, con attenzione al Cloud e " +
      "agli strumenti che garantiscono alti standard di sicurezza infrastrutturale e difesa da attacchi cyber.",
    coordinator: "alessandro-conti",
  },
  {
    code: "WP8",
    title: "Governance",
    description:
      "Valutazione e condivisione di regole e politiche di governo della trasformazione digitale, pattern " +
      "architetturali e gestionali condivisi e proposte di aggiornamento di linee guida (ITFM, ITSM, Demand " +
      "management, Change management, Enterprise Architecture, PPMO).",
    coordinator: "luca-bianchi",
  },
];

/** Seed 001: Accordo di collaborazione "Innovazione d'Insieme" (renewal; signing date not in the text). */
const innovazione: DemoAgreement = {
  slug: "innovazione-d-insieme",
  title: "Accordo di collaborazione «Innovazione d'Insieme»",
  shortName: "Innovazione d'Insieme",
  kind: "accordo di collaborazione",
  description:
    "Accordo di collaborazione ai sensi dell'art. 15 della L. 241/1990 tra dieci Comuni e tre società in " +
    "house, che rinnova un'iniziativa nata per condividere esperienze e soluzioni di trasformazione digitale " +
    "promuovendo riuso (art. 69 CAD), coprogettazione e standard aperti. La collaborazione avviene in Tavoli " +
    "di lavoro organizzati per aree tematiche (Work Package 1-8), cui partecipano i Referenti designati da " +
    "ciascuna Parte o Soggetto aderente, anche in modalità audio-video. L'accordo è aperto a Enti locali, " +
    "società in house e gestori di pubblici servizi: l'adesione, inviata al Comune di Milano, diventa " +
    "operativa 15 giorni dopo la ricezione della domanda e il recesso richiede un preavviso di tre mesi.",
  // "[Data delle firme digitali]": the text leaves the signing date blank.
  signedOn: null,
  // Art. 6.
  adhesionDelayDays: 15,
  // Art. 11.
  withdrawalNotice: { amount: 3, unit: "months" },
  sourceRef:
    "001_1f1659750d4bd379.txt — Accordo di collaborazione «Innovazione d'Insieme» (rinnovo, art. 1-13)",
  members: [
    ...[
      "comune-alessandria",
      "comune-bologna",
      "comune-cremona",
      "comune-firenze",
      "comune-genova",
      "comune-milano",
      "comune-parma",
      "comune-torino",
      "comune-trieste",
      "comune-vigevano",
      "aci-informatica",
      "consorzio-it",
      "liguria-digitale",
    ].map((orgRef) => ({ orgRef, founding: true, receivedOn: "2023-01-01" })),
    // Later adherents ("Soggetti aderenti", art. 5-6), operative 15 days after receipt.
    { orgRef: "comune-reggio-emilia", founding: false, receivedOn: "2024-04-15" },
    { orgRef: "comune-pavia", founding: false, receivedOn: "2025-02-10" },
  ],
  tables: innovazioneWorkPackages.map(
    (wp): DemoTable => ({
      ref: wp.code.toLowerCase(),
      name: `Tavolo di lavoro ${wp.code} – ${wp.title}`,
      kind: "tavolo_di_lavoro",
      theme: { code: wp.code, title: wp.title },
      access: "open",
      description: wp.description,
      coordinatorRefs: [wp.coordinator],
      ...(wp.code === "WP7"
        ? {
            materials: [
              {
                title: "Esiti dell'assessment di sicurezza delle infrastrutture (riservato)",
                url: `${materialsBase}/innovazione-d-insieme/wp7-assessment-sicurezza.pdf`,
                confidential: true,
              },
              {
                title: "Linee guida per la migrazione al Cloud – bozza condivisa",
                url: `${materialsBase}/innovazione-d-insieme/wp7-linee-guida-cloud.pdf`,
                confidential: false,
              },
            ],
          }
        : {}),
    }),
  ),
  admins: ["luca-bianchi"],
};

/** Seed 002: Protocollo d'intesa Regione Lombardia – ANCI – ANCI Lombardia (OCR text, undated). */
const lombardia: DemoAgreement = {
  slug: "innovazione-comuni-lombardi",
  title:
    "Protocollo d'intesa per l'attuazione di iniziative di innovazione e digitalizzazione dei Comuni lombardi " +
    "tra Regione Lombardia, ANCI e ANCI Lombardia",
  shortName: "Digitalizzazione Comuni lombardi",
  kind: "protocollo d'intesa",
  description:
    "Protocollo d'intesa tra Regione Lombardia, ANCI e ANCI Lombardia per progettare e attuare uno schema di " +
    "collaborazione a supporto dell'innovazione organizzativo-gestionale dei Comuni lombardi facilitata dalle " +
    "tecnologie digitali, con sperimentazioni presso Enti pilota. Gli ambiti di collaborazione comprendono " +
    "razionalizzazione dei data center, valorizzazione del patrimonio informativo, fatturazione e pagamenti " +
    "elettronici, conservazione sostitutiva e competenze digitali. Una cabina di regia delle Parti, che si " +
    "avvale di un tavolo tecnico operativo incaricato di organizzare i gruppi di lavoro e predisporre SAL " +
    "periodici, guida il protocollo, che ha durata triennale e prevede la presentazione dei risultati ogni sei mesi.",
  // The text carries no date (signature block only).
  signedOn: null,
  // Closed protocol between three parties: the text provides no adhesion procedure (other bodies are only
  // invited to the tavolo tecnico case by case), so adhesion is modelled as immediate.
  adhesionDelayDays: 0,
  // The text is silent on withdrawal (art. 9 only sets a three-year term): sensible default of 30 days.
  withdrawalNotice: { amount: 30, unit: "days" },
  sourceRef:
    "002_2e94dee85ce52578.txt — Protocollo d'intesa Regione Lombardia, ANCI, ANCI Lombardia (art. 1-9)",
  members: ["regione-lombardia", "anci", "anci-lombardia"].map((orgRef) => ({
    orgRef,
    founding: true,
    receivedOn: "2023-01-01",
  })),
  tables: [
    {
      ref: "cabina-di-regia",
      name: "Cabina di regia",
      kind: "cabina_di_regia",
      access: "founders",
      description:
        "Composta da rappresentanti delle Parti, con compiti di indirizzo, raccordo, guida strategica ed " +
        "eventuale adeguamento rispetto agli obiettivi del protocollo (art. 6). Riceve dal tavolo tecnico i SAL " +
        "periodici, il piano di lavoro delle iniziative pilota e le segnalazioni di criticità.",
      coordinatorRefs: ["andrea-brambilla"],
    },
    {
      ref: "tavolo-tecnico",
      name: "Tavolo tecnico operativo",
      kind: "tavolo_tecnico",
      access: "open",
      description:
        "Composto da rappresentanti delle Parti, con altri enti territoriali o nazionali e aziende ICT invitati " +
        "di volta in volta: definisce le sperimentazioni, pianifica e organizza i Gruppi di Lavoro, predispone " +
        "SAL periodici per la Cabina di regia e le segnala criticità e punti di attenzione con il supporto per " +
        "la loro risoluzione. Entro 30 giorni dalla stipula presenta il piano di lavoro delle iniziative pilota.",
      coordinatorRefs: ["valentina-sala"],
      materials: [
        {
          title: "Piano di lavoro delle iniziative pilota di sperimentazione",
          url: `${materialsBase}/lombardia/piano-di-lavoro-pilota.pdf`,
          confidential: false,
        },
      ],
    },
    ...[
      { code: "AC1", title: "Razionalizzazione data center" },
      { code: "AC2", title: "Valorizzazione del patrimonio informativo" },
      { code: "AC3", title: "Diffusione della fatturazione elettronica" },
      { code: "AC4", title: "Diffusione dei pagamenti elettronici" },
      { code: "AC5", title: "Diffusione di servizi di conservazione sostitutiva" },
      { code: "AC6", title: "Competenze digitali di cittadini e comuni" },
    ].map(
      (theme): DemoTable => ({
        ref: `gdl-${theme.code.toLowerCase()}`,
        name: `Gruppo di lavoro – ${theme.title}`,
        kind: "gruppo_di_lavoro",
        theme,
        access: "open",
        description:
          `Gruppo di lavoro pianificato e organizzato dal tavolo tecnico sull'ambito di collaborazione ` +
          `"${theme.title}" (art. 2), per le iniziative pilota presso gli Enti pilota.`,
        coordinatorRefs: [],
      }),
    ),
  ],
  admins: ["andrea-brambilla"],
};

const piemonteCsts = [
  {
    code: "CST-AL",
    territory: "Provincia di Alessandria",
    orgRef: "provincia-alessandria",
    coordinator: null,
  },
  { code: "CST-AT", territory: "Provincia di Asti", orgRef: "provincia-asti", coordinator: null },
  { code: "CST-BI", territory: "Provincia di Biella", orgRef: "provincia-biella", coordinator: null },
  { code: "CST-CN", territory: "Provincia di Cuneo", orgRef: "provincia-cuneo", coordinator: "roberto-bima" },
  { code: "CST-NO", territory: "Provincia di Novara", orgRef: "provincia-novara", coordinator: null },
  {
    code: "CST-TO",
    territory: "Città metropolitana di Torino",
    orgRef: "citta-metropolitana-torino",
    coordinator: "giorgio-chiesa",
  },
  {
    code: "CST-VB",
    territory: "Provincia del Verbano-Cusio-Ossola",
    orgRef: "provincia-verbano-cusio-ossola",
    coordinator: null,
  },
  { code: "CST-VC", territory: "Provincia di Vercelli", orgRef: "provincia-vercelli", coordinator: null },
] as const;

/** Seed 003: Protocollo d'intesa per la rete regionale dei CST piemontesi (undated, "Torino, lì ___"). */
const piemonte: DemoAgreement = {
  slug: "rete-cst-piemonte",
  title:
    "Protocollo d'intesa per la costituzione della rete regionale dei Centri Servizi Territoriali (CST) per " +
    "l'attuazione dell'e-government nei piccoli Comuni piemontesi",
  shortName: "Rete CST Piemonte",
  kind: "protocollo d'intesa",
  description:
    "Protocollo d'intesa tra Regione Piemonte, Unione delle Province Piemontesi, ANCI Piemonte, UNCEM " +
    "Piemonte, Lega delle Autonomie Locali e Consulta Unitaria dei Piccoli Comuni del Piemonte per costituire " +
    "la rete regionale dei Centri Servizi Territoriali (CST) per l'e-government nei piccoli Comuni. La rete " +
    "comprende otto CST su base provinciale, ciascuno coordinato dalla Provincia di riferimento e governato da " +
    "un Comitato di Pilotaggio, con il CSI-Piemonte come soggetto gestore. Il Comitato Guida regionale " +
    "coordina la rete e definisce le linee guida per i cataloghi dei servizi e gli SLA, mentre ogni Comitato " +
    "di Pilotaggio redige annualmente una relazione sulle attività e il piano per l'anno successivo.",
  // "Torino, lì ____": no date in the text.
  signedOn: null,
  // The text gives no adhesion procedure for the protocol (further bodies join the provincial Accordi di
  // Programma): adhesion is modelled as immediate.
  adhesionDelayDays: 0,
  // The text is silent on withdrawal: sensible default of 30 days.
  withdrawalNotice: { amount: 30, unit: "days" },
  sourceRef:
    "003_c6de5a6b5733112b.txt — Protocollo d'intesa per la rete regionale dei CST piemontesi (par. 1-5)",
  members: [
    ...[
      "regione-piemonte",
      "upp",
      "anci-piemonte",
      "uncem-piemonte",
      "legautonomie-piemonte",
      "consulta-piccoli-comuni-piemonte",
    ].map((orgRef) => ({ orgRef, founding: true, receivedOn: "2023-01-01" })),
    // Not signatories, but named by the text: the managing body and the provincial bodies that lead each CST.
    { orgRef: "csi-piemonte", founding: false, receivedOn: "2023-01-01" },
    ...piemonteCsts.map((cst) => ({ orgRef: cst.orgRef, founding: false, receivedOn: "2023-01-01" })),
  ],
  tables: [
    {
      ref: "comitato-guida",
      name: "Comitato Guida regionale",
      kind: "comitato_guida",
      access: "founders",
      description:
        "Coordina la rete dei CST a livello regionale: attua il protocollo, predispone le strategie regionali " +
        "per l'inclusione dei piccoli Comuni nell'e-government, definisce le linee guida per il catalogo dei " +
        "servizi e gli SLA dei CST e garantisce la coerenza con le politiche regionali. Secondo il testo è " +
        "composto da un referente per ogni Comitato di Pilotaggio, due rappresentanti della Regione, i " +
        "rappresentanti delle associazioni e un rappresentante del CSI-Piemonte con compiti consultivi.",
      coordinatorRefs: ["federica-gallo"],
      materials: [
        {
          title: "Strategia condivisa di sviluppo dei Centri Servizi Territoriali piemontesi (Allegato A)",
          url: `${materialsBase}/piemonte/strategia-condivisa-cst.pdf`,
          confidential: false,
        },
      ],
    },
    ...piemonteCsts.map(
      (cst): DemoTable => ({
        ref: `pilotaggio-${cst.code.toLowerCase()}`,
        name: `Comitato di Pilotaggio ${cst.code} – ${cst.territory}`,
        kind: "comitato_di_pilotaggio",
        theme: { code: cst.code, title: `CST – ${cst.territory}` },
        access: "open",
        description:
          `Organo di coordinamento e governo del CST (${cst.territory}), presieduto dall'ente capofila e ` +
          "rappresentativo degli enti aderenti: attua l'Accordo di Programma, redige la relazione annuale e il " +
          "piano delle attività, individua e monitora gli SLA e conferisce incarico al CSI-Piemonte.",
        coordinatorRefs: cst.coordinator === null ? [] : [cst.coordinator],
      }),
    ),
  ],
  admins: ["federica-gallo"],
};

const calatinoComuni = [
  "comune-caltagirone",
  "comune-grammichele",
  "comune-vizzini",
  "comune-licodia-eubea",
  "comune-san-michele-di-ganzaria",
  "comune-mirabella-imbaccari",
  "comune-san-cono",
  "comune-mineo",
];

/** Seed 004: Regolamento "Calatino Smart Community" (bozza 31/03/2020, not a signed act). */
const calatino: DemoAgreement = {
  slug: "calatino-smart-community",
  title:
    "Calatino Smart Community – Regolamento per la gestione associata dei servizi ICT nell'Area Interna del Calatino",
  shortName: "Calatino Smart Community",
  kind: "convenzione",
  description:
    "Regolamento per la gestione associata dei servizi ICT degli otto Comuni dell'Area Interna del Calatino, " +
    "che costituisce il Servizio Informatico Associato (SIA) con sede nel Comune di Caltagirone. L'Assemblea " +
    "dei Sindaci esercita le funzioni di indirizzo e approva il piano di azione annuale, mentre un referente " +
    "per ogni Comune compone il comitato di gestione responsabile del piano di sviluppo e omogeneizzazione dei " +
    "servizi ICT. Il Responsabile del SIA riferisce all'Assemblea almeno ogni sei mesi e i Comuni condividono " +
    "la titolarità dei dati attinenti ai servizi conferiti.",
  // The text is a draft ("Bozza 31_03_2020") and gives no date of approval.
  signedOn: null,
  // The eight comuni are fixed by art. 3; the text gives no adhesion procedure: modelled as immediate.
  adhesionDelayDays: 0,
  // The text is silent on withdrawal; costs are shared in each budget (art. 8), so a sensible default of six
  // months lets the other comuni adjust their shares.
  withdrawalNotice: { amount: 6, unit: "months" },
  sourceRef:
    "004_e3719c113f1dadcb.txt — Regolamento per la gestione associata dei servizi ICT nell'Area Interna del " +
    "Calatino (bozza 31/03/2020)",
  members: calatinoComuni.map((orgRef) => ({ orgRef, founding: true, receivedOn: "2023-01-01" })),
  tables: [
    {
      ref: "assemblea-dei-sindaci",
      name: "Assemblea dei Sindaci",
      kind: "assemblea_dei_sindaci",
      access: "founders",
      description:
        "Esercita rispetto al SIA i compiti che spettano alla Giunta per i singoli uffici comunali: formula gli " +
        "indirizzi, approva il piano di azione annuale e la struttura organizzativa dell'ufficio unico, " +
        "autorizza progetti speciali per singoli Comuni e riceve dal Responsabile del SIA, almeno ogni sei " +
        "mesi, le informazioni sulla gestione dei servizi digitali associati.",
      coordinatorRefs: ["giulia-ferrara"],
      materials: [
        {
          title: "Regolamento per la gestione associata dei servizi ICT (bozza 31/03/2020)",
          url: `${materialsBase}/calatino/regolamento-sia.pdf`,
          confidential: false,
        },
      ],
    },
    {
      ref: "comitato-di-gestione",
      name: "Comitato di gestione del SIA",
      kind: "coordinamento",
      access: "open",
      description:
        "Composto da un referente per ogni Comune e dal responsabile unico del servizio presso il Comune " +
        "referente, è responsabile del piano di sviluppo e di omogeneizzazione dei servizi ICT: armonizza i " +
        "sistemi gestionali, definisce gli standard e segue il monitoraggio del piano annuale.",
      coordinatorRefs: ["giulia-ferrara"],
      materials: [
        {
          title: "Piano di azione annuale del SIA",
          url: `${materialsBase}/calatino/piano-di-azione.pdf`,
          confidential: false,
        },
        {
          title: "Architettura della rete e della server farm del CED sovracomunale (riservato)",
          url: `${materialsBase}/calatino/architettura-ced.pdf`,
          confidential: true,
        },
      ],
    },
  ],
  admins: ["giulia-ferrara"],
};

export const demoAgreements: DemoAgreement[] = [reggioEmilia, innovazione, lombardia, piemonte, calatino];

// ---------------------------------------------------------------------------------------------------------
// Designations (referents)
// ---------------------------------------------------------------------------------------------------------

const calatinoReferents: [orgRef: string, personRef: string, from: string][] = [
  ["comune-caltagirone", "giulia-ferrara", "2024-01-15"],
  ["comune-grammichele", "marco-distefano", "2024-01-22"],
  ["comune-vizzini", "carmela-scollo", "2024-01-22"],
  ["comune-licodia-eubea", "salvatore-nicotra", "2024-02-05"],
  ["comune-san-michele-di-ganzaria", "rosaria-cannizzaro", "2024-02-05"],
  ["comune-mirabella-imbaccari", "giuseppe-lo-presti", "2024-02-12"],
  ["comune-san-cono", "agata-pulvirenti", "2024-03-04"],
  ["comune-mineo", "vincenzo-failla", "2024-09-16"],
];

const innovazioneReferents: [tableRef: string, orgRef: string, personRef: string, from: string][] = [
  ["wp1", "comune-bologna", "francesca-rossi", "2024-02-01"],
  ["wp1", "comune-firenze", "chiara-galli", "2024-02-01"],
  ["wp2", "comune-firenze", "chiara-galli", "2024-02-01"],
  ["wp3", "comune-genova", "paolo-ferri", "2024-02-15"],
  ["wp3", "comune-torino", "alessandro-conti", "2024-02-15"],
  ["wp4", "liguria-digitale", "elena-marchetti", "2024-03-01"],
  ["wp4", "comune-reggio-emilia", "matteo-bertolini", "2024-05-06"],
  ["wp5", "comune-firenze", "chiara-galli", "2024-03-01"],
  ["wp5", "comune-milano", "luca-bianchi", "2024-03-01"],
  ["wp6", "comune-bologna", "francesca-rossi", "2024-03-18"],
  ["wp7", "comune-torino", "alessandro-conti", "2024-02-01"],
  ["wp7", "comune-genova", "paolo-ferri", "2024-02-01"],
  ["wp7", "liguria-digitale", "elena-marchetti", "2025-01-20"],
  ["wp8", "comune-milano", "luca-bianchi", "2024-02-01"],
];

export const demoDesignations: DemoDesignation[] = [
  // Reggio Emilia.
  ...(
    [
      ["coordinamento-informatico", "provincia-reggio-emilia", "roberta-incerti", "2024-01-10"],
      ["coordinamento-informatico", "comune-reggio-emilia", "matteo-bertolini", "2024-01-10"],
      ["coordinamento-informatico", "unione-val-d-enza", "simone-ferretti", "2024-01-10"],
      ["coordinamento-informatico", "unione-terra-di-mezzo", "laura-bonacini", "2024-06-03"],
      ["portale-open-data", "comune-reggio-emilia", "matteo-bertolini", "2024-03-01"],
      ["portale-open-data", "unione-terra-di-mezzo", "laura-bonacini", "2024-06-03"],
      ["portale-open-data", "unione-val-d-enza", "simone-ferretti", "2025-03-10"],
    ] as const
  ).map(([tableRef, orgRef, personRef, from]) => ({
    agreementSlug: reggioEmilia.slug,
    tableRef,
    orgRef,
    personRef,
    from,
  })),

  // Innovazione d'Insieme.
  ...innovazioneReferents.map(([tableRef, orgRef, personRef, from]) => ({
    agreementSlug: innovazione.slug,
    tableRef,
    orgRef,
    personRef,
    from,
  })),

  // Lombardia.
  ...(
    [
      ["cabina-di-regia", "regione-lombardia", "andrea-brambilla", "2024-01-08"],
      ["cabina-di-regia", "anci", "stefano-greco", "2024-01-08"],
      ["cabina-di-regia", "anci-lombardia", "valentina-sala", "2024-01-08"],
      ["tavolo-tecnico", "anci-lombardia", "valentina-sala", "2024-01-22"],
      ["tavolo-tecnico", "regione-lombardia", "andrea-brambilla", "2024-01-22"],
      ["tavolo-tecnico", "anci", "stefano-greco", "2024-04-02"],
    ] as const
  ).map(([tableRef, orgRef, personRef, from]) => ({
    agreementSlug: lombardia.slug,
    tableRef,
    orgRef,
    personRef,
    from,
  })),

  // Piemonte.
  ...(
    [
      ["comitato-guida", "regione-piemonte", "federica-gallo", "2024-02-01"],
      ["comitato-guida", "anci-piemonte", "monica-ferrero", "2024-02-01"],
      ["pilotaggio-cst-cn", "provincia-cuneo", "roberto-bima", "2024-03-11"],
      ["pilotaggio-cst-to", "citta-metropolitana-torino", "giorgio-chiesa", "2024-03-11"],
      ["pilotaggio-cst-to", "anci-piemonte", "monica-ferrero", "2024-05-20"],
    ] as const
  ).map(([tableRef, orgRef, personRef, from]) => ({
    agreementSlug: piemonte.slug,
    tableRef,
    orgRef,
    personRef,
    from,
  })),

  // Calatino: one distinct referent per comune on the comitato di gestione; the Caltagirone referent, who
  // is also the Responsabile del SIA, attends the Assemblea dei Sindaci for the comune referente.
  ...calatinoReferents.map(([orgRef, personRef, from]) => ({
    agreementSlug: calatino.slug,
    tableRef: "comitato-di-gestione",
    orgRef,
    personRef,
    from,
  })),
  {
    agreementSlug: calatino.slug,
    tableRef: "assemblea-dei-sindaci",
    orgRef: "comune-caltagirone",
    personRef: "giulia-ferrara",
    from: "2024-01-15",
  },
];
