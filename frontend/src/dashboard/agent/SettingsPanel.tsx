import { useEffect, useState } from "react";
import { Api, ApiError, describeError, enc, type FieldError } from "../../shared/api";
import { modeLabel } from "../../shared/format";
import { AGENT_MODES, INTERVENTION_TYPES, type AgentMode, type EventSettings, type InterventionType } from "../../shared/types";

interface Props {
  api: Api;
  eventId: string;
  settings: EventSettings | null;
  loadError: unknown;
  canWrite: boolean;
  onSaved: (s: EventSettings) => void;
}

/** The event's settings (contracts §4.8), saved with a partial PUT; field errors are shown next to the field. */
export function SettingsPanel({ api, eventId, settings, loadError, canWrite, onSaved }: Props) {
  const [draft, setDraft] = useState<EventSettings | null>(settings);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => setDraft(settings), [settings]);

  if (loadError) return <p role="alert" className="error">Settings could not be loaded: {describeError(loadError)}</p>;
  if (!draft) return <p className="muted">Loading settings…</p>;

  const set = <K extends keyof EventSettings>(k: K, v: EventSettings[K]) => setDraft({ ...draft, [k]: v });
  const fieldError = (f: string) => errors.find((e) => e.field === f)?.message;
  const allowed = draft.allowed_interventions;
  const toggleArm = (t: InterventionType) => {
    const current = allowed ?? [...INTERVENTION_TYPES];
    const next = current.includes(t) ? current.filter((x) => x !== t) : [...current, t];
    set("allowed_interventions", next.length === INTERVENTION_TYPES.length ? null : next);
  };

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    setErrors([]);
    setMessage(null);
    try {
      const saved = await api.put<EventSettings>(`/agent/events/${enc(eventId)}/settings`, {
        agent_enabled: draft.agent_enabled,
        agent_mode: draft.agent_mode,
        auto_approve_threshold: draft.auto_approve_threshold,
        min_confidence_threshold: draft.min_confidence_threshold,
        allowed_interventions: draft.allowed_interventions,
        max_interventions_per_hour: draft.max_interventions_per_hour,
        holdout_fraction: draft.holdout_fraction,
        approval_timeout_seconds: draft.approval_timeout_seconds,
      });
      onSaved(saved);
      setMessage("Saved. Changes apply from the next tick.");
    } catch (err) {
      if (err instanceof ApiError && err.errors.length > 0) setErrors(err.errors);
      setMessage(describeError(err));
    }
  };

  const num = (id: keyof EventSettings, label: string, min: number, max: number, step: number) => (
    <div className="field">
      <label htmlFor={`set-${id}`}>{label}</label>
      <input
        id={`set-${id}`}
        type="number"
        min={min}
        max={max}
        step={step}
        value={String(draft[id] ?? "")}
        disabled={!canWrite}
        aria-invalid={!!fieldError(id)}
        onChange={(e) => set(id, Number(e.target.value) as never)}
      />
      {fieldError(id) && <span className="error small">{fieldError(id)}</span>}
    </div>
  );

  return (
    <form className="settings" onSubmit={save} aria-label={`Settings of event ${eventId}`}>
      <div className="field">
        <label>
          <input type="checkbox" checked={draft.agent_enabled} disabled={!canWrite} onChange={(e) => set("agent_enabled", e.target.checked)} /> Agent
          enabled
        </label>
      </div>
      <div className="field">
        <label htmlFor="set-agent_mode">Default mode of new sessions</label>
        <select id="set-agent_mode" value={draft.agent_mode} disabled={!canWrite} onChange={(e) => set("agent_mode", e.target.value as AgentMode)}>
          {AGENT_MODES.map((m) => (
            <option key={m} value={m}>
              {modeLabel(m)}
            </option>
          ))}
        </select>
      </div>
      {num("auto_approve_threshold", "Auto-approve threshold (0.5–1)", 0.5, 1, 0.01)}
      {num("min_confidence_threshold", "Minimum confidence (0–1)", 0, 1, 0.01)}
      {num("max_interventions_per_hour", "Interventions per hour", 0, 100, 1)}
      {num("holdout_fraction", "Holdout fraction (0–0.5)", 0, 0.5, 0.01)}
      {num("approval_timeout_seconds", "Approval timeout (s)", 30, 1800, 1)}
      <fieldset>
        <legend>Allowed interventions</legend>
        {INTERVENTION_TYPES.map((t) => (
          <label key={t} className="inline">
            <input type="checkbox" checked={allowed === null || allowed.includes(t)} disabled={!canWrite} onChange={() => toggleArm(t)} /> {t}
          </label>
        ))}
        {fieldError("allowed_interventions") && <span className="error small">{fieldError("allowed_interventions")}</span>}
      </fieldset>
      {canWrite && <button type="submit">Save settings</button>}
      {message && <p role="status">{message}</p>}
    </form>
  );
}
