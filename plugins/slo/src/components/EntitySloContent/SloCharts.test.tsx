import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { SloEvent } from '@triad/plugin-slo-common';
import { cloneElement, ReactElement } from 'react';
import { SloApi, sloApiRef } from '../../api/SloApi';
import { burning } from '../../__fixtures__/slos';
import { SloCharts } from './SloCharts';

// jsdom has no layout, so the responsive container would measure 0 × 0 and
// draw nothing: the charts get a fixed size instead.
jest.mock('recharts', () => {
  const recharts = jest.requireActual('recharts');
  return {
    ...recharts,
    ResponsiveContainer: ({ children }: { children: ReactElement }) =>
      cloneElement(children, { width: 800, height: 220 }),
  };
});

const HOUR = 3_600_000;
const start = Date.parse('2026-11-28T00:00:00Z');

const deploy: SloEvent = {
  id: 'release-1.4.2',
  entityRef: burning.serviceRef,
  type: 'deploy',
  time: new Date(start + 5 * HOUR).toISOString(),
  title: 'Deploy 1.4.2',
  link: 'https://ci.example.com/runs/42',
  version: '1.4.2',
  recordedAt: new Date(start + 5 * HOUR).toISOString(),
  budget: [
    {
      sloRef: burning.ref,
      objectiveIndex: 0,
      windowMs: HOUR,
      before: 0.015,
      after: 0.12,
      afterComplete: true,
    },
    // Another SLO of the same service: not shown on this SLO's table.
    {
      sloRef: 'slo:default/other',
      objectiveIndex: 0,
      windowMs: HOUR,
      before: 0.5,
      after: 0.5,
      afterComplete: true,
    },
  ],
};
const incident: SloEvent = {
  id: 'INC-9',
  entityRef: burning.serviceRef,
  type: 'incident',
  time: new Date(start + 8 * HOUR).toISOString(),
  end: new Date(start + 9 * HOUR).toISOString(),
  title: 'Card processor outage',
  recordedAt: new Date(start + 9 * HOUR).toISOString(),
};

describe('SloCharts', () => {
  it('marks deploys and incidents on the SLI and burn-down charts, with the budget spent around each deploy', async () => {
    const listEvents = jest.fn(async () => ({
      entityRef: burning.serviceRef,
      from: '',
      to: '',
      items: [deploy, incident],
    }));
    const api: Partial<SloApi> = {
      getSloTimeline: async () => ({
        ref: burning.ref,
        stepMs: HOUR,
        period: burning.period,
        objectives: [
          {
            index: 0,
            target: 0.999,
            points: Array.from({ length: 12 }, (_, i) => ({
              t: start + (i + 1) * HOUR,
              sli: 0.9995,
              remaining: 1 - i * 0.05,
              idealRemaining: 1 - i * 0.01,
            })),
          },
        ],
      }),
      listEvents,
    };
    await renderInTestApp(
      <TestApiProvider apis={[[sloApiRef, api]]}>
        <SloCharts slo={burning} />
      </TestApiProvider>,
    );

    // Asked for the events of the SLO's service over its period.
    expect(listEvents).toHaveBeenCalledWith({
      entityRef: burning.serviceRef,
      from: new Date(burning.period.start),
      to: new Date(burning.evaluatedAt),
    });
    const table = await screen.findByRole('table', {
      name: 'Deploys and incidents',
    });
    for (const id of ['sli-chart', 'burndown-chart']) {
      const chart = screen.getByTestId(id);
      // A labelled vertical line per event, in both charts.
      expect(within(chart).getByText('Deploy 1.4.2')).toBeInTheDocument();
      expect(
        within(chart).getByText('Card processor outage'),
      ).toBeInTheDocument();
      expect(
        chart.querySelectorAll('.recharts-reference-line').length,
      ).toBeGreaterThanOrEqual(2);
    }

    const deployRow = within(table).getByText('Deploy 1.4.2').closest('tr')!;
    expect(
      within(deployRow).getByText('Deploy 1.4.2').closest('a'),
    ).toHaveAttribute('href', 'https://ci.example.com/runs/42');
    expect(within(deployRow).getByText('1.4.2')).toBeInTheDocument();
    expect(deployRow).toHaveTextContent(
      '1.5 % in the hour before, 12.0 % in the hour after',
    );
    expect(deployRow).not.toHaveTextContent('50.0 %');
    const incidentRow = within(table)
      .getByText(/Card processor outage/)
      .closest('tr')!;
    expect(incidentRow).toHaveTextContent('incident: Card processor outage');
  });
});
