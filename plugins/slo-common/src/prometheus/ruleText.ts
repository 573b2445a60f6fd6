// Small text helpers of the generated rules.

/** 10 significant digits: 0.02 × 28 d / 1 h is 13.44, not 13.440000000000001. */
export const tidy = (n: number) => Number(n.toPrecision(10));

export const percent = (ratio: number) => `${tidy(ratio * 100)} %`;

/** `checkout-availability` → `CheckoutAvailability`, for alert names. */
export const pascalCase = (name: string) =>
  name
    .split(/[^a-zA-Z0-9]+/)
    .filter(Boolean)
    .map(w => w[0].toUpperCase() + w.slice(1))
    .join('');

/** A PromQL label selector: `{slo="x",slo_objective="0"}`. */
export function selector(labels: Record<string, string>): string {
  return `{${Object.entries(labels)
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
    .join(',')}}`;
}

/** Letters, digits and _, not starting with a digit. */
export const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
