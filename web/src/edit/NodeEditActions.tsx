/** Details' edit buttons (contributors and up): edit the node's fields, add a tie; each in a dialog. */
import { useState } from "react";

import type { NodeDetails } from "../api";
import type { WriteResult } from "../api/edit";
import { useStore } from "../ui/use-store";
import { type AccountStore, can } from "./account";
import { AddTieForm } from "./AddTieForm";
import { EditDialog } from "./EditDialog";
import { EditNodeForm } from "./EditNodeForm";

interface Props {
  node: NodeDetails;
  account: AccountStore;
  /** An edit applied: the graph and Details read again. */
  onChanged(): void;
}

export function NodeEditActions({ node, account, onChanged }: Props) {
  const allowed = useStore(account, (a) => can(a, "contributor"));
  const [open, setOpen] = useState<"fields" | "tie" | null>(null);
  if (!allowed) return null;
  const done = (result: WriteResult) => {
    if (result.status !== "APPLIED") return;
    setOpen(null);
    onChanged();
  };
  return (
    <div className="actions edit-actions" role="group" aria-label="Edit">
      <button type="button" onClick={() => setOpen("fields")}>
        Edit fields
      </button>
      <button type="button" onClick={() => setOpen("tie")}>
        Add a tie
      </button>
      {open === "fields" && (
        <EditDialog title={`Edit ${node.name}`} onClose={() => setOpen(null)}>
          <EditNodeForm node={node} onDone={done} />
        </EditDialog>
      )}
      {open === "tie" && (
        <EditDialog title={`Add a tie to ${node.name}`} onClose={() => setOpen(null)}>
          <AddTieForm node={{ id: node.id, name: node.name, kind: node.kind, acronym: node.acronym }} onDone={done} />
        </EditDialog>
      )}
    </div>
  );
}
