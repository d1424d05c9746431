import type { ReactElement } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router-dom';
import type { SessionUser } from '@liftoff/shared';
import { sessionKey } from '../auth/session';

/** Shows where the app navigated to (and the state it carried), so tests can assert on redirects. */
function LocationProbe() {
  const location = useLocation();
  return (
    <>
      <div data-testid="location">{location.pathname + location.search}</div>
      <div data-testid="location-state">{location.state ? JSON.stringify(location.state) : ''}</div>
    </>
  );
}

interface RenderRouteOptions {
  path: string;
  url: string;
  /** Who is signed in; left out, the session is whatever `GET /api/auth/me` answers. */
  session?: SessionUser | null;
  /** More routes to land on, e.g. the pilot page after a form. */
  routes?: Record<string, ReactElement>;
}

/** Renders a page at a route with a fresh query cache (no retries) and a router. */
export function renderRoute(element: ReactElement, { path, url, session, routes = {} }: RenderRouteOptions) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  if (session !== undefined) queryClient.setQueryData(sessionKey, session);
  const result = render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter initialEntries={[url]}>
        <Routes>
          <Route path={path} element={element} />
          {Object.entries(routes).map(([routePath, routeElement]) => (
            <Route key={routePath} path={routePath} element={routeElement} />
          ))}
          <Route path="*" element={<p>Elsewhere</p>} />
        </Routes>
        <LocationProbe />
      </MemoryRouter>
    </QueryClientProvider>,
  );
  return { ...result, queryClient };
}
