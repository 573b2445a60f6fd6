/** What the install test did, what held and how long it took; printed as it goes and at the end. */
export class Report {
  readonly #lines: string[] = [];
  #passed = 0;
  #failed = 0;
  readonly #started = Date.now();

  section(title: string) {
    this.#say(`\n== ${title}`);
  }

  async timed<T>(what: string, fn: () => Promise<T>): Promise<T> {
    const started = Date.now();
    this.#say(`   ${what} …`);
    try {
      const value = await fn();
      this.#say(`   ${what}: done in ${seconds(Date.now() - started)}`);
      return value;
    } catch (error) {
      this.#say(`   ${what}: FAILED after ${seconds(Date.now() - started)}`);
      throw error;
    }
  }

  check(what: string, ok: boolean, detail = '') {
    if (ok) this.#passed++;
    else this.#failed++;
    this.#say(
      `   ${ok ? 'ok  ' : 'FAIL'} ${what}${detail ? ` — ${detail}` : ''}`,
    );
  }

  figure(what: string, value: string) {
    this.#say(`   figure: ${what}: ${value}`);
  }

  fail(what: string, message: string) {
    this.#failed++;
    this.#say(`   FAIL ${what}: ${message}`);
  }

  /** Prints the summary; true when anything failed. */
  print(): boolean {
    process.stdout.write(
      `\ninstall test: ${seconds(Date.now() - this.#started)} in all\n${
        this.#passed
      } passed, ${this.#failed} failed\n`,
    );
    return this.#failed > 0;
  }

  #say(line: string) {
    this.#lines.push(line);
    process.stdout.write(`${line}\n`);
  }
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
