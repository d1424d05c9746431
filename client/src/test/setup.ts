import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// Globals are off, so Testing Library can't register its own cleanup.
afterEach(() => cleanup());

// jsdom has <dialog> but not its modal behaviour: open it, and let Escape send the cancel event
// the browser would send, so components are tested through the same path.
if (typeof HTMLDialogElement !== 'undefined' && !HTMLDialogElement.prototype.showModal) {
  const onEscape = function (this: HTMLDialogElement, event: KeyboardEvent) {
    if (event.key === 'Escape') this.dispatchEvent(new Event('cancel', { cancelable: true }));
  };
  HTMLDialogElement.prototype.showModal = function (this: HTMLDialogElement) {
    this.open = true;
    this.addEventListener('keydown', onEscape);
    this.querySelector<HTMLElement>('input, select, textarea, button')?.focus();
  };
  HTMLDialogElement.prototype.close = function (this: HTMLDialogElement) {
    this.open = false;
    this.removeEventListener('keydown', onEscape);
    this.dispatchEvent(new Event('close'));
  };
}
