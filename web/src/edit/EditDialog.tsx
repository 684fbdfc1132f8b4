/**
 * The frame of every edit form: a native modal <dialog>, which keeps focus inside it, closes with
 * Escape and gives focus back to the control that opened it.
 */
import { type ReactNode, useEffect, useId, useRef } from "react";

interface Props {
  title: string;
  onClose(): void;
  children: ReactNode;
}

export function EditDialog({ title, onClose, children }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);
  return (
    <dialog ref={dialog} className="edit-dialog" aria-labelledby={id} onClose={onClose}>
      <div className="edit-dialog-head">
        <h2 id={id}>{title}</h2>
        <button type="button" className="close" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </div>
      {children}
    </dialog>
  );
}
