import { THRESHOLD_KEYS, validateThresholds, type SignalThresholds, type ThresholdKey } from '@liftoff/shared';

/** Form text -> number; an empty box is not a number. */
function toNumber(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text);
}

/** The shared validator (the one the server uses), with the messages worded for a form. */
export function thresholdErrors(draft: Record<ThresholdKey, string>): Record<string, string[]> {
  const patch = Object.fromEntries(THRESHOLD_KEYS.map((key) => [key, toNumber(draft[key])]));
  const errors: Record<string, string[]> = {};
  for (const { field, message } of validateThresholds(patch)) errors[field] = [`Must ${message.replace(/^must /, '')}`];
  return errors;
}

/** Only what changed is sent, so a save never overwrites a threshold someone else just tuned. */
export function toThresholdPatch(draft: Record<ThresholdKey, string>, stored: SignalThresholds): Partial<SignalThresholds> {
  const patch: Partial<SignalThresholds> = {};
  for (const key of THRESHOLD_KEYS) {
    const value = toNumber(draft[key]);
    if (value !== stored[key]) patch[key] = value;
  }
  return patch;
}
