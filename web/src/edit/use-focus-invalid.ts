/**
 * After the server refuses a form, focus its first field marked invalid: on a long form (a phone)
 * the field may be scrolled away, and focus brings it into view and reads its error.
 */
import { type RefObject, useEffect } from "react";

import type { FieldErrors } from "./errors";

export function useFocusInvalid(form: RefObject<HTMLFormElement | null>, errors: FieldErrors): void {
  useEffect(() => {
    form.current?.querySelector<HTMLElement>("[aria-invalid='true']")?.focus();
  }, [form, errors]);
}
