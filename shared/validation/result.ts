import type { z } from 'zod';

/** A validation error as a code per field; the UI translates `errors.<code>`. */
export type FieldErrors = Record<string, string>;

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

/** Runs a schema and turns its issues into one code per field (the first issue wins). */
export function validateWith<T>(schema: z.ZodType<T>, input: unknown): Validated<T> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path.map(String).join('.') || '_';
    // Our own refinements carry the code as message; zod's built-in ones map to generic codes.
    const code = /^[a-zA-Z]+$/.test(issue.message) ? issue.message : issue.code === 'too_big' ? 'tooLong' : 'invalid';
    errors[field] ??= code;
  }
  return { ok: false, errors };
}

/** A domain command refused its input; `errors` says why, one code per field (`_` for the whole row). */
export class RefusedError extends Error {
  constructor(readonly errors: FieldErrors) {
    super(`Refused: ${Object.entries(errors).map(([field, code]) => `${field} ${code}`).join(', ')}`);
    this.name = 'RefusedError';
  }
}

/** The command's value, or a `RefusedError` for the caller that cannot show field errors (the db write path). */
export function orThrow<T>(result: Validated<T>): T {
  if (!result.ok) throw new RefusedError(result.errors);
  return result.value;
}

export const refuse = (errors: FieldErrors): { ok: false; errors: FieldErrors } => ({ ok: false, errors });
export const accept = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
