import { describe, expect, it } from "vitest";

import { oneAtATime } from "../../server/read/one-at-a-time.js";

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe("oneAtATime", () => {
  it("should start each job only after the previous one has settled, in the order given", async () => {
    const queue = oneAtATime();
    const events: string[] = [];
    let running = 0;
    const job = (name: string) => async () => {
      running += 1;
      events.push(`start ${name} (${running} running)`);
      await tick();
      running -= 1;
      events.push(`end ${name}`);
      return name;
    };
    const results = await Promise.all(["a", "b", "c"].map((name) => queue(job(name))));
    expect(results).toEqual(["a", "b", "c"]);
    expect(events).toEqual(["start a (1 running)", "end a", "start b (1 running)", "end b", "start c (1 running)", "end c"]);
  });

  it("should pass a job's failure to its caller and still run the next job", async () => {
    const queue = oneAtATime();
    const failed = queue(async () => {
      await tick();
      throw new Error("read failed");
    });
    const next = queue(async () => "next ran");
    await expect(failed).rejects.toThrow("read failed");
    await expect(next).resolves.toBe("next ran");
  });
});
