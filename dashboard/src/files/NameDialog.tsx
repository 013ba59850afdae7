"use client";

import { useRef, useState, type FocusEvent, type FormEvent } from "react";
import { problemCode } from "@/lib/client";
import { CancelButton, Dialog, useCloseDialog } from "@/ui/Dialog";
import { Field } from "@/ui/Field";
import { Form, SubmitAlert, SubmitButton } from "@/ui/Form";
import { formValues } from "@/ui/formError";
import formStyles from "@/ui/forms.module.css";
import { useSubmit } from "@/ui/useSubmit";
import { createFolder, updateItem, type Item, type OnConflict } from "./api";
import { KeepBoth } from "./KeepBoth";

const CODE_FIELDS = { NAME_CONFLICT: "name", INVALID_NAME: "name" };

interface NameFormProps {
  label: string;
  initialName?: string;
  /** Whether the name ends in an extension that the first selection leaves out. */
  isFile?: boolean;
  submitLabel: string;
  busyLabel: string;
  /** Sends the name; with `onConflict` "rename" after the user chose to keep both. */
  save: (name: string, onConflict: OnConflict) => Promise<void>;
  /** The name as it is: saving it again closes the dialog without asking the API. */
  unchanged?: string;
}

/** The name field of a dialog, and what to do when the name is taken: another name, or both. */
function NameForm({
  label,
  initialName = "",
  isFile = false,
  submitLabel,
  busyLabel,
  save,
  unchanged,
}: NameFormProps) {
  const close = useCloseDialog();
  const form = useSubmit("name", { name: label }, CODE_FIELDS);
  const [conflict, setConflict] = useState<string | null>(null);
  const selected = useRef(false);

  async function send(name: string, onConflict: OnConflict) {
    setConflict(null);
    await form.run(
      async () => {
        await save(name, onConflict);
        close();
      },
      {
        onFailure: (failure) => setConflict(problemCode(failure) === "NAME_CONFLICT" ? name : null),
      },
    );
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = formValues(event.currentTarget).name?.trim() ?? "";
    if (form.invalid({ name })) {
      setConflict(null);
      return;
    }
    if (name === unchanged) {
      close();
      return;
    }
    await send(name, "fail");
  }

  function selectBaseName(event: FocusEvent<HTMLInputElement>) {
    if (selected.current) {
      return;
    }
    selected.current = true;
    const input = event.currentTarget;
    const dot = isFile ? input.value.lastIndexOf(".") : -1;
    input.setSelectionRange(0, dot > 0 ? dot : input.value.length);
  }

  return (
    <>
      <SubmitAlert form={form} />
      <Form form={form} onSubmit={submit}>
        <Field
          name="name"
          defaultValue={initialName}
          autoComplete="off"
          spellCheck={false}
          maxLength={255}
          required
          onFocus={selectBaseName}
          onChange={() => setConflict(null)}
        />
        {conflict !== null && (
          <KeepBoth
            name={conflict}
            isFile={isFile}
            busy={form.busy}
            onKeepBoth={() => send(conflict, "rename")}
          />
        )}
        <div className={formStyles.actions}>
          <SubmitButton busyLabel={busyLabel}>{submitLabel}</SubmitButton>
          <CancelButton />
        </div>
      </Form>
    </>
  );
}

interface NewFolderDialogProps {
  parent: { id: string; name: string };
  onCreated: (folder: Item) => void;
  onClose: () => void;
}

/** Creates a folder in `parent`. */
export function NewFolderDialog({ parent, onCreated, onClose }: NewFolderDialogProps) {
  return (
    <Dialog title="New folder" description={`It is created in “${parent.name}”.`} onClose={onClose}>
      <NameForm
        label="Folder name"
        submitLabel="Create"
        busyLabel="Creating…"
        save={async (name, onConflict) => {
          onCreated(await createFolder({ parentId: parent.id, name, onConflict }));
        }}
      />
    </Dialog>
  );
}

interface RenameDialogProps {
  item: Item;
  onRenamed: (renamed: Item) => void;
  onClose: () => void;
}

/** Renames a folder or file. */
export function RenameDialog({ item, onRenamed, onClose }: RenameDialogProps) {
  const description =
    item.kind === "folder"
      ? `“${item.name}” keeps its place and everything in it.`
      : `“${item.name}” keeps its place and its versions.`;
  return (
    <Dialog title={`Rename ${item.kind}`} description={description} onClose={onClose}>
      <NameForm
        label="New name"
        initialName={item.name}
        isFile={item.kind === "file"}
        unchanged={item.name}
        submitLabel="Rename"
        busyLabel="Renaming…"
        save={async (name, onConflict) => {
          onRenamed(await updateItem(item, { name, onConflict }));
        }}
      />
    </Dialog>
  );
}
