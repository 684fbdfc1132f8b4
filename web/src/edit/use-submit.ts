/**
 * The submit flow every edit form shares: busy while the write is out, the server's errors placed
 * next to the fields they name (and the first invalid field focused), a CONFLICT handed to the form
 * when it handles one, and "Saved." or "Proposed for review …" once the write went through.
 */
import { type FormEvent, useRef, useState } from "react";

import { ApiError } from "../api";
import type { WriteResult } from "../api/edit";
import { errorsOf, type FieldErrors } from "./errors";
import { outcomeText } from "./outcome";
import { useFocusInvalid } from "./use-focus-invalid";

interface Options {
  /** The form's field names: an error naming one is shown beside it, any other under the form. */
  known: readonly string[];
  /** A server field name → the form's field that stands for it (a tie's `source` → "other"). */
  aliases?: Record<string, string>;
  /**
   * Called with a stale-version CONFLICT (it names the record's current version) instead of showing
   * it as an error: the form explains and offers a reload. Other conflicts (a story shows the node)
   * are shown as they are.
   */
  onConflict?(error: ApiError): Promise<void> | void;
  onDone(result: WriteResult): void;
}

export function useSubmit({ known, aliases, onConflict, onDone }: Options) {
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [done, setDone] = useState("");
  const form = useRef<HTMLFormElement>(null);
  useFocusInvalid(form, errors);

  /**
   * Sends `write`. It may throw (a BAD_USER_INPUT made in the browser, such as a missing choice, is
   * shown like the server's) or return null when there is nothing to send.
   */
  const submit = async (event: FormEvent | null, write: () => Promise<WriteResult | null>) => {
    event?.preventDefault();
    setBusy(true);
    setErrors({});
    try {
      const result = await write();
      if (!result) return;
      setDone(outcomeText(result));
      onDone(result);
    } catch (error) {
      if (onConflict && error instanceof ApiError && error.code === "CONFLICT" && typeof error.extensions.currentVersion === "number")
        await onConflict(error);
      else setErrors(errorsOf(error, known, aliases));
    } finally {
      setBusy(false);
    }
  };

  return { form, busy, errors, setErrors, done, submit };
}
