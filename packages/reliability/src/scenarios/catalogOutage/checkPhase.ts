import { HIDDEN_NAMES } from '../../lib/fixtures';
import { ScenarioReport } from '../../lib/report';
import { describe } from '../../suite/context';
import {
  Catalog,
  Phase,
  Sample,
  PAGES,
  HIDDEN_PAGES,
  NEVER_READ,
  LATENCY_BOUND_MS,
} from './pages';

/** What held while the catalog was failing or slow. */
export function checkPhase({ report, samples }: Catalog, phase: Phase) {
  const of = samples.filter(s => s.phase === phase);
  checkStalePages(report, phase, of);
  checkLatency(report, phase, of);
  checkHiddenNeverAppear(report, phase, of);
  checkNeverRead(report, phase, of);
  report.add(
    'serverErrors',
    of.filter(s => s.answer.status >= 500 && s.answer.status !== 503).length,
  );
  report.add('lost', of.filter(s => s.answer.status === 0).length);
}

function checkStalePages(report: ScenarioReport, phase: Phase, of: Sample[]) {
  const pages = of.filter(s => PAGES.includes(s.path));
  const bad = pages.filter(
    s => s.answer.status !== 200 || !s.answer.body?.catalogStale,
  );
  const ages = pages
    .map(s => s.answer.body?.catalogStale?.ageSeconds)
    .filter((a): a is number => typeof a === 'number');
  report.held(
    `catalog ${phase}: every page answers 200 from memory with catalogStale (asOf, age, reason)`,
    pages.length > 0 &&
      bad.length === 0 &&
      pages.every(
        s =>
          typeof s.answer.body.catalogStale.asOf === 'string' &&
          typeof s.answer.body.catalogStale.reason === 'string',
      ),
    `${pages.length} answers${
      bad.length
        ? `; ${bad.length} not, e.g. ${bad
            .slice(0, 3)
            .map(s => `${s.path}: ${describe(s.answer)}`)
            .join('; ')}`
        : `; ages ${Math.min(...ages)}–${Math.max(...ages)} s; reason "${
            pages[0].answer.body.catalogStale.reason
          }"`
    }`,
  );
}

function checkLatency(report: ScenarioReport, phase: Phase, of: Sample[]) {
  const slowest = Math.max(...of.map(s => s.answer.ms));
  report.held(
    `catalog ${phase}: every answer within ${LATENCY_BOUND_MS / 1000} s`,
    slowest < LATENCY_BOUND_MS,
    `p50 ${percentile(of, 0.5)} ms, p95 ${percentile(
      of,
      0.95,
    )} ms, max ${slowest.toFixed(0)} ms over ${of.length} answers`,
  );
}

function checkHiddenNeverAppear(
  report: ScenarioReport,
  phase: Phase,
  of: Sample[],
) {
  const hidden = of.filter(s => HIDDEN_PAGES.includes(s.path));
  // A hidden page's 404 names what was asked for; no other answer may
  // name a hidden entity.
  const leaks = of.filter(s =>
    HIDDEN_PAGES.includes(s.path)
      ? s.answer.status === 200
      : HIDDEN_NAMES.some(name => s.answer.text.includes(name)),
  );
  report.held(
    `catalog ${phase}: hidden entities never appear (their pages 404 or 503, no answer names them)`,
    hidden.length > 0 && leaks.length === 0,
    `${hidden.length} hidden pages: ${statusCounts(hidden)}${
      leaks.length
        ? `; LEAKED in ${leaks
            .slice(0, 3)
            .map(s => s.path)
            .join(', ')}`
        : ''
    }`,
  );
}

function checkNeverRead(report: ScenarioReport, phase: Phase, of: Sample[]) {
  // While the catalog is slow, its late answer to the first of these is
  // remembered, and answers the later ones from memory.
  const never = of.filter(s => s.path === NEVER_READ);
  const refused = (s: Sample) =>
    s.answer.status === 503 && !!s.answer.headers['retry-after'];
  report.held(
    `catalog ${phase}: a page whose visibility was never decided answers 503 with Retry-After${
      phase === 'slow' ? ' (later 200 from the late answer, stale)' : ''
    }`,
    never.length > 0 &&
      refused(never[0]) &&
      never.every(
        s =>
          refused(s) ||
          (phase === 'slow' &&
            s.answer.status === 200 &&
            !!s.answer.body?.catalogStale),
      ),
    `${never.length} answers: ${statusCounts(never)}`,
  );
}

function percentile(samples: Sample[], p: number): string {
  const sorted = samples.map(s => s.answer.ms).sort((a, b) => a - b);
  if (!sorted.length) return '–';
  return sorted[
    Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)
  ].toFixed(0);
}

function statusCounts(samples: Sample[]): string {
  const counts = new Map<number, number>();
  for (const s of samples) {
    counts.set(s.answer.status, (counts.get(s.answer.status) ?? 0) + 1);
  }
  return [...counts].map(([status, n]) => `${n} × ${status}`).join(', ');
}
