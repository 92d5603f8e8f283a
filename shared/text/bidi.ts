/**
 * Unicode's explicit direction controls: embeddings and overrides (U+202A–U+202E) and isolates
 * (U+2066–U+2069). Nobody types them into a street or a name; pasted or imported, one U+202E
 * ("right-to-left override") turns "Hauptstr. 5, 80331 München" into text that reads backwards
 * on screen, in exports and on the printed plan. The implicit marks (U+200E, U+200F, U+061C) only
 * nudge neutral characters and stay.
 */
const DIRECTION_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/** The text without explicit direction controls; everything else exactly as it was. */
export function stripDirectionControls(text: string): string {
  return text.replace(DIRECTION_CONTROLS, '');
}

/** Whether the text holds an explicit direction control. */
export function hasDirectionControls(text: string): boolean {
  DIRECTION_CONTROLS.lastIndex = 0;
  const found = DIRECTION_CONTROLS.test(text);
  DIRECTION_CONTROLS.lastIndex = 0;
  return found;
}
