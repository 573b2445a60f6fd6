import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { NotReadyError } from './NotReadyError';
import { readableEntityRefs } from './readableEntityRefs';

/**
 * Says that part of an answer came from what the catalog told the same
 * caller earlier, because the catalog did not answer in time or failed.
 *
 * @public
 */
export interface CatalogStaleness {
  /** When the oldest remembered catalog answer used was given (ISO 8601). */
  asOf: string;
  /** How old that answer was, in whole seconds. */
  ageSeconds: number;
  /** Why the catalog was not asked successfully this time. */
  reason: string;
}

/**
 * Questions to the catalog on one caller's behalf, for one request; says
 * afterwards whether any answer was remembered instead of fresh.
 *
 * @public
 */
export interface CallerCatalog {
  /**
   * The catalog's answer to `question` (a key naming the query and its
   * arguments), or, when the catalog fails or is slower than the timeout,
   * its last answer to the same caller and question within the memory's
   * bound. Throws a NotReadyError (503) when the catalog cannot answer and
   * nothing is remembered.
   */
  ask<T>(question: string, query: () => Promise<T>): Promise<T>;
  /**
   * Which of `entityRefs` the caller may read (as readableEntityRefs), with
   * each decision remembered on its own: when the catalog cannot answer,
   * the remembered decisions answer, and a reference without one makes the
   * whole question a NotReadyError (503) — visibility is refused, not
   * guessed.
   */
  readable(
    catalog: CatalogService,
    entityRefs: Iterable<string>,
    options?: {
      /**
       * `hide`: a reference without a remembered decision counts as not
       * readable instead of refusing the question — for lists, which then
       * leave out what cannot be confirmed.
       */
      unknown?: 'refuse' | 'hide';
    },
  ): Promise<Set<string>>;
  /** Set when some answer of this request came from memory. */
  staleness(): CatalogStaleness | undefined;
}

interface Remembered {
  value: unknown;
  atMs: number;
}

/**
 * Remembers what the catalog answered each caller, so that SLO and
 * ownership pages keep answering while the catalog is slow or failing.
 *
 * @remarks
 * Answers are remembered per caller (user entity ref or service subject) and
 * question, never shared between callers: an answer from memory holds only
 * what the catalog itself showed that caller, at most `maxAgeMs` ago (a
 * permission revoked meanwhile takes effect when the catalog answers again
 * or the memory expires). The memory holds at most `maxEntries` answers,
 * dropping the least recently stored first.
 *
 * @public
 */
export class CatalogMemory {
  readonly #timeoutMs: number;
  readonly #maxAgeMs: number;
  readonly #maxEntries: number;
  readonly #retryAfterSeconds: number;
  readonly #backOffMs: number;
  /** Measures back-offs and ages: monotonic unless a test injects a clock. */
  readonly #now: () => number;
  /** Dates `asOf`. */
  readonly #wallNow: () => number;
  readonly #entries = new Map<string, Remembered>();
  /** After a failure or timeout: until when, and why, remembered answers are used without asking. */
  #down?: { untilMs: number; reason: string };

  constructor(
    options: {
      /** How long to wait for the catalog. */
      timeoutMs?: number;
      /**
       * After the catalog failed or timed out, how long it is not asked
       * (remembered answers answer, other questions get a 503), so that one
       * request does not wait for the timeout once per question and a slow
       * catalog is not piled on.
       */
      backOffMs?: number;
      /** How long an answer may be used after the catalog gave it. */
      maxAgeMs?: number;
      maxEntries?: number;
      /** What a 503 for a question nothing answers tells the caller to wait. */
      retryAfterSeconds?: number;
      /** One clock for back-offs, ages and `asOf`, for tests. */
      now?: () => number;
    } = {},
  ) {
    this.#timeoutMs = options.timeoutMs ?? 3_000;
    this.#maxAgeMs = options.maxAgeMs ?? 10 * 60_000;
    this.#maxEntries = options.maxEntries ?? 20_000;
    this.#retryAfterSeconds = options.retryAfterSeconds ?? 5;
    this.#backOffMs = options.backOffMs ?? 5_000;
    // A wall clock stepped back (NTP, a replica's skew) or frozen would
    // stretch a 5 s back-off indefinitely, so durations use a monotonic one.
    this.#now = options.now ?? (() => performance.now());
    this.#wallNow = options.now ?? Date.now;
  }

