import { useEffect, useState } from "react";
import { Api, ApiError, describeError, enc } from "../../shared/api";
import type { Simulation } from "../../shared/types";

export const SCENARIOS = ["demo", "sudden_drop", "gradual_decline", "mass_exit", "low_engagement", "steady"] as const;

interface Props {
  api: Api;
  canWrite: boolean;
  selectedSessionId: string | null;
  onStarted: (sessionId: string) => void;
}

function newDemoSessionId(): string {
  return `demo_${Date.now().toString(36)}`;
}

/**
 * Demo mode: starts the server's simulator (contracts §4.16) so the real backend drives the screen. The `demo`
 * scenario runs on a new demo session; the other scenarios run on the session on screen, or a new one.
 */
export function DemoPanel({ api, canWrite, selectedSessionId, onStarted }: Props) {
  const [scenario, setScenario] = useState<string>("demo");
  const [speed, setSpeed] = useState("");
  const [sim, setSim] = useState<Simulation | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!sim || sim.state !== "RUNNING") return;
    const t = window.setInterval(async () => {
      try {
        setSim(await api.get<Simulation>(`/simulations/${enc(sim.simulation_id)}`));
      } catch {
        // the next poll tries again
      }
    }, 5000);
    return () => window.clearInterval(t);
  }, [api, sim]);

  const start = async () => {
    setBusy(true);
    setError(null);
    const sessionId = scenario === "demo" || !selectedSessionId ? newDemoSessionId() : selectedSessionId;
    try {
      const body: Record<string, unknown> = { session_id: sessionId, scenario, event_id: "evt_demo" };
      if (speed.trim() !== "") body["speed"] = Number(speed);
      const started = await api.post<Simulation>("/simulations", body);
      setSim(started);
      onStarted(started.session_id);
    } catch (e) {
      const unsupported = e instanceof ApiError && e.status === 400 && e.errors.some((x) => x.field === "scenario");
      setError(unsupported ? `This server cannot run the "${scenario}" scenario: ${e.errors[0].message}` : describeError(e));
    } finally {
      setBusy(false);
    }
  };

  const stop = async () => {
    if (!sim) return;
    try {
      await api.delete(`/simulations/${enc(sim.simulation_id)}`);
      setSim({ ...sim, state: "STOPPED" });
    } catch (e) {
      setError(describeError(e));
    }
  };

  if (!canWrite) return null;
  return (
    <section className="card demo" aria-labelledby="demo-heading">
      <h2 id="demo-heading">Demo mode</h2>
      <p className="small muted">Simulated attendees on the real pipeline: a drop, the agent's suggestion, and the recovery.</p>
      <label htmlFor="demo-scenario">Scenario</label>{" "}
      <select id="demo-scenario" value={scenario} onChange={(e) => setScenario(e.target.value)} data-testid="demo-scenario">
        {SCENARIOS.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </select>{" "}
      <label htmlFor="demo-speed">Speed</label>{" "}
      <input id="demo-speed" type="number" min={0.25} max={20} step={0.25} size={4} placeholder="default" value={speed} onChange={(e) => setSpeed(e.target.value)} data-testid="demo-speed" />{" "}
      <button type="button" onClick={start} disabled={busy || sim?.state === "RUNNING"} data-testid="demo-start">
        Start
      </button>{" "}
      {sim?.state === "RUNNING" && (
        <button type="button" onClick={stop} data-testid="demo-stop">
          Stop
        </button>
      )}
      {sim && (
        <p className="small" role="status" data-testid="demo-state">
          {sim.scenario} on {sim.session_id}: {sim.state}
          {typeof sim.elapsed_seconds === "number" ? `, ${Math.round(sim.elapsed_seconds)} s simulated` : ""}
        </p>
      )}
      {error && (
        <p role="alert" className="error" data-testid="demo-error">
          {error}
        </p>
      )}
    </section>
  );
}
