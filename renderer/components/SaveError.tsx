/** Where a form shows that its save failed (see core/write-error.ts); nothing when it did not. */
export function SaveError({ message }: { message: string | undefined }) {
  if (!message) return null;
  return (
    <p className="error save-error" role="alert">
      {message}
    </p>
  );
}
