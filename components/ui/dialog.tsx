"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";

type Size = "md" | "lg";

const FIELD_SELECTOR =
  "input:not([disabled]):not([type=hidden]), select:not([disabled]), textarea:not([disabled])";

const SIZES: Record<Size, string> = { md: "max-w-lg", lg: "max-w-3xl" };

/**
 * A modal dialog on the native `<dialog>` element: `showModal()` makes the rest of the page inert (so Tab stays inside,
 * a focus trap without the bookkeeping) and turns Escape into a `cancel` event. Focus starts on the element marked
 * `data-autofocus`, else the first field, else the first button of the body, and returns to the opener on close. The parent owns `open`: it renders the dialog to open it, and `onClose` asks it to stop.
 * Clicking the backdrop does nothing on purpose: a dialog may hold a secret that is shown only once.
 */
export function Dialog({
  title,
  description,
  onClose,
  size = "md",
  children,
}: {
  title: string;
  description?: ReactNode;
  onClose: () => void;
  size?: Size;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog === null) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    // Start where the user works, not on the close button that comes first in the markup.
    const start =
      dialog.querySelector<HTMLElement>("[data-autofocus]") ??
      dialog.querySelector<HTMLElement>(FIELD_SELECTOR) ??
      dialog.querySelector<HTMLElement>("[data-dialog-body] button:not([disabled])");
    start?.focus();
    return () => {
      dialog.close();
      // The opener may have been re-rendered away (a row that was deleted); then focus falls back to the page.
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      className={`m-auto w-[calc(100%-2rem)] ${SIZES[size]} rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/40`}
      onCancel={(event) => {
        // The parent decides: the element must not close itself behind React's back.
        event.preventDefault();
        onClose();
      }}
    >
      <div className="flex max-h-[85vh] flex-col gap-4 overflow-y-auto p-5">
        <div className="flex items-start justify-between gap-4">
          <div>
            <h2 id={titleId} className="text-base font-semibold">
              {title}
            </h2>
            {description ? (
              <div id={descriptionId} className="mt-1 text-sm text-slate-600">
                {description}
              </div>
            ) : null}
          </div>
          <button
            type="button"
            aria-label="Close dialog"
            onClick={onClose}
            className="rounded p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500"
          >
            <span aria-hidden="true">✕</span>
          </button>
        </div>
        <div data-dialog-body className="flex flex-col gap-4">
          {children}
        </div>
      </div>
    </dialog>
  );
}
