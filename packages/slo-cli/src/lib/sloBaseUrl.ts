import { CliError } from './exitCodes';

/**
 * `http://host:7007`, or `http://host:7007/api/slo` as `push` and `gate`
 * document it, → the backend's root, `http://host:7007`.
 */
export function backendBaseUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new CliError(
      `--url: "${url}" is not a URL such as http://localhost:7007`,
    );
  }
  return parsed
    .toString()
    .replace(/\/+$/, '')
    .replace(/\/api\/slo$/, '');
}

/** `http://host:7007` or `http://host:7007/api/slo` → the SLO API's base. */
export function sloBaseUrl(url: string): string {
  return `${backendBaseUrl(url)}/api/slo`;
}
