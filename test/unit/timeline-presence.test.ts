import { describe, expect, it } from "vitest";

import { lastYear, presenceIn } from "../../core/timeline.js";

describe("core/timeline", () => {
  it("should keep a record from its first year to its last", () => {
    expect(presenceIn(2005, 2006, null)).toBe("absent");
    expect(presenceIn(2006, 2006, null)).toBe("present");
    expect(presenceIn(2006, 1949, 2006)).toBe("present");
    expect(presenceIn(2007, 1949, 2006)).toBe("absent");
  });

  it("should call a record with no first year undated, until a known last year", () => {
    expect(presenceIn(2005, null, null)).toBe("undated");
    expect(presenceIn(2005, null, 2010)).toBe("undated");
    expect(presenceIn(2011, null, 2010)).toBe("absent");
  });

  it("should show everything when no year is chosen", () => {
    expect(presenceIn(null, null, null)).toBe("present");
    expect(presenceIn(null, 2030, 2001)).toBe("present");
  });

  it("should keep one-off events as history", () => {
    expect(lastYear(2007, 2007)).toBeNull();
    expect(presenceIn(2020, 2007, lastYear(2007, 2007))).toBe("present");
    expect(lastYear(2008, 2011)).toBe(2011);
    expect(lastYear(2008, null)).toBeNull();
  });
});
