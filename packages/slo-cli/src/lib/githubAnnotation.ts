/**
 * A GitHub Actions workflow command (`::error file=…,title=…::message`),
 * escaped as the runner expects: data and property values differ in which
 * characters must be encoded.
 */
export function githubAnnotation(
  level: 'error' | 'warning' | 'notice',
  message: string,
  properties: Record<string, string | number | undefined> = {},
): string {
  const data = (s: string) =>
    s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const property = (s: string) =>
    data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const props = Object.entries(properties)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${property(String(v))}`)
    .join(',');
  return `::${level}${props ? ` ${props}` : ''}::${data(message)}`;
}
