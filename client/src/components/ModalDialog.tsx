import { useEffect, useRef, type ReactNode } from 'react';

interface ModalDialogProps {
  titleId: string;
  title: ReactNode;
  onClose: () => void;
  children: ReactNode;
}

/**
 * A modal on the native <dialog>: showModal() makes the rest of the page inert for keyboards and
 * screen readers, keeps focus inside and closes on Escape; the page behind does not scroll
 * (see .modal-dialog in the styles). Rendered only while open.
 */
export function ModalDialog({ titleId, title, onClose, children }: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  }, [onClose]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement as HTMLElement | null;
    // Test DOMs without showModal() still get an open, labelled dialog.
    if (typeof dialog.showModal === 'function') {
      if (!dialog.open) dialog.showModal();
    } else dialog.setAttribute('open', '');
    return () => {
      if (typeof dialog.close === 'function' && dialog.open) dialog.close();
      opener?.focus?.();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className="card modal-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        // Escape: let React unmount it rather than the browser closing it behind React's back.
        event.preventDefault();
        onCloseRef.current();
      }}
    >
      <h2 id={titleId} className="dialog-title">
        {title}
      </h2>
      {children}
    </dialog>
  );
}
