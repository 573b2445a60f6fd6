import { CoverageResponse } from '@triad/plugin-ownership-common';
import { describeProvenance } from './provenance';

const HEADER = [
  'role',
  'role_title',
  'covered',
  'total',
  'share',
  'gap',
  'entity',
  'entity_title',
  'holder',
  'provenance',
];

/**
 * One CSV field: quoted when it holds a comma, quote or line break, and
 * defused when a spreadsheet would read it as a formula.
 */
export function csvField(value: string | number | undefined | null): string {
  if (value === undefined || value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) {
    text = `'${text}`;
  }
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The coverage report as CSV: one row per gap (an uncovered or orphaned
 * production component of a role), and one row without a gap for each role
 * that has none, so every role's totals are in the file.
 */
export function coverageToCsv(coverage: CoverageResponse): string {
  const rows: (string | number | undefined)[][] = [];
  for (const role of coverage.roles) {
    const summary = [
      role.role,
      role.title,
      role.covered,
      role.total,
      role.share === null ? '' : role.share.toFixed(4),
    ];
    for (const entity of role.uncovered) {
      rows.push([...summary, 'uncovered', entity.ref, entity.title, '', '']);
    }
    for (const o of role.orphaned) {
      rows.push([
        ...summary,
        'orphaned',
        o.entity.ref,
        o.entity.title,
        o.owner.ref,
        describeProvenance(o.provenance),
      ]);
    }
    if (!role.uncovered.length && !role.orphaned.length) {
      rows.push([...summary, '', '', '', '', '']);
    }
  }
  return `${[HEADER, ...rows]
    .map(row => row.map(csvField).join(','))
    .join('\r\n')}\r\n`;
}

/** `ownership-coverage-2026-11-28.csv` */
export function coverageCsvFileName(coverage: CoverageResponse): string {
  const day = /^\d{4}-\d{2}-\d{2}/.exec(coverage.indexedAt)?.[0];
  return `ownership-coverage${day ? `-${day}` : ''}.csv`;
}