  /** Questions on behalf of the caller with these credentials. */
  forCaller(credentials: BackstageCredentials): CallerCatalog {
    const caller = callerKey(credentials);
    let oldest: { atMs: number; reason: string } | undefined;
    const used = (entry: Remembered, reason: string) => {
      if (!oldest || entry.atMs < oldest.atMs) {
        oldest = { atMs: entry.atMs, reason };
      }
    };
    return {
      ask: async <T>(question: string, query: () => Promise<T>) => {
        const key = `${caller}\u0000${question}`;
        const outcome = await this.#race(query, value =>
          this.#remember(key, value),
        );
        if ('value' in outcome) return outcome.value;
        const [entry] = this.#recall([key], outcome.reason);
        used(entry, outcome.reason);
        return entry.value as T;
      },
      readable: async (catalog, entityRefs, options) => {
        const refs = [...new Set(entityRefs)];
        if (!refs.length) return new Set<string>();
        const keys = refs.map(ref => `${caller}\u0000read ${ref}`);
        const outcome = await this.#race(
          async () => {
            const readable = await readableEntityRefs(catalog, refs, {
              credentials,
            });
            return refs.map(ref => readable.has(ref));
          },
          decisions =>
            decisions.forEach((readable, i) =>
              this.#remember(keys[i], readable),
            ),
        );
        if ('value' in outcome) {
          return new Set(refs.filter((_, i) => outcome.value[i]));
        }
        if (options?.unknown === 'hide') {
          const entries = keys.map(key => this.#fresh(key));
          entries.forEach(entry => entry && used(entry, outcome.reason));
          if (!entries.some(Boolean)) this.#recall(keys, outcome.reason);
          return new Set(refs.filter((_, i) => entries[i]?.value === true));
        }
        const entries = this.#recall(keys, outcome.reason);
        entries.forEach(entry => used(entry, outcome.reason));
        return new Set(refs.filter((_, i) => entries[i].value === true));
      },
      staleness: () =>
        oldest && {
          asOf: new Date(
            this.#wallNow() - (this.#now() - oldest.atMs),
          ).toISOString(),
          ageSeconds: Math.max(
            0,
            Math.floor((this.#now() - oldest.atMs) / 1000),
          ),
          reason: oldest.reason,
        },
    };
  }

  /**
   * The catalog's answer within the timeout, or why there is none. After a
   * failure or timeout the catalog is not asked during the back-off. Every
   * answer is remembered, a late one for the next request.
   */
  async #race<T>(
    query: () => Promise<T>,
    remember: (value: T) => void,
  ): Promise<{ value: T } | { reason: string }> {
    if (this.#down && this.#now() < this.#down.untilMs) {
      return { reason: this.#down.reason };
    }
    const asked = query().then(
      value => {
        this.#down = undefined;
        remember(value);
        return { value };
      },
      (error: Error) => {
        if (isClientError(error)) throw error;
        return this.#failed(`the catalog failed (${failureOf(error)})`);
      },
    );
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<{ reason: string }>(resolve => {
      timer = setTimeout(
        () =>
          resolve(
            this.#failed(
              `the catalog did not answer within ${this.#timeoutMs / 1000} s`,
            ),
          ),
        this.#timeoutMs,
      );
    });
    asked.catch(() => undefined);
    try {
      return await Promise.race([asked, timedOut]);
    } finally {
      clearTimeout(timer);
    }
  }

  #failed(reason: string): { reason: string } {
    this.#down = { untilMs: this.#now() + this.#backOffMs, reason };
    return { reason };
  }

  #fresh(key: string): Remembered | undefined {
    const entry = this.#entries.get(key);
    if (entry && this.#now() - entry.atMs > this.#maxAgeMs) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry;
  }

  #recall(keys: string[], reason: string): Remembered[] {
    return keys.map(key => {
      const entry = this.#fresh(key);
      if (!entry) {
        throw new NotReadyError(
          `The catalog cannot answer (${reason}) and what the caller may see here is not known from an earlier answer; try again in a few seconds`,
          this.#retryAfterSeconds,
        );
      }
      return entry;
    });
  }

  #remember(key: string, value: unknown) {
    this.#entries.delete(key);
    this.#entries.set(key, { value, atMs: this.#now() });
    while (this.#entries.size > this.#maxEntries) {
      this.#entries.delete(this.#entries.keys().next().value!);
    }
  }
}

/** Who asks: remembered answers are never shared between callers. */
function callerKey(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    type?: string;
    userEntityRef?: string;
    subject?: string;
  };
  if (principal?.type === 'user') return `user ${principal.userEntityRef}`;
  if (principal?.type === 'service') return `service ${principal.subject}`;
  return 'none';
}

/**
 * What went wrong, without the catalog client's message: that names the
 * request, and so entities another caller asked about.
 */
function failureOf(error: unknown): string {
  const e = error as {
    code?: string;
    name?: string;
    cause?: { code?: string };
    response?: { status?: number };
  };
  if (e?.response?.status) return `HTTP ${e.response.status}`;
  return e?.code ?? e?.cause?.code ?? e?.name ?? 'unknown error';
}

/** A 4xx from the catalog is an answer about the question, not a failure. */
function isClientError(error: unknown): boolean {
  const status = (error as { response?: { status?: number } })?.response
    ?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
}
