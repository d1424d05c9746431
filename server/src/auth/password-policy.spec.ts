import { passwordProblems } from './password-policy';

describe('password policy', () => {
  it.each([
    ['short1', /at least 12/],
    ['password1234', /most common/],
    ['PASSWORD1234', /most common/],
    ['qwertyuiop123', /most common/],
    ['aaaaaaaaaaaaaa', /repeats too few/],
    [12345678901234, /must be a string/],
    ['x'.repeat(201), /at most 200/],
  ])('refuses %j', (password, problem) => {
    expect(passwordProblems(password).join(' ')).toMatch(problem);
  });

  it.each(['a much better password', 'Liftoff pilots 2026!', 'correct horse battery'])('accepts %j', (password) => {
    expect(passwordProblems(password)).toEqual([]);
  });
});
