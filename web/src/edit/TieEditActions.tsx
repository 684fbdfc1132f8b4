/** Edit and Delete beside each tie in Details (contributors and up), each in a dialog. */
import { useState } from "react";

import type { NodeDetails, NodeRelationship } from "../api";
import type { WriteResult } from "../api/edit";
import { useStore } from "../ui/use-store";
import { type AccountStore, can } from "./account";
import { DeleteTieForm } from "./DeleteTieForm";
import { EditDialog } from "./EditDialog";
import { EditTieForm } from "./EditTieForm";
import { tiePhrase } from "./tie-text";

interface Props {
  node: NodeDetails;
  tie: NodeRelationship;
  account: AccountStore;
  onChanged(): void;
}

export function TieEditActions({ node, tie, account, onChanged }: Props) {
  const allowed = useStore(account, (a) => can(a, "contributor"));
  const [open, setOpen] = useState<"edit" | "delete" | null>(null);
  if (!allowed) return null;
  const phrase = tiePhrase(node, tie);
  const done = (result: WriteResult) => {
    if (result.status !== "APPLIED") return;
    setOpen(null);
    onChanged();
  };
  return (
    <span className="tie-actions">
      <button type="button" className="link" aria-label={`Edit tie: ${phrase}`} onClick={() => setOpen("edit")}>
        Edit
      </button>
      <button type="button" className="link danger" aria-label={`Delete tie: ${phrase}`} onClick={() => setOpen("delete")}>
        Delete
      </button>
      {open === "edit" && (
        <EditDialog title={`Edit tie: ${phrase}`} onClose={() => setOpen(null)}>
          <EditTieForm node={node} tie={tie} onDone={done} />
        </EditDialog>
      )}
      {open === "delete" && (
        <EditDialog title={`Delete tie: ${phrase}?`} onClose={() => setOpen(null)}>
          <DeleteTieForm node={node} tie={tie} onDone={done} />
        </EditDialog>
      )}
    </span>
  );
}
