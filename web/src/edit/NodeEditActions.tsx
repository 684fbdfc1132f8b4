/**
 * Details' edit buttons (contributors and up): edit the node's fields, add a tie, merge a duplicate
 * into it, delete it; each in a dialog. A contributor's writes become proposals.
 */
import { useState } from "react";

import type { NodeDetails } from "../api";
import type { WriteResult } from "../api/edit";
import { useStore } from "../ui/use-store";
import { type AccountStore, can } from "./account";
import { AddTieForm } from "./AddTieForm";
import { DeleteNodeForm } from "./DeleteNodeForm";
import { EditDialog } from "./EditDialog";
import { EditNodeForm } from "./EditNodeForm";
import { MergeNodesForm } from "./MergeNodesForm";

interface Props {
  node: NodeDetails;
  account: AccountStore;
  /** An edit applied: the graph and Details read again. */
  onChanged(): void;
}

type Open = "fields" | "tie" | "merge" | "delete";

export function NodeEditActions({ node, account, onChanged }: Props) {
  const allowed = useStore(account, (a) => can(a, "contributor"));
  const [open, setOpen] = useState<Open | null>(null);
  if (!allowed) return null;
  const done = (result: WriteResult) => {
    if (result.status !== "APPLIED") return;
    setOpen(null);
    onChanged();
  };
  const close = () => setOpen(null);
  return (
    <div className="actions edit-actions" role="group" aria-label="Edit">
      <button type="button" onClick={() => setOpen("fields")}>
        Edit fields
      </button>
      <button type="button" onClick={() => setOpen("tie")}>
        Add a tie
      </button>
      <button type="button" onClick={() => setOpen("merge")}>
        Merge a duplicate…
      </button>
      <button type="button" className="danger" onClick={() => setOpen("delete")}>
        Delete…
      </button>
      {open === "fields" && (
        <EditDialog title={`Edit ${node.name}`} onClose={close}>
          <EditNodeForm node={node} onDone={done} />
        </EditDialog>
      )}
      {open === "tie" && (
        <EditDialog title={`Add a tie to ${node.name}`} onClose={close}>
          <AddTieForm node={{ id: node.id, name: node.name, kind: node.kind, acronym: node.acronym }} onDone={done} />
        </EditDialog>
      )}
      {open === "merge" && (
        <EditDialog title={`Merge a duplicate into ${node.name}`} onClose={close}>
          <MergeNodesForm node={node} onDone={done} />
        </EditDialog>
      )}
      {open === "delete" && (
        <EditDialog title={`Delete ${node.name}?`} onClose={close}>
          <DeleteNodeForm node={node} onDone={done} />
        </EditDialog>
      )}
    </div>
  );
}
