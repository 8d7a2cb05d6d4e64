import type { ObisCode } from './code';
import { defaultUnit, hasEnergy, isTariffed, MAX_TARIFF, processingOf, QUANTITY_KINDS, quantityOf } from './facts';
import { fill, type GridWords } from './locale';

/*
 * The electricity grid: energies, demands and instantaneous values of every quantity (value group C), per
 * phase, per tariff (value group E). Its names are composed from a locale's words rather than listed, so
 * 1.8.0 ... 1.8.63, 21.8.x, 41.6.x and so on all get consistent names from a few dozen words.
 */

export interface GridEntry {
  name: string;
  unit: string | null;
}

/** The tariff part of a name, '' when E is not a tariff for this D, undefined when E makes no sense here. */
function tariffPart(d: number, e: number, words: GridWords): string | undefined {
  if (!isTariffed(d)) return e === 0 ? '' : undefined;
  if (e === 0) return words.total;
  return e <= MAX_TARIFF ? fill(words.tariff, { n: e }) : undefined;
}

/** Name and default unit of a grid code, or undefined when the code is not in the grid. */
export function gridEntry(code: Readonly<ObisCode>, words: GridWords): GridEntry | undefined {
  const ref = quantityOf(code.c);
  const processing = processingOf(code.d);
  if (ref === undefined || processing === undefined) return undefined;
  const kind = QUANTITY_KINDS[ref.quantity];
  // Current, voltage, power factor and frequency are named only as instantaneous values.
  if (!hasEnergy(kind) && processing !== 'instantaneous') return undefined;
  const quantityWords = words.quantities[ref.quantity];
  const base = processing === 'energy' ? quantityWords?.energy : (quantityWords?.power ?? quantityWords?.value);
  const processingWords = words.processing[code.d];
  const tariff = tariffPart(code.d, code.e, words);
  if (base === undefined || processingWords === undefined || tariff === undefined) return undefined;
  const quantity = ref.phase === 0 ? base : fill(words.withPhase, { quantity: base, phase: words.phases[ref.phase - 1] });
  const name = [quantity, processingWords, tariff].filter((part) => part !== '').join(words.separator);
  return { name, unit: defaultUnit(kind, processing) };
}
