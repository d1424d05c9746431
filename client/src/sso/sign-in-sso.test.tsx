import { describe, expect, it, afterEach, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { mockApi, reply } from '../test/mock-api';
import SignInPage from '../auth/SignInPage';

function renderSignIn(url: string) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter initialEntries={[url]}>
        <Routes>
          <Route path="/sign-in" element={<SignInPage />} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

const unauthorized = reply(401, { statusCode: 401, error: 'Unauthorized', message: 'Sign in first' });

describe('company sign-in on the sign-in page', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('offers "Sign in with <company>" that comes back to the page asked for', async () => {
    mockApi({ 'GET /api/auth/me': unauthorized, 'GET /api/auth/sign-in-options': { sso: { providerName: 'Acme', startUrl: '/api/auth/sso/start' }, passwordSignIn: true } });
    renderSignIn('/sign-in?next=%2Fpilots%2Fp1');
    const link = await screen.findByRole('link', { name: 'Sign in with Acme' });
    expect(link.getAttribute('href')).toBe('/api/auth/sso/start?returnTo=%2Fpilots%2Fp1');
    expect(screen.getByLabelText('Password')).toBeVisible();
  });

  it('without a page to return to, comes back to sign-in, which sends each role to its home', async () => {
    mockApi({ 'GET /api/auth/me': unauthorized, 'GET /api/auth/sign-in-options': { sso: { providerName: 'Acme', startUrl: '/api/auth/sso/start' }, passwordSignIn: true } });
    renderSignIn('/sign-in');
    expect((await screen.findByRole('link', { name: 'Sign in with Acme' })).getAttribute('href')).toBe('/api/auth/sso/start?returnTo=%2Fsign-in');
  });

  it('says why a company sign-in was refused', async () => {
    mockApi({ 'GET /api/auth/me': unauthorized, 'GET /api/auth/sign-in-options': { sso: { providerName: 'Acme', startUrl: '/api/auth/sso/start' }, passwordSignIn: true } });
    renderSignIn('/sign-in?sso=no_role');
    expect(await screen.findByRole('alert')).toHaveTextContent('not in any group that has access to Liftoff');
  });

  it('an unknown refusal code shows nothing made up', async () => {
    mockApi({ 'GET /api/auth/me': unauthorized, 'GET /api/auth/sign-in-options': { sso: null, passwordSignIn: true } });
    renderSignIn('/sign-in?sso=<script>');
    await screen.findByLabelText('Password');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByRole('link', { name: /Sign in with/ })).toBeNull();
  });

  it('with passwords off, the password form folds away for the break-glass account', async () => {
    mockApi({ 'GET /api/auth/me': unauthorized, 'GET /api/auth/sign-in-options': { sso: { providerName: 'Acme', startUrl: '/api/auth/sso/start' }, passwordSignIn: false } });
    renderSignIn('/sign-in');
    await screen.findByRole('link', { name: 'Sign in with Acme' });
    expect(screen.getByText('Break-glass sign-in with a password')).toBeVisible();
    expect(screen.getByLabelText('Password')).not.toBeVisible();
  });
});
