/** The "Add …" dialog: closes on an applied write (the new node opens), stays to say a proposal was sent. */
import type { WriteResult } from "../api/edit";
import { AddNodeForm } from "./AddNodeForm";
import { EditDialog } from "./EditDialog";

interface Props {
  name: string;
  onClose(): void;
  onApplied(id: string): void;
}

export function AddNodeDialog({ name, onClose, onApplied }: Props) {
  const done = (id: string, result: WriteResult) => {
    if (result.status === "APPLIED") onApplied(id);
  };
  return (
    <EditDialog title={`Add “${name}”`} onClose={onClose}>
      <AddNodeForm name={name} onDone={done} />
    </EditDialog>
  );
}
