import type { Rng } from './prng';

/**
 * The demo company is a heating/plumbing/building-technology wholesaler (SHK-Großhandel) in the Ruhr.
 * Its customers are installers, architects, planners, facility managers, housing companies and some
 * private households.
 */
export const CUSTOMER_GROUPS = ['installer', 'architect', 'planner', 'facility', 'housing', 'private'] as const;
export type CustomerGroup = (typeof CUSTOMER_GROUPS)[number];

/** Tag naming each group, so the customer list can be filtered by it. */
export const GROUP_TAGS: Record<CustomerGroup, string> = {
  installer: 'Installateur',
  architect: 'Architekt',
  planner: 'Planungsbüro',
  facility: 'Facility Management',
  housing: 'Wohnungswirtschaft',
  private: 'Privatkunde',
};

/** Relative frequency of the company groups (private customers are drawn separately). */
export const COMPANY_GROUP_WEIGHTS: Record<Exclude<CustomerGroup, 'private'>, number> = {
  installer: 55,
  architect: 12,
  planner: 8,
  facility: 15,
  housing: 10,
};

export const PRODUCT_LINES = ['Heizung', 'Sanitär', 'Lüftung', 'Klima', 'Solar', 'Service'] as const;

/** Which product lines each group tends to buy. */
export const GROUP_LINES: Record<CustomerGroup, readonly string[]> = {
  installer: ['Heizung', 'Sanitär', 'Heizung', 'Solar', 'Lüftung', 'Klima'],
  architect: ['Sanitär', 'Lüftung', 'Heizung', 'Solar'],
  planner: ['Lüftung', 'Klima', 'Heizung', 'Solar'],
  facility: ['Service', 'Klima', 'Lüftung', 'Heizung'],
  housing: ['Heizung', 'Sanitär', 'Service', 'Solar'],
  private: ['Heizung', 'Sanitär', 'Solar', 'Service'],
};

/** Company name of a group; `last` and `last2` are family names, `city` the seat. */
export function companyName(group: CustomerGroup, last: string, last2: string, city: string, rng: Rng): string {
  const short = city.replace(/ (am|im|an der|vor der) .*$/, '').replace(/ \(.*\)$/, '');
  switch (group) {
    case 'installer':
      return rng.pick([
        `${last} Haustechnik GmbH`,
        `${last} & ${last2} Sanitär- und Heizungstechnik GmbH & Co. KG`,
        `Heizungsbau ${last} e.K.`,
        `${last} Bad & Wärme GmbH`,
        `${last} SHK-Meisterbetrieb`,
        `Installateur ${last} GmbH`,
        `${last} Gebäudetechnik GmbH`,
        `${last} Wärmepumpen & Solar GmbH`,
      ]);
    case 'architect':
      return rng.pick([`Architekturbüro ${last}`, `${last} + ${last2} Architekten PartG mbB`, `${last} Architekten BDA`]);
    case 'planner':
      return rng.pick([`Ingenieurbüro ${last} TGA-Planung`, `${last} Ingenieure GmbH`, `Planungsbüro ${last} & ${last2}`]);
    case 'facility':
      return rng.pick([`${short} Facility Services GmbH`, `Gebäudemanagement ${last} GmbH`, `${last} Objektservice GmbH`]);
    case 'housing':
      return rng.pick([`Wohnungsbaugenossenschaft ${short} eG`, `${short}er Wohnbau GmbH`, `Hausverwaltung ${last} GmbH`]);
    case 'private':
      return last;
  }
}

