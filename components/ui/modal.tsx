"use client";
// A native modal dialog opened and closed from React state (focus is trapped by the browser).
import { useEffect, useRef } from "react";

export function Modal({
  open,
  onClose,
  labelledBy,
  children,
}: {
  open: boolean;
  onClose: () => void;
  labelledBy: string;
  children: React.ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      onClose={onClose}
      aria-labelledby={labelledBy}
      className="m-auto w-[min(560px,92vw)] rounded-xl border border-line bg-surface p-0 text-ink shadow-xl backdrop:bg-black/30"
    >
      {open && children}
    </dialog>
  );
}
