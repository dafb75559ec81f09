import { useEffect, useRef, useState } from "react";
import type { OnboardingStep } from "../../shared/types";
import { TOUR_TITLES } from "./tour";

interface Props {
  steps: OnboardingStep[];
  onDone: () => void;
}

/** The onboarding tour: a modal dialog, keyboard operable (Esc skips), shown once per user. */
export function OnboardingTour({ steps, onDone }: Props) {
  const [i, setI] = useState(0);
  const nextRef = useRef<HTMLButtonElement>(null);
  useEffect(() => nextRef.current?.focus(), [i]);
  const step = steps[i];
  if (!step) return null;
  const last = i === steps.length - 1;
  return (
    <div className="overlay" onKeyDown={(e) => e.key === "Escape" && onDone()}>
      <div role="dialog" aria-modal="true" aria-labelledby="tour-title" className="tour" data-testid="tour">
        <p className="muted small">
          Step {i + 1} of {steps.length}
        </p>
        <h2 id="tour-title">{TOUR_TITLES[step.id] ?? step.id}</h2>
        <p data-testid="tour-text">{step.text}</p>
        <div className="actions">
          <button type="button" onClick={onDone} data-testid="tour-skip">
            Skip tour
          </button>
          <button type="button" disabled={i === 0} onClick={() => setI(i - 1)}>
            Back
          </button>
          <button type="button" ref={nextRef} onClick={() => (last ? onDone() : setI(i + 1))} data-testid="tour-next">
            {last ? "Finish" : "Next"}
          </button>
        </div>
      </div>
    </div>
  );
}
