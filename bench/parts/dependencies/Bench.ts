import { BenchBackend } from '../../lib/backend';
import { partResult } from '../../lib/report';
import { ChainSlos } from './chainSlos';

export interface Bench {
  quick: boolean;
  out: ReturnType<typeof partResult>;
  section: string;
  backend: BenchBackend;
  chains: ChainSlos;
  /** The SLO backend's evaluation concurrency, used for the parallel pass. */
  concurrency: number;
  /** The evaluation cache's lifetime: passes wait it out, so each starts cold. */
  cacheTtlMs: number;
}
