import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { makeSession } from '../test/fixtures';
import { renderRoute } from '../test/render';
import { MainNav } from './MainNav';

const renderNav = (url = '/stuck') => {
  const session = makeSession('program_office');
  return renderRoute(<MainNav user={session} />, { path: '*', url, session });
};

describe('main navigation menu', () => {
  it('is a disclosure: the Menu button controls the list and says whether it is open', async () => {
    renderNav();
    const menu = screen.getByRole('button', { name: 'Menu' });
    const list = document.getElementById(menu.getAttribute('aria-controls')!)!;
    expect(within(list).getAllByRole('link').map((link) => link.textContent)).toContain('Audit');
    expect(menu).toHaveAttribute('aria-expanded', 'false');
    expect(list).not.toHaveClass('is-open');

    await userEvent.setup().click(menu);
    expect(menu).toHaveAttribute('aria-expanded', 'true');
    expect(list).toHaveClass('is-open');
    expect(within(list).getByRole('link', { name: 'Stuck' })).toHaveAttribute('aria-current', 'page');
  });

  it('closes when a link is followed, on Escape (focus back on the button) and on a click outside', async () => {
    renderNav();
    const user = userEvent.setup();
    const menu = screen.getByRole('button', { name: 'Menu' });

    await user.click(menu);
    await user.click(screen.getByRole('link', { name: 'Audit' }));
    expect(screen.getByTestId('location')).toHaveTextContent('/audit');
    expect(menu).toHaveAttribute('aria-expanded', 'false');

    await user.click(menu);
    screen.getByRole('link', { name: 'People' }).focus();
    await user.keyboard('{Escape}');
    expect(menu).toHaveAttribute('aria-expanded', 'false');
    expect(menu).toHaveFocus();

    await user.click(menu);
    await user.click(screen.getByTestId('location'));
    expect(menu).toHaveAttribute('aria-expanded', 'false');
  });
});
