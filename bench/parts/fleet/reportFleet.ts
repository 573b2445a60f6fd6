import { availableParallelism } from 'os';
import { fmt, partResult } from '../../lib/report';
import { PagingFigures } from './checkPaging';
import { EvaluationFigures } from './measureEvaluation';
import { fleetQueries } from './fleetQueries';
import { LatencyFigures } from './measureFleetRequests';

/** What one fleet size measured. */
export interface Stage {
  slos: number;
  evaluation: EvaluationFigures;
  paging: PagingFigures[];
  firstPage: LatencyFigures[];
  filters: LatencyFigures[];
  history: LatencyFigures[];
}

const FIVE_MINUTES = 300_000;
const GOAL_SLOS = 10_000;

/** "10,000 SLOs: … · 1,000 SLOs: …", the larger fleet first. */
function beside(stages: Stage[], figure: (s: Stage) => string) {
  return [...stages]
    .reverse()
    .map(s => `${fmt.int(s.slos)} SLOs: ${figure(s)}`)
    .join(' · ');
}

const latency = (l: LatencyFigures) =>
  `${fmt.p(l)}${l.errors ? `, ${l.errors} errors` : ''}`;

/** The rows of the part: each figure of the larger fleet beside the smaller's. */
export function reportFleet(
  out: ReturnType<typeof partResult>,
  section: string,
  stages: Stage[],
) {
  const large = stages[stages.length - 1];
  reportEvaluation(out, section, stages);
  const callerRows = (
    metric: string,
    pick: (s: Stage) => LatencyFigures[],
    goals: Record<string, number | undefined>,
    detail: (l: LatencyFigures) => string = latency,
  ) => {
    for (const [i, l] of pick(large).entries()) {
      const goal = goals[l.caller];
      out.row({
        section,
        metric: `${metric}, ${l.caller}`,
        value: beside(stages, s => detail(pick(s)[i])),
        // Judged at the larger size (3,000 with --quick; the section says).
        ...(goal && {
          goal: `p99 ≤ ${goal} ms`,
          met: l.p99 <= goal && !l.errors,
        }),
      });
    }
  };
  const bounds = { 'may read all': 150, conditional: 500 };
  callerRows(
    'fleet first page (GET /v1/slos?offset=0&limit=20)',
    s => s.firstPage,
    bounds,
  );
  callerRows(
    `every filter combination (${fleetQueries().length} requests), worst p99`,
    s => s.filters,
    bounds,
    l => `${latency(l)} (${l.worst})`,
  );
  callerRows(
    '90-day history of one SLO (GET …/history, a snapshot every 5 min)',
    s => s.history,
    { 'may read all': 50 },
    l => `${latency(l)}, ${l.worst}`,
  );
  out.row({
    section,
    metric: 'paging through the whole fleet, 1,000 a page, both callers',
    value: beside(stages, s =>
      s.paging
        .map(
          p =>
            `${fmt.int(p.seen)} each once in ${p.pages} page(s) (${p.caller})`,
        )
        .join(', '),
    ),
    goal: 'exact',
    // checkPaging fails the part otherwise.
    met: true,
  });
}

function reportEvaluation(
  out: ReturnType<typeof partResult>,
  section: string,
  stages: Stage[],
) {
  const large = stages[stages.length - 1].evaluation;
  // Below 10,000 (--quick) the goal is judged on the time scaled to 10,000.
  const scaledMs = (large.ms * GOAL_SLOS) / large.slos;
  out.row({
    section,
    metric:
      'scheduled evaluation of every SLO (slo-evaluate-all, concurrency 8)',
    value:
      beside(
        stages,
        s =>
          `${fmt.ms(s.evaluation.ms)}, ${fmt.int(
            s.evaluation.queries,
          )} Prometheus queries (p50 ${fmt.ms(
            s.evaluation.promP50,
          )}, p99 ${fmt.ms(s.evaluation.promP99)})`,
      ) +
      (large.slos < GOAL_SLOS
        ? ` · scaled to 10,000: ${fmt.ms(scaledMs)}`
        : ''),
    goal: '10,000 in < 5 min',
    met: scaledMs < FIVE_MINUTES,
  });
  const cores = availableParallelism();
  out.row({
    section,
    metric: 'what limits the evaluation',
    value: beside(stages, ({ evaluation: e }) => {
      const cpu = (e.backendCpuMs + e.promCpuMs) / (cores * e.ms);
      return `Prometheus answer time ${fmt.ms(
        e.promSumMs,
      )} / 8 at a time = ${fmt.ms(e.promSumMs / 8)} of ${fmt.ms(
        e.ms,
      )}; CPU: backend ${fmt.ms(e.backendCpuMs)} + Prometheus ${fmt.ms(
        e.promCpuMs,
      )} = ${(100 * cpu).toFixed(0)} % of ${cores} cores`;
    }),
  });
  out.row({
    section,
    metric: 'scheduled evaluation: peak memory of the backend process',
    value: beside(
      stages,
      ({ evaluation: e }) =>
        `heap +${fmt.mib(e.peakHeap - e.baseHeap)} (peak ${fmt.mib(
          e.peakHeap,
        )}), RSS +${fmt.mib(e.peakRss - e.baseRss)} (peak ${fmt.mib(
          e.peakRss,
        )})`,
    ),
  });
}
