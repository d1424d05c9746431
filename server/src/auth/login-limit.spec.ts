import { loginLimitPerProcess } from './auth.module';

describe('the sign-in limit of one worker process', () => {
  it.each([
    [10, 1, 10],
    [10, 2, 5],
    [10, 3, 3],
    [3, 4, 1],
  ])('LOGIN_RATE_LIMIT %i over %i workers: %i each, never more than the limit together unless it is below one each', (limit, workers, each) => {
    expect(loginLimitPerProcess(limit, workers)).toBe(each);
    if (limit >= workers) expect(each * workers).toBeLessThanOrEqual(limit);
  });
});
