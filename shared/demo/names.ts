/** Name material for contacts: common German names (with umlauts and ß) and a few from abroad. */

export const MALE_FIRST_NAMES = [
  'Jürgen', 'Björn', 'Thomas', 'Michael', 'Andreas', 'Stefan', 'Frank', 'Markus', 'Klaus', 'Uwe',
  'Jörg', 'Jens', 'Ralf', 'Dirk', 'Sven', 'Torsten', 'Matthias', 'Christian', 'Tobias', 'Florian',
  'Jan', 'Lukas', 'Jonas', 'Felix', 'Günter', 'Hans-Peter', 'Karl-Heinz', 'Sören', 'Niklas',
  'Maximilian', 'Bernd', 'Holger', 'Wolfgang', 'Rüdiger', 'Heinz', 'Olaf', 'Timo', 'Marcel', 'Kai',
  'Dieter', 'Volker', 'André', 'René', 'Hendrik', 'Malte', 'Lars', 'Carsten', 'Helmut',
] as const;

export const FEMALE_FIRST_NAMES = [
  'Sabine', 'Petra', 'Claudia', 'Susanne', 'Andrea', 'Katrin', 'Nicole', 'Birgit', 'Jutta', 'Anja',
  'Julia', 'Lena', 'Laura', 'Sarah', 'Anna-Lena', 'Jasmin', 'Daniela', 'Monika', 'Ursula', 'Bärbel',
  'Annika', 'Mareike', 'Heike', 'Silke', 'Kerstin', 'Maren', 'Lea', 'Hannah', 'Sophie', 'Marie',
  'Gisela', 'Renate', 'Christiane', 'Stefanie', 'Tanja', 'Melanie', 'Sandra', 'Jana', 'Franziska',
  'Käthe', 'Dörte', 'Britta', 'Ines', 'Miriam', 'Carolin', 'Svenja', 'Wiebke', 'Antje',
] as const;

export const LAST_NAMES = [
  'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz',
  'Hoffmann', 'Schäfer', 'Koch', 'Bauer', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann',
  'Schwarz', 'Zimmermann', 'Braun', 'Krüger', 'Hofmann', 'Hartmann', 'Lange', 'Schmitt', 'Werner',
  'Schmitz', 'Krause', 'Meier', 'Lehmann', 'Schmid', 'Schulze', 'Maier', 'Köhler', 'Herrmann',
  'König', 'Walter', 'Mayer', 'Huber', 'Kaiser', 'Fuchs', 'Peters', 'Lang', 'Scholz', 'Möller',
  'Weiß', 'Jung', 'Hahn', 'Schubert', 'Vogel', 'Friedrich', 'Keller', 'Günther', 'Frank', 'Berger',
  'Winkler', 'Roth', 'Beck', 'Lorenz', 'Baumann', 'Franke', 'Albrecht', 'Schuster', 'Simon',
  'Ludwig', 'Böhm', 'Winter', 'Kraus', 'Martin', 'Schumacher', 'Krämer', 'Vogt', 'Stein', 'Jäger',
  'Otto', 'Sommer', 'Groß', 'Seidel', 'Heinrich', 'Brandt', 'Haas', 'Schreiber', 'Graf', 'Schulte',
  'Dietrich', 'Ziegler', 'Kuhn', 'Kühn', 'Pohl', 'Engel', 'Horn', 'Busch', 'Bergmann', 'Voigt',
  'Sauer', 'Arnold', 'Wolff', 'Pfeiffer', 'Büscher', 'Kötter', 'Nußbaum', 'Preuß', 'Voß', 'Strauß',
  'Große-Brömmelkamp', 'Ebbinghaus', 'Schürmann', 'Többen', 'Ostermann', 'Wüstefeld',
] as const;

/** Names from abroad, as a German team would record them. */
export const FOREIGN_NAMES: readonly { first: string; last: string; female: boolean }[] = [
  { first: 'Sergej', last: 'Ivanov', female: false },
  { first: 'Olga', last: 'Petrova', female: true },
  { first: 'Mehmet', last: 'Yılmaz', female: false },
  { first: 'Ayşe', last: 'Kaya', female: true },
  { first: 'Emre', last: 'Öztürk', female: false },
  { first: 'Piotr', last: 'Nowak', female: false },
  { first: 'Agnieszka', last: 'Kowalska', female: true },
  { first: 'Katarzyna', last: 'Wiśniewska', female: true },
  { first: 'Luca', last: 'Rossi', female: false },
  { first: 'Giulia', last: 'Esposito', female: true },
  { first: 'Dragan', last: 'Petrović', female: false },
  { first: 'Thi Lan', last: 'Nguyen', female: true },
  { first: 'Ioana', last: 'Popescu', female: true },
  { first: 'Dimitrios', last: 'Papadopoulos', female: false },
  { first: 'Ahmad', last: 'Haddad', female: false },
];

/** Academic titles as printed before the name. */
export const TITLES = ['Dr.', 'Dr.', 'Dr.', 'Dipl.-Ing.', 'Dipl.-Ing.', 'Prof. Dr.', 'Dr.-Ing.'] as const;

/** Lowercase ASCII form for e-mail addresses and domains: ä→ae, ß→ss, other accents dropped. */
export function asciiSlug(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/ı/g, 'i')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/&/g, 'und')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Initials for dense lists: first letters of the first and the last word. */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter((w) => w.length > 0);
  const first = words[0]?.[0] ?? '?';
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}
