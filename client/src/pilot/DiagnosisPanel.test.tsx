import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import type { PilotDiagnosis } from '@liftoff/shared';
import { makeFlag } from '../test/fixtures';
import { DiagnosisPanel } from './DiagnosisPanel';

const diagnosis = (openFlags: PilotDiagnosis['openFlags']): PilotDiagnosis => ({
  pilotId: 'pilot-1',
  computedAt: '2026-12-01T08:00:00.000Z',
  openFlags,
  patterns: [],
  recommendation: { action: 'keep_piloting', reasons: [], explained: [], readinessScore: 40, bindingConstraint: null, ruleId: 'default' },
  readiness: [],
  latestAssessment: null,
  previousAssessment: null,
});

describe('DiagnosisPanel stuck signs', () => {
  it('dates each sign from when its condition began, falling back to when it was flagged', () => {
    render(
      <DiagnosisPanel
        diagnosis={diagnosis([
          makeFlag({ id: 'f1', summary: 'Blocker reported for 22 weeks.', conditionSince: '2026-06-22', openedAt: '2026-12-01T08:00:00.000Z' }),
          makeFlag({ id: 'f2', kind: 'silent', subjectKey: '', summary: 'No weekly update for 15 days.', conditionSince: null, openedAt: '2026-11-25T09:00:00.000Z' }),
        ])}
      />,
    );
    const [blocker, silent] = screen.getAllByRole('listitem').filter((li) => li.textContent?.includes('· since'));
    expect(blocker).toHaveTextContent('Blocker reported for 22 weeks. · since 22 Jun 2026');
    expect(blocker).not.toHaveTextContent('1 Dec 2026');
    expect(silent).toHaveTextContent('· since 25 Nov 2026');
  });
});
