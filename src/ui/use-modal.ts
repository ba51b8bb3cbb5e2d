import { useEffect, type RefObject } from 'react';

/**
 * Shows a `<dialog>` as a modal once it is mounted and, when it goes, gives the focus back to
 * whatever had it before (the button that opened it): the browser would leave it on the body,
 * and a keyboard user would have to find their place again.
 */
export function useModal(
  ref: RefObject<HTMLDialogElement | null>,
  initialFocus?: RefObject<HTMLElement | null>,
): void {
  useEffect(() => {
    const opener = document.activeElement;
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    initialFocus?.current?.focus();
    return () => {
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
    // Once per dialog: the refs are stable.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}
