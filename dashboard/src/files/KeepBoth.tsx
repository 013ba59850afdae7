import formStyles from "@/ui/forms.module.css";

/** "Report (1).pdf": the name the API gives on a clash, when the first number is free. */
export function numberedName(name: string, isFile: boolean): string {
  const dot = isFile ? name.lastIndexOf(".") : -1;
  const split = dot > 0 && name.length - dot <= 16 ? dot : name.length;
  return `${name.slice(0, split)} (1)${name.slice(split)}`;
}

interface KeepBothProps {
  /** The name that is taken. */
  name: string;
  isFile: boolean;
  busy: boolean;
  onKeepBoth: () => void;
}

/** After a name clash: keep both items, the one being placed getting a number in its name. */
export function KeepBoth({ name, isFile, busy, onKeepBoth }: KeepBothProps) {
  return (
    <div className={formStyles.info}>
      <p>
        Choose another name, or keep both: this one then gets a number, as in{" "}
        {`“${numberedName(name, isFile)}”`}.
      </p>
      <p>
        <button
          type="button"
          className={`${formStyles.secondary} ${formStyles.small}`}
          onClick={onKeepBoth}
          disabled={busy}
        >
          Keep both
        </button>
      </p>
    </div>
  );
}
