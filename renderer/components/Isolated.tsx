import { Fragment } from 'react';

/**
 * Text parts joined by a separator, each in its own <bdi>: a part that holds right-to-left text or a
 * stray direction control (an old row, a synced one) cannot reorder its neighbours, so
 * "Hauptstr. 5, 80331 München" never reads backwards after the street. Empty parts are left out.
 */
export function IsolatedParts({ parts, separator }: { parts: readonly (string | undefined)[]; separator: string }) {
  const shown = parts.filter((p): p is string => Boolean(p));
  return (
    <>
      {shown.map((part, i) => (
        <Fragment key={i}>
          {i > 0 && separator}
          <bdi>{part}</bdi>
        </Fragment>
      ))}
    </>
  );
}
