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
