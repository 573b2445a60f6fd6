import { CliError } from './exitCodes';

/** `http://host:7007` or `http://host:7007/api/slo` → the SLO API's base. */
export function sloBaseUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new CliError(
      `--url: "${url}" is not a URL such as http://localhost:7007`,
    );
  }
  const base = parsed.toString().replace(/\/+$/, '');
  return base.endsWith('/api/slo') ? base : `${base}/api/slo`;
}
