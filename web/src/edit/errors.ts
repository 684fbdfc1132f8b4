/**
 * Server errors placed next to the field they name: a BAD_USER_INPUT carries `field` (such as
 * `fields.name` or `input.id`) and, for several problems, `problems`; each goes to the form field of
 * that name. What names no field of the form is shown under the form (key "").
 */
import { ApiError } from "../api";

/** Form field name → message; "" for errors about the whole form. */
export type FieldErrors = Record<string, string>;

/** `fields.name` → `name`; `input.id` → `id`; `fields.citations.0.locator` → `locator` (the citation picker's field). */
export function fieldKey(path: string): string {
  const parts = path.split(".").filter((p) => p !== "fields" && p !== "input" && !/^\d+$/.test(p));
  return (parts[0] === "citations" && parts[1]) || parts[0] || "";
}

/**
 * `known` lists the form's fields; `aliases` maps a server field onto one (a tie's `source` or
 * `target` is the form's "other end").
 */
export function errorsOf(error: unknown, known: readonly string[], aliases: Record<string, string> = {}): FieldErrors {
  if (!(error instanceof ApiError)) return { "": (error as Error).message };
  const problems = Array.isArray(error.extensions.problems)
    ? (error.extensions.problems as { field: string; message: string }[])
    : typeof error.extensions.field === "string"
      ? [{ field: error.extensions.field, message: error.message.replace(`${error.extensions.field} `, "") }]
      : [];
  const errors: FieldErrors = {};
  for (const problem of problems) {
    const key = aliases[fieldKey(problem.field)] ?? fieldKey(problem.field);
    const target = known.includes(key) ? key : "";
    const message = target ? problem.message : `${problem.field}: ${problem.message}`;
    errors[target] = errors[target] ? `${errors[target]}; ${message}` : message;
  }
  if (!problems.length) errors[""] = error.message;
  return errors;
}

/** A problem found in the browser before sending, shaped like the server's BAD_USER_INPUT for `field`. */
export const formError = (field: string, message: string) => new ApiError(`${field} ${message}`, "BAD_USER_INPUT", { field });
