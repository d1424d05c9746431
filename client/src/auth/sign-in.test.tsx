import { describe, expect, it, afterEach, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router-dom';
import { mockApi, reply } from '../test/mock-api';
import { RequireSession } from './RequireSession';
import SignInPage from './SignInPage';

function Where() {
  const location = useLocation();
  return <div data-testid="where">{location.pathname + location.search}</div>;
}

function renderApp(url: string) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter initialEntries={[url]}>
        <Routes>
          <Route path="/sign-in" element={<SignInPage />} />
          <Route path="/scale-queue" element={<RequireSession><p>Scale queue page</p></RequireSession>} />
          <Route path="/pilots/:id" element={<RequireSession><p>Pilot page</p></RequireSession>} />
        </Routes>
        <Where />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

const unauthorized = reply(401, { statusCode: 401, error: 'Unauthorized', message: 'Sign in first' });

describe('sign-in', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('sends a signed-out visitor to sign in and back to the page they asked for', async () => {
    let signedIn = false;
    const api = mockApi({
      'GET /api/auth/me': () => (signedIn ? { id: 'u1', name: 'Leo Lead', email: 'lead@liftoff.demo', role: 'pilot_lead', businessUnitId: null } : unauthorized),
      'POST /api/auth/login': () => {
        signedIn = true;
        return { id: 'u1', name: 'Leo Lead', email: 'lead@liftoff.demo', role: 'pilot_lead', businessUnitId: null };
      },
    });
    renderApp('/pilots/p1');
    await waitFor(() => expect(screen.getByTestId('where').textContent).toBe('/sign-in?next=%2Fpilots%2Fp1'));
    // The page is its own main landmark (it renders outside the app's layout).
    expect(screen.getByRole('main')).toContainElement(screen.getByRole('heading', { name: 'Sign in' }));
    await userEvent.type(screen.getByLabelText('Email'), 'lead@liftoff.demo');
    await userEvent.type(screen.getByLabelText('Password'), 'liftoff-lead');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(screen.getByText('Pilot page')).toBeTruthy());
    expect(api.find('POST', '/api/auth/login')[0].body).toEqual({ email: 'lead@liftoff.demo', password: 'liftoff-lead' });
  });

  it('shows a wrong password in place and stays on the page', async () => {
    mockApi({
      'GET /api/auth/me': unauthorized,
      'POST /api/auth/login': reply(401, { statusCode: 401, error: 'Unauthorized', message: 'Email or password is wrong' }),
    });
    renderApp('/sign-in');
    await userEvent.type(await screen.findByLabelText('Email'), 'lead@liftoff.demo');
    await userEvent.type(screen.getByLabelText('Password'), 'nope');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Email or password is wrong');
    expect(screen.getByTestId('where').textContent).toBe('/sign-in');
  });

  it('starts an executive on the scale queue', async () => {
    mockApi({ 'GET /api/auth/me': unauthorized, 'POST /api/auth/login': { id: 'e1', name: 'Erin', email: 'exec@liftoff.demo', role: 'executive', businessUnitId: null } });
    renderApp('/sign-in');
    await userEvent.type(await screen.findByLabelText('Email'), 'exec@liftoff.demo');
    await userEvent.type(screen.getByLabelText('Password'), 'liftoff-exec');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(screen.getByTestId('where').textContent).toBe('/scale-queue'));
  });

  it('starts a pilot lead on the pilots they lead', async () => {
    mockApi({ 'GET /api/auth/me': unauthorized, 'POST /api/auth/login': { id: 'l1', name: 'Leo', email: 'lead@liftoff.demo', role: 'pilot_lead', businessUnitId: null } });
    renderApp('/sign-in');
    await userEvent.type(await screen.findByLabelText('Email'), 'lead@liftoff.demo');
    await userEvent.type(screen.getByLabelText('Password'), 'x');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(screen.getByTestId('where').textContent).toBe('/pilots?leadId=l1'));
  });

  it('refuses to follow a next link to another site', async () => {
    mockApi({ 'GET /api/auth/me': unauthorized, 'POST /api/auth/login': { id: 'e1', name: 'Erin', email: 'exec@liftoff.demo', role: 'executive', businessUnitId: null } });
    renderApp('/sign-in?next=//evil.example.com');
    await userEvent.type(await screen.findByLabelText('Email'), 'exec@liftoff.demo');
    await userEvent.type(screen.getByLabelText('Password'), 'x');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(screen.getByTestId('where').textContent).toBe('/scale-queue'));
  });
});
