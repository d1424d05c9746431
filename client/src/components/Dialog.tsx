import { useEffect, useRef, type FormEvent, type ReactNode } from 'react';

interface FormDialogProps {
  titleId: string;
  title: ReactNode;
  onClose: () => void;
  onSubmit: (event: FormEvent) => void;
  children: ReactNode;
}

/**
 * A modal form on the native `<dialog>`: `showModal()` makes the rest of the page inert for
 * keyboards and screen readers and keeps focus inside; Escape or the backdrop closes it, and focus
 * returns to whatever opened it.
 */
export function FormDialog({ titleId, title, onClose, onSubmit, children }: FormDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  }, [onClose]);

  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement as HTMLElement | null;
    if (dialog && !dialog.open) dialog.showModal();
    document.body.classList.add('has-modal');
    return () => {
      if (dialog?.open) dialog.close();
      document.body.classList.remove('has-modal');
      opener?.focus?.();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className="card dialog"
      aria-labelledby={titleId}
      // Escape: let React unmount the dialog rather than the browser closing it behind React's back.
      onCancel={(event) => {
        event.preventDefault();
        onCloseRef.current();
      }}
      onMouseDown={(event) => event.target === event.currentTarget && onCloseRef.current()}
    >
      <form className="dialog-form" onSubmit={onSubmit} noValidate>
        <h2 id={titleId} className="dialog-title">
          {title}
        </h2>
        {children}
      </form>
    </dialog>
  );
}
