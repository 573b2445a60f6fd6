import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { CatalogStaleNotice, formatAge } from './CatalogStaleNotice';

describe('CatalogStaleNotice', () => {
  it('formats the age in seconds, minutes and hours', () => {
    expect(formatAge(0)).toBe('0 s');
    expect(formatAge(59)).toBe('59 s');
    expect(formatAge(60)).toBe('1 min');
    expect(formatAge(3599)).toBe('59 min');
    expect(formatAge(3600)).toBe('1 h');
    expect(formatAge(3900)).toBe('1 h 5 min');
  });

  it('says the catalog is not answering, how old the answer is and why', async () => {
    await renderInTestApp(
      <CatalogStaleNotice
        stale={{
          asOf: '2026-03-01T12:00:00.000Z',
          ageSeconds: 150,
          reason: 'the catalog failed (ECONNREFUSED)',
        }}
      />,
    );
    expect(
      screen.getByText(
        /The catalog is not answering \(the catalog failed \(ECONNREFUSED\)\): this is what it showed you 2 min ago/,
      ),
    ).toBeInTheDocument();
  });

  it('shows nothing for a fresh answer', async () => {
    const { container } = await renderInTestApp(<CatalogStaleNotice />);
    expect(container).toBeEmptyDOMElement();
  });
});
