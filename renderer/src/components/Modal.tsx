import { useEffect, useId, useRef, type ReactNode } from 'react';

/** A modal dialog: focus moves into it, Escape closes it, the page behind is inert. */
export function Modal({ title, onClose, children }: { title: string; onClose: () => void; children: ReactNode }) {
  const id = useId();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.querySelector<HTMLElement>('input, button')?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="modal-backdrop">
      <div ref={box} role="dialog" aria-modal="true" aria-labelledby={id} className="modal card">
        <h2 id={id}>{title}</h2>
        {children}
      </div>
    </div>
  );
}
