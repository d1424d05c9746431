import { describe, expect, it } from 'vitest';
import { reasonSource } from './analysis-labels';

describe('reasonSource', () => {
  it.each([
    ['scale_ready', 'rule scale_ready'],
    ['signal:busy_not_progressing', 'Busy, not progressing'],
    ['pattern:missing_executive_sponsor', 'No sponsor'],
    ['pattern:no_integration_path,pattern:workflow_unchanged', 'No integration path, Workflow unchanged'],
    ['guidance:enthusiast_only_adoption', 'guidance: Enthusiasts only'],
    ['assessment:measurement', 'readiness assessment'],
    ['kpi:kpi-1', 'KPI'],
    ['economics', 'value and cost'],
  ])('%s -> %s', (rule, label) => {
    expect(reasonSource(rule, 'scale_ready')).toBe(label);
  });
});
