import type { InteractionType } from '../domain';

/** Subject and summary pairs per interaction type, in German like the team writes them. */
export const INTERACTION_TEXTS: Record<InteractionType, readonly (readonly [string, string])[]> = {
  visit: [
    ['Besuch: Wärmepumpen-Sortiment vorgestellt', 'Neue Luft-Wasser-Wärmepumpen gezeigt, Interesse an Schulung für Monteure.'],
    ['Baustellentermin Neubau', 'Leitungsführung und Liefertermine für die Sanitärinstallation abgestimmt.'],
    ['Jahresgespräch', 'Umsatz des Jahres besprochen, Konditionen für das nächste Jahr angefragt.'],
    ['Roadmap-Review', 'Geplante Projekte der nächsten zwölf Monate durchgegangen.'],
    ['Besuch mit Musterkoffer', 'Neue Armaturenserie vorgestellt, Muster dagelassen.'],
    ['Kurzbesuch Lager', 'Lagerbestand und Abholmengen geprüft, Lieferrhythmus passt.'],
  ],
  call: [
    ['Rückfrage zu Lieferzeit', 'Lieferzeit der Heizkessel erklärt, Ersatzmodell angeboten.'],
    ['Telefonat: Angebot nachgefasst', 'Kunde prüft das Angebot noch, Entscheidung nächste Woche.'],
    ['Projektstand besprochen', 'Bauabschnitt 2 startet später, Abrufe verschieben sich.'],
    ['Terminvereinbarung', 'Termin für Vor-Ort-Besuch abgestimmt.'],
    ['Konditionen besprochen', 'Wunsch nach längerem Zahlungsziel aufgenommen.'],
  ],
  email: [
    ['Preisliste versandt', 'Aktuelle Preisliste und Datenblätter per E-Mail geschickt.'],
    ['Angebot per E-Mail', 'Angebot mit Positionen und Lieferzeiten übermittelt.'],
    ['Datenblätter Lüftungsgeräte', 'Technische Unterlagen für die Planung geschickt.'],
    ['Einladung Hausmesse', 'Einladung zur Hausmesse im Frühjahr verschickt.'],
  ],
  meeting: [
    ['Business Review', 'Zahlen, Reklamationen und Ziele des Quartals besprochen.'],
    ['Planungsbesprechung', 'Technische Lösung mit Planer und Bauherr abgestimmt.'],
    ['Schulung im Showroom', 'Monteure zur Inbetriebnahme der Wärmepumpe geschult.'],
    ['Vertragsgespräch Rahmenvertrag', 'Mengenstaffel und Bonus für das Folgejahr verhandelt.'],
  ],
  letter: [
    ['Jahresbrief mit Konditionen', 'Neue Konditionen und Ansprechpartner schriftlich mitgeteilt.'],
    ['Glückwunschkarte Firmenjubiläum', 'Karte zum Firmenjubiläum geschickt.'],
    ['Einladung Hausmesse (Post)', 'Einladung mit Programm per Post versandt.'],
  ],
  complaint: [
    ['Lieferung unvollständig', 'Zwei Positionen fehlten bei der Anlieferung auf der Baustelle.'],
    ['Defekte Umwälzpumpe', 'Pumpe nach drei Wochen ausgefallen, Austausch gefordert.'],
    ['Rechnung fehlerhaft', 'Vereinbarter Projektrabatt wurde nicht berücksichtigt.'],
    ['Falscher Artikel geliefert', 'Statt Unterputz- kam Aufputz-Spülkasten.'],
    ['Lieferung verspätet', 'Material kam zwei Tage nach dem zugesagten Termin.'],
  ],
  note: [
    ['Hinweis Inhaberwechsel', 'Laut Büro übernimmt im nächsten Jahr der Sohn den Betrieb.'],
    ['Notiz: Wettbewerber vor Ort', 'Außendienst des Wettbewerbers war letzte Woche im Haus.'],
    ['Notiz: neuer Einkäufer', 'Einkauf wird künftig von neuer Kollegin betreut.'],
  ],
  newsletter: [
    ['Newsletter: Förderprogramme BEG', 'Monatlicher Newsletter mit Neuigkeiten zur Förderung.'],
    ['Newsletter: Neuheiten Sanitär', 'Monatlicher Newsletter mit Produktneuheiten.'],
    ['Newsletter: Wärmepumpen-Praxis', 'Monatlicher Newsletter mit Praxistipps.'],
    ['Newsletter: Schulungstermine', 'Monatlicher Newsletter mit Terminen im Schulungszentrum.'],
  ],
  webinar: [
    ['Webinar: Hydraulischer Abgleich', 'Teilgenommen; Unterlagen zum Abgleich nachgeschickt.'],
    ['Webinar: GEG 2024 in der Praxis', 'Teilgenommen, Fragen zur 65-%-Regel gestellt.'],
    ['Webinar: Trinkwasserhygiene', 'Teilgenommen, Interesse an Vor-Ort-Schulung.'],
  ],
};

/** Agreed next steps for follow-ups. */
export const NEXT_STEPS = [
  'Angebot erstellen und zuschicken',
  'Muster nachliefern',
  'Termin im Showroom vereinbaren',
  'Rückruf wegen Liefertermin',
  'Unterlagen für Förderantrag schicken',
  'Schulungstermin für Monteure anbieten',
  'Konditionen mit Vertriebsleitung klären',
] as const;

/** What was done about a resolved complaint. */
export const RESOLUTIONS = [
  'Fehlende Teile per Express nachgeliefert.',
  'Ersatzgerät geliefert, defektes Teil zur Prüfung an den Hersteller.',
  'Gutschrift über die Differenz erstellt.',
  'Artikel getauscht und Abholung organisiert.',
  'Entschuldigt und 5 % Nachlass auf die nächste Bestellung gewährt.',
] as const;

/** Interim note on a complaint that is still being handled. */
export const COMPLAINT_PROGRESS = [
  'Ersatzteil beim Hersteller bestellt.',
  'Rücksprache mit Buchhaltung läuft.',
  'Spedition um Stellungnahme gebeten.',
] as const;
