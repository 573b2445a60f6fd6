import { BenchBackend } from '../../lib/backend';
import { partResult } from '../../lib/report';
import { recordPrometheusCalls } from './recordPrometheusCalls';

/** What every step of this part shares. */
export interface Bench {
  quick: boolean;
  out: ReturnType<typeof partResult>;
  section: string;
  services: number;
  /** Components in the catalog, each with five SLOs. */
  components: number;
  backend: BenchBackend;
  prometheusUrl: string;
  recorder: ReturnType<typeof recordPrometheusCalls>;
  api: string;
  headers: Record<string, string>;
  get(path: string): Promise<any>;
}
