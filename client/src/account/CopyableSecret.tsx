import { useId, useState } from 'react';

/** A secret shown this once, with a copy button: Liftoff keeps only its hash. */
export function CopyableSecret({ label, value }: { label: string; value: string }) {
  const [copied, setCopied] = useState(false);
  const id = useId();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <div className="copyable-secret">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <div className="copyable-secret-row">
        <input id={id} className="input" readOnly value={value} onFocus={(e) => e.target.select()} />
        <button type="button" className="button" onClick={copy}>
          {copied ? 'Copied' : 'Copy'}
        </button>
      </div>
      <p className="field-hint">Shown this once: copy it now. It cannot be shown again.</p>
    </div>
  );
}
