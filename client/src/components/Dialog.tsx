import { useEffect, useRef, type FormEvent, type ReactNode } from 'react';

interface FormDialogProps {
  titleId: string;
  title: ReactNode;
  onClose: () => void;
  onSubmit: (event: FormEvent) => void;
  children: ReactNode;
}

/**
 * A modal form on the native `<dialog>`: `showModal` makes the rest of the page inert for keyboard
 * and screen-reader users, Escape (the dialog's cancel) or a click on the backdrop closes it, the
 * page behind does not scroll (see `body:has(dialog[open])`), and focus returns to the opener.
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
    return () => {
      if (dialog?.open) dialog.close();
      opener?.focus?.();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className="card dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        // Escape: let React unmount the dialog rather than the browser closing it behind its back.
        event.preventDefault();
        onCloseRef.current();
      }}
      onMouseDown={(event) => event.target === event.currentTarget && onCloseRef.current()}
    >
      <form className="dialog-body" onSubmit={onSubmit} noValidate>
        <h2 id={titleId} className="dialog-title">
          {title}
        </h2>
        {children}
      </form>
    </dialog>
  );
}
