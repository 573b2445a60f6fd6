import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp } from '@backstage/test-utils';
import { fireEvent, screen, within } from '@testing-library/react';
import { burning, healthy, makeSlo, quiet } from '../__fixtures__/slos';
import { SloTable } from './SloTable';

const render = (slos = [healthy, quiet, burning], pageSize?: number) =>
  renderInTestApp(<SloTable title="SLOs" slos={slos} pageSize={pageSize} />, {
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
  });

const titles = () =>
  within(screen.getByRole('table', { name: 'SLOs' }))
    .getAllByRole('row')
    .slice(1)
    .map(r => within(r).getAllByRole('cell')[0].textContent);

describe('SloTable', () => {
  it('sorts by budget first, and by another column on request', async () => {
    await render();
    // Least budget first (50 % before 69 %), no data last.
    expect(titles()).toEqual([
      'checkout-availability',
      'payments-availability',
      'recommendations-availability',
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Burn rate' }));
    expect(titles()).toEqual([
      'recommendations-availability',
      'checkout-availability',
      'payments-availability',
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Burn rate' }));
    expect(titles()[0]).toBe('payments-availability');
  });

  it('pages through a long list', async () => {
    const many = Array.from({ length: 12 }, (_, i) =>
      makeSlo(
        `slo-${String(i).padStart(2, '0')}`,
        {},
        {
          budget: { remaining: i / 20, totalTimeMs: 1 },
        },
      ),
    );
    await render(many, 5);
    expect(titles()).toEqual([
      'slo-00',
      'slo-01',
      'slo-02',
      'slo-03',
      'slo-04',
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(titles()[0]).toBe('slo-05');
    expect(screen.getByText('6-10 of 12')).toBeInTheDocument();
  });

  it('marks a composite SLO with its number of parts and sorts it by its own budget', async () => {
    // A composite has no objectives: its budget is its parts' weighted
    // consumption (0.4 left, between checkout's 50 % and payments' 69 %).
    const composite = {
      ...makeSlo('payments-core', {}, {}),
      objectives: [],
      composite: { parts: 2, consumed: 0.6, remaining: 0.4 },
    };
    await render([healthy, composite, burning]);
    expect(titles()).toEqual([
      'payments-core composite · 2 parts',
      'checkout-availability',
      'payments-availability',
    ]);
    const row = screen.getAllByRole('row')[1];
    expect(within(row).getByText('40.0 % of budget left')).toBeInTheDocument();
    // No burn rate or time to exhaustion of its own.
    const cells = within(row).getAllByRole('cell');
    expect(cells[5].textContent).toBe('–');
    expect(cells[6].textContent).toBe('–');
  });
});
