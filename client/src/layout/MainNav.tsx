import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Link, useLocation } from 'react-router-dom';
import type { SessionUser } from '@liftoff/shared';
import { isActive, navItemsFor } from './nav-items';

/**
 * The main navigation. On wide windows every link shows in the header; below ~1100 px (styles) the
 * links collapse behind a "Menu" disclosure button and open as a list under the header. Following a
 * link, Escape or a click outside closes the list.
 */
export function MainNav({ user }: { user: SessionUser | null | undefined }) {
  const location = useLocation();
  const [open, setOpen] = useState(false);
  const navRef = useRef<HTMLElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);

  useEffect(() => setOpen(false), [location.pathname, location.search]);

  useEffect(() => {
    if (!open) return;
    const closeOutside = (event: PointerEvent) => {
      if (!navRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', closeOutside);
    return () => document.removeEventListener('pointerdown', closeOutside);
  }, [open]);

  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    setOpen(false);
    toggleRef.current?.focus();
  };

  return (
    <nav className="main-nav" aria-label="Main" ref={navRef} onKeyDown={closeOnEscape}>
      <button type="button" ref={toggleRef} className="main-nav-toggle button button-small" aria-expanded={open} aria-controls="main-nav-list" onClick={() => setOpen((was) => !was)}>
        <span className="main-nav-toggle-icon" aria-hidden="true" />
        Menu
      </button>
      <ul id="main-nav-list" className={`main-nav-list${open ? ' is-open' : ''}`}>
        {navItemsFor(user).map((item) => {
          const active = isActive(item, location.pathname, location.search);
          return (
            <li key={item.to}>
              <Link to={item.to} className={`main-nav-link${active ? ' active' : ''}`} aria-current={active ? 'page' : undefined}>
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
