import { useEffect, useRef, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

interface FormDialogProps {
  titleId: string;
  title: ReactNode;
  onClose: () => void;
  onSubmit: (event: FormEvent) => void;
  children: ReactNode;
}

/**
 * A modal form: focus moves into it on open, Tab stays inside, Escape or the backdrop closes it,
 * and focus returns to whatever opened it.
 */
export function FormDialog({ titleId, title, onClose, onSubmit, children }: FormDialogProps) {
  const ref = useRef<HTMLFormElement>(null);
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  }, [onClose]);

  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    ref.current?.querySelector<HTMLElement>(FOCUSABLE)?.focus();
    return () => opener?.focus?.();
  }, []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onCloseRef.current();
      return;
    }
    if (event.key !== 'Tab' || !ref.current) return;
    const focusable = [...ref.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last?.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first?.focus();
    }
  };

  return (
    <div className="dialog-backdrop" role="presentation" onMouseDown={(event) => event.target === event.currentTarget && onCloseRef.current()}>
      <form ref={ref} className="card dialog" role="dialog" aria-modal="true" aria-labelledby={titleId} onSubmit={onSubmit} onKeyDown={onKeyDown} noValidate>
        <h2 id={titleId} className="dialog-title">
          {title}
        </h2>
        {children}
      </form>
    </div>
  );
}
