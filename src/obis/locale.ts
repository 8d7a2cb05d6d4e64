/*
 * Name tables per locale. A locale gives whole names keyed by a name key (see names.ts: nameKey), and the
 * words from which the electricity grid names (energy, demand and instantaneous values of every quantity,
 * phase and tariff) are composed. Any part a locale leaves out falls back to en-US, key by key, so a new
 * locale can start with a handful of names. Templates use `{n}` for a number and `{quantity}`/`{phase}`.
 */

/** The words of one grid quantity (value group C 1-20, 90-92). */
export interface QuantityWords {
  /** Name of its energy registers (D 8, 9, 29), for active/reactive/apparent quantities. */
  energy?: string;
  /** Name of its power (instantaneous and demand values). */
  power?: string;
  /** Name of a quantity that is neither energy nor power (current, voltage, power factor, frequency). */
  value?: string;
}

export interface GridWords {
  quantities: Readonly<Record<number, QuantityWords>>;
  /** `{quantity}` of one phase, e.g. `{quantity} {phase}` -> "Voltage L1". */
  withPhase: string;
  /** Phase names for phases 1-3. */
  phases: readonly [string, string, string];
  /** What value group D adds, e.g. 6 -> "maximum demand"; an empty string adds nothing (the meter reading). */
  processing: Readonly<Record<number, string>>;
  /** E = 0 on a tariffed register. */
  total: string;
  /** E = n on a tariffed register: `tariff {n}`. */
  tariff: string;
  /** Between the quantity, the processing and the tariff: ", ". */
  separator: string;
}

export interface BillingWords {
  /** Between a name and its billing period: " — ". */
  separator: string;
  /** F 0-99: the values stored when the billing period counter (VZ) was n. */
  period: string;
  /** F 101: the most recent billing period. */
  latest: string;
  /** F 102-125: the `{n}` most recent billing periods (n = F - 100). */
  latestCount: string;
  /** F 126: an unspecified number of the most recent periods. */
  recent: string;
  /** Any other F value. */
  other: string;
}

export interface ObisLocale {
  /** BCP 47 tag, e.g. `en-US`, `de`, `cs`. */
  tag: string;
  /** Whole names by name key; they win over composed grid names of the same locale. */
  names: Readonly<Record<string, string>>;
  grid?: Partial<GridWords>;
  billing?: Partial<BillingWords>;
}

/** Replaces `{key}` placeholders; unknown keys are left as written, so a typo shows instead of vanishing. */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
