/**
 * The steps of the installation guide (docs/install.md) that the install test
 * applies. Each is a fenced code block right after a marker comment:
 *
 *   <!-- install-test: run -->                      shell commands, from the app root
 *   <!-- install-test: run with backend -->         shell commands once the backend answers
 *   <!-- install-test: edit <file> [new|legacy] --> a diff applied to <file>
 *   <!-- install-test: config -->                   YAML merged into app-config.yaml
 *   <!-- install-test: file <path> -->              a file written at <path>
 *
 * `new` or `legacy` limits an edit to apps of that frontend system.
 */

export type FrontendSystem = 'new' | 'legacy';

export type GuideStep =
  | { kind: 'run'; withBackend: boolean; code: string; line: number }
  | {
      kind: 'edit';
      file: string;
      only?: FrontendSystem;
      code: string;
      line: number;
    }
  | { kind: 'config'; code: string; line: number }
  | { kind: 'file'; path: string; code: string; line: number };

const MARKER = /^<!--\s*install-test:\s*(.*?)\s*-->\s*$/;
const FENCE = /^(`{3,})\s*([\w-]*)\s*$/;

/** Reads the marked steps, in order; throws on a marker the test cannot apply. */
export function guideSteps(markdown: string): GuideStep[] {
  const lines = markdown.split('\n');
  const steps: GuideStep[] = [];
  for (let i = 0; i < lines.length; i++) {
    const marker = MARKER.exec(lines[i]);
    if (!marker) continue;
    const at = i + 1;
    let j = i + 1;
    while (j < lines.length && lines[j].trim() === '') j++;
    const fence = FENCE.exec(lines[j] ?? '');
    if (!fence) {
      throw new Error(
        `docs/install.md:${at}: the install-test marker is not followed by a code block`,
      );
    }
    const body: string[] = [];
    let k = j + 1;
    while (k < lines.length && lines[k].trim() !== fence[1])
      body.push(lines[k++]);
    if (k >= lines.length) {
      throw new Error(`docs/install.md:${j + 1}: the code block is not closed`);
    }
    const code = `${body.join('\n')}\n`;
    const language = fence[2];
    const words = marker[1].split(/\s+/);
    const line = j + 2;
    const expect = (lang: string[]) => {
      if (!lang.includes(language)) {
        throw new Error(
          `docs/install.md:${at}: a "${words[0]}" step needs a ${lang.join(
            ' or ',
          )} block, got "${language}"`,
        );
      }
    };
    if (
      words[0] === 'run' &&
      (words.length === 1 || words.join(' ') === 'run with backend')
    ) {
      expect(['sh', 'bash']);
      steps.push({ kind: 'run', withBackend: words.length > 1, code, line });
    } else if (words[0] === 'edit' && words[1] && words.length <= 3) {
      expect(['diff']);
      const only = words[2];
      if (only !== undefined && only !== 'new' && only !== 'legacy') {
        throw new Error(
          `docs/install.md:${at}: an edit is for "new" or "legacy" apps, got "${only}"`,
        );
      }
      steps.push({ kind: 'edit', file: words[1], only, code, line });
    } else if (words[0] === 'config' && words.length === 1) {
      expect(['yaml']);
      steps.push({ kind: 'config', code, line });
    } else if (words[0] === 'file' && words.length === 2) {
      steps.push({ kind: 'file', path: words[1], code, line });
    } else {
      throw new Error(
        `docs/install.md:${at}: unknown install-test marker "${marker[1]}"`,
      );
    }
    i = k;
  }
  return steps;
}

/** Every `yarn --cwd <workspace> add <packages…>` the guide names, in code or prose. */
export function guideInstallCommands(
  markdown: string,
): Array<{ workspace: string; packages: string[] }> {
  const found: Array<{ workspace: string; packages: string[] }> = [];
  for (const m of markdown.matchAll(
    /yarn --cwd (\S+) add ((?:@[\w.-]+\/[\w.-]+ ?)+)/g,
  )) {
    found.push({ workspace: m[1], packages: m[2].trim().split(/\s+/) });
  }
  return found;
}
