import { BenchBackend } from '../../lib/backend';
import { partResult } from '../../lib/report';
import { recordPrometheusCalls } from '../slo/recordPrometheusCalls';

/** What every step of the fleet part shares. */
export interface FleetBench {
  quick: boolean;
  out: ReturnType<typeof partResult>;
  backend: BenchBackend;
  prometheusUrl: string;
  recorder: ReturnType<typeof recordPrometheusCalls>;
  /** The SLO backend's base URL, `…/api/slo/v1`. */
  api: string;
  /** The SLO plugin's database, for writing history straight into it. */
  sloDatabase: string;
  /** A GET of the SLO API in this process, as the caller with `token`. */
  get(path: string, token?: string): Promise<any>;
}

/** The two callers: one the policy lets read everything, one under a condition. */
export function callers(bench: FleetBench) {
  return [
    { name: 'may read all', token: bench.backend.token },
    { name: 'conditional', token: bench.backend.restrictedToken },
  ] as const;
}
