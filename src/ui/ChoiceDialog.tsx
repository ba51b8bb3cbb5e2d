import { useRef } from 'react';
import { useModal } from './use-modal.ts';

export interface Choice {
  label: string;
  description?: string | undefined;
}

interface ChoiceDialogProps {
  title: string;
  intro: string;
  choices: readonly Choice[];
  onChoose: (index: number) => void;
  onCancel: () => void;
}

/** A modal list of choices, each a button with its description (a YAML document, a preset). */
export function ChoiceDialog({ title, intro, choices, onChoose, onCancel }: ChoiceDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useModal(ref);
  return (
    <dialog
      ref={ref}
      className="choose-dialog"
      aria-labelledby="choose-dialog-title"
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id="choose-dialog-title" className="choose-dialog__title">
        {title}
      </h2>
      <p>{intro}</p>
      <ul className="choose-dialog__list">
        {choices.map((choice, index) => (
          <li key={index}>
            <button
              type="button"
              className="button button--quiet choose-dialog__choice"
              onClick={() => onChoose(index)}
            >
              <strong>{choice.label}</strong>
              {choice.description && (
                <span className="choose-dialog__description">{choice.description}</span>
              )}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="button button--small" onClick={onCancel}>
        Cancel
      </button>
    </dialog>
  );
}
