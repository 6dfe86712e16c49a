import { describe, expect, it } from "vitest";
import { formatPullProgress, PullProgressTracker } from "./pull-progress.js";

describe("PullProgressTracker", () => {
  it("adds up downloaded bytes and finished layers over a pull", () => {
    const tracker = new PullProgressTracker("docker.io/library/redis:8.6");
    tracker.update({ status: "Pulling from library/redis", id: "8.6" });
    tracker.update({ status: "Already exists", id: "a1" });
    tracker.update({ status: "Pulling fs layer", id: "b2" });
    tracker.update({ status: "Pulling fs layer", id: "c3" });
    tracker.update({ status: "Downloading", id: "b2", progressDetail: { current: 1_000_000, total: 4_000_000 } });
    const midway = tracker.update({ status: "Downloading", id: "c3", progressDetail: { current: 500_000, total: 1_000_000 } });
    expect(midway).toMatchObject({ layers: 3, layersDone: 1, bytesDone: 1_500_000, bytesTotal: 5_000_000 });
    expect(formatPullProgress(midway)).toBe("docker.io/library/redis:8.6: 1/3 layers, 1.5/5.0 MB");

    tracker.update({ status: "Download complete", id: "b2" });
    tracker.update({ status: "Extracting", id: "b2", progressDetail: { current: 10, total: 20 } });
    tracker.update({ status: "Pull complete", id: "b2" });
    tracker.update({ status: "Download complete", id: "c3" });
    tracker.update({ status: "Pull complete", id: "c3" });
    const done = tracker.update({ status: "Status: Downloaded newer image for redis:8.6" });
    expect(done).toMatchObject({ layers: 3, layersDone: 3, bytesDone: 5_000_000, bytesTotal: 5_000_000 });
    expect(done.status).toBe("Status: Downloaded newer image for redis:8.6");
  });

  it("prints no byte counts before any size is known", () => {
    const tracker = new PullProgressTracker("redis:8.6");
    expect(formatPullProgress(tracker.update({ status: "Pulling fs layer", id: "a" }))).toBe("redis:8.6: 0/1 layers");
  });
});
