import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { PilotDiagnosis, RecordDecisionRequest } from '@liftoff/shared';
import { mockApi, reply } from '../test/mock-api';
import { renderRoute } from '../test/render';
import { DecisionDialog } from './DecisionDialog';

const diagnosis = {
  pilotId: 'p1',
  recommendation: { action: 'scale', reasons: ['All six readiness tests pass.', 'KPIs at target for 6 weeks.'], readinessScore: 100, bindingConstraint: null, ruleId: 'r1' },
} as unknown as PilotDiagnosis;
const recorded = { id: 'd1', pilotId: 'p1', pilotName: 'Code review helper', kind: 'scale' };

function open(routes: Record<string, unknown> = {}) {
  const api = mockApi({ 'GET /api/pilots/p1/diagnosis': diagnosis, 'POST /api/pilots/p1/decisions': recorded, ...routes });
  const onClose = vi.fn();
  const onRecorded = vi.fn();
  renderRoute(<DecisionDialog subject={{ pilotId: 'p1', pilotName: 'Code review helper' }} onClose={onClose} onRecorded={onRecorded} />, { path: '/', url: '/' });
  return { api, onClose, onRecorded, user: userEvent.setup() };
}

const inAMonth = () => new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

describe('decision dialog', () => {
  it('shows the recommendation and its reasons', async () => {
    open();
    expect(screen.getByRole('dialog', { name: 'Decide on Code review helper' })).toBeInTheDocument();
    expect(await screen.findByText('All six readiness tests pass.')).toBeInTheDocument();
    expect(screen.getByText(/Liftoff recommends/)).toHaveTextContent('Liftoff recommends Scale · readiness 100/100');
  });

  it('requires a decision and a rationale, and sends nothing until both are there', async () => {
    const { api, user } = open();
    await user.click(screen.getByRole('button', { name: 'Record decision' }));
    expect(screen.getByRole('group', { name: 'Decision' })).toHaveAccessibleDescription(expect.stringContaining('Choose a decision'));
    expect(screen.getByLabelText('Rationale')).toHaveAccessibleDescription(expect.stringContaining('Say why'));
    expect(api.find('POST', '/api/pilots/p1/decisions')).toHaveLength(0);
  });

  it('asks for a review date after today to scale', async () => {
    const { api, user } = open();
    await user.click(screen.getByRole('radio', { name: 'Scale' }));
    await user.type(screen.getByLabelText('Rationale'), 'Ready for the whole unit.');
    await user.click(screen.getByRole('button', { name: 'Record decision' }));
    expect(screen.getByLabelText('Next review')).toHaveAccessibleDescription(expect.stringContaining('Set when this pilot is looked at again'));
    expect(api.find('POST', '/api/pilots/p1/decisions')).toHaveLength(0);
  });

  it('notes when the decision overrides the recommendation', async () => {
    const { user } = open();
    await screen.findByText('All six readiness tests pass.');
    await user.click(screen.getByRole('radio', { name: 'Kill' }));
    expect(screen.getByRole('group', { name: 'Decision' })).toHaveAccessibleDescription(expect.stringContaining('differs from the recommendation'));
    expect(screen.getByLabelText('Next review (optional)')).toBeInTheDocument();
  });

  it('records a complete decision and closes', async () => {
    const { api, user, onClose, onRecorded } = open();
    const date = inAMonth();
    await user.click(screen.getByRole('radio', { name: 'Scale' }));
    await user.type(screen.getByLabelText('Rationale'), '  Ready for the whole unit. ');
    await user.type(screen.getByLabelText('Next review'), date);
    await user.click(screen.getByRole('button', { name: 'Record decision' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(api.find('POST', '/api/pilots/p1/decisions')[0].body as RecordDecisionRequest).toEqual({ kind: 'scale', rationale: 'Ready for the whole unit.', nextReviewDate: date });
    expect(onRecorded).toHaveBeenCalledWith(recorded);
  });

  it.each([
    ['Kill', 'kill', /closes Code review helper for good/, 'Yes, kill the pilot'],
    ['Pivot', 'pivot', /starts a new pilot, "Code review helper \(pivot\)"/, 'Yes, pivot to a new pilot'],
  ])('asks to confirm %s, naming its effect, before recording it', async (label, kind, effect, confirm) => {
    const { api, user, onClose } = open({ 'POST /api/pilots/p1/decisions': { ...recorded, kind } });
    await user.click(screen.getByRole('radio', { name: label }));
    await user.type(screen.getByLabelText('Rationale'), 'It will not pay back.');
    await user.click(screen.getByRole('button', { name: 'Record decision' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(effect);
    expect(api.find('POST', '/api/pilots/p1/decisions')).toEqual([]);
    await user.click(screen.getByRole('button', { name: confirm }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(api.find('POST', '/api/pilots/p1/decisions')).toHaveLength(1);
  });

  it('says the review date is optional, in label and hint alike, when it is', async () => {
    const { user } = open();
    await user.click(screen.getByRole('radio', { name: 'Kill' }));
    const field = screen.getByLabelText('Next review (optional)');
    expect(field).toHaveAccessibleDescription(/Optional/);
    await user.click(screen.getByRole('radio', { name: 'Scale' }));
    expect(screen.getByLabelText('Next review')).toHaveAccessibleDescription(/Required for this decision/);
  });

  it('shows the server\'s field errors in place and stays open', async () => {
    const { user, onClose } = open({
      'POST /api/pilots/p1/decisions': reply(400, { statusCode: 400, error: 'Bad Request', message: 'Invalid', fieldErrors: [{ field: 'nextReviewDate', messages: ['nextReviewDate must be after today'] }] }),
    });
    await user.click(screen.getByRole('radio', { name: 'Keep piloting' }));
    await user.type(screen.getByLabelText('Rationale'), 'More data.');
    await user.type(screen.getByLabelText('Next review'), inAMonth());
    await user.click(screen.getByRole('button', { name: 'Record decision' }));
    expect(await screen.findByText('nextReviewDate must be after today')).toBeInTheDocument();
    expect(onClose).not.toHaveBeenCalled();
  });

  it('shows a refusal that names no field at the top', async () => {
    const { user } = open({ 'POST /api/pilots/p1/decisions': reply(409, { statusCode: 409, error: 'Conflict', message: 'Pilot "Code review helper" is killed; no further decisions can be recorded on it' }) });
    await user.click(screen.getByRole('radio', { name: 'Kill' }));
    await user.type(screen.getByLabelText('Rationale'), 'Stop.');
    await user.click(screen.getByRole('button', { name: 'Record decision' }));
    await user.click(screen.getByRole('button', { name: 'Yes, kill the pilot' }));
    expect(await screen.findByText(/no further decisions/)).toHaveAttribute('role', 'alert');
  });

  it('closes on Escape, and focus starts inside the dialog', async () => {
    const { user, onClose } = open();
    expect(screen.getByRole('dialog')).toContainElement(document.activeElement as HTMLElement);
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalled();
  });
});
