import { BenchBackend } from '../../lib/backend';
import { generateCatalog } from '../../lib/generateCatalog';
import { partResult } from '../../lib/report';

/** What every step of this part shares. */
export interface Bench {
  quick: boolean;
  out: ReturnType<typeof partResult>;
  section: string;
  backend: BenchBackend;
  catalog: ReturnType<typeof generateCatalog>;
  /** URLs of the ownership answer of every generated component. */
  entityUrls: string[];
}

/** Who asks, with the token they ask with. */
export interface Caller {
  who: string;
  short: string;
  token: string;
}
