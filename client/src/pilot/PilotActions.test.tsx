import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import type { SessionUser } from '@liftoff/shared';
import { makePilot, makeSession } from '../test/fixtures';
import { mockApi } from '../test/mock-api';
import { renderRoute } from '../test/render';
import { PilotActions } from './PilotActions';

const pilot = makePilot({ id: 'p1', lead: { id: 'lead-1', name: 'Leo Lead' }, sponsor: { id: 'exec-1', name: 'Erin Executive' } });

function renderActions(session: SessionUser, stage = pilot.stage) {
  mockApi({});
  renderRoute(<PilotActions pilot={{ ...pilot, stage }} assessing={false} onAssess={() => undefined} onDecided={() => undefined} />, { path: '/', url: '/', session });
  return {
    postUpdate: screen.queryByRole('link', { name: 'Post weekly update' }),
    decide: screen.queryByRole('button', { name: 'Record a decision' }),
    reassess: screen.queryByRole('button', { name: 'Re-assess readiness' }),
  };
}

describe('actions offered on the pilot page', () => {
  it('offers the program office everything', () => {
    const offered = renderActions(makeSession('program_office'));
    expect(offered.postUpdate).toHaveAttribute('href', '/pilots/p1/updates/new');
    expect(offered.decide).toBeInTheDocument();
    expect(offered.reassess).toBeInTheDocument();
  });

  it('offers the pilot\'s lead only the weekly update', () => {
    const offered = renderActions(makeSession('pilot_lead', 'lead-1'));
    expect(offered.postUpdate).toBeInTheDocument();
    expect(offered.decide).toBeNull();
    expect(offered.reassess).toBeNull();
  });

  it('offers another lead nothing', () => {
    expect(Object.values(renderActions(makeSession('pilot_lead', 'lead-2'))).every((el) => el === null)).toBe(true);
  });

  it('offers the sponsoring executive only the decision', () => {
    const offered = renderActions(makeSession('executive', 'exec-1'));
    expect(offered.decide).toBeInTheDocument();
    expect(offered.postUpdate).toBeNull();
    expect(offered.reassess).toBeNull();
  });

  it('offers an executive who does not sponsor the pilot nothing', () => {
    expect(Object.values(renderActions(makeSession('executive', 'exec-2'))).every((el) => el === null)).toBe(true);
  });

  it('offers a viewer nothing', () => {
    expect(Object.values(renderActions(makeSession('viewer'))).every((el) => el === null)).toBe(true);
  });

  it('offers nothing on a killed pilot, even to the program office', () => {
    expect(Object.values(renderActions(makeSession('program_office'), 'killed')).every((el) => el === null)).toBe(true);
  });
});
