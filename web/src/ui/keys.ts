/**
 * Whether a key press belongs to the control it happened in: text fields, lists, sliders, the tab
 * list and the table use the arrow keys themselves, so the story player leaves those alone.
 */
const OWNS_ARROWS = [
  "input",
  "textarea",
  "select",
  "[contenteditable]:not([contenteditable='false'])",
  "table",
  "[role=tablist]",
  "[role=listbox]",
  "[role=combobox]",
  "[role=slider]",
  "[role=menu]",
  "[role=grid]",
  "[role=radiogroup]",
].join(",");

export function ownsArrowKeys(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest(OWNS_ARROWS) !== null;
}