/** Positions per group as [male form, female form]. */
export const POSITIONS: Record<CustomerGroup, readonly (readonly [string, string])[]> = {
  installer: [
    ['Inhaber', 'Inhaberin'], ['Geschäftsführer', 'Geschäftsführerin'], ['Meister', 'Meisterin'],
    ['Kundendienstleiter', 'Kundendienstleiterin'], ['Einkäufer', 'Einkäuferin'], ['Büroleiter', 'Büroleiterin'],
    ['Projektleiter', 'Projektleiterin'], ['Monteur', 'Monteurin'],
  ],
  architect: [['Architekt', 'Architektin'], ['Partner', 'Partnerin'], ['Projektleiter', 'Projektleiterin'], ['Bauleiter', 'Bauleiterin']],
  planner: [['TGA-Planer', 'TGA-Planerin'], ['Ingenieur', 'Ingenieurin'], ['Geschäftsführer', 'Geschäftsführerin']],
  facility: [
    ['Objektleiter', 'Objektleiterin'], ['Technischer Leiter', 'Technische Leiterin'], ['Einkaufsleiter', 'Einkaufsleiterin'],
    ['Facility Manager', 'Facility Managerin'], ['Haustechniker', 'Haustechnikerin'],
  ],
  housing: [
    ['Technischer Vorstand', 'Technische Vorständin'], ['Bestandsmanager', 'Bestandsmanagerin'],
    ['Leiter Instandhaltung', 'Leiterin Instandhaltung'], ['Einkäufer', 'Einkäuferin'],
  ],
  private: [['', '']],
};

/** Free tags besides the group tag. */
export const TAGS = [
  'Wärmepumpe', 'Rahmenvertrag', 'Messekontakt', 'Schlüsselkunde', 'Skonto', 'Showroom-Besucher',
  'Förderung BEG', 'Neubau', 'Sanierung', 'Wartungsvertrag', 'Ausschreibung', 'Zahlungsziel 60 Tage',
] as const;

/** Why former customers left. */
export const CHURN_REASONS = [
  'Wechsel zu Wettbewerber (Preis)',
  'Betrieb aufgegeben (Ruhestand, kein Nachfolger)',
  'Unzufrieden mit Lieferzeiten',
  'Reklamation nicht zufriedenstellend gelöst',
  'Einkauf zentralisiert bei Konzernmutter',
  'Insolvenz',
  'Kein Bedarf mehr nach Projektende',
  'Ansprechpartner gewechselt, Kontakt eingeschlafen',
] as const;

/** Why deals were lost; the first one is the top cause named in the product brief. */
export const LOST_REASONS = [
  'Keine Rückmeldung auf Angebot – nicht nachgefasst',
  'Preis zu hoch',
  'Wettbewerber günstiger',
  'Projekt verschoben',
  'Lieferzeit zu lang',
  'Kein Budget',
] as const;

/** Key notes for the briefing; most accounts have none. */
export const ACCOUNT_NOTES = [
  'Zahlt zuverlässig mit Skonto.',
  'Lagerfläche knapp – Anlieferung nur vormittags.',
  'Großprojekt Wohnquartier in Planung, Entscheidung im Frühjahr.',
  'Inhaber übergibt in zwei Jahren an den Sohn.',
  'Bevorzugt Termine vor 10 Uhr, danach auf Baustellen.',
  'Bezieht Wärmepumpen bisher beim Wettbewerber.',
  'Parkplatz auf dem Hof, Eingang über die Werkstatt.',
] as const;

/** Free notes about a person; most contacts have none. */
export const CONTACT_NOTES = [
  'Spricht gern über Fußball (BVB).',
  'Duzt sich mit dem Außendienst.',
  'Entscheidet gemeinsam mit der Geschäftsführung.',
  'Nur per E-Mail erreichbar, selten am Telefon.',
  'Interessiert an Schulungen zur Wärmepumpe.',
] as const;

/** Deal titles; `{line}` is the product line, `{year}` a year, `{street}` a street. */
export const DEAL_TITLES: Record<string, readonly string[]> = {
  Heizung: ['Wärmepumpen-Paket Neubau', 'Heizungstausch Mehrfamilienhaus', 'Rahmenvertrag Heizung {year}', 'Hybridheizung Objekt {street}'],
  Sanitär: ['Badsanierung Objekt {street}', 'Rahmenvertrag Sanitär {year}', 'Sanitärausstattung Neubau Kita'],
  Lüftung: ['Lüftungsanlage KWL Schulzentrum', 'Wohnraumlüftung Reihenhäuser', 'Lüftungswartung {year}'],
  Klima: ['Klimatisierung Serverraum', 'Split-Klimageräte Büroetage', 'VRF-System Verwaltungsgebäude'],
  Solar: ['PV-Anlage 30 kWp Halle', 'Solarthermie Mehrfamilienhaus', 'PV mit Speicher Einfamilienhaus'],
  Service: ['Wartungsvertrag {year}', 'Servicevertrag Heizzentrale', 'Notdienstpauschale {year}'],
};
