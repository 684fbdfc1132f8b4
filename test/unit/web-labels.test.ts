import { describe, expect, it } from "vitest";

import { type LabelCandidate, pickLabels } from "../../web/src/render/labels.js";

const measure = (text: string) => text.length * 7;
const at = (id: string, x: number, y: number, tier = 2, radius = 5, rank = 0): LabelCandidate => ({
  id,
  x,
  y,
  radius,
  text: id.toUpperCase(),
  tier,
  rank,
});
const options = { width: 800, height: 600 };

describe("web labels", () => {
  describe("#pickLabels", () => {
    it("should keep every label that fits", () => {
      expect([...pickLabels([at("mfa", 100, 100), at("gcm", 100, 200), at("pga", 400, 100)], measure, options)].sort()).toEqual([
        "gcm",
        "mfa",
        "pga",
      ]);
    });

    it("should never let two labels overlap, the landmark winning over a bigger node", () => {
      const picked = pickLabels([at("big-body", 100, 100, 2, 15), at("ituc", 110, 104, 1, 3)], measure, options);
      expect([...picked]).toEqual(["ituc"]);
    });

    it("should follow the landmark order within the landmark tier, and put collapsed networks first", () => {
      expect([...pickLabels([at("second", 100, 100, 1, 9, 1), at("first", 100, 102, 1, 3, 0)], measure, options)]).toEqual(["first"]);
      expect([...pickLabels([at("landmark", 100, 100, 1), at("group", 104, 100, 0)], measure, options)]).toEqual(["group"]);
    });

    it("should skip tiny nodes and nodes far off screen", () => {
      expect(pickLabels([at("dot", 100, 100, 2, 1), at("away", 5000, 100)], measure, options).size).toBe(0);
      expect(pickLabels([at("dot", 100, 100, 1, 1)], measure, options).size).toBe(1);
    });
  });
});
