// @vitest-environment jsdom
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { IsolatedParts } from './Isolated';

describe('IsolatedParts', () => {
  it('puts every part in its own <bdi>, so one part cannot reorder the next', () => {
    const { container } = render(<p><IsolatedParts parts={['Hauptstr. 5\u202E', '', '80331 München', undefined]} separator=", " /></p>);
    expect([...container.querySelectorAll('bdi')].map((b) => b.textContent)).toEqual(['Hauptstr. 5\u202E', '80331 München']);
    expect(container.textContent).toBe('Hauptstr. 5\u202E, 80331 München');
  });
});
