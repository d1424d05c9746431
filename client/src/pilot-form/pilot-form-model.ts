import type { Complexity, CreatePilotRequest, Pilot, Stage, UpdatePilotRequest, UseCaseCategory } from '@liftoff/shared';

/** The pilot form as typed: every control holds text until it is sent. */
export interface PilotFormValues {
  name: string;
  summary: string;
  businessUnitId: string;
  useCaseCategory: UseCaseCategory | '';
  leadId: string;
  sponsorId: string;
  complexity: Complexity | '';
  /** Only when creating: the stage the pilot is already in. */
  stage: Stage;
  startDate: string;
  /** "In this stage since", for a pilot that was underway before it was entered; empty means now. */
  stageEnteredAt: string;
  targetProductionDate: string;
  /** One system per line or comma. */
  integrationSystems: string;
  annualValueAtScale: string;
  costToDate: string;
  costToScale: string;
}

export type PilotFormField = keyof PilotFormValues;
export type PilotFormErrors = Partial<Record<PilotFormField, string[]>>;

/** Stages a pilot can be entered in; pivoted and killed pilots are closed, nothing to enter. */
export const ENTRY_STAGES: readonly Stage[] = ['proposed', 'piloting', 'scaling', 'production', 'paused'];

export const EMPTY_PILOT_FORM: PilotFormValues = {
  name: '',
  summary: '',
  businessUnitId: '',
  useCaseCategory: '',
  leadId: '',
  sponsorId: '',
  complexity: '',
  stage: 'proposed',
  startDate: '',
  stageEnteredAt: '',
  targetProductionDate: '',
  integrationSystems: '',
  annualValueAtScale: '',
  costToDate: '',
  costToScale: '',
};

const money = (value: number) => (value ? String(value) : '');

export function pilotToForm(pilot: Pilot): PilotFormValues {
  return {
    name: pilot.name,
    summary: pilot.summary,
    businessUnitId: pilot.businessUnitId,
    useCaseCategory: pilot.useCaseCategory,
    leadId: pilot.lead.id,
    sponsorId: pilot.sponsor?.id ?? '',
    complexity: pilot.complexity,
    stage: pilot.stage,
    startDate: pilot.startDate,
    stageEnteredAt: pilot.stageEnteredAt.slice(0, 10),
    targetProductionDate: pilot.targetProductionDate ?? '',
    integrationSystems: pilot.integrationSystems.join('\n'),
    annualValueAtScale: money(pilot.annualValueAtScale),
    costToDate: money(pilot.costToDate),
    costToScale: money(pilot.costToScale),
  };
}

const MONEY_FIELDS = ['annualValueAtScale', 'costToDate', 'costToScale'] as const;

/** What can be told before asking the server; the server checks everything again. */
export function validatePilotForm(values: PilotFormValues, today: string): PilotFormErrors {
  const errors: PilotFormErrors = {};
  if (!values.name.trim()) errors.name = ['Give the pilot a name'];
  if (!values.businessUnitId) errors.businessUnitId = ['Choose the business unit'];
  if (!values.useCaseCategory) errors.useCaseCategory = ['Choose a use-case category'];
  if (!values.leadId) errors.leadId = ['Choose who leads the pilot'];
  if (!values.complexity) errors.complexity = ['Choose the complexity'];
  if (!values.startDate) errors.startDate = ['Give the start date'];
  if (values.targetProductionDate && values.startDate && values.targetProductionDate < values.startDate) {
    errors.targetProductionDate = ['The target date cannot be before the start date'];
  }
  if (values.stageEnteredAt && values.stageEnteredAt > today) errors.stageEnteredAt = ['This cannot be in the future'];
  for (const field of MONEY_FIELDS) {
    const text = values[field].trim();
    if (text && !(/^\d+(\.\d{1,2})?$/.test(text))) errors[field] = ['Enter an amount like 250000 (no currency sign, 0 or more)'];
  }
  return errors;
}

function systemsOf(text: string): string[] {
  return text.split(/[\n,]/).map((s) => s.trim()).filter(Boolean);
}

const amount = (text: string) => (text.trim() ? Number(text) : 0);

export function toCreatePilotRequest(values: PilotFormValues): CreatePilotRequest {
  return {
    name: values.name.trim(),
    summary: values.summary.trim(),
    businessUnitId: values.businessUnitId,
    useCaseCategory: values.useCaseCategory as UseCaseCategory,
    leadId: values.leadId,
    sponsorId: values.sponsorId || null,
    complexity: values.complexity as Complexity,
    stage: values.stage,
    startDate: values.startDate,
    ...(values.stageEnteredAt ? { stageEnteredAt: values.stageEnteredAt } : {}),
    targetProductionDate: values.targetProductionDate || null,
    integrationSystems: systemsOf(values.integrationSystems),
    annualValueAtScale: amount(values.annualValueAtScale),
    costToDate: amount(values.costToDate),
    costToScale: amount(values.costToScale),
  };
}

/**
 * Only what changed is sent, so an edit never overwrites fields the person did not touch, and a
 * pilot lead never sends the sponsor, lead or stage clock the server would refuse them.
 */
export function toUpdatePilotRequest(initial: PilotFormValues, values: PilotFormValues, version: number): UpdatePilotRequest {
  const full = toCreatePilotRequest(values);
  const before = toCreatePilotRequest(initial);
  const changes: UpdatePilotRequest = { version };
  for (const key of Object.keys(full) as (keyof CreatePilotRequest)[]) {
    if (key === 'stage' || key === 'stageEnteredAt') continue;
    if (JSON.stringify(full[key]) !== JSON.stringify(before[key])) (changes as unknown as Record<string, unknown>)[key] = full[key];
  }
  if (values.stageEnteredAt !== initial.stageEnteredAt && values.stageEnteredAt) changes.stageEnteredAt = values.stageEnteredAt;
  return changes;
}
