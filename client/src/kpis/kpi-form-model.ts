import { kpiDefinitionBoundsProblems, kpiDirectionProblem, type CreateKpiRequest, type Kpi, type KpiDirection, type UpdateKpiRequest } from '@liftoff/shared';

export interface KpiFormValues {
  name: string;
  unit: string;
  direction: KpiDirection | '';
  baseline: string;
  target: string;
  minValue: string;
  maxValue: string;
}

export type KpiFormField = keyof KpiFormValues;
export type KpiFormErrors = Partial<Record<KpiFormField, string[]>>;

export const EMPTY_KPI_FORM: KpiFormValues = { name: '', unit: '', direction: '', baseline: '', target: '', minValue: '', maxValue: '' };

const NUMBER_FIELDS = ['baseline', 'target', 'minValue', 'maxValue'] as const;
const textOf = (value: number | null) => (value === null ? '' : String(value));

export function kpiToForm(kpi: Kpi): KpiFormValues {
  return {
    name: kpi.name,
    unit: kpi.unit,
    direction: kpi.direction,
    baseline: textOf(kpi.baseline),
    target: textOf(kpi.target),
    minValue: textOf(kpi.minValue),
    maxValue: textOf(kpi.maxValue),
  };
}

const numberOf = (text: string): number | null => (text.trim() === '' ? null : Number(text));

/**
 * The same rules the server applies, from shared/: a target in the KPI's direction from its
 * baseline, min not above max, baseline and target within the bounds. Shown as the person types.
 */
export function validateKpiForm(values: KpiFormValues): KpiFormErrors {
  const errors: KpiFormErrors = {};
  if (!values.name.trim()) errors.name = ['Give the KPI a name'];
  if (!values.unit.trim()) errors.unit = ['Give its unit, e.g. minutes or %'];
  if (!values.direction) errors.direction = ['Say whether higher or lower is better'];
  for (const field of NUMBER_FIELDS) {
    if (values[field].trim() !== '' && !Number.isFinite(Number(values[field]))) errors[field] = ['Enter a number'];
  }
  if (Object.keys(errors).some((f) => (NUMBER_FIELDS as readonly string[]).includes(f))) return errors;
  const numbers = { baseline: numberOf(values.baseline), target: numberOf(values.target), minValue: numberOf(values.minValue), maxValue: numberOf(values.maxValue) };
  const direction = values.direction && kpiDirectionProblem(values.direction, numbers.baseline, numbers.target);
  if (direction) errors.target = [`The ${direction}`];
  for (const { field, message } of kpiDefinitionBoundsProblems(numbers)) errors[field] = [...(errors[field] ?? []), message];
  return errors;
}

export function toKpiRequest(values: KpiFormValues): CreateKpiRequest {
  return {
    name: values.name.trim(),
    unit: values.unit.trim(),
    direction: values.direction as KpiDirection,
    baseline: numberOf(values.baseline),
    target: numberOf(values.target),
    minValue: numberOf(values.minValue),
    maxValue: numberOf(values.maxValue),
  };
}

/** Only what changed, so an edit never overwrites a field someone else just set. */
export function toKpiUpdate(kpi: Kpi, values: KpiFormValues): UpdateKpiRequest {
  const next = toKpiRequest(values);
  const changes: UpdateKpiRequest = { version: kpi.version };
  for (const key of Object.keys(next) as (keyof CreateKpiRequest)[]) {
    if (next[key] !== kpi[key]) (changes as unknown as Record<string, unknown>)[key] = next[key];
  }
  return changes;
}
