import { describe, expect, it } from 'vitest';
import { makeBlocker } from '../test/fixtures';
import { FORM_ERROR_KEY, initialFormValues, mapServerFieldErrors, toCreateRequest, validateUpdateForm, type UpdateFormValues } from './update-form-model';

function validValues(overrides: Partial<UpdateFormValues> = {}): UpdateFormValues {
  return {
    ...initialFormValues({ week: '2026-W40', openBlockers: [] }),
    health: 'on_track',
    summary: 'Fine',
    confidence: '4',
    activeUsers: '10',
    activeUsersOutsideTeam: '10',
    scaleQuestionAsked: 'no',
    resourcesRedirected: 'no',
    ...overrides,
  };
}

describe('validateUpdateForm', () => {
  it('accepts a complete form; outside users may equal active users', () => {
    expect(validateUpdateForm(validValues())).toEqual({});
  });

  it('mirrors the server rules', () => {
    const errors = validateUpdateForm(
      validValues({ confidence: '2.5', activeUsers: '-1', activeUsersOutsideTeam: '', summary: '   ', health: '', scaleQuestionAsked: '' }),
    );
    expect(Object.keys(errors).sort()).toEqual(['activeUsers', 'activeUsersOutsideTeam', 'confidence', 'health', 'scaleQuestionAsked', 'summary']);
  });

  it('checks KPI numbers and blocker wording', () => {
    const values = validValues({
      kpiValues: { k1: '1e999' },
      newBlockers: [{ key: 'n1', text: '', category: '' }],
      openBlockers: [{ blocker: makeBlocker({ id: 'b1' }), action: 'reword', text: ' ', category: 'data' }],
    });
    expect(validateUpdateForm(values)).toEqual({
      'kpi:k1': ['Enter a number, or leave it empty if not measured'],
      'new-blocker:n1': ['Describe the blocker, or remove it', 'Choose a category'],
      'blocker:b1': ['Write the new wording, or keep the blocker as it is'],
    });
  });
});

describe('server field errors', () => {
  it('follow list items to the row that produced them', () => {
    const { fieldMap } = toCreateRequest(
      validValues({
        kpiValues: { k1: '', k2: '5' },
        openBlockers: [
          { blocker: makeBlocker({ id: 'b1' }), action: 'resolve', text: 'x', category: 'data' },
          { blocker: makeBlocker({ id: 'b2' }), action: 'confirm', text: 'y', category: 'data' },
        ],
        newBlockers: [{ key: 'n1', text: 'New', category: 'budget' }],
      }),
    );
    const errors = mapServerFieldErrors(
      [
        { field: 'kpiReadings.0.value', messages: ['bad value'] },
        { field: 'blockers.0.blockerId', messages: ['not a blocker of this pilot'] },
        { field: 'blockers.1.text', messages: ['too long'] },
        { field: 'summary', messages: ['summary should not be empty'] },
        { field: 'somethingElse', messages: ['property somethingElse should not exist'] },
      ],
      fieldMap,
    );
    expect(errors).toEqual({
      'kpi:k2': ['bad value'],
      'blocker:b2': ['not a blocker of this pilot'],
      'new-blocker:n1': ['too long'],
      summary: ['summary should not be empty'],
      [FORM_ERROR_KEY]: ['property somethingElse should not exist'],
    });
  });
});
