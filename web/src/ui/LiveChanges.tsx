/**
 * "N changes since you opened the atlas — Refresh": counts the changes announced live (only those
 * the viewer may see, the server filters them) and reloads the atlas on request. The view lives in
 * the URL, so a reload keeps it while it refetches the network and every panel's data.
 */
import { useEffect, useState } from "react";

import { watchChanges } from "../api/live-changes";

export function LiveChanges({ refresh = () => window.location.reload() }: { refresh?: () => void }) {
  const [count, setCount] = useState(0);
  useEffect(() => watchChanges(() => setCount((n) => n + 1)).stop, []);
  if (count === 0) return null;
  return (
    <div className="live-changes" role="status">
      {count === 1 ? "1 change" : `${count} changes`} since you opened the atlas —{" "}
      <button type="button" onClick={refresh}>
        Refresh
      </button>
    </div>
  );
}
